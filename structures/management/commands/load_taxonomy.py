"""Load the organisation's reference taxonomy and tree of structures, idempotently."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from structures.models import Structure
from structures.reference import ACRONYMS, NAMES, STRUCTURES
from taxonomy.models import Chairpersonship, Country, FieldOfWork, MeetingSeries
from taxonomy.reference import (
    ASIAN_PARTNERS,
    CHAIRPERSONSHIPS,
    COUNTRY_NAMES,
    FIELD_NAMES,
    FIELDS_OF_WORK,
    MEDITERRANEAN_PARTNERS,
    MEETING_SERIES,
    MEETING_SERIES_NAMES,
    PARTICIPATING_STATES,
    names,
)

# Gaps between consecutive `order` values, so that a manager can slot a row in between.
ORDER_STEP = 10


class Sync:
    """Brings the rows of one model in line with the reference, keyed on one unique field.

    `reference` values are restored on every run. `editorial` values are written only while
    the row's value is blank: once a taxonomy manager has written one, it is theirs.
    `translations` ({"names": {language: name}}) restore the reference's languages in those
    JSON columns and keep the languages the reference does not give (a manager's Italian).
    A row that already matches is not saved, so a rerun writes nothing (and a structure
    records no former name: StructureSync records one when the reference renames it).
    """

    def __init__(self, model, key, keys):
        self.model, self.key = model, key
        self.existing = model.objects.in_bulk(list(keys), field_name=key)
        self.created = self.updated = self.unchanged = 0
        self.changes = []

    def __call__(self, key_value, reference, editorial=None, translations=None):
        editorial = editorial or {}
        obj = self.existing.get(key_value)
        for name, given in (translations or {}).items():
            kept = getattr(obj, name) if obj is not None else {}
            reference = {**reference, name: {**(kept or {}), **given}}
        if obj is None:
            obj = self.model(**{self.key: key_value}, **reference, **editorial)
            self._save(obj)
            self.created += 1
            self.changes.append((key_value, [_("created")]))
            return obj
        wanted = {name: value for name, value in reference.items() if _differs(obj, name, value)}
        wanted.update(
            (name, value) for name, value in editorial.items() if value and not getattr(obj, name)
        )
        if not wanted:
            self.unchanged += 1
            return obj
        previous = {name: getattr(obj, name) for name in wanted}
        for name, value in wanted.items():
            setattr(obj, name, value)
        self._save(obj, update_fields=list(wanted))
        self.saved_changes(obj, previous)
        self.updated += 1
        self.changes.append((key_value, list(wanted)))
        return obj

    def _save(self, obj, **kwargs):
        try:
            obj.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            raise CommandError(
                _("The reference %(model)s %(key)s is not valid: %(errors)s")
                % {
                    "model": self.model._meta.verbose_name,
                    "key": getattr(obj, self.key),
                    "errors": "; ".join(error.messages),
                }
            ) from error
        obj.save(**kwargs)

    def saved_changes(self, obj, previous):
        """After `obj` was updated: `previous` holds the values it had."""


class StructureSync(Sync):
    def saved_changes(self, structure, previous):
        if "name" in previous:
            acronym = previous.get("acronym", structure.acronym)
            structure.record_former_name(previous["name"], acronym)


def _differs(obj, name, value):
    field = obj._meta.get_field(name)
    if field.is_relation:
        return getattr(obj, field.attname) != (value.pk if value is not None else None)
    return getattr(obj, name) != value


class Command(BaseCommand):
    help = (
        "Load the organisation's reference taxonomy: fields of work, meeting series, "
        "countries, Chairpersonships and the tree of structures and institutions. Rows are "
        "matched on their slug (Chairpersonships on their year) and created or updated in one "
        "transaction; running it again changes nothing. Names (English, and Russian, French "
        "and German, with structures' acronyms; other languages a manager added are kept), "
        "ISO codes, groups, kinds, "
        "parents, host countries, cities, open/closed status and menu order follow the "
        "reference and are restored if edited. Descriptions and websites are filled in only "
        "while blank, so a manager's wording is kept (clear it to get the reference text "
        "back). Nothing is ever deleted: rows staff added stay as they are."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                syncs = self.load()
        except IntegrityError as error:
            raise CommandError(
                _("The reference clashes with a row staff added; nothing was loaded: %(error)s")
                % {"error": error}
            ) from error

        for sync in syncs:
            self.stdout.write(
                _("%(models)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged")
                % {
                    "models": capfirst(sync.model._meta.verbose_name_plural),
                    "created": sync.created,
                    "updated": sync.updated,
                    "unchanged": sync.unchanged,
                }
            )
            if options["verbosity"] >= 2:
                for key, fields in sync.changes:
                    self.stdout.write(f"  {key}: {', '.join(fields)}")
        if apps.is_installed("meetings"):
            # The dated meetings of the series just loaded: meetings/ knows the series, the
            # taxonomy knows nothing of meetings.
            call_command("load_meetings", stdout=self.stdout, verbosity=options["verbosity"])
        if any(sync.created or sync.updated for sync in syncs):
            self.stdout.write(self.style.SUCCESS(_("Reference taxonomy loaded.")))
        else:
            self.stdout.write(
                self.style.SUCCESS(_("Nothing changed: the reference taxonomy was already loaded."))
            )

    def load(self):
        fields = Sync(FieldOfWork, "slug", (row[0] for row in FIELDS_OF_WORK))
        for position, (slug, name, description) in enumerate(FIELDS_OF_WORK, start=1):
            fields(
                slug,
                {"name": name, "order": position * ORDER_STEP},
                {"description": description},
                {"names": names(FIELD_NAMES, slug)},
            )

        meetings = Sync(MeetingSeries, "slug", (row[0] for row in MEETING_SERIES))
        for position, (slug, name, description) in enumerate(MEETING_SERIES, start=1):
            meetings(
                slug,
                {"name": name, "order": position * ORDER_STEP},
                {"description": description},
                {"names": names(MEETING_SERIES_NAMES, slug)},
            )

        groups = (
            (Country.Group.PARTICIPATING_STATE, PARTICIPATING_STATES),
            (Country.Group.ASIAN_PARTNER, ASIAN_PARTNERS),
            (Country.Group.MEDITERRANEAN_PARTNER, MEDITERRANEAN_PARTNERS),
        )
        countries = Sync(Country, "slug", (row[0] for _group, rows in groups for row in rows))
        country = {}
        for group, rows in groups:
            for slug, name, iso_code in rows:
                country[slug] = countries(
                    slug,
                    {"name": name, "iso_code": iso_code, "group": group},
                    translations={"names": names(COUNTRY_NAMES, slug)},
                )

        chairs = Sync(Chairpersonship, "year", (year for year, _slug in CHAIRPERSONSHIPS))
        for year, slug in CHAIRPERSONSHIPS:
            chairs(year, {"country": country[slug]})

        structures = StructureSync(Structure, "slug", (row["slug"] for row in STRUCTURES))
        structure, siblings = {}, {}
        for row in STRUCTURES:  # parents come first, so each parent is saved before its parts
            parent = row.get("parent")
            siblings[parent] = siblings.get(parent, 0) + 1
            closed_on = row.get("closed_on")
            structure[row["slug"]] = structures(
                row["slug"],
                {
                    "name": row["name"],
                    "acronym": row.get("acronym", ""),
                    "kind": row["kind"],
                    "parent": structure[parent] if parent else None,
                    "host_country": country[row["host_country"]]
                    if row.get("host_country")
                    else None,
                    "city": row.get("city", ""),
                    "is_active": closed_on is None,
                    "closed_on": closed_on,
                    "order": siblings[parent] * ORDER_STEP,
                },
                {"description": row.get("description", ""), "website": row.get("website", "")},
                {
                    "names": names(NAMES, row["slug"]),
                    # Blank: the English acronym is shown.
                    "acronyms": {
                        language: acronym
                        for language, acronym in names(ACRONYMS, row["slug"]).items()
                        if acronym
                    },
                },
            )
        return [fields, meetings, countries, chairs, structures]
