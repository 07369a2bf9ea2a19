"""Every admin page a staff member can open answers, for every registered model."""

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse

from alerts.models import Subscription
from audit.models import Entry
from meetings.models import Meeting
from pages.models import Page
from tests.factories import (
    AttachmentFactory,
    ChairpersonshipFactory,
    CountryFactory,
    FieldOfWorkFactory,
    FormerNameFactory,
    GroupFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    StructureFactory,
    TagFactory,
    UserFactory,
)
from tests.library.conftest import library_image


def build_news_item():
    """A news item using every relation and inline, so its change page renders them all."""
    item = NewsItemFactory(
        countries=[CountryFactory()],
        meeting_series=[MeetingSeriesFactory()],
        supporting_structures=[StructureFactory()],
        tags=[TagFactory()],
    )
    AttachmentFactory(news=item)
    return item


def build_structure():
    structure = StructureFactory(parent=StructureFactory(), host_country=CountryFactory())
    FormerNameFactory(structure=structure)
    structure.memberships.create(user=UserFactory())
    return structure


def build_meeting():
    meeting = Meeting.objects.create(
        series=MeetingSeriesFactory(),
        title=f"Meeting {Meeting.objects.count()}",
        slug=f"meeting-{Meeting.objects.count()}",
        city="Vienna",
        country=CountryFactory(),
        start_date="2025-12-04",
        end_date="2025-12-05",
    )
    meeting.news.add(NewsItemFactory())
    return meeting


def build_page():
    """A footer page, in the next slot (the migration made one of each)."""
    slot = Page.Slot.values[Page.objects.filter(title__startswith="Built").count()]
    Page.objects.filter(slot=slot).delete()
    return Page.objects.create(slot=slot, title=f"Built {slot}", content="<p>Text.</p>")


BUILDERS = {
    "auth.User": UserFactory,
    "auth.Group": GroupFactory,
    "taxonomy.FieldOfWork": lambda: FieldOfWorkFactory(parent=FieldOfWorkFactory()),
    "taxonomy.MeetingSeries": MeetingSeriesFactory,
    "taxonomy.Country": CountryFactory,
    "taxonomy.Chairpersonship": ChairpersonshipFactory,
    "structures.Structure": build_structure,
    "news.Tag": TagFactory,
    "news.NewsItem": build_news_item,
    "alerts.Subscription": lambda: Subscription.objects.create(
        email=f"reader{Subscription.objects.count()}@example.org", query="year=2025"
    ),
    "meetings.Meeting": build_meeting,
    "pages.Page": build_page,
    "library.Image": library_image,
    "audit.Entry": lambda: Entry.objects.create(
        action=Entry.Action.CHANGE, model="taxonomy.country", object_repr="Audited", origin="system"
    ),
}
# Admins without an add page: alert subscriptions come from visitors (alerts/admin.py), audit
# entries from the writes they record (audit/admin.py).
WITHOUT_ADD = {"alerts.Subscription", "audit.Entry"}

REGISTERED = sorted(admin.site._registry.items(), key=lambda entry: entry[0]._meta.label)
REGISTERED_IDS = [model._meta.label for model, _ in REGISTERED]

AUTOCOMPLETE_FIELDS = [
    (model, field_name)
    for model, model_admin in REGISTERED
    for field_name in model_admin.autocomplete_fields
]


def build(model):
    builder = BUILDERS.get(model._meta.label)
    if builder is None:
        pytest.fail(f"Add a builder for {model._meta.label} to BUILDERS in this file.")
    return builder()


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def search_term(model_admin, obj):
    """The value of the admin's first search field on `obj`, e.g. its name or year."""
    value = obj
    for part in model_admin.search_fields[0].lstrip("^=@").split("__"):
        if not hasattr(value, part):
            break  # a lookup such as __exact
        value = getattr(value, part)
    return str(value)


def test_the_admin_registers_the_projects_models_and_not_taggits_tag():
    labels = set(REGISTERED_IDS)
    assert {
        "taxonomy.FieldOfWork",
        "taxonomy.MeetingSeries",
        "taxonomy.Country",
        "taxonomy.Chairpersonship",
        "structures.Structure",
        "news.NewsItem",
        "news.Tag",
    } <= labels
    assert "taggit.Tag" not in labels


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=REGISTERED_IDS)
def test_changelist_lists_an_existing_object(superuser_client, model, model_admin):
    obj = build(model)
    response = superuser_client.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    assert obj.pk in [row.pk for row in response.context["cl"].result_list]


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=REGISTERED_IDS)
def test_add_page_answers(superuser_client, model, model_admin):
    if model._meta.label in WITHOUT_ADD:
        with pytest.raises(NoReverseMatch):
            admin_url(model, "add")
        return
    response = superuser_client.get(admin_url(model, "add"))
    assert response.status_code == 200
    assert response.context["adminform"].form.is_bound is False


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=REGISTERED_IDS)
def test_change_page_shows_an_existing_object(superuser_client, model, model_admin):
    obj = build(model)
    response = superuser_client.get(admin_url(model, "change", obj.pk))
    assert response.status_code == 200
    assert response.context["original"] == obj


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=REGISTERED_IDS)
def test_changelist_search_finds_the_object(superuser_client, model, model_admin):
    obj = build(model)
    term = search_term(model_admin, obj)
    response = superuser_client.get(admin_url(model, "changelist"), {"q": term})
    assert response.status_code == 200
    assert obj.pk in [row.pk for row in response.context["cl"].result_list]


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=REGISTERED_IDS)
def test_every_changelist_filter_choice_answers(superuser_client, model, model_admin):
    build(model), build(model)  # two, so that a filter has choices to offer
    url = admin_url(model, "changelist")
    changelist = superuser_client.get(url).context["cl"]
    choices = [
        choice["query_string"]
        for spec in changelist.filter_specs
        for choice in spec.choices(changelist)
    ]
    assert len(choices) >= len(model_admin.list_filter)
    for query_string in choices:
        response = superuser_client.get(url + query_string)
        # An invalid filter would redirect to ?e=1; every offered choice must render.
        assert response.status_code == 200, query_string


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "field_name"),
    AUTOCOMPLETE_FIELDS,
    ids=[f"{model._meta.label}.{field_name}" for model, field_name in AUTOCOMPLETE_FIELDS],
)
def test_autocomplete_offers_the_related_object(superuser_client, model, field_name):
    target = build(model._meta.get_field(field_name).related_model)
    response = superuser_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": model._meta.app_label,
            "model_name": model._meta.model_name,
            "field_name": field_name,
            "term": search_term(admin.site.get_model_admin(target.__class__), target),
        },
    )
    assert response.status_code == 200
    assert str(target.pk) in [result["id"] for result in response.json()["results"]]


@pytest.mark.django_db
def test_view_on_site_leads_to_the_news_items_public_address(superuser_client):
    item = NewsItemFactory()
    content_type = ContentType.objects.get_for_model(item)
    response = superuser_client.get(reverse("admin:view_on_site", args=[content_type.pk, item.pk]))
    assert response.status_code == 302
    assert response["Location"].endswith(item.get_absolute_url())
