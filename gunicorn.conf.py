"""The web server's configuration, read by gunicorn from the working directory (`gunicorn depository.wsgi`).

Each value can be changed through the environment without editing this file. The defaults suit a
machine whose only job is this site, behind a reverse proxy that terminates TLS and buffers slow
clients:

- threaded workers (``gthread``): a request waits on the database, the cache or the search engine
  most of its time, so a few threads per process serve more requests than more processes would, in
  less memory; one process per core keeps the CPU busy (``WEB_CONCURRENCY``, ``GUNICORN_THREADS``);
- keep-alive a little longer than a proxy's idle timeout is short (5 s), so the proxy reuses its
  connections;
- a worker is restarted after ``GUNICORN_MAX_REQUESTS`` requests, spread by a random jitter so the
  workers do not restart together: a slow leak in a dependency cannot grow without bound;
- a request that takes longer than ``GUNICORN_TIMEOUT`` seconds kills its worker (the site answers
  in well under a second; anything longer is stuck), and a restart waits as long for requests in
  flight.
"""

import multiprocessing
import os


def setting(name, default):
    return int(os.environ.get(name, default))


bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = setting("WEB_CONCURRENCY", multiprocessing.cpu_count())
worker_class = "gthread"
threads = setting("GUNICORN_THREADS", 4)
keepalive = setting("GUNICORN_KEEPALIVE", 5)
timeout = setting("GUNICORN_TIMEOUT", 30)
graceful_timeout = timeout
max_requests = setting("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10
# The proxy's addresses, whose X-Forwarded-* headers are trusted (the proxy on the same machine).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
