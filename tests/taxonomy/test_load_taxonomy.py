"""`manage.py load_taxonomy` loads the organisation's real taxonomy, and a rerun changes nothing."""

import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from structures.models import FormerName, Structure
from taxonomy.models import Chairpersonship, Country, FieldOfWork, MeetingSeries
from tests.factories import CountryFactory, FieldOfWorkFactory, StructureFactory

pytestmark = pytest.mark.django_db

MODELS = (FieldOfWork, MeetingSeries, Country, Chairpersonship, Structure)


def load_taxonomy():
    out = io.StringIO()
    call_command("load_taxonomy", stdout=out)
    return out.getvalue()


def snapshot():
    """Every row of every loaded model, as the database holds it."""
    return {model: list(model.objects.order_by("pk").values()) for model in MODELS}


@pytest.fixture
def loaded():
    load_taxonomy()


def names(queryset):
    return list(queryset.values_list("name", flat=True))


def test_loads_the_23_fields_of_work_in_the_menu_order(loaded):
    fields = FieldOfWork.objects.all()
    assert fields.count() == 23
    assert names(fields)[:3] == [
        "Arms control",
        "Border management",
        "Combating trafficking in human beings",
    ]
    assert names(fields)[-1] == "Youth"
    assert not fields.filter(name__in=["Field operations", "Projects"]).exists()
    for field in fields:
        assert field.slug and field.parent is None
        assert field.description.endswith(".") and ". " not in field.description  # one sentence
    assert FieldOfWork.objects.get(slug="cyber-ict-security").name == "Cyber/ICT Security"


def test_loads_the_16_meeting_series_of_the_menu_and_not_partnerships(loaded):
    series = MeetingSeries.objects.all()
    assert series.count() == 16
    assert names(series)[0] == "Summit meetings"
    assert names(series)[-1] == "Annual OSCE Asian conferences"
    assert not series.filter(name="Partnerships").exists()
    assert all(meeting.slug and meeting.description for meeting in series)


def test_loads_57_participating_states_and_11_partners_with_iso_codes(loaded):
    by_group = {
        group: set(Country.objects.filter(group=group).values_list("name", flat=True))
        for group in Country.Group.values
    }
    assert len(by_group[Country.Group.PARTICIPATING_STATE]) == 57
    assert by_group[Country.Group.ASIAN_PARTNER] == {
        "Afghanistan",
        "Australia",
        "Japan",
        "Republic of Korea",
        "Thailand",
    }
    assert by_group[Country.Group.MEDITERRANEAN_PARTNER] == {
        "Algeria",
        "Egypt",
        "Israel",
        "Jordan",
        "Morocco",
        "Tunisia",
    }
    assert Country.objects.count() == 68
    codes = list(Country.objects.values_list("iso_code", flat=True))
    assert len(set(codes)) == 68
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in codes)
    code = dict(Country.objects.values_list("slug", "iso_code"))
    assert (code["finland"], code["holy-see"], code["turkiye"], code["netherlands"]) == (
        "FI",
        "VA",
        "TR",
        "NL",
    )
    assert (code["united-kingdom"], code["serbia"], code["north-macedonia"]) == ("GB", "RS", "MK")
    assert Country.objects.get(slug="finland").name == "Finland"
    assert not Country.objects.filter(name__icontains="kosovo").exists()


def test_chairpersonships_2019_to_2026_are_held_by_the_right_states(loaded):
    held = dict(Chairpersonship.objects.values_list("year", "country__name"))
    assert held == {
        2019: "Slovakia",
        2020: "Albania",
        2021: "Sweden",
        2022: "Poland",
        2023: "North Macedonia",
        2024: "Malta",
        2025: "Finland",
        2026: "Switzerland",
    }


def test_the_top_of_the_tree_keeps_the_order_of_the_menu(loaded):
    roots = Structure.objects.filter(parent=None)
    assert [(s.name, s.kind) for s in roots] == [
        ("Chairpersonship", Structure.Kind.CHAIRPERSONSHIP),
        ("Secretariat", Structure.Kind.SECRETARIAT),
        ("Institutions", Structure.Kind.GROUP),
        ("Field operations", Structure.Kind.GROUP),
        ("Parliamentary Assembly", Structure.Kind.PARLIAMENTARY_ASSEMBLY),
        ("Court of Conciliation and Arbitration", Structure.Kind.COURT),
    ]
    where = {s.slug: (s.city, s.host_country and s.host_country.name) for s in roots}
    assert where["parliamentary-assembly"] == ("Copenhagen", "Denmark")
    assert where["court-of-conciliation-and-arbitration"] == ("Geneva", "Switzerland")


