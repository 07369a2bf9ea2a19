"""The background worker's Celery app (email alerts: alerts/tasks.py).

Start a worker and its scheduler beside the site (README, "Email alerts"):
    celery -A osce_cms worker --beat --loglevel=info
Without CELERY_BROKER_URL (the SQLite trial path) tasks run at once in the process that
sends them, so mail still goes out (to the console unless EMAIL_URL says otherwise).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "osce_cms.settings")

app = Celery("osce_cms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
