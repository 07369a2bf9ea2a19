"""“Translate into…” on an item's change page: a linked draft in another language, its text to
translate, its shared details the group's; refused for a language the group has and for
whoever may not edit the item."""

import pytest
from django.urls import reverse

from news.models import NewsItem
from tests.translations.conftest import draft
from tests.workflow.admin_posts import change_url, form_errors, messages_of, news_form

pytestmark = pytest.mark.django_db


def translate_url(item):
    return reverse("admin:news_newsitem_translate", args=[item.pk])


def ids(related):
    return set(related.values_list("pk", flat=True))


def test_change_page_links_to_translate_into(login, editor, english):
    content = login(editor).get(change_url(english)).content.decode()

    assert f'href="{translate_url(english)}"' in content


def test_translate_page_offers_missing_languages_interface_first(login, editor, russian):
    response = login(editor).get(translate_url(russian.translation_source))

    assert response.status_code == 200
    offered = [code for code, _name in response.context["interface_languages"]]
    others = [code for code, _name in response.context["other_languages"]]
    assert offered == ["fr", "de"]  # English is the item's own, Russian exists
    assert "sq" in others and "uk" in others and "en" not in others and "ru" not in others
    assert 'value="fr"' in response.content.decode()


def test_translating_makes_a_linked_draft_with_the_shared_details(login, editor, english):
    response = login(editor).post(translate_url(english), {"language": "ru"})

    translation = NewsItem.objects.get(language="ru")
    assert response.status_code == 302
    assert response["Location"] == change_url(translation)
    assert translation.status == NewsItem.Status.DRAFT
    assert translation.translation_group == english.translation_group == english.pk
    assert translation.translation_source == english
    assert translation.created_by == editor
    # The text to translate, copied.
    for name in ["title", "lede", "body", "dateline", "image_alt", "image_caption"]:
        assert getattr(translation, name) == getattr(english, name)
    # The shared details.
    for name in ["kind", "date_issued", "lead_structure", "image_credit"]:
        assert getattr(translation, name) == getattr(english, name)
    for name in ["supporting_structures", "fields_of_work", "countries", "meeting_series"]:
        assert ids(getattr(translation, name)) == ids(getattr(english, name)) != set()
    # Its address in Russian: the source's slug is free there.
    assert translation.slug == "osce-mission-supports-judicial-reform"
    assert translation.get_absolute_url() != english.get_absolute_url()


def test_the_translation_page_says_what_was_made(login, editor, english):
    response = login(editor).post(translate_url(english), {"language": "fr"}, follow=True)

    assert any("French" in message for message in messages_of(response))
    assert response.context["original"].language == "fr"


def test_a_russian_title_gives_the_draft_a_transliterated_slug(login, editor, english):
    client = login(editor)
    client.post(translate_url(english), {"language": "ru"})
    translation = NewsItem.objects.get(language="ru")

    response = client.post(
        change_url(translation),
        news_form(
            translation,
            title="ОБСЕ приветствует судебную реформу",
            countries=[c.pk for c in translation.countries.all()],
            meeting_series=[m.pk for m in translation.meeting_series.all()],
            language="ru",
        ),
    )

    assert response.status_code == 302, form_errors(response, "__all__")
    translation.refresh_from_db()
    assert translation.slug == "obse-privetstvuet-sudebnuyu-reformu"


def test_a_slug_the_translator_chose_is_kept(login, editor, english):
    client = login(editor)
    client.post(translate_url(english), {"language": "ru"})
    translation = NewsItem.objects.get(language="ru")
    post = news_form(
        translation,
        title="ОБСЕ приветствует реформу",
        slug="reforma",
        countries=[c.pk for c in translation.countries.all()],
        meeting_series=[m.pk for m in translation.meeting_series.all()],
    )

    client.post(change_url(translation), post)

    translation.refresh_from_db()
    assert translation.slug == "reforma"


def test_a_published_items_slug_never_follows_its_title(login, editor, russian):
    client = login(editor)
    post = news_form(
        russian,
        title="Новый заголовок",
        countries=[c.pk for c in russian.countries.all()],
        meeting_series=[m.pk for m in russian.meeting_series.all()],
    )
    russian.slug = russian.translation_source.slug  # as made, before anyone changed it
    NewsItem.objects.filter(pk=russian.pk).update(slug=russian.slug)
    post["slug"] = russian.slug

    client.post(change_url(russian), post)

    russian.refresh_from_db()
    assert russian.slug == "osce-mission-supports-judicial-reform"