def test_the_secretariat_holds_its_12_units_in_menu_order(loaded):
    secretariat = Structure.objects.get(slug="secretariat")
    assert (secretariat.city, secretariat.host_country.iso_code, secretariat.acronym) == (
        "Vienna",
        "AT",
        "",
    )
    units = secretariat.children.all()
    assert {unit.kind for unit in units} == {Structure.Kind.SECRETARIAT_UNIT}
    assert [str(unit) for unit in units] == [
        "Secretary General",
        "Office of the Secretary General",
        "Conflict Prevention Centre (CPC)",
        "Transnational Threats Department (TNTD)",
        "Office of the Special Representative and Co-ordinator for Combating Trafficking in "
        "Human Beings",
        "Office of the Co-ordinator of OSCE Economic and Environmental Activities (OCEEA)",
        "Gender Issues Programme",
        "Opportunities for Youth",
        "Department of Human Resources",
        "Department of Management and Finance",
        "Office of Internal Oversight",
        "Documentation Centre in Prague",
    ]
    prague = units.get(slug="documentation-centre-in-prague")
    assert (prague.city, prague.host_country.name) == ("Prague", "Czechia")


def test_the_three_institutions_sit_in_their_group_with_acronyms_and_seats(loaded):
    group = Structure.objects.get(slug="institutions", kind=Structure.Kind.GROUP)
    assert [(s.acronym, s.kind, s.city, s.host_country.name) for s in group.children.all()] == [
        ("ODIHR", Structure.Kind.INSTITUTION, "Warsaw", "Poland"),
        ("HCNM", Structure.Kind.INSTITUTION, "The Hague", "Netherlands"),
        ("RFoM", Structure.Kind.INSTITUTION, "Vienna", "Austria"),
    ]


def test_the_12_active_field_operations_are_hosted_where_they_work(loaded):
    group = Structure.objects.get(slug="field-operations", kind=Structure.Kind.GROUP)
    operations = group.children.filter(kind=Structure.Kind.FIELD_OPERATION)
    assert [(s.name, s.city, s.host_country_id and s.host_country.name) for s in operations] == [
        ("Presence in Albania", "Tirana", "Albania"),
        ("Centre in Ashgabat", "Ashgabat", "Turkmenistan"),
        ("Programme Office in Astana", "Astana", "Kazakhstan"),
        ("Programme Office in Bishkek", "Bishkek", "Kyrgyzstan"),
        ("Mission to Bosnia and Herzegovina", "Sarajevo", "Bosnia and Herzegovina"),
        ("Programme Office in Dushanbe", "Dushanbe", "Tajikistan"),
        ("Mission in Kosovo", "Pristina", None),  # Kosovo is not a participating State
        ("Mission to Moldova", "Chisinau", "Moldova"),
        ("Mission to Montenegro", "Podgorica", "Montenegro"),
        ("Mission to Serbia", "Belgrade", "Serbia"),
        ("Mission to Skopje", "Skopje", "North Macedonia"),
        ("Project Co-ordinator in Uzbekistan", "Tashkent", "Uzbekistan"),
    ]
    assert all(s.is_active and s.closed_on is None for s in operations)
    assert names(group.children.filter(kind=Structure.Kind.GROUP)) == ["Closed field activities"]


def test_closed_field_activities_are_inactive_with_their_closing_dates(loaded):
    closed = Structure.objects.get(slug="closed-field-activities").children.all()
    assert closed.count() >= 5
    for operation in closed:
        assert operation.kind == Structure.Kind.FIELD_OPERATION
        assert not operation.is_active
        assert operation.closed_on is not None and operation.host_country is not None
    closed_on = dict(closed.values_list("name", "closed_on"))
    assert closed_on["Mission to Croatia"] == datetime.date(2007, 12, 31)
    assert closed_on["Mission to Georgia"] == datetime.date(2009, 6, 30)
    assert closed_on["Office in Minsk"] == datetime.date(2011, 3, 31)
    assert closed_on["Office in Yerevan"] == datetime.date(2017, 8, 31)
    assert closed_on["Special Monitoring Mission to Ukraine"] == datetime.date(2022, 3, 31)
    assert closed_on["Project Co-ordinator in Ukraine"] == datetime.date(2022, 6, 30)
    assert not Structure.objects.active().filter(pk__in=closed).exists()


def test_every_loaded_row_passes_model_validation(loaded):
    for model in MODELS:
        for obj in model.objects.all():
            obj.full_clean()  # raises on a bad URL, a too long acronym, a duplicate, …


def test_websites_are_only_the_organisations_own_pages(loaded):
    websites = Structure.objects.exclude(website="").values_list("website", flat=True)
    assert websites
    assert all(url.startswith("https://www.osce.org/") for url in websites)


