import getpass
import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from creative_cities.accounts.services import user_create_secretariat


class Command(BaseCommand):
    help = (
        "Create a Secretariat account that can sign in at once. The password is asked for, "
        "or read from the SECRETARIAT_PASSWORD environment variable when there is no terminal."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", default="", help="Full name.")

    def handle(self, *args, email, name, **options):
        password = os.environ.get("SECRETARIAT_PASSWORD")
        if not password:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The two passwords differ.")
        try:
            user = user_create_secretariat(email=email, password=password, full_name=name)
        except ValidationError as invalid:
            raise CommandError(" ".join(invalid.messages)) from invalid
        self.stdout.write(f"Secretariat account created: {user.email}")
