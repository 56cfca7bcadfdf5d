"""`make services` from a checkout the postgres system user cannot enter (cloned under /root as root).

The test copies the services scripts into a private directory (mode 700) and starts PostgreSQL
alone there on a free port, so the shared services on the default ports are left alone.
"""

import os
import shutil
import socket
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

pytestmark = pytest.mark.services


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_services(checkout, *arguments, port):
    environment = {key: value for key, value in os.environ.items() if key != "VAR_DIR"}
    environment.update(POSTGRES_PORT=str(port), SERVICES="postgres")
    return subprocess.run(
        [checkout / "services" / "services.sh", *arguments],
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def private_checkout_in(directory):
    """A checkout of the services scripts in DIRECTORY, which only its owner may enter."""
    checkout = directory / "depository"
    shutil.copytree(Path(settings.BASE_DIR) / "services", checkout / "services")
    directory.chmod(0o700)
    return checkout


@pytest.fixture
def private_checkout(tmp_path):
    checkout = private_checkout_in(tmp_path / "private")
    yield checkout
    cluster = (checkout / "var" / "postgres").resolve()
    if not cluster.is_relative_to(tmp_path):
        shutil.rmtree(cluster, ignore_errors=True)


def test_postgresql_starts_from_a_checkout_the_postgres_user_cannot_enter(private_checkout):
    if os.geteuid() == 0:
        entering = subprocess.run(["runuser", "-u", "postgres", "--", "test", "-x", private_checkout], check=False)
        assert entering.returncode != 0, "the checkout should be out of the postgres user's reach"
    port = free_port()

    started = run_services(private_checkout, "start", port=port)
    try:
        assert started.returncode == 0, started.stderr
        assert started.stdout == f"export DATABASE_URL=postgres://depository@127.0.0.1:{port}/depository\n"
        with psycopg.connect(started.stdout.removeprefix("export DATABASE_URL=").strip()) as connection:
            assert connection.execute("SELECT current_database()").fetchone() == ("depository",)
    finally:
        stopped = run_services(private_checkout, "stop", port=port)

    assert stopped.returncode == 0, stopped.stderr
    assert "PostgreSQL stopped" in stopped.stderr
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(f"postgres://depository@127.0.0.1:{port}/depository", connect_timeout=2)


def test_two_private_checkouts_get_clusters_of_their_own(tmp_path):
    clusters = []
    for name in ("first", "second"):
        checkout = private_checkout_in(tmp_path / name)
        port = free_port()
        try:
            assert run_services(checkout, "start", port=port).returncode == 0
        finally:
            run_services(checkout, "stop", port=port)
        clusters.append((checkout / "var" / "postgres").resolve())
    try:
        assert clusters[0] != clusters[1]
        assert all((cluster / "data" / "PG_VERSION").is_file() for cluster in clusters)
    finally:
        for cluster in clusters:
            if not cluster.is_relative_to(tmp_path):
                shutil.rmtree(cluster, ignore_errors=True)
