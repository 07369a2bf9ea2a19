"""Guardrails on live items: adding a closed structure, a closed meeting series or a retired
term to a public item, or taking its lead issuer away, is refused until the editor confirms
as for publishing, and the confirmation is in the audit log. Drafts are not concerned."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import Entry
from news.models import NewsItem
from news.revisions import saved_state
from tests.admin.test_news_form import form_data
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db

CLIENT_IP = "198.51.100.23"


@pytest.fixture
def editor_client(superuser_client):
    superuser_client.defaults["REMOTE_ADDR"] = CLIENT_IP
    return superuser_client


def closed_structure():
    return StructureFactory(
        name="Special Monitoring Mission to Ukraine",
        is_active=False,
        closed_on=datetime.date(2022, 3, 31),
    )


def ids(related):
    return [obj.pk for obj in related.all()]


def save(client, item, confirm=False, **changes):
    """Post the item's change form as it is stored, with `changes` (model instances or lists)."""
    values = {
        "lead_structure": item.lead_structure_id,
        "supporting_structures": ids(item.supporting_structures),
        "fields_of_work": ids(item.fields_of_work),
        "countries": ids(item.countries),
        "meeting_series": ids(item.meeting_series),
    }
    for name, value in changes.items():
        values[name] = [v.pk for v in value] if isinstance(value, list) else value.pk
    data = form_data(
        edit_version=saved_state(item.pk).token,
        title=item.title,
        slug=item.slug,
        status=item.status,
        date_issued=item.date_issued.isoformat(),
        **values,
    )
    if item.published_at:
        local = timezone.localtime(item.published_at)
        data.update(published_at_0=local.date().isoformat(), published_at_1=local.strftime("%X"))
    if confirm:
        data["confirm_publication"] = "on"
    return client.post(reverse("admin:news_newsitem_change", args=[item.pk]), data)


def confirm_errors(response):
    assert response.status_code == 200
    return " ".join(response.context["adminform"].form.errors.get("confirm_publication", []))


def confirmations(item):
    return Entry.objects.filter(
        action=Entry.Action.CONFIRM, model="news.newsitem", object_id=str(item.pk)
    )


def test_a_closed_structure_added_to_a_live_item_is_refused_without_confirmation(editor_client):
    item = PublishedNewsFactory()
    closed = closed_structure()

    response = save(editor_client, item, supporting_structures=[closed])

    assert "Special Monitoring Mission to Ukraine closed on" in confirm_errors(response)
    assert ids(item.supporting_structures) == []
    assert not confirmations(item).exists()


def test_confirmed_it_is_saved_and_the_confirmation_is_in_the_audit_log(editor_client, superuser):
    item = PublishedNewsFactory()
    closed = closed_structure()

    response = save(editor_client, item, confirm=True, supporting_structures=[closed])

    assert response.status_code == 302
    assert ids(item.supporting_structures) == [closed.pk]
    (entry,) = confirmations(item)
    assert (entry.user, entry.origin) == (superuser, CLIENT_IP)
    assert "Special Monitoring Mission to Ukraine" in entry.note


@pytest.mark.parametrize(
    ("relation", "make", "warning"),
    [
        ("fields_of_work", FieldOfWorkFactory, "The field of work Old topic is retired."),
        ("countries", CountryFactory, "The country Old topic is retired."),
        ("meeting_series", MeetingSeriesFactory, "The meeting series Old topic is closed."),
    ],
)
def test_a_retired_term_or_closed_series_added_to_a_live_item_needs_the_confirmation(
    editor_client, relation, make, warning
):
    item = PublishedNewsFactory()
    retired = make(name="Old topic", is_retired=True)
    terms = [*getattr(item, relation).all(), retired]

    refused = save(editor_client, item, **{relation: terms})
    assert warning in confirm_errors(refused)
    assert retired.pk not in ids(getattr(item, relation))

    saved = save(editor_client, item, confirm=True, **{relation: terms})
    assert saved.status_code == 302
    assert retired.pk in ids(getattr(item, relation))
    assert warning in confirmations(item).get().note


def test_replacing_a_live_items_lead_issuer_needs_the_confirmation(editor_client):
    item = PublishedNewsFactory(lead_structure=StructureFactory(name="Mission to Serbia"))
    other = StructureFactory(name="Mission to Montenegro")

    refused = save(editor_client, item, lead_structure=other)
    assert "takes Mission to Serbia away as the item's lead issuer" in confirm_errors(refused)
    item.refresh_from_db()
    assert item.lead_structure.name == "Mission to Serbia"

    assert save(editor_client, item, confirm=True, lead_structure=other).status_code == 302
    item.refresh_from_db()
    assert item.lead_structure == other
    assert "Mission to Serbia" in confirmations(item).get().note


def test_a_closed_structure_or_retired_term_added_to_a_draft_saves_without_confirmation(
    editor_client,
):
    item = NewsItemFactory(status=NewsItem.Status.DRAFT)
    closed, retired = closed_structure(), CountryFactory(is_retired=True)

    response = save(editor_client, item, supporting_structures=[closed], countries=[retired])

    assert response.status_code == 302
    assert ids(item.supporting_structures) == [closed.pk]
    assert ids(item.countries) == [retired.pk]
    assert not confirmations(item).exists()


def test_a_live_item_keeping_its_closed_issuer_and_retired_terms_is_edited_freely(
    editor_client,
):
    retired = FieldOfWorkFactory(is_retired=True)
    item = PublishedNewsFactory(lead_structure=closed_structure(), fields_of_work=[retired])

    response = save(editor_client, item, countries=[CountryFactory()])

    assert response.status_code == 302
    assert not confirmations(item).exists()


def test_retired_terms_are_not_offered_for_tagging_but_stay_on_items_and_their_pages(
    editor_client, client
):
    current = FieldOfWorkFactory(name="Policing today")
    retired = FieldOfWorkFactory(name="Policing of old", is_retired=True)
    item = PublishedNewsFactory(fields_of_work=[retired])

    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "news",
            "model_name": "newsitem",
            "field_name": "fields_of_work",
            "term": "Policing",
        },
    )
    offered = [result["id"] for result in response.json()["results"]]
    assert offered == [str(current.pk)]
    assert ids(item.fields_of_work) == [retired.pk]
    page = client.get(retired.get_absolute_url())
    assert page.status_code == 200
    assert item.title in page.content.decode()


def test_a_live_item_posted_with_an_unknown_term_answers_the_fields_error(editor_client):
    item = PublishedNewsFactory()
    data_countries = [CountryFactory()]
    data_countries[0].pk = 999999  # no such country

    response = save(editor_client, item, countries=data_countries)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["countries"]
    assert not confirmations(item).exists()
