"""What a visitor sees of languages: addresses under a language, lists of one language with
the others' items flagged, the language facet's counts, the switcher and hreflang alternates
(published translations only), and items found in their language."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from news.models import NewsItem
from newsroom import index as news_index

pytestmark = pytest.mark.django_db


def url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


def titles(html):
    return re.findall(r'<h\d class="card-title"[^>]*><a href="[^"]*">([^<]*)</a>', html)


def cards_by_title(html):
    """{title: the card's HTML}."""
    found = {}
    for card in re.findall(r'<article class="card.*?</article>', html, re.S):
        title = re.search(r'class="card-title"[^>]*><a href="[^"]*">([^<]*)</a>', card).group(1)
        found[title] = card
    return found


def test_an_address_without_a_language_redirects_by_accept_language_with_no_cookie(
    client, newsroom
):
    response = client.get("/news/?field=elections", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9,en;q=0.5")

    assert response.status_code == 302
    assert response["Location"] == "/ru/news/?field=elections"
    assert "Accept-Language" in response["Vary"]
    assert not response.cookies

    assert client.get("/news/", HTTP_ACCEPT_LANGUAGE="ja").headers["Location"] == "/en/news/"
    assert client.get("/news/").headers["Location"] == "/en/news/"


def test_an_unknown_language_prefix_is_a_404(client, newsroom):
    assert client.get("/xx/news/").status_code == 404
    assert client.get("/it/news/").status_code == 404  # a language with no interface (yet)


def test_a_list_in_russian_shows_russian_items_and_flags_the_others_in_their_language(
    client, newsroom
):
    html = client.get(url("news:list", "ru")).content.decode()

    cards = cards_by_title(html)
    # A is shown by its Russian translation, B (its translation a draft) in English, C, D.
    assert set(cards) == {
        "Наблюдение за выборами",
        "Media freedom",
        "Миссия ОБСЕ в Бишкеке",
        "Prezenca e OSBE-së",
    }
    assert 'lang="en"' in cards["Media freedom"] and "card-language" in cards["Media freedom"]
    assert 'lang="sq"' in cards["Prezenca e OSBE-së"]
    assert "card-language" not in cards["Наблюдение за выборами"]
    assert '<html lang="ru" dir="ltr">' in html
    # The draft and the scheduled translations are nowhere.
    assert "Свобода СМИ" not in html and "Élections observées" not in html


def test_the_other_languages_can_be_left_out_and_chosen_one_by_one(client, newsroom):
    only_russian = client.get(url("news:list", "ru") + "?others=exclude").content.decode()
    assert set(titles(only_russian)) == {"Наблюдение за выборами", "Миссия ОБСЕ в Бишкеке"}

    english = client.get(url("news:list", "ru") + "?language=en").content.decode()
    assert set(titles(english)) == {"Elections observed", "Media freedom"}


def test_the_language_facet_counts_every_language_exactly(client, newsroom):
    html = client.get(url("news:list", "ru")).content.decode()

    def count(code):
        found = re.search(rf'id="facet-language-{code}-count">(\d+)', html)
        return int(found.group(1)) if found else 0

    assert (count("en"), count("ru"), count("sq"), count("fr"), count("de")) == (2, 2, 1, 0, 0)


def test_the_default_of_other_languages_is_the_organisations(client, newsroom, settings):
    settings.NEWS_INCLUDE_OTHER_LANGUAGES = False
    html = client.get(url("news:list", "en")).content.decode()
    assert set(titles(html)) == {"Elections observed", "Media freedom"}
    # The visitor may still include them; the default is not written in addresses.
    html = client.get(url("news:list", "en") + "?others=include").content.decode()
    assert "Миссия ОБСЕ в Бишкеке" in titles(html)


def test_a_published_translation_takes_its_sources_place_in_its_language(client, newsroom):
    news_index.current()
    b_ru = newsroom["b_ru"]
    b_ru.status = NewsItem.Status.PUBLISHED
    b_ru.published_at = newsroom["a_ru"].published_at
    b_ru.save()

    html = client.get(url("news:list", "ru")).content.decode()
    assert "Свобода СМИ" in titles(html) and "Media freedom" not in titles(html)
    english = client.get(url("news:list", "en")).content.decode()
    assert "Media freedom" in titles(english) and "Свобода СМИ" not in titles(english)


def test_an_item_page_offers_its_published_translations_only(client, newsroom):
    a, a_ru = newsroom["a"], newsroom["a_ru"]
    html = client.get(a_ru.get_absolute_url()).content.decode()

    assert '<html lang="ru" dir="ltr">' in html
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert f'href="{a.get_absolute_url()}" hreflang="en"' in switcher
    assert 'aria-current="true">Русский' in switcher
    # French exists only scheduled, German not at all: shown, not linked.
    assert 'class="language-unavailable"><span lang="fr">' in switcher
    assert 'class="language-unavailable"><span lang="de">' in switcher
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
    assert alternates == {
        "en": f"http://testserver{a.get_absolute_url()}",
        "ru": f"http://testserver{a_ru.get_absolute_url()}",
        "x-default": f"http://testserver{a.get_absolute_url()}",
    }
    assert newsroom["a_fr"].slug not in html


def test_json_ld_names_the_language_and_the_translations(client, newsroom):
    a, a_ru = newsroom["a"], newsroom["a_ru"]

    def json_ld(item):
        html = client.get(item.get_absolute_url()).content.decode()
        found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        return json.loads(found.group(1))

    original, russian = json_ld(a), json_ld(a_ru)
    assert original["inLanguage"] == "en"
    assert original["workTranslation"] == [
        {"@id": f"http://testserver{a_ru.get_absolute_url()}", "inLanguage": "ru"}
    ]
    assert russian["inLanguage"] == "ru"
    assert russian["translationOfWork"]["@id"] == f"http://testserver{a.get_absolute_url()}"


def test_a_slug_of_another_language_leads_to_the_translation_or_the_item(client, newsroom):
    a, a_ru, b = newsroom["a"], newsroom["a_ru"], newsroom["b"]

    to_translation = client.get(url("news:detail", "ru", a.slug))
    assert to_translation.status_code == 302
    assert to_translation["Location"] == a_ru.get_absolute_url()
    # B's Russian translation is a draft: the English item, not the draft.
    to_item = client.get(url("news:detail", "ru", b.slug))
    assert to_item["Location"] == b.get_absolute_url()
    assert client.get(url("news:detail", "ru", newsroom["b_ru"].slug)).status_code == 404


def test_an_item_in_a_language_without_an_interface_lives_under_the_default(client, newsroom):
    d = newsroom["d"]
    assert d.get_absolute_url() == f"/en/news/{d.slug}/"
    html = client.get(d.get_absolute_url()).content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert '<h1 lang="sq">' in html
    assert "In Albanian" in html


def test_other_pages_are_offered_in_every_language_with_the_lists_parameters(client, newsroom):
    html = client.get(url("news:list", "en") + "?field=elections&utm_source=x").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
    assert alternates["ru"] == "http://testserver/ru/news/?field=elections"
    assert alternates["x-default"] == "http://testserver/news/?field=elections"
    assert set(alternates) == {"en", "ru", "fr", "de", "x-default"}


def test_feeds_are_per_language(client, newsroom):
    russian = client.get(url("news:rss", "ru")).content.decode()
    assert "Наблюдение за выборами" in russian and "Elections observed" not in russian
    english = client.get(url("news:rss", "en")).content.decode()
    assert "Elections observed" in english and "Наблюдение за выборами" not in english


def test_the_index_and_the_database_agree_on_what_each_language_shows(newsroom):
    from django.http import QueryDict

    from newsroom.results import Reading, Results
    from tests.factories import NewsItemFactory
    from tests.languages.conftest import translation as translated

    # A group whose original is a draft: its first published member stands for it.
    draft = NewsItemFactory(title="Unfinished", slug="unfinished")
    translated(draft, "fr", "Inachevé", "inacheve")
    translated(draft, "ru", "Незаконченное", "nezakonchennoe")
    news_index.reset()

    for code in ("en", "ru", "fr", "de"):
        for others in ("include", "exclude"):
            with translation.override(code):
                filterset = Reading().filterset(QueryDict(f"others={others}"))
                assert filterset.is_valid()
                shown = set(Results(filterset).ids(0, 100))
                rule = NewsItem.objects.published().in_language(code, others == "include")
                assert shown == set(rule.values_list("pk", flat=True)), (code, others)


def test_the_home_page_and_term_pages_show_the_pages_language(client, newsroom):
    home = client.get(url("home", "ru")).content.decode()
    assert "Наблюдение за выборами" in home and "Elections observed" not in home
    field = client.get(url("taxonomy:field-detail", "en", "elections")).content.decode()
    assert "Elections observed" in field and "Наблюдение за выборами" not in field
    assert "Миссия ОБСЕ в Бишкеке" in field  # no English translation: shown in Russian


def test_the_sitemap_lists_each_item_with_its_published_translations_only(client, newsroom):
    a, a_ru, b = newsroom["a"], newsroom["a_ru"], newsroom["b"]
    xml = client.get("/sitemap-news-2025.xml").content.decode()

    def entry(item):
        loc = f"<loc>http://testserver{item.get_absolute_url()}</loc>"
        return xml[xml.index(loc) : xml.index("</url>", xml.index(loc))]

    links = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry(a)))
    assert links == {
        "en": f"http://testserver{a.get_absolute_url()}",
        "ru": f"http://testserver{a_ru.get_absolute_url()}",
        "x-default": f"http://testserver{a.get_absolute_url()}",
    }
    assert dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry(a_ru))) == links
    assert "hreflang" not in entry(b)  # its Russian translation is a draft
    for unpublished in (newsroom["a_fr"], newsroom["b_ru"]):
        assert unpublished.slug not in xml


