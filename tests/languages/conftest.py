import datetime

import pytest
from django.utils import timezone

from news.models import NewsItem
from newsroom import index as news_index
from tests.factories import FieldOfWorkFactory, NewsItemFactory, PublishedNewsFactory


def translation(source, language, title, slug, **fields):
    """A translation of `source` in `language`, in its group (published unless said)."""
    options = {
        "status": NewsItem.Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(minutes=30),
        **fields,
    }
    return NewsItemFactory(
        title=title,
        slug=slug,
        language=language,
        translation_group=source.group,
        translation_source=source,
        date_issued=source.date_issued,
        lead_structure=source.lead_structure,
        fields_of_work=list(source.fields_of_work.all()),
        **options,
    )


@pytest.fixture
def newsroom(db):
    """A: English with a published Russian translation, a scheduled French one; B: English
    with a Russian draft; C: Russian only; D: Albanian only."""
    field = FieldOfWorkFactory(slug="elections")
    day = datetime.date(2025, 3, 14)
    a = PublishedNewsFactory(
        title="Elections observed",
        slug="elections-observed",
        fields_of_work=[field],
        date_issued=day,
    )
    a_ru = translation(a, "ru", "Наблюдение за выборами", "nabliudenie-za-vyborami")
    a_fr = translation(
        a,
        "fr",
        "Élections observées",
        "elections-observees",
        published_at=timezone.now() + datetime.timedelta(days=2),
    )
    b = PublishedNewsFactory(
        title="Media freedom",
        slug="media-freedom",
        fields_of_work=[field],
        date_issued=day - datetime.timedelta(days=1),
    )
    b_ru = translation(
        b, "ru", "Свобода СМИ", "svoboda-smi", status=NewsItem.Status.DRAFT, published_at=None
    )
    c = PublishedNewsFactory(
        title="Миссия ОБСЕ в Бишкеке",
        slug="missiia-obse",
        language="ru",
        fields_of_work=[field],
        date_issued=day - datetime.timedelta(days=2),
    )
    d = PublishedNewsFactory(
        title="Prezenca e OSBE-së",
        slug="prezenca",
        language="sq",
        fields_of_work=[field],
        date_issued=day - datetime.timedelta(days=3),
    )
    news_index.reset()
    return {
        "a": a,
        "a_ru": a_ru,
        "a_fr": a_fr,
        "b": b,
        "b_ru": b_ru,
        "c": c,
        "d": d,
        "field": field,
    }
