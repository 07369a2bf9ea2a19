"""The details a group shares (issuers, fields of work, countries, meetings, kind, dates, the
lead image) are kept the same on every translation: by keep_in_step(), on every admin save;
what the public sees follows."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation as override_language

from meetings.models import Meeting, MeetingNews
from news import translations
from news.models import NewsItem
from tests.factories import CountryFactory, FieldOfWorkFactory, StructureFactory
from tests.workflow.admin_posts import change_url, form_errors, messages_of, news_form
from tests.workflow.conftest import staff

pytestmark = pytest.mark.django_db


def ids(related):
    return set(related.values_list("pk", flat=True))


def post_of(item, **values):
    """The change form of `item` as posted, its shared relations as they are."""
    return news_form(
        item,
        countries=[c.pk for c in item.countries.all()],
        meeting_series=[m.pk for m in item.meeting_series.all()],
        image_credit=item.image_credit,
        **values,
    )


def test_keep_in_step_gives_the_others_the_items_shared_details(russian, editor):
    english = russian.translation_source
    written = russian.text_changed_at
    field, country = FieldOfWorkFactory(), CountryFactory()
    english.fields_of_work.add(field)
    english.countries.set([country])
    english.supporting_structures.clear()
    english.kind = NewsItem.Kind.STATEMENT
    english.date_issued = datetime.date(2025, 4, 1)
    english.image_credit = "OSCE/Another photographer"
    english.image_focal_x = 30
    english.save()
    someone = staff("someone", "Editor")

    changed = translations.keep_in_step(english, someone)

    russian.refresh_from_db()
    assert changed == [russian]
    assert ids(russian.fields_of_work) == ids(english.fields_of_work)
    assert ids(russian.countries) == {country.pk}
    assert ids(russian.supporting_structures) == set()
    assert russian.kind == NewsItem.Kind.STATEMENT
    assert russian.date_issued == datetime.date(2025, 4, 1)
    assert (russian.image_credit, russian.image_focal_x) == ("OSCE/Another photographer", 30)
    # Who changed it says so; its text is not touched, so it is not newer than its source's.
    assert russian.updated_by == someone
    assert russian.text_changed_at == written
    assert russian.title.startswith("Миссия")


def test_keep_in_step_leaves_a_group_in_step_alone(russian, editor):
    updated = russian.updated_at

    assert translations.keep_in_step(russian.translation_source, editor) == []
    russian.refresh_from_db()
    assert russian.updated_at == updated


def test_the_lead_image_is_shared_but_not_its_texts(russian, editor):
    english = russian.translation_source
    english.image = "news/2025/03/courts.jpg"
    english.image_width, english.image_height = 1200, 800
    english.image_alt = "Judges in a courtroom"
    english.save()
    russian.image_alt = "Судьи в зале суда"
    russian.save()

    translations.keep_in_step(english, editor)

    russian.refresh_from_db()
    assert russian.image.name == "news/2025/03/courts.jpg"
    assert (russian.image_width, russian.image_height) == (1200, 800)
    assert russian.image_alt == "Судьи в зале суда"


def test_single_meetings_are_shared(russian, editor):
    english = russian.translation_source
    meeting = Meeting.objects.create(
        series=english.meeting_series.get(),
        title="Ministerial Council, Vienna 2025",
        slug="vienna-2025",
        start_date=datetime.date(2025, 12, 4),
        end_date=datetime.date(2025, 12, 5),
    )
    MeetingNews.objects.create(meeting=meeting, news=english)

    translations.keep_in_step(english, editor)

    assert MeetingNews.objects.filter(meeting=meeting, news=russian).exists()


def test_saving_one_translation_in_the_admin_changes_the_others(login, editor, russian):
    english = russian.translation_source
    lead, field = StructureFactory(name="Mission to Moldova"), FieldOfWorkFactory()
    post = post_of(russian, lead_structure=lead.pk, fields_of_work=[field.pk], kind="statement")
    post["confirm_publication"] = "on"  # it is public, and its lead issuer changes

    response = login(editor).post(change_url(russian), post, follow=True)

    assert response.redirect_chain, form_errors(response, "__all__")
    english.refresh_from_db()
    assert english.lead_structure == lead
    assert english.kind == "statement"
    assert ids(english.fields_of_work) == {field.pk}
    assert english.updated_by == editor
    assert any("same shared details" in message for message in messages_of(response))


def test_the_public_list_counts_follow(login, editor, russian, client):
    """The Russian item shows under the field of work it got from its English source."""
    new_field = FieldOfWorkFactory(name="Good governance", slug="good-governance")
    with override_language.override("ru"):
        url = reverse("news:list") + "?field=good-governance"
    before = client.get(url)
    assert before.context["paginator"].count == 0
    english = russian.translation_source

    login(editor).post(
        change_url(english),
        post_of(english, fields_of_work=[new_field.pk]),
    )

    client.logout()
    after = client.get(url)
    assert after.status_code == 200
    assert russian.title in after.content.decode()
    shown = after.context["paginator"].count
    assert shown >= 1
    assert {c.value: c.count for c in after.context["facets"]["field"].choices}[
        "good-governance"
    ] == shown


def test_a_publisher_cannot_change_what_a_published_translation_shares(
    login, publisher_serbia, english
):
    client = login(publisher_serbia)
    client.post(reverse("admin:news_newsitem_translate", args=[english.pk]), {"language": "sr"})
    serbian = NewsItem.objects.get(language="sr")
    other_field = FieldOfWorkFactory()

    response = client.post(change_url(serbian), post_of(serbian, fields_of_work=[other_field.pk]))

    assert response.status_code == 200
    assert any("only an editor" in error for error in form_errors(response, "fields_of_work"))
    assert ids(english.fields_of_work) != {other_field.pk}


def test_a_publisher_translates_text_without_touching_the_shared_details(
    login, publisher_serbia, english
):
    client = login(publisher_serbia)
    client.post(reverse("admin:news_newsitem_translate", args=[english.pk]), {"language": "sr"})
    serbian = NewsItem.objects.get(language="sr")

    response = client.post(change_url(serbian), post_of(serbian, title="Misija OEBS podržava"))

    assert response.status_code == 302
    serbian.refresh_from_db()
    assert serbian.title == "Misija OEBS podržava"


def test_a_published_translation_keeps_its_date_and_issuer(login, editor, english):
    client = login(editor)
    client.post(reverse("admin:news_newsitem_translate", args=[english.pk]), {"language": "de"})
    german = NewsItem.objects.get(language="de")

    response = client.post(change_url(german), post_of(german, date_issued="", lead_structure=""))

    assert response.status_code == 200
    assert form_errors(response, "date_issued") and form_errors(response, "lead_structure")
    english.refresh_from_db()
    assert english.date_issued is not None and english.lead_structure_id is not None


def test_each_changed_translation_is_recorded_for_the_index_of_the_public_news(
    login, editor, russian
):
    from newsroom.models import Change

    english = russian.translation_source
    Change.objects.all().delete()

    login(editor).post(
        change_url(english), post_of(english, fields_of_work=[FieldOfWorkFactory().pk])
    )

    assert Change.objects.filter(item=russian.pk).exists()


def test_a_hidden_translation_changed_records_nothing_public(login, editor, english):
    from newsroom.models import Change

    german = translations.translate(english, "de", editor)
    german_only = NewsItem.objects.get(pk=german.pk)
    german_only.countries.clear()
    Change.objects.all().delete()

    translations.keep_in_step(english, editor)

    assert ids(german_only.countries) == ids(english.countries)
    assert not Change.objects.filter(item=german.pk).exists()


def test_a_closed_issuer_given_to_a_draft_translation_of_a_public_item_needs_confirming(
    login, editor, english
):
    client = login(editor)
    client.post(reverse("admin:news_newsitem_translate", args=[english.pk]), {"language": "de"})
    german = NewsItem.objects.get(language="de")
    closed = StructureFactory(
        name="Special Monitoring Mission", is_active=False, closed_on=datetime.date(2022, 3, 31)
    )
    post = post_of(german, supporting_structures=[closed.pk])

    refused = client.post(change_url(german), post)

    assert refused.status_code == 200
    errors = " ".join(form_errors(refused, "confirm_publication"))
    assert "Special Monitoring Mission closed on" in errors
    assert "A translation of this item is public" in errors
    assert closed not in english.supporting_structures.all()

    confirmed = client.post(change_url(german), {**post, "confirm_publication": "on"})

    assert confirmed.status_code == 302
    assert closed in english.supporting_structures.all()


def test_a_new_image_brings_its_alt_text_where_a_translation_has_none(russian, editor):
    english = russian.translation_source
    english.image = "news/2025/03/courts.jpg"
    english.image_alt = "Judges in a courtroom"
    english.save()

    translations.keep_in_step(english, editor)

    russian.refresh_from_db()
    assert russian.image_alt == "Judges in a courtroom"  # to translate, never left without
