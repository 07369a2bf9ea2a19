"""The audit log's daily job, run by celery beat (CELERY_BEAT_SCHEDULE in settings)."""

from celery import shared_task

from audit import retention


@shared_task
def prune():
    return retention.prune()
