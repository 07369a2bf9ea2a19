"""What an editor experiences when saving a news item in the admin."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem
from news.revisions import saved_state
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    StructureFactory,
    UserFactory,
)

ADD_URL = reverse("admin:news_newsitem_add")

pytestmark = pytest.mark.django_db


def form_data(**values):
    """A POST of the admin's news form: an empty draft unless told otherwise."""
    data = {
        "title": "Mission supports judicial reform",
        "slug": "mission-supports-judicial-reform",
        "kind": NewsItem.Kind.NEWS,
        "dateline": "",
        "lede": "The Mission held a round table.",
        "body": "<p>The Mission held a round table.</p>",
        "lead_structure": "",
        "supporting_structures": [],
        "fields_of_work": [],
        "countries": [],
        "meeting_series": [],
        "tags": "",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "image_focal_x": "",
        "image_focal_y": "",
        "status": NewsItem.Status.DRAFT,
        "date_issued": "",
        "published_at_0": "",
        "published_at_1": "",
        "withdrawal_notice": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    data.update(values)
    return data


def status_errors(response):
    return [str(error) for error in response.context["adminform"].form.errors.get("status", [])]


def test_adding_news_saves_every_relation_and_its_tags(superuser_client, superuser):
    lead, supporting = StructureFactory(), StructureFactory()
    fields = [FieldOfWorkFactory(), FieldOfWorkFactory()]
    country, meeting = CountryFactory(), MeetingSeriesFactory()

    response = superuser_client.post(
        ADD_URL,
        form_data(
            lead_structure=lead.pk,
            supporting_structures=[supporting.pk],
            fields_of_work=[field.pk for field in fields],
            countries=[country.pk],
            meeting_series=[meeting.pk],
            tags="judicial reform, rule of law",
        ),
    )

    assert response.status_code == 302
    item = NewsItem.objects.get(slug="mission-supports-judicial-reform")
    assert item.lead_structure == lead
    assert list(item.supporting_structures.all()) == [supporting]
    assert set(item.fields_of_work.all()) == set(fields)
    assert list(item.countries.all()) == [country]
    assert list(item.meeting_series.all()) == [meeting]
    assert sorted(item.tags.names()) == ["judicial reform", "rule of law"]
    assert item.created_by == superuser
    assert item.updated_by == superuser


def test_a_draft_may_be_incomplete(superuser_client):
    response = superuser_client.post(ADD_URL, form_data())

    assert response.status_code == 302
    item = NewsItem.objects.get(slug="mission-supports-judicial-reform")
    assert item.status == NewsItem.Status.DRAFT
    assert item.published_at is None


def test_publishing_with_every_piece_missing_is_refused_naming_each(superuser_client):
    response = superuser_client.post(ADD_URL, form_data(status=NewsItem.Status.PUBLISHED))

    assert response.status_code == 200
    [message] = status_errors(response)
    assert "a date issued" in message
    assert "a lead issuing structure" in message
    assert "at least one field of work" in message
    assert not NewsItem.objects.exists()
    # What the editor typed is shown back.
    assert 'value="Mission supports judicial reform"' in response.content.decode()


@pytest.mark.parametrize("missing", ["date_issued", "lead_structure", "fields_of_work"])
def test_publishing_names_only_the_missing_piece(superuser_client, missing):
    complete = {
        "date_issued": "2025-03-14",
        "lead_structure": StructureFactory().pk,
        "fields_of_work": [FieldOfWorkFactory().pk],
    }
    complete[missing] = [] if missing == "fields_of_work" else ""
    response = superuser_client.post(
        ADD_URL, form_data(status=NewsItem.Status.PUBLISHED, **complete)
    )

    assert response.status_code == 200
    [message] = status_errors(response)
    expected = {
        "date_issued": "a date issued",
        "lead_structure": "a lead issuing structure",
        "fields_of_work": "at least one field of work",
    }
    assert expected.pop(missing) in message
    for present in expected.values():
        assert present not in message
    assert not NewsItem.objects.exists()


def test_a_complete_publish_succeeds_and_sets_the_publication_time(superuser_client):
    before = timezone.now()
    response = superuser_client.post(
        ADD_URL,
        form_data(
            status=NewsItem.Status.PUBLISHED,
            date_issued="2025-03-14",
            lead_structure=StructureFactory().pk,
            fields_of_work=[FieldOfWorkFactory().pk],
        ),
    )

    assert response.status_code == 302
    item = NewsItem.objects.get(slug="mission-supports-judicial-reform")
    assert item.status == NewsItem.Status.PUBLISHED
    assert item.date_issued == datetime.date(2025, 3, 14)
    assert before <= item.published_at <= timezone.now()
    assert item.is_published()


def test_publishing_checks_the_submitted_fields_of_work_not_the_stored_ones(superuser_client):
    item = NewsItemFactory(fields_of_work=[FieldOfWorkFactory()])
    response = superuser_client.post(
        reverse("admin:news_newsitem_change", args=[item.pk]),
        form_data(
            edit_version=saved_state(item.pk).token,
            title=item.title,
            slug=item.slug,
            status=NewsItem.Status.PUBLISHED,
            date_issued="2025-03-14",
            lead_structure=item.lead_structure_id,
            fields_of_work=[],
        ),
    )

    assert response.status_code == 200
    [message] = status_errors(response)
    assert "at least one field of work" in message
    item.refresh_from_db()
    assert item.status == NewsItem.Status.DRAFT
    assert item.fields_of_work.count() == 1


def test_a_body_with_script_and_event_handler_is_stored_sanitised(superuser_client):
    response = superuser_client.post(
        ADD_URL,
        form_data(
            body='<p onclick="steal()">Round table<script>alert("x")</script></p>'
            '<a href="javascript:alert(1)">link</a>'
        ),
    )

    assert response.status_code == 302
    body = NewsItem.objects.get(slug="mission-supports-judicial-reform").body
    assert "Round table" in body
    assert "<script" not in body
    assert "alert" not in body
    assert "onclick" not in body
    assert "javascript:" not in body


def test_editing_records_the_editor_and_keeps_the_creator(superuser_client, superuser):
    author = UserFactory()
    item = NewsItemFactory(created_by=author, updated_by=author)

    response = superuser_client.post(
        reverse("admin:news_newsitem_change", args=[item.pk]),
        form_data(
            edit_version=saved_state(item.pk).token,
            title="A better title",
            slug=item.slug,
            lead_structure=item.lead_structure_id,
            fields_of_work=[field.pk for field in item.fields_of_work.all()],
        ),
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "A better title"
    assert item.created_by == author
    assert item.updated_by == superuser


def test_changelist_shows_what_blocks_publishing_a_draft(superuser_client):
    NewsItemFactory(title="Undated draft", date_issued=None)
    NewsItemFactory(title="Ready draft")

    response = superuser_client.get(reverse("admin:news_newsitem_changelist"))

    rows = {
        row.title: response.context["cl"].model_admin.missing_for_publication(row)
        for row in response.context["cl"].result_list
    }
    assert rows["Undated draft"] == "A date issued"
    assert rows["Ready draft"] == "Nothing: ready to publish"
    assert "A date issued" in response.content.decode()


def test_changelist_queries_do_not_grow_with_the_number_of_items(
    superuser_client, django_assert_max_num_queries
):
    NewsItemFactory.create_batch(2)
    with django_assert_max_num_queries(50) as few:
        superuser_client.get(reverse("admin:news_newsitem_changelist"))
    NewsItemFactory.create_batch(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        superuser_client.get(reverse("admin:news_newsitem_changelist"))
