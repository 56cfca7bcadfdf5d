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

    # Maven Central publishes no analysis-ukrainian plugin for OpenSearch 2.x.
    assert "analysis-icu" in {plugin["name"] for plugin in node["plugins"]}
    assert {"analysis-common", "transport-netty4"} <= {module["name"] for module in node["modules"]}