def test_a_source_in_russian_gives_its_english_translation_a_readable_slug(login, editor):
    source = draft(title="Миссия ОБСЕ в Сербии", slug="missiya", language="ru")

    login(editor).post(translate_url(source), {"language": "en"})

    assert NewsItem.objects.get(language="en").slug == "missiya-obse-v-serbii"


def test_a_slug_taken_under_the_same_addresses_gets_a_number(login, editor, english):
    # Albanian items live under the English addresses: the English slug is taken there.
    login(editor).post(translate_url(english), {"language": "sq"})

    assert NewsItem.objects.get(language="sq").slug == "osce-mission-supports-judicial-reform-2"


def test_a_language_the_group_has_is_refused(login, editor, russian):
    english = russian.translation_source
    client = login(editor)

    for item, language in [(english, "ru"), (russian, "en"), (english, "en")]:
        response = client.post(translate_url(item), {"language": language})
        assert response.status_code == 400
        assert any("already has a translation" in m for m in messages_of(response))
    assert NewsItem.objects.filter(translation_group=english.pk).count() == 2


def test_an_unknown_language_is_refused(login, editor, english):
    response = login(editor).post(translate_url(english), {"language": "xx"})

    assert response.status_code == 400
    assert NewsItem.objects.count() == 1


def test_a_publisher_translates_their_structures_item(login, publisher_serbia, english):
    response = login(publisher_serbia).post(translate_url(english), {"language": "sr"})

    assert response.status_code == 302
    assert NewsItem.objects.get(language="sr").created_by == publisher_serbia


def test_a_publisher_of_another_structure_cannot_translate(
    login, publisher_secretariat_unit, english
):
    client = login(publisher_secretariat_unit)

    assert client.get(translate_url(english)).status_code == 302  # "does not exist"
    response = client.post(translate_url(english), {"language": "ru"})

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert not NewsItem.objects.filter(language="ru").exists()


def test_staff_without_a_role_cannot_translate(login, outsider_staff, english):
    response = login(outsider_staff).post(translate_url(english), {"language": "ru"})

    assert response.status_code in (302, 403)
    assert not NewsItem.objects.filter(language="ru").exists()


def test_translating_needs_a_post(login, editor, english):
    login(editor).get(translate_url(english) + "?language=ru")

    assert not NewsItem.objects.filter(language="ru").exists()


def test_translating_needs_the_csrf_token(client, editor, english):
    csrf_client = client.__class__(enforce_csrf_checks=True)
    csrf_client.force_login(editor)

    response = csrf_client.post(translate_url(english), {"language": "ru"})

    assert response.status_code == 403
    assert not NewsItem.objects.filter(language="ru").exists()


def test_changing_language_to_one_the_group_has_is_refused(login, editor, russian):
    post = news_form(
        russian,
        language="en",
        countries=[c.pk for c in russian.countries.all()],
        meeting_series=[m.pk for m in russian.meeting_series.all()],
    )

    response = login(editor).post(change_url(russian), post)

    assert response.status_code == 200
    assert any("is in English already" in error for error in form_errors(response, "language"))
    russian.refresh_from_db()
    assert russian.language == "ru"


def test_the_list_shows_and_filters_by_language(login, editor, russian):
    client = login(editor)
    changelist = reverse("admin:news_newsitem_changelist")

    everything = client.get(changelist)
    in_russian = client.get(changelist + "?language__exact=ru")

    assert "Russian" in everything.content.decode()
    assert [item.pk for item in in_russian.context["cl"].result_list] == [russian.pk]


def test_the_add_page_asks_for_the_language(login, editor):
    response = login(editor).get(reverse("admin:news_newsitem_add"))

    assert "language" in response.context["adminform"].form.fields


def test_changing_a_public_items_language_warns_of_its_new_address(login, editor, english):
    post = news_form(
        english,
        language="de",
        countries=[c.pk for c in english.countries.all()],
        meeting_series=[m.pk for m in english.meeting_series.all()],
        image_credit=english.image_credit,
    )

    response = login(editor).post(change_url(english), post, follow=True)

    english.refresh_from_db()
    assert english.language == "de"
    assert any(english.get_absolute_url() in m for m in messages_of(response))
