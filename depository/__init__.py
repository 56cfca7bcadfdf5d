"""Django configuration of the Depository of e-governance best practices: wiring only, no models."""

from .celery import app as celery_app

__all__ = ["celery_app"]
