import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from creative_cities.search import lexical, providers, services


class Command(BaseCommand):
    help = "Index every searchable object again (all kinds, or those given); vectors of unchanged texts are kept."

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", dest="kinds", help="Only this kind (repeatable).")
        parser.add_argument(
            "--workers",
            type=int,
            help="Processes that embed texts (default: SEARCH_INDEX_WORKERS, or one per core available); "
            "1 embeds in this process.",
        )

    def handle(self, *args, kinds, workers, verbosity, **options):
        if workers is not None and workers < 1:
            raise CommandError(_("--workers must be at least 1."))
        unknown = sorted(set(kinds or []) - set(providers.kinds()))
        if unknown:
            raise CommandError(
                _("Unknown kind %(kinds)s; registered: %(known)s.")
                % {"kinds": ", ".join(unknown), "known": ", ".join(providers.kinds())}
            )
        bars: dict[str, tqdm] = {}

        def progress(kind: str, done: int, total: int) -> None:
            bar = bars.get(kind)
            if bar is None:
                bar = bars[kind] = tqdm(
                    total=total, desc=kind, unit=_("object"), disable=verbosity < 1, file=self.stderr
                )
            bar.update(done - bar.n)
            if done >= total:
                bar.close()

        started = time.monotonic()
        report = services.rebuild(kinds, progress=progress, workers=workers)
        lexical.tidy()
        self.stdout.write(
            _(
                "Indexed %(objects)s objects: %(documents)s documents, %(removed)s removed, "
                "%(embedded)s vectors computed, %(reused)s kept, in %(seconds).1f s."
            )
            % {**vars(report), "seconds": time.monotonic() - started}
        )
        if report.workers:
            self.stdout.write(
                _("The model read %(passages)s passages, in %(workers)s worker processes.") % vars(report)
            )
        elif report.passages:
            self.stdout.write(_("The model read %(passages)s passages, in this process.") % vars(report))
