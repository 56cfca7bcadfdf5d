"""Real services that a test can take away and give back: a private Redis, and a TCP link it can cut.

The fault-injection tests stop these, never the shared services of ``make services``, so that the
rest of the suite keeps its Redis and its search engine while one test has an outage.
"""

import shutil
import socket
import subprocess
import threading
import time

import pytest

from tests.mailserver import free_port


class PrivateRedis:
    """A redis-server of the test's own, with its data (append-only file) kept across a restart."""

    def __init__(self, directory):
        self.directory = directory
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.binary = shutil.which("redis-server") or "/usr/bin/redis-server"

    def answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as connection:
                connection.sendall(b"PING\r\n")
                return connection.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start(self):
        subprocess.run(
            [
                self.binary, "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.directory),
                "--appendonly", "yes", "--save", "", "--daemonize", "yes",
                "--pidfile", str(self.directory / "redis.pid"), "--logfile", str(self.directory / "redis.log"),
            ],
            check=True,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while not self.answers():
            if time.monotonic() > deadline:
                raise AssertionError("the private Redis did not start")
            time.sleep(0.1)

    def stop(self):
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as connection:
            connection.sendall(b"SHUTDOWN\r\n")  # writes the append-only file, then exits
            connection.recv(16)
        deadline = time.monotonic() + 20
        while self.answers():
            if time.monotonic() > deadline:
                raise AssertionError("the private Redis did not stop")
            time.sleep(0.1)


class TcpLink:
    """A TCP forwarder to a real service; ``cut()`` refuses and drops connections, ``restore()`` mends it."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.listener = None
        self.connections = set()
        self.lock = threading.Lock()

    def restore(self):
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self.accept, args=(self.listener,), daemon=True).start()

    def cut(self):
        # shutdown() wakes the thread blocked in accept(); close() alone would leave it one more connection.
        try:
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            for connection in self.connections:
                try:
                    connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                connection.close()
            self.connections.clear()

    def accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.connections |= {client, upstream}
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pump, args=(source, sink), daemon=True).start()

    def pump(self, source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


@pytest.fixture
def broker():
    """Point the Celery app at a broker URL for the test; tasks are published, not run in-process."""
    from depository.celery import app
    from jobs import outbox

    saved = app.conf.broker_url, app.conf.task_always_eager

    def use(url):
        app.conf.broker_url = url
        app.conf.task_always_eager = False
        outbox._broker_failed_at = None

    yield use
    app.conf.broker_url, app.conf.task_always_eager = saved
    outbox._broker_failed_at = None
