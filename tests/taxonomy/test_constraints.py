"""The database and the models refuse taxonomy that would be ambiguous or circular."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from structures.models import FormerName, Structure
from taxonomy.models import Chairpersonship, Country
from tests.factories import (
    ChairpersonshipFactory,
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory", [FieldOfWorkFactory, CountryFactory, MeetingSeriesFactory, StructureFactory]
)
def test_two_terms_cannot_share_a_slug(factory):
    factory(slug="shared")
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(slug="shared")
    assert factory._meta.model.objects.filter(slug="shared").count() == 1


def test_two_countries_cannot_share_an_iso_code():
    CountryFactory(iso_code="AT")
    with pytest.raises(IntegrityError), transaction.atomic():
        CountryFactory(iso_code="AT")


@pytest.mark.parametrize("code", ["at", "A1", "  "])
def test_the_database_refuses_an_iso_code_that_is_not_two_capitals(code):
    with pytest.raises(IntegrityError), transaction.atomic():
        CountryFactory(iso_code=code)
    assert not Country.objects.exists()


def test_a_form_capitalises_the_iso_code_a_manager_types():
    country = CountryFactory.build(name="Austria", slug="austria", iso_code="at")
    country.full_clean()
    assert country.iso_code == "AT"


def test_only_one_chairpersonship_a_year():
    ChairpersonshipFactory(year=2025)
    with pytest.raises(IntegrityError), transaction.atomic():
        ChairpersonshipFactory(year=2025)
    assert Chairpersonship.objects.filter(year=2025).count() == 1


@pytest.mark.parametrize(
    "group", [Country.Group.ASIAN_PARTNER, Country.Group.MEDITERRANEAN_PARTNER]
)
def test_a_partner_for_co_operation_cannot_hold_the_chairpersonship(group):
    chairpersonship = ChairpersonshipFactory.build(year=2027, country=CountryFactory(group=group))
    with pytest.raises(ValidationError) as refused:
        chairpersonship.full_clean()
    assert "country" in refused.value.message_dict


def test_a_participating_state_can_hold_the_chairpersonship():
    chairpersonship = ChairpersonshipFactory.build(year=2027, country=CountryFactory())
    chairpersonship.full_clean()


@pytest.fixture
def branch():
    """Field operations > Closed field activities > Mission to Croatia."""
    top = StructureFactory(name="Field operations", kind=Structure.Kind.GROUP)
    middle = StructureFactory(name="Closed field activities", kind=Structure.Kind.GROUP, parent=top)
    leaf = StructureFactory(name="Mission to Croatia", parent=middle)
    return top, middle, leaf


def test_a_structure_cannot_be_put_under_its_own_part(branch):
    top, _middle, leaf = branch
    top.parent = leaf
    with pytest.raises(ValidationError) as refused:
        top.full_clean()
    assert "parent" in refused.value.message_dict
    with pytest.raises(ValidationError):
        top.save()
    top.refresh_from_db()
    assert top.parent is None


def test_a_structure_cannot_be_its_own_parent(branch):
    top, _middle, _leaf = branch
    top.parent = top
    with pytest.raises(ValidationError):
        top.full_clean()
    with pytest.raises(ValidationError):
        top.save()


def test_the_database_refuses_a_structure_as_its_own_parent_even_without_save(branch):
    top, _middle, _leaf = branch
    with pytest.raises(IntegrityError), transaction.atomic():
        Structure.objects.filter(pk=top.pk).update(parent=top.pk)


def test_moving_a_structure_elsewhere_in_the_tree_is_allowed(branch):
    top, middle, leaf = branch
    leaf.parent = top
    leaf.full_clean()
    leaf.save()
    assert list(top.children.all()) == [middle, leaf]


def test_a_save_writes_only_its_own_row_even_when_renaming():
    """Former names are recorded where a rename is made (the admin, load_taxonomy)."""
    office = StructureFactory(name="Programme Office in Nur-Sultan", acronym="POiN")
    office.name, office.acronym = "Programme Office in Astana", "POiA"
    office.save()

    renamed = Structure.objects.get(slug=office.slug)
    assert (renamed.pk, renamed.name) == (office.pk, "Programme Office in Astana")
    assert not FormerName.objects.exists()


def test_a_former_name_is_recorded_as_used_until_today():
    office = StructureFactory(name="Programme Office in Astana", acronym="POiA")

    office.record_former_name("Programme Office in Nur-Sultan", "POiN")

    former = FormerName.objects.get(structure=office)
    assert (former.name, former.acronym, former.used_until) == (
        "Programme Office in Nur-Sultan",
        "POiN",
        timezone.localdate(),
    )


def test_a_structure_with_parts_cannot_be_deleted(branch):
    top, middle, leaf = branch
    with pytest.raises(ProtectedError):
        middle.delete()
    assert Structure.objects.filter(pk__in=[top.pk, middle.pk, leaf.pk]).count() == 3
