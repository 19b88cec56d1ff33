"""Daily: remind cities' teams of reports falling due or overdue (see monitoring.reminders)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from creative_cities.monitoring.reminders import reminders_send


class Command(BaseCommand):
    help = "Send the monitoring report reminders due today (idempotent: run it daily)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Act as if today were this day (YYYY-MM-DD), for tests and backfills.")

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError(f"--date: give a day as YYYY-MM-DD ({error})") from error
        done = reminders_send(today=today)
        for reminder in done:
            days = abs(reminder.offset_days)
            when = f"{days} days before" if reminder.offset_days < 0 else f"{days} days after"
            self.stdout.write(
                f"{reminder.city}: report {reminder.cycle} due {reminder.due_on.isoformat()} ({when}), "
                f"{reminder.people} people"
            )
        self.stdout.write(f"{len(done)} reminder(s) sent for {today.isoformat()}.")
