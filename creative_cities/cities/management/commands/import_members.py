from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from creative_cities.cities.registry import MEMBERS_FILE, RegistryInvalid, members_import


class Command(BaseCommand):
    help = "Import the member registry (data/members.csv): validate the whole file, then create and update."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(MEMBERS_FILE), help="CSV file to import.")
        parser.add_argument("--language", default="en", choices=["en", "fr", "es"], help="Language of the messages.")

    def handle(self, *args, path, language, verbosity, **options):
        with translation.override(language):
            self._import(path, verbosity)

    def _import(self, path, verbosity):

        def progress(rows):
            return tqdm(rows, desc=_("Importing"), unit=_("city"), disable=verbosity < 1, file=self.stderr)

        try:
            report = members_import(path=Path(path), progress=progress)
        except RegistryInvalid as invalid:
            for issue in invalid.issues:
                self.stderr.write(str(issue))
            count = len(invalid.issues)
            raise CommandError(
                ngettext(
                    "%(count)s error in %(path)s; nothing was imported.",
                    "%(count)s errors in %(path)s; nothing was imported.",
                    count,
                )
                % {"count": count, "path": path}
            ) from invalid
        self.stdout.write(
            _("Created %(created)s, updated %(updated)s, unchanged %(unchanged)s.")
            % {"created": len(report.created), "updated": len(report.updated), "unchanged": len(report.unchanged)}
        )
        if report.not_in_file:
            self.stdout.write(
                _("In the database but not in the file (left untouched): %s") % ", ".join(report.not_in_file)
            )
