"""An administrator adds a member of staff on one page: who they are, their role, the
structures they publish for; staff status follows."""

import re
import smtplib
from unittest import mock

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
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


def invite(administrator, **changes):
    data = new_user(groups=[role("Editor")], usable_password="false", password1="", password2="")
    return administrator.post(ADD, {**data, **changes}, follow=True)


def invitation_link(message):
    return re.search(r"https?://\S+/invitation/\S+/", message.body).group(0)


def test_an_invitation_is_the_default(administrator):
    page = administrator.get(ADD).content.decode()

    assert re.search(r'<input type="radio" name="usable_password" value="false"[^>]*checked', page)
    assert "Email them an invitation to choose their password" in page


def test_an_invited_user_chooses_their_password_from_the_email(administrator, client, mailoutbox):
    response = invite(administrator)

    assert "An invitation was sent to ana.petrovic@example.org." in response.content.decode()
    user = User.objects.get(username="ana.petrovic")
    assert user.is_staff and not user.has_usable_password()
    (message,) = mailoutbox
    assert message.to == ["ana.petrovic@example.org"]
    assert "Your username: ana.petrovic" in message.body
    link = invitation_link(message)

    client.logout()
    page = client.get(link)
    assert page.status_code == 200
    assert page["Referrer-Policy"] == "no-referrer"
    assert "Choose your password" in page.content.decode()
    user.refresh_from_db()
    assert not user.has_usable_password()  # reading the page changed nothing

    chosen = {"new_password1": "my own pass phrase", "new_password2": "my own pass phrase"}
    response = client.post(link, chosen)
    assert response.status_code == 302
    assert response.url == reverse("admin:login")
    user.refresh_from_db()
    assert user.check_password("my own pass phrase")
    # The link has done its work.
    assert client.get(link).status_code == 404


def test_a_wrong_or_used_invitation_link_says_so(client):
    response = client.get(reverse("staff-invitation", args=["MQ", "bad-token"]))

    assert response.status_code == 404
    assert "invalid" in response.content.decode()


def test_an_invitation_that_cannot_be_sent_says_what_to_do(administrator, mailoutbox):
    with mock.patch(
        "structures.invitations.send_mail", side_effect=smtplib.SMTPException("refused")
    ):
        response = invite(administrator)

    page = response.content.decode()
    assert "The invitation to ana.petrovic@example.org could not be sent." in page
    assert "Email a new invitation" in page
    assert User.objects.filter(username="ana.petrovic").exists()


def test_a_new_invitation_goes_only_to_those_without_a_password(administrator, mailoutbox):
    invite(administrator)
    mailoutbox.clear()
    administrator.post(ADD, new_user(username="with.password", groups=[role("Editor")]))
    users = User.objects.filter(username__in=["ana.petrovic", "with.password"])

    administrator.post(
        reverse("admin:auth_user_changelist"),
        {"action": "invite_again", ACTION_CHECKBOX_NAME: [user.pk for user in users]},
    )

    assert [message.to for message in mailoutbox] == [["ana.petrovic@example.org"]]


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
