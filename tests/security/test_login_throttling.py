"""Sign-ins are throttled per account and client and per client (django-axes), and failures
are logged."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from osce_cms.security import client_ip
from tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("admin:login")
PASSWORD = "a-long-and-right-password"


@pytest.fixture
def editor():
    user = SuperuserFactory(username="editor")
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(client, username, password, address="192.0.2.10", **extra):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **extra,
    )


def test_the_right_password_signs_in(client, editor):
    response = sign_in(client, "editor", PASSWORD)

    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(editor.pk)


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, editor):
    for _ in range(4):
        assert sign_in(client, "editor", "wrong").status_code == 200
    assert sign_in(client, "editor", "wrong").status_code == 429  # the fifth locks

    response = sign_in(client, "editor", PASSWORD)

    assert response.status_code == 429
    assert int(response["Retry-After"]) == 15 * 60
    assert "Too many requests" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_account_stays_open_to_other_clients(client, editor):
    for _ in range(6):
        sign_in(client, "editor", "wrong", address="203.0.113.66")

    response = sign_in(client, "editor", PASSWORD, address="192.0.2.10")

    assert response.status_code == 302


def test_a_client_trying_many_accounts_is_refused_for_every_account(client, editor):
    for n in range(20):
        sign_in(client, f"someone{n}", "guess", address="203.0.113.66")

    from_the_attacker = sign_in(client, "editor", PASSWORD, address="203.0.113.66")
    from_elsewhere = sign_in(client, "editor", PASSWORD, address="192.0.2.10")

    assert from_the_attacker.status_code == 429
    assert from_elsewhere.status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, editor):
    for _ in range(5):
        sign_in(client, "editor", "wrong")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_a_failed_sign_in_is_logged_with_account_and_address(client, editor, caplog):
    with caplog.at_level(logging.WARNING):
        sign_in(client, "editor", "wrong", address="198.51.100.4")

    failures = [r for r in caplog.records if r.name.startswith("axes")]
    assert failures
    assert "editor" in failures[0].getMessage()
    assert "198.51.100.4" in failures[0].getMessage()
    assert "wrong" not in failures[0].getMessage()


def test_forwarded_for_is_ignored_without_a_trusted_proxy(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(5):
        sign_in(client, "editor", "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")

    assert sign_in(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="10.0.0.99").status_code == 429


def test_behind_one_proxy_the_client_is_the_address_it_appended(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4"
    )
    assert client_ip(request) == "198.51.100.4"


def test_a_forwarded_for_that_is_not_an_address_falls_back_to_the_peer(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="<script>")
    assert client_ip(request) == "127.0.0.1"
