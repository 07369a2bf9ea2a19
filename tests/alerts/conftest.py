"""A real SMTP server for the alert tests: mail goes out through Django's SMTP backend and
arrives here, where the test reads it."""

import email
import email.policy
import socket
import threading

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    """What arrived at the server: parsed messages, with the envelope's recipients."""

    def __init__(self):
        self.messages = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message.envelope_to = list(envelope.rcpt_tos)
        with self._lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address):
        """The messages sent to one address, in order of arrival."""
        with self._lock:
            return [m for m in self.messages if address in m.envelope_to]

    def clear(self):
        with self._lock:
            self.messages.clear()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """Start an SMTP server on a free port and send the site's mail to it: yields its Inbox."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    try:
        yield inbox
    finally:
        controller.stop()


# Sign-up and manage (tests/alerts/test_signup.py, test_manage.py, test_emails.py).


def body_text(message):
    """The plain-text part of a received message."""
    return message.get_body(preferencelist=("plain",)).get_content()


def link_in(message, purpose):
    """The site-relative path of the alerts link for `purpose` (confirm, manage,
    unsubscribe) in a received message's plain text, or None."""
    import re

    from django.conf import settings

    found = re.search(
        rf"{re.escape(settings.SITE_BASE_URL)}(/en/alerts/{purpose}/[^/\s]+/)", body_text(message)
    )
    return found.group(1) if found else None


@pytest.fixture
def sign_up(client, django_capture_on_commit_callbacks):
    """Post the sign-up form for `query` (the list's query string) as a visitor at `ip`; the
    confirmation is sent when the sign-up commits, as in production."""

    def post(email, query="", frequency="immediate", ip="198.51.100.7"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                f"/en/alerts/?{query}" if query else "/en/alerts/",
                {"email": email, "frequency": frequency},
                REMOTE_ADDR=ip,
            )

    return post
