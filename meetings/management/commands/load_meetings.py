from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from meetings.models import Meeting
from meetings.reference import MEETINGS
from taxonomy.models import Country, MeetingSeries


class Command(BaseCommand):
    help = (
        "Load the reference meetings (Ministerial Councils since 2014, the Astana Summit) "
        "under their series, which load_taxonomy loads first (it runs this command). Rows are "
        "matched on series and slug; running it again changes nothing and reads one query. "
        "Title, place and dates follow the reference (descriptions are the editors'). "
        "Nothing is deleted: meetings staff added stay as they are."
    )

    def handle(self, *args, **options):
        existing = {
            (meeting.series.slug, meeting.slug): meeting
            for meeting in Meeting.objects.select_related("series", "country")
        }
        created, updated = [], []
        for series, slug, title, city, country, online, start, end in MEETINGS:
            wanted = {
                "title": title,
                "city": city,
                "country": country,
                "online": online,
                "start_date": start,
                "end_date": end,
            }
            meeting = existing.get((series, slug))
            if meeting is None:
                created.append((series, slug, wanted))
                continue
            stored = {
                **{name: getattr(meeting, name) for name in wanted},
                "country": meeting.country.slug if meeting.country else None,
            }
            if stored != wanted:
                updated.append((meeting, wanted))
        if created or updated:
            with transaction.atomic():
                self.write(created, updated)
        self.stdout.write(
            self.style.SUCCESS(
                _("Meetings: %(created)d created, %(updated)d updated, %(unchanged)d unchanged")
                % {
                    "created": len(created),
                    "updated": len(updated),
                    "unchanged": len(MEETINGS) - len(created) - len(updated),
                }
            )
        )

    def write(self, created, updated):
        """Save the new and changed meetings: the series and countries read only now."""
        series = {s.slug: s for s in MeetingSeries.objects.all()}
        countries = {c.slug: c for c in Country.objects.all()}

        def resolved(slug, wanted):
            if wanted["country"] not in countries:
                raise CommandError(
                    _("Meeting %(slug)s: load the reference taxonomy first (load_taxonomy).")
                    % {"slug": slug}
                )
            return {**wanted, "country": countries[wanted["country"]]}

        for series_slug, slug, wanted in created:
            if series_slug not in series:
                raise CommandError(
                    _("Meeting %(slug)s: load the reference taxonomy first (load_taxonomy).")
                    % {"slug": slug}
                )
            meeting = Meeting(series=series[series_slug], slug=slug, **resolved(slug, wanted))
            meeting.full_clean()
            meeting.save()
        for meeting, wanted in updated:
            for name, value in resolved(meeting.slug, wanted).items():
                setattr(meeting, name, value)
            meeting.full_clean(validate_unique=False)
            meeting.save()
