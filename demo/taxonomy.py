"""The reference taxonomy as the generator sees it, read once from the database."""

import datetime
from dataclasses import dataclass, field

from demo.odds import FIRST_YEAR
from demo.texts import (
    CHAIR_TAG,
    CLOSED_WEIGHT_FACTOR,
    COVID_TAG,
    DEFAULT_CITY,
    ELECTIONS_TAG,
    FIELD_TEXTS,
    GENERAL_TAGS,
    HOST_CITIES,
    KIND_WEIGHTS,
    KOSOVO_CITIES,
    PERSON_SKIPS,
    PERSONS,
    PROFILES,
    VISITORS,
    Profile,
)
from structures.models import Structure
from taxonomy.models import Chairpersonship, Country, FieldOfWork, MeetingSeries


class MissingTaxonomy(Exception):
    """The reference taxonomy the demo content refers to is not in the database."""


@dataclass(frozen=True)
class Term:
    pk: int
    slug: str
    name: str


@dataclass
class Issuer:
    pk: int
    slug: str
    kind: str
    weight: float
    opened: datetime.date | None
    closed_on: datetime.date | None
    title_name: str  # "OSCE Mission to Serbia"
    subject: str  # "the OSCE Mission to Serbia"
    speaker: str
    city: str
    host: Term | None
    place: str  # the host country's name, or where it works
    cities: tuple
    fields: tuple  # indexes into DemoTaxonomy.fields; empty: any
    voice: str  # key of KIND_WEIGHTS_BY_ISSUER
    skips: frozenset  # story types it does not tell


@dataclass
class DemoTaxonomy:
    fields: list
    field_index: dict
    states: list
    partners: dict
    series: dict
    issuers: list
    chairs: dict  # year -> Term of the chairing country
    tags: dict = field(default_factory=dict)  # name -> pk

    @classmethod
    def from_database(cls):
        """Read the loaded taxonomy, or raise MissingTaxonomy naming what is missing."""
        fields = [
            Term(pk, slug, name)
            for pk, slug, name in FieldOfWork.objects.order_by("slug").values_list(
                "pk", "slug", "name"
            )
        ]
        countries = {
            slug: (Term(pk, slug, name), group)
            for pk, slug, name, group in Country.objects.order_by("slug").values_list(
                "pk", "slug", "name", "group"
            )
        }
        series = {
            slug: Term(pk, slug, name)
            for pk, slug, name in MeetingSeries.objects.order_by("slug").values_list(
                "pk", "slug", "name"
            )
        }
        structures = list(
            Structure.objects.exclude(kind=Structure.Kind.GROUP)
            .select_related("host_country", "parent")
            .order_by("slug")
        )
        missing = []
        if missing_fields := sorted(set(FIELD_TEXTS) - {term.slug for term in fields}):
            missing.append(f"the fields of work {', '.join(missing_fields)}")
        if not structures:
            missing.append("the structures")
        if not any(group == Country.Group.PARTICIPATING_STATE for _t, group in countries.values()):
            missing.append("the participating States")
        if missing:
            raise MissingTaxonomy(", ".join(missing))

        field_index = {term.slug: position for position, term in enumerate(fields)}
        issuers = [cls._issuer(structure, field_index) for structure in structures]
        chairs = {
            year: countries[slug][0]
            for year, slug in Chairpersonship.objects.values_list("year", "country__slug")
        }
        return cls(
            fields=fields,
            field_index=field_index,
            states=[
                t for t, group in countries.values() if group == Country.Group.PARTICIPATING_STATE
            ],
            partners={
                group: [t for t, g in countries.values() if g == group]
                for group in (Country.Group.ASIAN_PARTNER, Country.Group.MEDITERRANEAN_PARTNER)
            },
            series=series,
            issuers=[issuer for issuer in issuers if issuer.weight > 0],
            chairs=chairs,
        )

    @staticmethod
    def _issuer(structure, field_index):
        profile = PROFILES.get(structure.slug) or Profile(KIND_WEIGHTS.get(structure.kind, 0))
        name = structure.name if structure.name.startswith("OSCE") else f"OSCE {structure.name}"
        full = f"{name} ({structure.acronym})" if structure.acronym else name
        host = structure.host_country
        host_term = Term(host.pk, host.slug, host.name) if host else None
        city = structure.city or (structure.parent.city if structure.parent else "") or DEFAULT_CITY
        kind = structure.kind
        if structure.slug == "special-monitoring-mission-to-ukraine":
            voice = "smm"
        elif kind == Structure.Kind.FIELD_OPERATION:
            voice = "field-operation"
        elif kind in (Structure.Kind.INSTITUTION, Structure.Kind.CHAIRPERSONSHIP) or (
            structure.slug == "secretary-general"
        ):
            voice = "voice"
        else:
            voice = "other"
        is_field_operation = kind == Structure.Kind.FIELD_OPERATION
        if structure.slug == "mission-in-kosovo":
            cities = KOSOVO_CITIES
        elif is_field_operation and host:
            cities = HOST_CITIES.get(host.slug, ())
        else:
            cities = ()
        weight = profile.weight * (CLOSED_WEIGHT_FACTOR if not structure.is_active else 1)
        if not structure.is_active and structure.closed_on is None:
            weight = 0  # closed, but nobody knows since when: it issues nothing generated
        return Issuer(
            pk=structure.pk,
            slug=structure.slug,
            kind=kind,
            weight=weight,
            opened=profile.opened,
            closed_on=structure.closed_on,
            title_name=profile.title_name or name,
            subject=f"the {full}",
            speaker=profile.speaker or f"the Head of the {name}",
            city=city,
            host=host_term if is_field_operation else None,
            place=profile.place or (host.name if is_field_operation and host else ""),
            cities=cities,
            fields=tuple(field_index[slug] for slug in profile.fields if slug in field_index),
            voice=voice,
            skips=(PERSON_SKIPS if structure.slug in PERSONS else frozenset())
            | (frozenset() if structure.slug in VISITORS else frozenset({"visit"})),
        )

    def tag_names(self, last_year):
        """Every tag the generator may use, so that they can be created before a run."""
        names = set(GENERAL_TAGS) | {COVID_TAG}
        names |= {texts[2] for texts in FIELD_TEXTS.values() if texts[2]}
        names |= {ELECTIONS_TAG.format(year=year) for year in range(FIRST_YEAR, last_year + 1)}
        names |= {CHAIR_TAG.format(year=year) for year in self.chairs}
        return sorted(names)
