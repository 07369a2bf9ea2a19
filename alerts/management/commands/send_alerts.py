"""Run the alerts' scheduled jobs once, here: for the trial path, which has no worker and no
scheduler, or for a cron job instead of celery beat."""

from django.core.management.base import BaseCommand

from alerts import tasks


class Command(BaseCommand):
    help = (
        "Announce public items never announced (scheduled items whose time has come) and, with "
        "--digests, send the daily digests: what celery beat runs, run once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--digests", action="store_true", help="Also send the daily digests waiting."
        )

    def handle(self, *args, digests=False, **options):
        announced = tasks.announce_due.delay()
        self.stdout.write(f"Announcement queued ({announced.id}).")
        if digests:
            waiting = tasks.send_digests.delay()
            self.stdout.write(f"Digests queued ({waiting.id}).")
