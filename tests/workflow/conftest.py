"""Personas of the newsroom, each with the role the README describes.

publisher_serbia publishes for the Mission to Serbia; publisher_secretariat_unit for one
unit of the Secretariat. The groups come from the roles migration, as in production.
"""

import pytest
from django.contrib.auth.models import Group

from structures.models import Membership, Structure
from tests.factories import (
    FieldOfWorkFactory,
    StructureFactory,
    SuperuserFactory,
    UserFactory,
)


def staff(username, group=None, structures=()):
    user = UserFactory(username=username, is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    for structure in structures:
        Membership.objects.create(user=user, structure=structure)
    return user


@pytest.fixture
def secretariat():
    return StructureFactory(name="Secretariat", kind=Structure.Kind.SECRETARIAT)


@pytest.fixture
def secretariat_unit(secretariat):
    return StructureFactory(
        name="Transnational Threats Department",
        kind=Structure.Kind.SECRETARIAT_UNIT,
        parent=secretariat,
    )


@pytest.fixture
def mission_serbia():
    return StructureFactory(name="Mission to Serbia")


@pytest.fixture
def serbia_office(mission_serbia):
    """A structure under the Mission: its publishers publish for it too."""
    return StructureFactory(name="Mission to Serbia, Novi Pazar office", parent=mission_serbia)


@pytest.fixture
def publisher_serbia(mission_serbia):
    return staff("publisher_serbia", "Publisher", [mission_serbia])


@pytest.fixture
def publisher_secretariat_unit(secretariat_unit):
    return staff("publisher_secretariat_unit", "Publisher", [secretariat_unit])


@pytest.fixture
def editor():
    return staff("editor", "Editor")


@pytest.fixture
def taxonomy_manager():
    return staff("taxonomy_manager", "Taxonomy manager")


@pytest.fixture
def outsider_staff():
    """Staff status, but no role."""
    return staff("outsider_staff")


@pytest.fixture
def superuser():
    return SuperuserFactory()


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


@pytest.fixture
def field_of_work():
    return FieldOfWorkFactory(name="Rule of law")
