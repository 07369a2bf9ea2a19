"""Personas: an editor, a publisher for the Mission to Serbia, and one for another mission."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from structures.models import Membership
from tests.factories import StructureFactory, UserFactory


def staff_in(group_name, username, structure=None):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    if structure is not None:
        Membership.objects.create(user=user, structure=structure)
    return user


@pytest.fixture
def mission():
    return StructureFactory(name="Mission to Serbia", slug="mission-to-serbia")


@pytest.fixture
def other_mission():
    return StructureFactory(name="Mission to Moldova", slug="mission-to-moldova")


@pytest.fixture
def editor():
    return staff_in("Editor", "editor")


@pytest.fixture
def publisher(mission):
    return staff_in("Publisher", "publisher", mission)


@pytest.fixture
def outsider(other_mission):
    """A publisher for another structure: may not see the mission's items."""
    return staff_in("Publisher", "outsider", other_mission)


@pytest.fixture
def editor_client(editor):
    """The editor, signed in."""
    client = Client()
    client.force_login(editor)
    return client
