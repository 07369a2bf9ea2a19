"""Two people edit the same item: the second save is refused and loses nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from news import services
from news.models import NewsItem
from tests.factories import CountryFactory, NewsItemFactory
from tests.revisions.browser import form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(mission):
    return NewsItemFactory(
        title="Mission trains judges", body="<p>Forty judges.</p>", lead_structure=mission
    )


@pytest.fixture
def url(item):
    return reverse("admin:news_newsitem_change", args=[item.pk])


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def first(editor):
    editor.first_name, editor.last_name = "Ana", "Editor"
    editor.save()
    return logged_in(editor)


@pytest.fixture
def second(publisher):
    return logged_in(publisher)


def test_second_save_is_refused_and_the_second_editors_text_is_kept(first, second, item, url):
    country = CountryFactory(name="Serbia")
    first.post(url, form_values(first.get(url)))  # a revision to compare with
    first_form, second_form = first.get(url), second.get(url)
    first.post(url, form_values(first_form, title="Mission trains 40 judges"))

    response = second.post(
        url,
        form_values(
            second_form,
            title="Mission trains judges and prosecutors",
            body="<p>Forty judges and ten prosecutors.</p>",
            countries=[str(country.pk)],
        ),
    )

    assert response.status_code == 200
    form = response.context["adminform"].form
    [error] = form.non_field_errors()
    assert error.startswith("Someone else (Ana Editor) saved this item at ")
    assert "Your changes are below and have not been saved" in error
    assert error.endswith("They changed: title.")
    assert form["title"].value() == "Mission trains judges and prosecutors"
    assert form["body"].value() == "<p>Forty judges and ten prosecutors.</p>"
    assert form["countries"].value() == [str(country.pk)]
    content = response.content.decode()
    assert 'value="Mission trains judges and prosecutors"' in content
    assert f'href="{reverse("news:preview", args=[item.pk])}"' in content
    item.refresh_from_db()
    assert item.title == "Mission trains 40 judges"
    assert item.body == "<p>Forty judges.</p>"
    assert not item.countries.exists()


def refused_save(first, second, url, **changes):
    """The second editor's save, refused because the first saved meanwhile."""
    second_form = second.get(url)
    first.post(url, form_values(first.get(url), title="Mission trains 40 judges"))
    refused = second.post(url, form_values(second_form, **changes))
    assert refused.status_code == 200
    return refused


def test_the_refused_page_offers_the_choice_to_save_over_theirs(first, second, url):
    assert 'name="overwrite"' not in second.get(url).content.decode()

    refused = refused_save(first, second, url, title="Judges and prosecutors")

    content = refused.content.decode()
    assert 'name="overwrite"' in content
    assert "I have compared: save my version over theirs" in content
    assert f'href="{url}">discard your changes and open the current version' in content


def test_saving_again_without_choosing_is_refused_and_overwrites_nothing(first, second, item, url):
    refused = refused_save(first, second, url, title="Judges and prosecutors")

    again = second.post(url, form_values(refused))

    assert again.status_code == 200
    form = again.context["adminform"].form
    [error] = form.non_field_errors()
    assert error.startswith("Someone else (Ana Editor) saved this item at ")
    assert form["title"].value() == "Judges and prosecutors"
    item.refresh_from_db()
    assert item.title == "Mission trains 40 judges"


def test_ticking_the_choice_saves_the_second_editors_version(first, second, item, url):
    refused = refused_save(first, second, url, title="Judges and prosecutors")

    response = second.post(url, form_values(refused, overwrite="on"))

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Judges and prosecutors"


def test_a_save_made_after_the_refusal_refuses_again_even_with_the_tick(first, second, item, url):
    refused = refused_save(first, second, url, title="Judges and prosecutors")
    first.post(url, form_values(first.get(url), title="Mission trains 50 judges"))

    again = second.post(url, form_values(refused, overwrite="on"))

    assert again.status_code == 200
    form = again.context["adminform"].form
    assert "saved this item at" in form.non_field_errors()[0]
    assert form["title"].value() == "Judges and prosecutors"
    assert 'name="overwrite" checked' not in again.content.decode()
    item.refresh_from_db()
    assert item.title == "Mission trains 50 judges"
    # Ticked against what it shows now, it goes through.
    assert second.post(url, form_values(again, overwrite="on")).status_code == 302
    item.refresh_from_db()
    assert item.title == "Judges and prosecutors"


def test_the_tick_alone_does_not_skip_the_check(first, second, item, url):
    second_form = second.get(url)
    first.post(url, form_values(first.get(url), title="Mission trains 40 judges"))

    response = second.post(
        url, form_values(second_form, title="Judges and prosecutors", overwrite="on")
    )

    assert response.status_code == 200
    item.refresh_from_db()
    assert item.title == "Mission trains 40 judges"


@pytest.mark.parametrize("edit_version", [None, "", "garbage", "12", "1:x|2:y", "|"])
def test_a_post_without_a_valid_edit_version_is_refused_and_keeps_the_text(
    first, item, url, edit_version
):
    values = form_values(first.get(url), title="Judges and prosecutors")
    if edit_version is None:
        del values["edit_version"]
    else:
        values["edit_version"] = edit_version

    response = first.post(url, values)

    assert response.status_code == 200
    form = response.context["adminform"].form
    [error] = form.non_field_errors()
    assert "did not say which version of the item it was loaded from" in error
    assert form["title"].value() == "Judges and prosecutors"
    item.refresh_from_db()
    assert item.title == "Mission trains judges"
    # What it can do then: choose, having seen the latest state.
    assert first.post(url, form_values(response, overwrite="on")).status_code == 302
    item.refresh_from_db()
    assert item.title == "Judges and prosecutors"


def test_one_editor_saving_in_turn_meets_no_conflict(first, item, url):
    for title in ("First title", "Second title", "Third title"):
        response = first.post(url, form_values(first.get(url), title=title, _continue="1"))
        assert response.status_code == 302

    item.refresh_from_db()
    assert item.title == "Third title"


def test_a_status_change_made_meanwhile_is_not_overwritten(first, editor, second, item, url):
    second_form = second.get(url)
    services.submit(item, editor)

    response = second.post(url, form_values(second_form, title="Judges and prosecutors"))

    assert response.status_code == 200
    assert "saved this item at" in response.context["adminform"].form.non_field_errors()[0]
    item.refresh_from_db()
    assert item.status == NewsItem.Status.REVIEW
    assert item.title == "Mission trains judges"


def test_a_revert_made_meanwhile_is_not_overwritten(first, second, item, url):
    from reversion.models import Version

    first.post(url, form_values(first.get(url), title="Mission trains 40 judges"))
    [version] = Version.objects.get_for_object(item)
    first.post(url, form_values(first.get(url), title="Mission trains 50 judges"))
    second_form = second.get(url)
    revision_url = reverse("admin:news_newsitem_revision", args=[item.pk, version.pk])
    first.post(revision_url, form_values(first.get(revision_url)))
    item.refresh_from_db()
    assert item.title == "Mission trains 40 judges"

    response = second.post(url, form_values(second_form, title="Judges and prosecutors"))

    assert response.status_code == 200
    item.refresh_from_db()
    assert item.title == "Mission trains 40 judges"
