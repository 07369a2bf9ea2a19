"""Staff sessions end after SESSION_IDLE_SECONDS without a request and SESSION_COOKIE_AGE
after signing in, whatever the activity."""

import time

import pytest
from django.conf import settings
from django.urls import reverse

from osce_cms.sessions import LAST_SEEN, STARTED
from tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

ADMIN_URL = reverse("admin:index")


@pytest.fixture
def staff_client(client):
    client.force_login(SuperuserFactory())
    return client


def set_clock(client, started_ago, last_seen_ago):
    """Moves the session's timestamps into the past, as time travel would."""
    now = int(time.time())
    session = client.session
    session[STARTED] = now - started_ago
    session[LAST_SEEN] = now - last_seen_ago
    session.save()


def test_signing_in_starts_both_clocks(client):
    user = SuperuserFactory(username="editor")
    user.set_password("a-long-and-right-password")
    user.save()

    client.post(
        reverse("admin:login"),
        {"username": "editor", "password": "a-long-and-right-password", "next": ADMIN_URL},
    )

    assert abs(client.session[STARTED] - time.time()) < 5
    assert client.session[LAST_SEEN] == client.session[STARTED]


def test_a_session_used_within_the_idle_time_stays_signed_in(staff_client):
    set_clock(staff_client, started_ago=3600, last_seen_ago=settings.SESSION_IDLE_SECONDS - 60)

    assert staff_client.get(ADMIN_URL).status_code == 200


def test_a_session_idle_longer_than_the_idle_time_is_signed_out(staff_client):
    set_clock(staff_client, started_ago=3600 * 3, last_seen_ago=settings.SESSION_IDLE_SECONDS + 1)

    response = staff_client.get(ADMIN_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert "_auth_user_id" not in staff_client.session


def test_the_idle_time_comes_from_the_setting(staff_client, settings):
    settings.SESSION_IDLE_SECONDS = 600
    set_clock(staff_client, started_ago=3600, last_seen_ago=601)

    assert staff_client.get(ADMIN_URL).status_code == 302


def test_an_active_session_ends_after_a_working_day(staff_client):
    set_clock(staff_client, started_ago=settings.SESSION_COOKIE_AGE + 1, last_seen_ago=10)

    response = staff_client.get(ADMIN_URL)

    assert response.status_code == 302
    assert "_auth_user_id" not in staff_client.session


def test_activity_is_written_at_most_once_a_minute(staff_client):
    set_clock(staff_client, started_ago=3600, last_seen_ago=30)
    before = staff_client.session[LAST_SEEN]

    response = staff_client.get(ADMIN_URL)

    assert staff_client.session[LAST_SEEN] == before
    assert settings.SESSION_COOKIE_NAME not in response.cookies  # the session was not saved


def test_activity_after_a_minute_moves_the_idle_clock(staff_client):
    set_clock(staff_client, started_ago=3600, last_seen_ago=120)

    staff_client.get(ADMIN_URL)

    assert abs(staff_client.session[LAST_SEEN] - time.time()) < 5


def test_the_default_limits_are_two_hours_idle_and_ten_hours_in_all():
    assert settings.SESSION_IDLE_SECONDS == 2 * 60 * 60
    assert settings.SESSION_COOKIE_AGE == 10 * 60 * 60


def test_an_open_pages_own_poll_is_not_activity(staff_client):
    from tests.factories import NewsItemFactory

    item = NewsItemFactory()
    set_clock(staff_client, started_ago=3600, last_seen_ago=600)
    seen = staff_client.session[LAST_SEEN]

    poll = staff_client.post(reverse("admin:news_newsitem_editing", args=[item.pk]))

    assert poll.status_code == 200
    assert staff_client.session[LAST_SEEN] == seen
    staff_client.get(ADMIN_URL)
    assert staff_client.session[LAST_SEEN] > seen
