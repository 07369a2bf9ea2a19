"""Invisible control characters are refused where people type text that pages and feeds show."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from news.models import NewsItem
from tests.factories import (
    AttachmentFactory,
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    StructureFactory,
    SuperuserFactory,
    TagFactory,
)
from tests.workflow.admin_posts import ADD_URL, form_errors, news_form

pytestmark = pytest.mark.django_db

MESSAGE = "contains invisible control characters"


@pytest.fixture
def superuser_client(client):
    client.force_login(SuperuserFactory())
    return client


@pytest.mark.parametrize(
    "field",
    ["title", "lede", "body", "dateline", "image_alt", "image_caption", "image_credit",
     "withdrawal_notice"],
)
def test_the_news_form_refuses_control_characters_naming_them(superuser_client, field):
    text = "Observers\x0b\x0c deployed" if field != "body" else "<p>Observers\x0b deployed</p>"

    response = superuser_client.post(ADD_URL, news_form(**{field: text}))

    assert response.status_code == 200
    [error] = form_errors(response, field)
    assert MESSAGE in error
    assert "U+000B" in error
    assert not NewsItem.objects.exists()


def test_the_news_form_refuses_a_tag_with_control_characters(superuser_client):
    response = superuser_client.post(ADD_URL, news_form(tags="elections, rule\x0bof law"))

    assert response.status_code == 200
    [error] = form_errors(response, "tags")
    assert MESSAGE in error
    assert not NewsItem.objects.exists()


def test_tabs_newlines_and_carriage_returns_are_not_counted_as_control_characters(
    superuser_client,
):
    response = superuser_client.post(ADD_URL, news_form(lede="First line.\r\n\tSecond\x0c."))

    [error] = form_errors(response, "lede")
    assert "U+000C" in error


@pytest.mark.parametrize(
    "character", ["\x00", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\x7f", "\ud800", "\ufffe"]
)
def test_every_character_xml_cannot_carry_is_refused(character):
    item = NewsItemFactory.build(title=f"Before{character}after")

    with pytest.raises(ValidationError) as refused:
        item.full_clean(exclude=["lead_structure"])

    assert MESSAGE in str(refused.value.message_dict["title"])


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: AttachmentFactory.build(news=NewsItemFactory(), title="Report\x0c"), "title"),
        (lambda: FieldOfWorkFactory.build(name="Elections\x0b"), "name"),
        (lambda: FieldOfWorkFactory.build(description="About\x0b"), "description"),
        (lambda: MeetingSeriesFactory.build(name="Council\x1f"), "name"),
        (lambda: MeetingSeriesFactory.build(description="Yearly\x1f"), "description"),
        (lambda: CountryFactory.build(name="Austria\x07"), "name"),
        (lambda: StructureFactory.build(name="Mission\x0b"), "name"),
        (lambda: StructureFactory.build(acronym="OSCE\x0b"), "acronym"),
        (lambda: StructureFactory.build(city="Vienna\x0b"), "city"),
        (lambda: StructureFactory.build(description="Since 1995\x0c"), "description"),
        (lambda: TagFactory.build(name="rule\x0bof law"), "name"),
    ],
)
def test_names_and_descriptions_refuse_control_characters(build, field):
    with pytest.raises(ValidationError) as refused:
        build().full_clean()

    assert MESSAGE in str(refused.value.message_dict[field])


def test_the_field_of_work_admin_refuses_a_name_with_control_characters(superuser_client):
    response = superuser_client.post(
        reverse("admin:taxonomy_fieldofwork_add"),
        {"name": "Elec\x0b\x0ctions", "slug": "elections", "description": "", "order": "0"},
    )

    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
