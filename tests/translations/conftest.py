"""Personas (tests/workflow/conftest.py) and a group of translations to work on: an English
item of the Mission to Serbia, published, and its Russian translation."""

import datetime

import pytest
from django.utils import timezone

from news import translations
from news.models import NewsItem
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    StructureFactory,
)
from tests.workflow.conftest import (  # noqa: F401  (fixtures)
    editor,
    login,
    mission_serbia,
    outsider_staff,
    publisher_secretariat_unit,
    publisher_serbia,
    secretariat,
    secretariat_unit,
    serbia_office,
    staff,
)


@pytest.fixture
def english(mission_serbia):  # noqa: F811
    """A published English item with every kind of shared detail."""
    return PublishedNewsFactory(
        title="OSCE Mission supports judicial reform",
        slug="osce-mission-supports-judicial-reform",
        language="en",
        lede="The Mission supported the reform.",
        body="<p>The Mission supported the reform of the courts.</p>",
        dateline="BELGRADE, 5 March 2025",
        kind=NewsItem.Kind.PRESS_RELEASE,
        date_issued=datetime.date(2025, 3, 5),
        lead_structure=mission_serbia,
        supporting_structures=[StructureFactory(name="ODIHR")],
        fields_of_work=[FieldOfWorkFactory(name="Rule of law", slug="rule-of-law")],
        countries=[CountryFactory(name="Serbia", slug="serbia")],
        meeting_series=[MeetingSeriesFactory(name="Ministerial Council")],
        image_credit="OSCE/Milan Obradović",
    )


@pytest.fixture
def russian(english, editor):  # noqa: F811
    """Its Russian translation, published, its text translated."""
    item = translations.translate(english, "ru", editor)
    item.title = "Миссия ОБСЕ поддерживает судебную реформу"
    item.slug = "missiya-obse-podderzhivaet-sudebnuyu-reformu"
    item.lede = "Миссия поддержала реформу."
    item.status = NewsItem.Status.PUBLISHED
    item.published_at = timezone.now() - datetime.timedelta(minutes=30)
    item.save()
    return item


def draft(**kwargs):
    return NewsItemFactory(status=NewsItem.Status.DRAFT, **kwargs)
