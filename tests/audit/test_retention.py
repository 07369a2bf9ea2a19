"""The audit log keeps entries AUDIT_RETENTION_DAYS days: prune_audit and the daily job delete
older ones and keep the rest."""

import datetime
import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from audit import tasks
from audit.models import Entry

pytestmark = pytest.mark.django_db


def entry_aged(days):
    made = Entry.objects.create(action="change", model="taxonomy.country", origin="system")
    Entry.objects.filter(pk=made.pk).update(at=timezone.now() - datetime.timedelta(days=days))
    return made


@pytest.fixture
def aged(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    return {days: entry_aged(days) for days in (1, 29, 31, 400)}


def remaining(entries):
    kept = set(Entry.objects.values_list("pk", flat=True))
    return sorted(days for days, made in entries.items() if made.pk in kept)


def test_prune_audit_deletes_entries_past_the_retention_and_keeps_the_others(aged):
    out = io.StringIO()
    call_command("prune_audit", stdout=out)
    assert remaining(aged) == [1, 29]
    assert "Deleted 2 audit entries." in out.getvalue()


def test_prune_audit_days_overrides_the_setting(aged):
    call_command("prune_audit", days=2, stdout=io.StringIO())
    assert remaining(aged) == [1]


def test_prune_audit_refuses_a_retention_under_a_day(aged):
    err = io.StringIO()
    call_command("prune_audit", days=0, stdout=io.StringIO(), stderr=err)
    assert remaining(aged) == [1, 29, 31, 400]
    assert "at least 1" in err.getvalue()


def test_the_daily_job_prunes_and_is_in_the_schedulers_list(aged):
    scheduled = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "audit.tasks.prune" in scheduled
    tasks.prune.delay()
    assert remaining(aged) == [1, 29]