def test_a_second_run_changes_nothing_and_says_so(loaded):
    before = snapshot()
    with CaptureQueriesContext(connection) as queries:
        output = load_taxonomy()
    assert snapshot() == before  # same primary keys, same values
    writes = [
        q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
    ]
    assert writes == []
    assert not FormerName.objects.exists()
    for label, count in [
        ("Fields of work", 23),
        ("Meeting series", 16),
        ("Countries", 68),
        ("Chairpersonships", 8),
        ("Structures", Structure.objects.count()),
    ]:
        assert f"{label}: 0 created, 0 updated, {count} unchanged" in output
    assert "Nothing changed" in output


def test_the_first_run_reports_what_it_created():
    output = load_taxonomy()
    assert "Fields of work: 23 created, 0 updated, 0 unchanged" in output
    assert "Countries: 68 created, 0 updated, 0 unchanged" in output
    assert f"Structures: {Structure.objects.count()} created" in output
    assert "Reference taxonomy loaded." in output


def test_a_rerun_reads_each_model_once(loaded, django_assert_max_num_queries):
    # Plus the transaction's own, and the meetings of the series (load_meetings, meetings/).
    with django_assert_max_num_queries(len(MODELS) + 3):
        load_taxonomy()


def test_a_rerun_keeps_descriptions_and_websites_a_manager_wrote(loaded):
    field = FieldOfWork.objects.get(slug="migration")
    field.description = "Our own wording about migration."
    field.save()
    mission = Structure.objects.get(slug="mission-to-serbia")
    mission.description = "The Mission's own wording."
    mission.website = "https://www.osce.org/serbia"
    mission.save()

    output = load_taxonomy()

    field.refresh_from_db()
    mission.refresh_from_db()
    assert field.description == "Our own wording about migration."
    assert mission.description == "The Mission's own wording."
    assert mission.website == "https://www.osce.org/serbia"
    assert "Nothing changed" in output


def test_a_rerun_fills_a_description_a_manager_cleared(loaded):
    field = FieldOfWork.objects.get(slug="migration")
    reference_text = field.description
    FieldOfWork.objects.filter(pk=field.pk).update(description="")

    output = load_taxonomy()

    field.refresh_from_db()
    assert field.description == reference_text
    assert "Fields of work: 0 created, 1 updated, 22 unchanged" in output


def test_a_rerun_restores_the_reference_name_code_and_place_in_the_tree(loaded):
    FieldOfWork.objects.filter(slug="youth").update(name="Young people", order=1)
    Country.objects.filter(slug="holy-see").update(iso_code="HS")
    mission = Structure.objects.get(slug="mission-to-skopje")
    mission.parent = Structure.objects.get(slug="institutions")
    mission.city = "Ohrid"
    mission.save()

    load_taxonomy()

    youth = FieldOfWork.objects.get(slug="youth")
    assert (youth.name, youth.order) == ("Youth", 230)
    assert Country.objects.get(slug="holy-see").iso_code == "VA"
    mission.refresh_from_db()
    assert (mission.parent.slug, mission.city) == ("field-operations", "Skopje")
    assert not FormerName.objects.exists()


def test_a_renamed_structure_in_the_reference_keeps_its_news_and_its_former_name(
    loaded, monkeypatch
):
    from structures.management.commands import load_taxonomy as command
    from structures.reference import STRUCTURES

    astana = Structure.objects.get(slug="programme-office-in-astana")
    renamed = tuple(
        {**row, "name": "Programme Office in Nur-Sultan"}
        if row["slug"] == "programme-office-in-astana"
        else row
        for row in STRUCTURES
    )
    monkeypatch.setattr(command, "STRUCTURES", renamed)

    load_taxonomy()
    load_taxonomy()

    after = Structure.objects.get(slug="programme-office-in-astana")
    assert (after.pk, after.name) == (astana.pk, "Programme Office in Nur-Sultan")
    assert list(after.former_names.values_list("name", flat=True)) == ["Programme Office in Astana"]


def test_rows_staff_added_are_kept(loaded):
    topic = FieldOfWorkFactory(name="Water diplomacy", slug="water-diplomacy", order=235)
    field_operations = Structure.objects.get(slug="field-operations")
    office = StructureFactory(
        name="Office in Atlantis", slug="office-in-atlantis", parent=field_operations
    )

    output = load_taxonomy()

    topic.refresh_from_db()
    office.refresh_from_db()
    assert (topic.name, topic.order) == ("Water diplomacy", 235)
    assert office.parent == field_operations
    assert FieldOfWork.objects.count() == 24
    assert "Nothing changed" in output


def test_a_clash_with_a_row_staff_added_loads_nothing():
    CountryFactory(name="Netherlands", slug="the-netherlands", iso_code="NL")

    with pytest.raises(CommandError, match="clashes"):
        load_taxonomy()

    assert not FieldOfWork.objects.exists()  # loaded before the countries, rolled back
    assert Country.objects.count() == 1
