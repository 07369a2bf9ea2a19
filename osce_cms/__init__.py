# The Celery app is loaded with Django, so @shared_task binds to it (osce_cms/celery.py).
from osce_cms.celery import app as celery_app

__all__ = ["celery_app"]
