"""A translation is an item of its own: it is previewed, scheduled and published on its own,
later than its source, which stays as it is."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news import services, translations
from news.models import NewsItem
from tests.workflow.admin_posts import change_url

pytestmark = pytest.mark.django_db


def test_a_translation_is_scheduled_later_than_its_source_which_stays_published(editor, english):
    russian = translations.translate(english, "ru", editor)
    russian.title = "Миссия ОБСЕ поддерживает судебную реформу"
    russian.save()
    tomorrow = timezone.now() + datetime.timedelta(days=1)

    services.publish(russian, editor, at=tomorrow)

    russian.refresh_from_db()
    english.refresh_from_db()
    assert russian.is_scheduled()
    assert english.is_published()
    assert set(NewsItem.objects.published()) == {english}
    assert set(NewsItem.objects.scheduled()) == {russian}


def test_a_scheduled_translation_has_no_public_page_until_its_time(client, editor, english):
    russian = translations.translate(english, "ru", editor)
    russian.title = "Миссия ОБСЕ поддерживает судебную реформу"
    russian.save()
    services.publish(russian, editor, at=timezone.now() + datetime.timedelta(days=1))

    # Before its time its address shows no Russian text (a 404, or the English page).
    before = client.get(russian.get_absolute_url(), follow=True)
    assert russian.title not in before.content.decode()
    assert client.get(english.get_absolute_url()).status_code == 200

    NewsItem.objects.filter(pk=russian.pk).update(
        published_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    after = client.get(russian.get_absolute_url())
    assert after.status_code == 200
    assert russian.title in after.content.decode()


def test_publishing_a_translation_leaves_its_sources_history_alone(editor, english):
    russian = translations.translate(english, "ru", editor)

    services.publish(russian, editor)

    assert list(english.transitions.all()) == []
    assert [t.to_status for t in russian.transitions.all()] == [NewsItem.Status.PUBLISHED]


def test_a_draft_translation_is_previewed(login, editor, english):
    russian = translations.translate(english, "ru", editor)
    russian.title = "Миссия ОБСЕ поддерживает судебную реформу"
    russian.save()

    response = login(editor).get(reverse("news:preview", args=[russian.pk]))

    assert response.status_code == 200
    assert "Миссия ОБСЕ поддерживает судебную реформу" in response.content.decode()


def test_a_translation_has_its_own_revisions(login, editor, english):
    from news.revisions import versions_of

    russian = translations.translate(english, "ru", editor)
    before = versions_of(english.pk).count()

    assert versions_of(russian.pk).count() == 1  # made with a revision
    login(editor).get(change_url(russian))
    assert versions_of(english.pk).count() == before


def test_the_change_page_lists_the_items_translations(login, editor, russian):
    english = russian.translation_source

    content = login(editor).get(change_url(english)).content.decode()

    assert change_url(russian) in content
    assert "Миссия ОБСЕ поддерживает судебную реформу" in content
