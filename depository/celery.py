"""The Celery application. With ``REDIS_URL`` unset, tasks run in-process (see settings)."""

import os

from celery import Celery

from jobs.worker import OutboxRelay

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "depository.settings")

app = Celery("depository")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.steps["worker"].add(OutboxRelay)
