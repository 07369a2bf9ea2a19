"""A term or structure that news uses cannot be deleted from the admin; nothing cascades."""

import pytest
from django.contrib import admin
from django.contrib.admin import helpers
from django.urls import reverse

from news.models import NewsItem
from taxonomy.models import FieldOfWork
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    StructureFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db


def used_field_of_work():
    field = FieldOfWorkFactory()
    return field, NewsItemFactory(fields_of_work=[field])


def used_country():
    country = CountryFactory()
    return country, NewsItemFactory(countries=[country])


def used_meeting_series():
    meeting = MeetingSeriesFactory()
    return meeting, NewsItemFactory(meeting_series=[meeting])


def lead_structure():
    structure = StructureFactory()
    return structure, NewsItemFactory(lead_structure=structure)


def supporting_structure():
    structure = StructureFactory()
    return structure, NewsItemFactory(supporting_structures=[structure])


def used_tag():
    tag = TagFactory()
    return tag, NewsItemFactory(tags=[tag])


USED = [
    used_field_of_work,
    used_country,
    used_meeting_series,
    lead_structure,
    supporting_structure,
    used_tag,
]
UNUSED = [FieldOfWorkFactory, CountryFactory, MeetingSeriesFactory, StructureFactory, TagFactory]
FACTORIES = {factory._meta.model: factory for factory in UNUSED}


def url(obj, view, *args):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_{view}", args=args)


def assert_untouched(obj, news):
    assert type(obj).objects.filter(pk=obj.pk).exists()
    assert NewsItem.objects.filter(pk=news.pk).exists()
    news.refresh_from_db()
    assert obj in news_links(obj, news)


def news_links(obj, news):
    """The entries of obj's kind that the news item uses, lead structure included."""
    if obj._meta.model_name == "structure":
        return [news.lead_structure, *news.supporting_structures.all()]
    relation = {
        "fieldofwork": "fields_of_work",
        "country": "countries",
        "meetingseries": "meeting_series",
        "tag": "tags",
    }[obj._meta.model_name]
    return list(getattr(news, relation).all())


@pytest.mark.parametrize("make", USED, ids=[make.__name__ for make in USED])
def test_deleting_one_entry_in_use_is_refused_naming_the_news(superuser_client, make):
    obj, news = make()
    delete_url = url(obj, "delete", obj.pk)

    page = superuser_client.get(delete_url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "cannot be deleted because it is still in use" in text
    assert news.title in text
    assert reverse("admin:news_newsitem_change", args=[news.pk]) in text  # a link to fix it
    assert 'name="post"' not in text  # no confirmation button is offered

    # Even a forged confirmation deletes nothing: the refusal is shown again.
    response = superuser_client.post(delete_url, {"post": "yes"})
    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert_untouched(obj, news)


@pytest.mark.parametrize("make", USED, ids=[make.__name__ for make in USED])
def test_bulk_deleting_entries_in_use_is_refused_naming_the_news(superuser_client, make):
    obj, news = make()
    unused = FACTORIES[type(obj)]()
    selection = {
        "action": "delete_selected",
        helpers.ACTION_CHECKBOX_NAME: [obj.pk, unused.pk],
    }

    page = superuser_client.post(url(obj, "changelist"), selection)
    assert page.status_code == 200
    text = page.content.decode()
    assert "cannot be deleted because they are still in use" in text
    assert news.title in text

    response = superuser_client.post(url(obj, "changelist"), {**selection, "post": "yes"})
    assert response.status_code == 200
    assert_untouched(obj, news)
    assert type(obj).objects.filter(pk=unused.pk).exists()  # nothing is deleted in part


@pytest.mark.parametrize("factory", UNUSED, ids=[f._meta.model.__name__ for f in UNUSED])
def test_deleting_an_unused_entry_works(superuser_client, factory):
    obj = factory()
    NewsItemFactory()  # other news exist; they do not use it

    response = superuser_client.post(url(obj, "delete", obj.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not type(obj).objects.filter(pk=obj.pk).exists()
    assert NewsItem.objects.count() == 1


@pytest.mark.parametrize("factory", UNUSED, ids=[f._meta.model.__name__ for f in UNUSED])
def test_bulk_deleting_unused_entries_works(superuser_client, factory):
    first, second = factory(), factory()
    NewsItemFactory()

    response = superuser_client.post(
        url(first, "changelist"),
        {
            "action": "delete_selected",
            helpers.ACTION_CHECKBOX_NAME: [first.pk, second.pk],
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert not type(first).objects.filter(pk__in=[first.pk, second.pk]).exists()
    assert NewsItem.objects.count() == 1


def test_a_field_used_by_many_news_names_the_first_and_counts_the_rest(
    superuser_client, monkeypatch, django_assert_max_num_queries
):
    field = FieldOfWorkFactory()
    NewsItemFactory.create_batch(4, fields_of_work=[field])
    delete_url = url(field, "delete", field.pk)
    monkeypatch.setattr(admin.site.get_model_admin(FieldOfWork), "protected_shown", 3)

    with django_assert_max_num_queries(50) as few:
        page = superuser_client.get(delete_url)
    assert page.content.decode().count("News item using it:") == 3
    assert "… and 1 more." in page.content.decode()

    NewsItemFactory.create_batch(20, fields_of_work=[field])
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = superuser_client.get(delete_url)
    assert "… and 21 more." in page.content.decode()
