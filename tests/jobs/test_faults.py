"""Fault injection: services taken away while visitors and background work go on (real-services pass).

Each test has its own Redis (and a link to the search engine it can cut), so the outage is real but
its own; they run in a pytest session of their own (``-m faults``), without the shared worker.
"""

import os
import signal
import subprocess
import time
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from depository.celery import app
from events.models import Registration
from jobs.models import CompletedJob, OutboxMessage
from search.reconcile import held_documents
from tests.events.conftest import register
from tests.factories import StandardPageFactory
from tests.faults import PrivateRedis, TcpLink
from tests.services import start_worker, stop_worker, wait_until
from tests.worker_tasks import slow_effect

pytestmark = [
    pytest.mark.services,
    pytest.mark.faults,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def redis(tmp_path, broker, settings):
    """A private Redis as this process's broker and cache."""
    directory = tmp_path / "redis"
    directory.mkdir()
    server = PrivateRedis(directory)
    server.start()
    broker(server.url)
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": server.url}}
    yield server
    if not server.answers():
        server.start()
    with app.connection_for_write() as connection:
        connection.default_channel.client.shutdown(nosave=True)


@pytest.fixture
def workers(tmp_path):
    """Start workers with ``workers.start(**environment)``; each is stopped at the end."""
    started = []

    class Workers:
        log = tmp_path / "worker.log"

        def start(self, **environment):
            process = start_worker(self.log, **environment)
            started.append(process)
            return process

    yield Workers()
    for process in started:
        if process.poll() is None:
            stop_worker(process)
    if os.environ.get("SHOW_WORKER_LOG"):
        print((tmp_path / "worker.log").read_text())


def pool_processes(worker):
    output = subprocess.run(["pgrep", "-P", str(worker.pid)], capture_output=True, text=True).stdout
    return [int(pid) for pid in output.split()]


def lines(path):
    return path.read_text().split() if path.exists() else []


def run_marker(tmp_path, name="marker"):
    """Queue a marker task and wait for it: the worker runs tasks in order, so what came before is done."""
    with app.connection_for_write() as connection:
        slow_effect.apply_async((name, str(tmp_path), 0), connection=connection)
    wait_until(lambda: name in lines(tmp_path / "effects"), timeout=90, message="the marker task")


def test_a_redis_outage_costs_visitors_nothing_and_every_e_mail_goes_out_once_after_it(
    client, open_event, redis, workers, smtp_server
):
    workers.start(REDIS_URL=redis.url, EMAIL_URL=smtp_server.url)
    open_event.capacity = 50
    open_event.save_revision().publish()
    redis.stop()

    statuses = []
    addresses = [f"outage-{number}@example.org" for number in range(5)]
    for address in addresses:
        for url in ("/uk/", open_event.url, "/api/v2/pages/", "/uk/search/?q=вебінар", "/api/v2/search/?q=webinar"):
            statuses.append(client.get(url).status_code)
        statuses.append(register(client, open_event, email=address).status_code)

    assert [status for status in statuses if status >= 500] == []
    assert Registration.objects.filter(email__in=addresses).count() == 5
    assert OutboxMessage.objects.pending().filter(task_path="events.tasks.send_registration_notice").count() == 5

    redis.start()
    wait_until(lambda: all(smtp_server.to(address) for address in addresses), timeout=90, message="every e-mail")
    time.sleep(3)  # long enough for a duplicate to show up
    assert [len(smtp_server.to(address)) for address in addresses] == [1] * 5
    assert not OutboxMessage.objects.pending().exists()


def test_a_worker_killed_with_sigkill_has_its_task_redelivered_within_a_minute(redis, workers, tmp_path):
    tmp_path.chmod(0o777)
    first = workers.start(REDIS_URL=redis.url)
    with app.connection_for_write() as connection:
        slow_effect.apply_async(("killed", str(tmp_path), 5), connection=connection)
    wait_until(lambda: lines(tmp_path / "started"), message="the task to start")

    os.killpg(first.pid, signal.SIGKILL)  # the whole worker, main process and pool: nothing acknowledges
    killed_at = time.monotonic()
    first.wait()
    workers.start(REDIS_URL=redis.url)

    wait_until(lambda: lines(tmp_path / "effects"), timeout=60, message="the task to be delivered again")
    assert time.monotonic() - killed_at < 60
    assert lines(tmp_path / "effects") == ["killed"]
    wait_until(lambda: CompletedJob.objects.filter(key="killed").count() == 1, message="the run-once record")


def test_an_e_mail_the_server_accepted_is_not_sent_again_when_the_worker_dies_before_it_hears(
    client, open_event, redis, workers, smtp_server, tmp_path
):
    tmp_path.chmod(0o777)
    worker = workers.start(REDIS_URL=redis.url, EMAIL_URL=smtp_server.url)
    smtp_server.release.clear()  # the server has the message but holds back its "accepted"

    register(client, open_event, email="killed-mid-send@example.org")
    assert smtp_server.received.wait(timeout=60), "the worker never sent the message"
    for pid in pool_processes(worker):
        os.kill(pid, signal.SIGKILL)
    smtp_server.release.set()

    run_marker(tmp_path)  # the task, delivered again to a new pool process, has run before the marker
    assert len(smtp_server.to("killed-mid-send@example.org")) == 1
    registration = Registration.objects.get(email="killed-mid-send@example.org")
    assert CompletedJob.objects.filter(key=f"events.registration.{registration.pk}.confirm").exists()


@pytest.fixture
def engine_link():
    target = urlsplit(settings.SEARCH_URL)
    link = TcpLink(target.hostname, target.port)
    link.restore()
    yield link


def held_ids():
    backend = get_search_backend()
    return set(held_documents(backend, backend.get_index_for_model(Page).name))


def test_a_page_published_while_the_engine_is_down_reaches_it_after_recovery_and_reconciliation_repairs_losses(
    site_tree, redis, workers, engine_link
):
    call_command("update_index", verbosity=0)
    workers.start(REDIS_URL=redis.url, SEARCH_URL=engine_link.url)
    engine_link.cut()

    page = StandardPageFactory(parent=site_tree.home_uk, title="Опубліковано під час збою", slug="during-outage")
    time.sleep(5)  # the worker has tried, and failed, at least once
    assert str(page.pk) not in held_ids()

    engine_link.restore()
    wait_until(lambda: str(page.pk) in held_ids(), timeout=90, message="the retried update to reach the engine")

    # An update lost for good (a retry budget spent, an index restored from a snapshot): reconciliation repairs it.
    search_index = get_search_backend().get_index_for_model(Page)
    search_index.delete_item(Page(pk=page.pk))
    search_index.refresh()
    assert str(page.pk) not in held_ids()
    output = StringIO()
    with translation.override("en"):
        call_command("reconcile_search_index", stdout=output)
    assert str(page.pk) in held_ids()
    assert "1 missing" in output.getvalue() and "1 repaired" in output.getvalue()


@pytest.fixture
def database_link():
    """This process's database connection, through a link the test can cut."""
    from django.db import connection

    database = connection.settings_dict
    saved = database["HOST"], database["PORT"]
    link = TcpLink(saved[0] or "127.0.0.1", int(saved[1]))
    link.restore()
    connection.close()
    database["HOST"], database["PORT"] = "127.0.0.1", link.port
    yield link
    connection.close()
    database["HOST"], database["PORT"] = saved


def test_a_database_outage_answers_503_with_retry_after_in_the_visitors_language_and_recovers(
    client, site_tree, database_link
):
    from django.db import close_old_connections

    def request(url):
        close_old_connections()  # as Django's request handler does before every request (the test client does not)
        return client.get(url)

    assert request("/uk/").status_code == 200

    database_link.cut()
    ukrainian, english = request("/uk/about/"), request("/en/about/")
    database_link.restore()
    recovered = request("/en/about/")

    for response, language in ((ukrainian, "uk"), (english, "en")):
        assert response.status_code == 503
        assert int(response["Retry-After"]) > 0
        assert f'<html lang="{language}">' in response.content.decode()
    assert recovered.status_code == 200 and "About the project" in recovered.content.decode()
