"""The translation status page: the groups a user may edit, each language's state, what is
missing and what is out of date; filters by structure and language; a bounded query count."""

import datetime

import pytest
from django.urls import reverse

from news import translations
from news.models import NewsItem
from tests.factories import NewsItemFactory, PublishedNewsFactory, StructureFactory
from tests.translations.conftest import draft

pytestmark = pytest.mark.django_db

STATUS_URL = reverse("admin:news_newsitem_translations")


def cells(response):
    """{first item's title: {language: (state, out of date)}} of the page's rows."""
    return {
        row["first"].title: {
            cell["language"]: (cell["key"], bool(cell.get("out_of_date"))) for cell in row["cells"]
        }
        for row in response.context["rows"]
    }


def titles(response):
    return {row["first"].title for row in response.context["rows"]}


def make_out_of_date(item):
    source = NewsItem.objects.get(pk=item.translation_source_id)
    source.lede = "Changed after the translation."
    source.save()


def test_the_page_shows_each_language_state(login, editor, russian):
    english = russian.translation_source
    make_out_of_date(russian)
    french = translations.translate(english, "fr", editor)  # from the changed text

    response = login(editor).get(STATUS_URL)

    assert response.status_code == 200
    row = cells(response)[english.title]
    assert row["en"] == ("published", False)
    assert row["ru"] == ("published", True)
    assert row["fr"] == ("draft", False)
    assert row["de"] == ("missing", False)
    content = response.content.decode()
    assert "OUT OF DATE" in content and "MISSING" in content
    assert reverse("admin:news_newsitem_change", args=[french.pk]) in content


def test_a_scheduled_translation_is_shown_as_scheduled(login, editor, russian):
    NewsItem.objects.filter(pk=russian.pk).update(
        published_at=russian.published_at + datetime.timedelta(days=3)
    )

    row = cells(login(editor).get(STATUS_URL))[russian.translation_source.title]

    assert row["ru"] == ("scheduled", False)


def test_another_language_of_the_group_gets_its_column(login, editor, english):
    translations.translate(english, "sq", editor)

    response = login(editor).get(STATUS_URL)

    assert [code for code, _name in response.context["columns"]] == ["en", "ru", "fr", "de", "sq"]
    assert cells(response)[english.title]["sq"] == ("draft", False)


def test_filter_by_structure_takes_in_what_is_under_it(
    login, editor, english, mission_serbia, serbia_office
):
    under = PublishedNewsFactory(title="From the office", lead_structure=serbia_office)
    elsewhere = PublishedNewsFactory(title="From Moldova", lead_structure=StructureFactory())
    client = login(editor)

    response = client.get(STATUS_URL, {"structure": mission_serbia.pk})

    assert titles(response) == {english.title, under.title}
    assert elsewhere.title in titles(client.get(STATUS_URL))


def test_filter_by_language_shows_groups_missing_it_or_out_of_date_in_it(
    login, editor, russian, mission_serbia
):
    english = russian.translation_source
    lonely = PublishedNewsFactory(title="Not translated", lead_structure=mission_serbia)
    done = PublishedNewsFactory(title="Translated", lead_structure=mission_serbia)
    translations.translate(done, "ru", editor)
    client = login(editor)

    assert titles(client.get(STATUS_URL, {"language": "ru"})) == {lonely.title}
    make_out_of_date(russian)
    assert titles(client.get(STATUS_URL, {"language": "ru"})) == {lonely.title, english.title}
    # A language the page does not show by default gets its column.
    response = client.get(STATUS_URL, {"language": "sr"})
    assert [code for code, _name in response.context["columns"]][-1] == "sr"
    assert titles(response) == {english.title, lonely.title, done.title}


def test_only_what_needs_work(login, editor, english, mission_serbia):
    complete = PublishedNewsFactory(title="In every interface language", language="en")
    for language in ["ru", "fr", "de"]:
        translations.translate(complete, language, editor)
    client = login(editor)

    assert titles(client.get(STATUS_URL, {"needs_work": "on"})) == {english.title}
    make_out_of_date(NewsItem.objects.get(translation_group=complete.pk, language="de"))
    assert titles(client.get(STATUS_URL, {"needs_work": "on"})) == {english.title, complete.title}


def test_a_field_operations_publisher_sees_what_it_owes(
    login, publisher_serbia, english, secretariat_unit
):
    theirs_under = draft(title="From the office draft", lead_structure=english.lead_structure)
    others = PublishedNewsFactory(title="Secretariat news", lead_structure=secretariat_unit)
    client = login(publisher_serbia)

    response = client.get(STATUS_URL)

    assert titles(response) == {english.title, theirs_under.title}
    assert others.title not in response.content.decode()
    # Another structure cannot be chosen.
    assert client.get(STATUS_URL, {"structure": secretariat_unit.pk}).status_code == 400


def test_staff_without_a_role_may_not_see_it(login, outsider_staff):
    assert login(outsider_staff).get(STATUS_URL).status_code == 403


def test_the_change_list_and_the_admin_home_link_to_it(login, editor):
    client = login(editor)

    assert STATUS_URL in client.get(reverse("admin:news_newsitem_changelist")).content.decode()
    assert STATUS_URL in client.get(reverse("admin:index")).content.decode()


def test_pages_keep_the_filters(login, editor, mission_serbia, settings):
    from news.admin import translations as admin_translations

    for n in range(admin_translations.GROUPS_PER_PAGE + 2):
        NewsItemFactory(title=f"Item {n}", lead_structure=mission_serbia)

    response = login(editor).get(STATUS_URL, {"structure": mission_serbia.pk})

    assert response.context["page"].paginator.count == admin_translations.GROUPS_PER_PAGE + 2
    assert len(response.context["rows"]) == admin_translations.GROUPS_PER_PAGE
    assert f"structure={mission_serbia.pk}&amp;page=2" in response.content.decode()


def group(structure, n, editor, languages=("en", "ru", "sq")):
    source = PublishedNewsFactory(title=f"Group {n}", lead_structure=structure)
    for language in languages[1:]:
        translations.translate(source, language, editor)
    return source


@pytest.mark.parametrize("groups", [2, 20])
def test_the_query_count_does_not_grow_with_the_groups(
    login, editor, publisher_serbia, mission_serbia, groups, django_assert_max_num_queries
):
    for n in range(groups):
        group(mission_serbia, n, editor)
    client = login(publisher_serbia)

    # The session, the user's rights and structures (read by the scope, the filter's choices
    # and the chosen structure's subtree), the count, the page's groups and their items.
    with django_assert_max_num_queries(18):
        response = client.get(STATUS_URL, {"structure": mission_serbia.pk, "needs_work": "on"})

    assert len(response.context["rows"]) == groups