def test_the_sitemap_lists_term_pages_in_every_language(client, newsroom):
    xml = client.get("/sitemap-fields-of-work.xml").content.decode()
    for code in ("en", "ru", "fr", "de"):
        assert f"<loc>http://testserver/{code}/fields-of-work/elections/</loc>" in xml
    assert 'hreflang="x-default" href="http://testserver/fields-of-work/elections/"' in xml


def test_the_other_languages_control_sends_nothing_for_the_default(client, newsroom):
    html = client.get(url("news:list", "en")).content.decode()
    radios = re.findall(r'<input type="radio" name="others"[^>]*>', html)
    assert len(radios) == 2
    assert 'value=""' in radios[0] and "checked" in radios[0]
    assert 'value="exclude"' in radios[1] and "checked" not in radios[1]
    html = client.get(url("news:list", "en") + "?others=exclude").content.decode()
    assert "checked" in re.findall(r'<input type="radio" name="others"[^>]*>', html)[1]


def test_related_news_are_in_the_pages_language_without_the_items_translations(client, newsroom):
    html = client.get(newsroom["a_ru"].get_absolute_url()).content.decode()
    related = html[html.index('id="related-heading"') :]
    assert "Elections observed" not in related  # its own source
    assert "Миссия ОБСЕ в Бишкеке" in related
    assert "Media freedom" in related  # no Russian translation published: in English


