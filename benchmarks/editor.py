"""An editor at work while readers read: `python -m benchmarks.editor PORT SECONDS OUTPUT`.

A Django child process for one benchmark database. Every PUBLISH_EVERY seconds it publishes
a new item through the workflow service (news.services.publish) and measures, over HTTP
against gunicorn on PORT, the time until the item is on /news/, counted in its field's facet
count on /news/, and in /news/rss/. Every DRAFT_EVERY seconds, in another thread, it saves a
draft as the admin does (a revision around the save), which must change nothing public.
The items it made are deleted when it stops (and any left by an interrupted run when it
starts), so that the next run's newest item and counts are the demo data's.
"""

import datetime
import http.client
import json
import sys
import threading
import time

import django

django.setup()

import reversion  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.counts import parse_page  # noqa: E402
from news import services  # noqa: E402
from news.models import NewsItem  # noqa: E402

PUBLISH_EVERY = 10
DRAFT_EVERY = 2
POLL_EVERY = 0.05
VISIBLE_WITHIN = 30  # seconds after which a publication counts as not seen
SLUG_PREFIX = "benchmark-publication-"


def remove_own_items():
    """Delete the items the editor made; how many."""
    return (
        NewsItem.objects.filter(slug__startswith=SLUG_PREFIX)
        .delete()[1]
        .get(NewsItem._meta.label, 0)
    )


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def editor():
    user, _created = get_user_model().objects.get_or_create(
        username="benchmark-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    return user


def template_item():
    """The newest published item with a field of work: new items copy its labels."""
    return (
        NewsItem.objects.published()
        .filter(lead_structure__isnull=False, fields_of_work__isnull=False)
        .order_by("-date_issued", "-id")
        .prefetch_related("fields_of_work")
        .first()
    )


def new_draft(template, label):
    stamp = f"{label}-{time.time_ns()}"
    with reversion.create_revision():
        item = NewsItem.objects.create(
            title=f"Benchmark publication {stamp}",
            slug=f"{SLUG_PREFIX}{stamp}",
            kind=template.kind,
            lede="Published by the benchmark's editor while readers read.",
            body="<p>Benchmark.</p>",
            date_issued=max(timezone.localdate(), template.date_issued or timezone.localdate()),
            lead_structure=template.lead_structure,
            status=NewsItem.Status.DRAFT,
        )
        item.fields_of_work.set(template.fields_of_work.all()[:1])
    return item


def field_count(port, slug):
    status, text = fetch(port, "/en/news/")
    return parse_page(text)["choices"].get(("field", slug)) if status == 200 else None


def watch(port, item, field, before, started):
    """Seconds from `started` until the item is on /news/, in the field's count, in RSS."""
    seen = {"list": None, "count": None, "feed": None}
    while None in seen.values() and time.monotonic() - started < VISIBLE_WITHIN:
        if seen["list"] is None or seen["count"] is None:
            status, text = fetch(port, "/en/news/")
            now = time.monotonic() - started
            if status == 200 and seen["list"] is None and f"/en/news/{item.slug}/" in text:
                seen["list"] = round(now, 3)
            count = parse_page(text)["choices"].get(("field", field)) if status == 200 else None
            if (
                seen["count"] is None
                and count is not None
                and before is not None
                and (count >= before + 1)
            ):
                seen["count"] = round(now, 3)
        if seen["feed"] is None:
            status, text = fetch(port, "/en/news/rss/")
            if status == 200 and f"/en/news/{item.slug}/" in text:
                seen["feed"] = round(time.monotonic() - started, 3)
        time.sleep(POLL_EVERY)
    return seen


def save_drafts(template, stop, saves, errors):
    """A draft saved every DRAFT_EVERY seconds, its lede changed, as the admin saves it."""
    try:
        draft = new_draft(template, "draft")
        while not stop.wait(DRAFT_EVERY):
            draft.lede = f"Draft saved at {datetime.datetime.now().isoformat()}."
            with reversion.create_revision():
                draft.save()
            saves.append(time.monotonic())
    except Exception as exc:  # reported, not raised: the readers' figures still count
        errors.append(f"draft: {type(exc).__name__}: {exc}")
    finally:
        connection.close()


def run(port, seconds):
    removed_before = remove_own_items()
    user, template = editor(), template_item()
    field = template.fields_of_work.all()[0].slug
    stop, saves, errors = threading.Event(), [], []
    drafts = threading.Thread(target=save_drafts, args=(template, stop, saves, errors))
    drafts.start()
    publications, deadline = [], time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            cycle = time.monotonic()
            item = new_draft(template, "published")
            before = field_count(port, field)
            started = time.monotonic()
            services.publish(item, user)
            publish_seconds = round(time.monotonic() - started, 3)
            seen = watch(port, item, field, before, started)
            publications.append({"slug": item.slug, "publish_seconds": publish_seconds, **seen})
            time.sleep(max(0, PUBLISH_EVERY - (time.monotonic() - cycle)))
    finally:
        stop.set()
        drafts.join()
        removed = remove_own_items()
    return {
        "removed_before": removed_before,
        "removed_after": removed,
        "publications": publications,
        "draft_saves": len(saves),
        "errors": errors,
        "field": field,
    }


if __name__ == "__main__":
    port, seconds, output = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    with open(output, "w") as file:
        json.dump(run(port, seconds), file, indent=1)
