"""A session that expires while an editor types: signing in again brings the text back."""

import datetime
import time
from importlib import import_module
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.kept_posts import KeptPost
from news.models import NewsItem
from osce_cms.sessions import LAST_SEEN
from structures.models import Membership
from tests.factories import NewsItemFactory, StructureFactory, UserFactory
from tests.revisions.browser import form_values

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN_URL = reverse("admin:login")
ADD_URL = reverse("admin:news_newsitem_add")
TYPED = {
    "title": "Mission trains 40 judges",
    "lede": "Forty judges and ten prosecutors.",
    "body": "<p>Forty judges and ten prosecutors finished the course.</p>",
}


def staff_in(group_name, username, structure=None):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    if structure is not None:
        Membership.objects.create(user=user, structure=structure)
    return user


@pytest.fixture
def editor():
    return staff_in("Editor", "editor")


@pytest.fixture
def item():
    return NewsItemFactory(title="Mission trains judges", lede="Judges.", body="<p>Judges.</p>")


@pytest.fixture
def url(item):
    return reverse("admin:news_newsitem_change", args=[item.pk])


def browser(user):
    """A browser signed in as `user`, checking CSRF tokens as the real site does."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def expire(client):
    """The session ends on the server; the browser still has its cookies."""
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    import_module(settings.SESSION_ENGINE).SessionStore(session_key=key).delete()


def sign_in(client, login_url, user):
    """Sign in on the login page `login_url` leads to; return where it sends the browser."""
    page = client.get(login_url)
    response = client.post(
        login_url, form_values(page, "login-form", username=user.username, password=PASSWORD)
    )
    assert response.status_code == 302, "the sign-in should have succeeded"
    return response["Location"]


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def expired_post(client, url, **typed):
    """Load `url`'s form, lose the session, post what was typed: the response."""
    values = form_values(client.get(url), **typed)
    expire(client)
    return client.post(url, values)


def test_signing_in_again_brings_back_what_was_typed_and_saving_stores_it(editor, item, url):
    client = browser(editor)

    response = expired_post(client, url, **TYPED)

    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url.startswith(LOGIN_URL)
    [next_url] = parse_qs(urlsplit(login_url).query)["next"]
    assert next_url.startswith(f"{url}?kept=")
    login_page = client.get(login_url)
    assert "What you typed is kept: sign in again." in login_page.content.decode()

    back = sign_in(client, login_url, editor)
    assert back == next_url
    restored = client.get(back)

    assert restored.status_code == 200
    assert "Your unsaved changes were kept: check them and save." in messages_of(restored)
    form = restored.context["adminform"].form
    for name, value in TYPED.items():
        assert form[name].value() == value
    assert 'value="Mission trains 40 judges"' in restored.content.decode()
    item.refresh_from_db()
    assert item.title == "Mission trains judges"  # reading it saves nothing

    saved = client.post(back, form_values(restored))

    assert saved.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.lede, item.body) == tuple(TYPED.values())
    assert not KeptPost.objects.exists()


def test_a_session_signed_out_when_idle_keeps_the_post_too(editor, url, settings):
    client = browser(editor)
    values = form_values(client.get(url), **TYPED)
    session = client.session
    session[LAST_SEEN] = int(time.time()) - settings.SESSION_IDLE_SECONDS - 60
    session.save()

    response = client.post(url, values)

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)
    [kept] = KeptPost.objects.all()
    assert kept.data["title"] == [TYPED["title"]]


def test_a_new_item_is_kept_as_well(editor):
    client = browser(editor)

    response = expired_post(client, ADD_URL, title="A new item", slug="a-new-item")

    restored = client.get(sign_in(client, response["Location"], editor))
    form = restored.context["adminform"].form
    assert form["title"].value() == "A new item"
    assert not NewsItem.objects.exists()


def test_opening_the_kept_form_twice_shows_it_twice(editor, url):
    client = browser(editor)
    back = sign_in(client, expired_post(client, url, **TYPED)["Location"], editor)

    client.get(back)
    again = client.get(back)

    assert again.context["adminform"].form["title"].value() == TYPED["title"]
    assert KeptPost.objects.count() == 1