def test_dates_are_written_as_each_language_writes_them(client, newsroom):
    assert "14 марта 2025" in client.get(newsroom["a_ru"].get_absolute_url()).content.decode()
    assert "14 March 2025" in client.get(newsroom["a"].get_absolute_url()).content.decode()


def test_leaving_out_other_languages_is_an_active_filter_with_its_remove_link(client, newsroom):
    html = client.get(url("news:list", "en") + "?field=elections&others=exclude").content.decode()
    assert "Items in other languages" in html and "Not shown" in html
    assert 'href="/en/news/?field=elections"' in html  # removes just that choice


def test_a_term_has_one_slug_in_every_language_and_another_is_a_clear_400(client, newsroom):
    # A filter's value is the term's one slug, whatever the page's language.
    assert client.get(url("news:list", "ru") + "?field=elections").status_code == 200
    # A value made of the term's name in another language is no term: a 400 that says so.
    response = client.get(url("news:list", "ru") + "?field=vybory")
    assert response.status_code == 400
    assert "vybory" in response.content.decode()
    assert '<html lang="ru"' in response.content.decode()


def test_a_footer_page_in_another_language_marks_its_english_text(client, db):
    russian = client.get(url("pages:privacy", "ru")).content.decode()
    assert re.search(r'<h1 lang="en">', russian) and '<div class="prose" lang="en">' in russian
    english = client.get(url("pages:privacy", "en")).content.decode()
    assert '<div class="prose">' in english and 'lang="en">' not in english.split("<main")[1]
