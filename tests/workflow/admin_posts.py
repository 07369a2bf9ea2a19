"""What the admin's pages post, built by hand so that a test can forge any value."""

from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem
from news.revisions import saved_state


def change_url(item):
    return reverse("admin:news_newsitem_change", args=[item.pk])


CHANGELIST_URL = reverse("admin:news_newsitem_changelist")
ADD_URL = reverse("admin:news_newsitem_add")


def news_form(item=None, **values):
    """The news form as a browser posts it: `item`'s stored values, then `values`.

    For an item that exists, the form was loaded just now (its edit_version is the stored
    state's): tests of edit conflicts build their posts from the pages themselves.
    """
    item = item or NewsItem(title="Mission supports judicial reform", slug="judicial-reform")
    published_at = timezone.localtime(item.published_at) if item.published_at else None
    data = {
        "title": item.title,
        "slug": item.slug,
        "kind": item.kind,
        "dateline": item.dateline,
        "lede": item.lede,
        "body": item.body,
        "lead_structure": item.lead_structure_id or "",
        "supporting_structures": [s.pk for s in item.supporting_structures.all()]
        if item.pk
        else [],
        "fields_of_work": [f.pk for f in item.fields_of_work.all()] if item.pk else [],
        "countries": [],
        "meeting_series": [],
        "tags": "",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "image_focal_x": "",
        "image_focal_y": "",
        "status": item.status,
        "date_issued": item.date_issued.isoformat() if item.date_issued else "",
        "published_at_0": published_at.date().isoformat() if published_at else "",
        "published_at_1": published_at.time().isoformat("seconds") if published_at else "",
        "withdrawal_notice": item.withdrawal_notice,
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    state = saved_state(item.pk) if item.pk else None
    if state is not None:
        data["edit_version"] = state.token
    data.update(values)
    return data


def bulk(action, items, **values):
    """The changelist's action form, with `items` ticked."""
    return {"action": action, "_selected_action": [item.pk for item in items], **values}


def form_errors(response, field):
    return [str(error) for error in response.context["adminform"].form.errors.get(field, [])]


def messages_of(response):
    return [str(message) for message in response.context["messages"]]
