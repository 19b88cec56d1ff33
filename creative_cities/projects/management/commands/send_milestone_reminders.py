"""Tell each project's people of the milestones that fall due soon. Operators run it daily from cron."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from creative_cities.projects.services import milestone_reminders_send


class Command(BaseCommand):
    help = "Notify the lead and partners of each project of milestones due within DAYS days (or overdue), once."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="How many days ahead to look (default 7).")
        parser.add_argument("--today", help="The day to count from, YYYY-MM-DD (default: today).")

    def handle(self, *args, days: int, today: str | None, **options):
        if days < 0:
            raise CommandError("--days must be zero or more.")
        try:
            start = date.fromisoformat(today) if today else None
        except ValueError as error:
            raise CommandError("--today must be a date written YYYY-MM-DD.") from error
        count = milestone_reminders_send(today=start, days=days)
        self.stdout.write(f"{count} milestone(s) reminded.")
