"""Report what the search index lacks or holds in excess, per kind; with --repair, fix it.

Exits with status 1 (a CommandError) when it finds problems and does not repair them,
so that cron or a monitoring system can alert; with ``-v 0`` it prints nothing when all
is well. Run it periodically, after a crash of the task worker, and after restoring a
backup (docs/operators.md).
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from creative_cities.search import providers, services
from creative_cities.search.index_check import index_check


class Command(BaseCommand):
    help = (
        "Compare the search index with the content: objects missing or indexed with old text, "
        "documents of deleted objects. Exit status 1 if any, unless --repair fixes them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", dest="kinds", help="Only this kind (repeatable).")
        parser.add_argument("--repair", action="store_true", help="Re-index what is missing or stale, remove orphans.")

    def handle(self, *args, kinds, repair, verbosity, **options):
        unknown = sorted(set(kinds or []) - set(providers.kinds()))
        if unknown:
            raise CommandError(
                _("Unknown kind %(kinds)s; registered: %(known)s.")
                % {"kinds": ", ".join(unknown), "known": ", ".join(providers.kinds())}
            )
        check = index_check(kinds)
        if check.problems or verbosity >= 1:
            self._report(check)
        if not check.problems:
            if verbosity >= 1:
                self.stdout.write(_("The search index is up to date."))
            return
        if not repair:
            raise CommandError(
                _("%(count)s problems found; run with --repair to fix them.") % {"count": check.problems}
            )
        report = services.index_repair(check=check)
        self.stdout.write(
            _("Repaired: %(objects)s objects indexed again, %(removed)s documents removed.")
            % {"objects": report.objects, "removed": report.removed}
        )

    def _report(self, check) -> None:
        for kind, found in check.kinds.items():
            self.stdout.write(
                _("%(kind)s: %(missing)s missing, %(stale)s stale, %(orphans)s of deleted objects.")
                % {
                    "kind": kind,
                    "missing": len(found.missing),
                    "stale": len(found.stale),
                    "orphans": len(found.orphans),
                }
            )
        for kind, count in check.unknown_kinds.items():
            self.stdout.write(
                _("%(kind)s: %(count)s documents of a kind no longer searchable.") % {"kind": kind, "count": count}
            )
        if check.unindexed_words or check.stray_words:
            self.stdout.write(
                _("Word index: %(missing)s documents missing, %(stray)s entries without a document.")
                % {"missing": len(check.unindexed_words), "stray": len(check.stray_words)}
            )
