"""The production path: PostgreSQL migrations and the OpenSearch node (real-services pass only)."""

import pytest
import requests
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.services


@pytest.mark.django_db
def test_migrations_apply_on_postgresql(real_services):
    executor = MigrationExecutor(connection)

    assert connection.vendor == "postgresql"
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []


def test_search_node_reports_the_expected_plugins(real_services):
    nodes = requests.get(f"{settings.SEARCH_URL}/_nodes/plugins", timeout=10).json()["nodes"]
    (node,) = nodes.values()

    assert {"analysis-ukrainian", "analysis-icu"} <= {plugin["name"] for plugin in node["plugins"]}
    assert {"analysis-common", "transport-netty4"} <= {module["name"] for module in node["modules"]}


def test_ukrainian_analyzer_reduces_inflected_forms_to_lemmas(real_services):
    response = requests.post(
        f"{settings.SEARCH_URL}/_analyze",
        json={"analyzer": "ukrainian", "text": "містами Вінниці"},
        timeout=10,
    )

    assert [token["token"] for token in response.json()["tokens"]] == ["місто", "Вінниця"]
