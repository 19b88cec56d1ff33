"""Close the calls whose deadline has passed. Run it daily from cron.

Pages and the API already treat those calls as closed; this writes it down, so
that the status in the database and in exports agrees with what people see.
"""

from django.core.management.base import BaseCommand

from creative_cities.board.services import call_close_expired


class Command(BaseCommand):
    help = "Close every open call whose deadline has passed."

    def handle(self, *args, **options):
        count = call_close_expired()
        self.stdout.write(f"{count} call(s) closed.")
