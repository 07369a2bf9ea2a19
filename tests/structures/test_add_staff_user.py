"""An administrator adds a member of staff on one page: who they are, their role, the
structures they publish for; staff status follows."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from structures.models import Membership
from tests.factories import StructureFactory, SuperuserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()
ADD = reverse("admin:auth_user_add")


@pytest.fixture
def administrator(client):
    client.force_login(SuperuserFactory())
    return client


def role(name):
    from django.contrib.auth.models import Group

    return Group.objects.get(name=name).pk


def new_user(**changes):
    data = {
        "username": "ana.petrovic",
        "first_name": "Ana",
        "last_name": "Petrović",
        "email": "ana.petrovic@example.org",
        "groups": [role("Publisher")],
        "usable_password": "true",
        "password1": "a long enough pass phrase",
        "password2": "a long enough pass phrase",
    }
    return {**data, **changes}


def test_the_add_page_asks_for_everything_at_once(administrator):
    page = administrator.get(ADD).content.decode()

    for name in ("username", "first_name", "last_name", "email", "groups", "structures"):
        assert f'name="{name}"' in page
    assert "Publisher: writes news for the structures chosen below" in page
    assert "Editor: reviews, publishes and withdraws" in page
    assert "Taxonomy manager: keeps fields of work" in page
    assert "you’ll be able to edit more user options" not in page
    assert 'name="is_staff"' not in page


def test_a_publisher_is_made_in_one_step_with_staff_status_and_structures(administrator):
    mission = StructureFactory(name="Mission to Serbia")

    response = administrator.post(ADD, new_user(structures=[mission.pk]))

    assert response.status_code == 302
    assert response.url == reverse("admin:auth_user_changelist")
    user = User.objects.get(username="ana.petrovic")
    assert user.is_staff and not user.is_superuser
    assert user.get_full_name() == "Ana Petrović"
    assert user.check_password("a long enough pass phrase")
    assert list(user.groups.values_list("name", flat=True)) == ["Publisher"]
    assert list(Membership.objects.filter(user=user).values_list("structure", flat=True)) == [
        mission.pk
    ]
    assert user.has_perm("news.add_newsitem")


def test_an_editor_and_taxonomy_manager_needs_no_structure(administrator):
    roles = [role("Editor"), role("Taxonomy manager")]

    administrator.post(ADD, new_user(groups=roles))

    user = User.objects.get(username="ana.petrovic")
    assert user.is_staff
    assert set(user.groups.values_list("name", flat=True)) == {"Editor", "Taxonomy manager"}


def test_a_user_without_a_password_yet_is_made_too(administrator):
    data = new_user(groups=[role("Editor")], usable_password="false", password1="", password2="")

    administrator.post(ADD, data)

    user = User.objects.get(username="ana.petrovic")
    assert user.is_staff and not user.has_usable_password()


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({}, "structures", "A publisher publishes for at least one structure"),
        ({"groups": []}, "groups", "This field is required."),
        ({"email": ""}, "email", "This field is required."),
    ],
)
def test_what_is_missing_is_named_beside_its_field(administrator, changes, field, message):
    response = administrator.post(ADD, new_user(**changes))

    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors[field])
    assert not User.objects.filter(username="ana.petrovic").exists()


def test_the_structures_autocomplete_answers_for_the_add_page(administrator):
    StructureFactory(name="Mission to Serbia")
    url = reverse("admin:autocomplete")

    response = administrator.get(
        url,
        {"term": "Serbia", "app_label": "structures", "model_name": "membership",
         "field_name": "structure"},
    )  # fmt: skip

    assert [result["text"] for result in response.json()["results"]] == ["Mission to Serbia"]


def test_a_users_page_still_lists_their_structures(administrator):
    mission = StructureFactory(name="Mission to Serbia")
    administrator.post(ADD, new_user(structures=[mission.pk]))
    user = User.objects.get(username="ana.petrovic")

    page = administrator.get(reverse("admin:auth_user_change", args=[user.pk])).content.decode()

    assert "publishes news for these structures" in page.lower()
