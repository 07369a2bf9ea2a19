"""Personas of the newsroom (tests/workflow/conftest.py) and an item ready to embargo."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone

from embargoes import services
from tests.alerts.conftest import smtp_server  # noqa: F401  (fixture)
from tests.factories import NewsItemFactory
from tests.workflow.conftest import (  # noqa: F401  (fixtures)
    editor,
    field_of_work,
    login,
    mission_serbia,
    outsider_staff,
    publisher_secretariat_unit,
    publisher_serbia,
    secretariat,
    secretariat_unit,
    staff,
    superuser,
)


@pytest.fixture
def publisher_with_publish_right(mission_serbia):  # noqa: F811
    """A publisher for the Mission to Serbia who may also publish its items."""
    user = staff("serbia_publishing", "Publisher", [mission_serbia])
    user.user_permissions.add(Permission.objects.get(codename="publish_newsitem"))
    return user


@pytest.fixture
def lifts_at():
    return (timezone.now() + datetime.timedelta(days=2)).replace(second=0, microsecond=0)


@pytest.fixture
def draft(mission_serbia, field_of_work):  # noqa: F811
    return NewsItemFactory(
        title="Mission welcomes the new electoral law",
        slug="mission-welcomes-the-new-electoral-law",
        body="<p>The law was adopted on Tuesday.</p>",
        lead_structure=mission_serbia,
        fields_of_work=[field_of_work],
    )


@pytest.fixture
def embargo(draft, editor, lifts_at):  # noqa: F811
    return services.set_embargo(draft, editor, lifts_at)


LINK = re.compile(r"https?://\S+/embargo/[A-Za-z0-9_-]+/")


def links_sent():
    """Each email sent: {address: the link in its plain text}."""
    return {message.to[0]: LINK.search(message.body).group(0) for message in mail.outbox}


@pytest.fixture
def share(embargo, editor, django_capture_on_commit_callbacks):  # noqa: F811
    """Add recipients to the embargo as the editor and return their links, by address."""

    def add(*emails):
        with django_capture_on_commit_callbacks(execute=True):
            services.add_recipients(embargo, editor, emails)
        return {email: urlsplit(link).path for email, link in links_sent().items()}

    return add
