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


def test_saving_again_after_the_refusal_goes_through(first, second, item, url):
    second_form = second.get(url)
    first.post(url, form_values(first.get(url), title="Mission trains 40 judges"))
    refused = second.post(url, form_values(second_form, title="Judges and prosecutors"))
    assert refused.status_code == 200

    response = second.post(url, form_values(refused))

    assert response.status_code == 302
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
