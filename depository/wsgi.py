"""WSGI entry point for production servers (``gunicorn depository.wsgi``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "depository.settings")

application = get_wsgi_application()
