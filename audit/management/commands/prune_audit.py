from django.core.management.base import BaseCommand

from audit import retention


class Command(BaseCommand):
    help = "Delete audit entries older than AUDIT_RETENTION_DAYS (or --days)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Keep this many days instead of the setting."
        )

    def handle(self, *args, days=None, **options):
        if days is not None and days < 1:
            self.stderr.write(self.style.ERROR("--days must be at least 1."))
            return
        count = retention.prune(days)
        self.stdout.write(self.style.SUCCESS(f"Deleted {count} audit entries."))