def test_the_kept_edit_version_still_refuses_a_stale_save(editor, item, url):
    client = browser(editor)
    back = sign_in(client, expired_post(client, url, **TYPED)["Location"], editor)
    colleague = browser(staff_in("Editor", "colleague"))
    colleague.post(url, form_values(colleague.get(url), title="Their title"))

    restored = client.get(back)
    saved = client.post(back, form_values(restored))

    # The kept form comes back refused, with the title both changed to choose.
    assert "saved this item at" in restored.context["adminform"].form.non_field_errors()[0]
    assert saved.status_code == 200
    [error] = saved.context["adminform"].form.non_field_errors()
    assert error == "Choose which version to keep for: title."
    assert saved.context["adminform"].form["title"].value() == TYPED["title"]
    item.refresh_from_db()
    assert item.title == "Their title"


def test_the_link_alone_shows_nothing_in_another_browser(editor, url):
    client = browser(editor)
    back = sign_in(client, expired_post(client, url, **TYPED)["Location"], editor)

    other_browser = browser(editor)
    response = other_browser.get(back)

    assert response.status_code == 200
    assert response.context["adminform"].form["title"].value() == "Mission trains judges"
    assert TYPED["lede"] not in response.content.decode()
    assert any("could not be found" in message for message in messages_of(response))


def test_someone_who_may_not_change_the_item_does_not_see_it(editor, url):
    client = browser(editor)
    back = sign_in(client, expired_post(client, url, **TYPED)["Location"], editor)
    # Another user signs in on the same browser: a publisher for another structure.
    client.force_login(staff_in("Publisher", "outsider", StructureFactory()))

    response = client.get(back, follow=True)

    assert TYPED["lede"] not in response.content.decode()
    assert KeptPost.objects.count() == 1


def test_the_kept_post_is_bound_to_its_form(editor, url):
    client = browser(editor)
    back = sign_in(client, expired_post(client, url, **TYPED)["Location"], editor)
    token = parse_qs(urlsplit(back).query)["kept"][0]
    other = NewsItemFactory(title="Another item")
    other_url = reverse("admin:news_newsitem_change", args=[other.pk])

    response = client.get(f"{other_url}?kept={token}")

    assert response.context["adminform"].form["title"].value() == "Another item"


def test_a_kept_post_expires_after_a_day(editor, url):
    client = browser(editor)
    back = sign_in(client, expired_post(client, url, **TYPED)["Location"], editor)
    KeptPost.objects.update(created_at=timezone.now() - datetime.timedelta(hours=23))
    assert client.get(back).context["adminform"].form["title"].value() == TYPED["title"]
    KeptPost.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))

    response = client.get(back)

    assert response.context["adminform"].form["title"].value() == "Mission trains judges"


def test_expired_posts_are_purged_when_another_is_kept(editor, url):
    client = browser(editor)
    expired_post(client, url, **TYPED)
    KeptPost.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
    client.force_login(editor)

    expired_post(client, url, title="Another try")

    [kept] = KeptPost.objects.all()
    assert kept.data["title"] == ["Another try"]


def test_a_post_without_a_valid_csrf_token_is_refused_and_not_kept(editor, url):
    client = browser(editor)

    response = expired_post(client, url, csrfmiddlewaretoken="forged", **TYPED)

    assert response.status_code == 403
    assert not KeptPost.objects.exists()


def test_files_are_not_kept_and_the_form_says_so(editor, url):
    client = browser(editor)
    pdf = SimpleUploadedFile("report.pdf", b"%PDF-1.7\n%%EOF\n")

    response = expired_post(client, url, image=pdf, **TYPED)
    back = sign_in(client, response["Location"], editor)
    restored = client.get(back)

    assert "report.pdf" in " ".join(messages_of(restored))
    assert "Choose them again." in " ".join(messages_of(restored))
    assert restored.context["adminform"].form["title"].value() == TYPED["title"]
