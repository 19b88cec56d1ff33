"""Fill the knowledge base with demo items: ``manage.py generate_demo_content --items 1000 --seed 7``."""

import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from creative_cities.demo import knowledge as demo
from creative_cities.demo.indicators import indicator_values_generate
from creative_cities.demo.knowledge import phrases


class Command(BaseCommand):
    help = (
        "Add demo knowledge items (good practices, policies, publications) of member cities, in several "
        "languages, marked as demo. The same seed gives the same items. Ends by rebuilding the search index "
        "of the knowledge base unless --no-index."
    )

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, required=True, help="How many items to add.")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same items (default 1).")
        parser.add_argument(
            "--language-mix",
            default=None,
            help="Languages to write in, e.g. 'en,fr,es' or 'en:5,fr:3,es:2' (default: "
            + ",".join(f"{code}:{weight}" for code, weight in phrases.facts().weights.items())
            + ").",
        )
        parser.add_argument("--clear", action="store_true", help="Delete the previous demo items first (only them).")
        parser.add_argument("--no-index", action="store_true", help="Do not rebuild the search index afterwards.")
        parser.add_argument(
            "--indicators",
            action="store_true",
            help="Also write demo indicator values of the member cities (CCCM 2019, Culture|2030; 2019-2025).",
        )
        parser.add_argument(
            "--via-services",
            action="store_true",
            help="Create each item through the knowledge services (audited, slow) instead of in bulk.",
        )

    def handle(self, *args, items, seed, language_mix, clear, no_index, via_services, verbosity, **options):
        if options.get("indicators"):
            values = indicator_values_generate(seed=seed)
            self._say(
                f"Demo indicator values: {values.written} written, {values.cleared} previous removed.", verbosity > 0
            )
        if items < 0:
            raise CommandError("--items must be 0 or more.")
        show = verbosity > 0

        def bar(description, total):
            return tqdm(total=total, desc=description, unit="item", disable=not show, file=self.stderr._out)

        try:
            report = demo.generate(
                items=items,
                seed=seed,
                language_mix=language_mix,
                clear=clear,
                via_services=via_services,
                progress=bar,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        if clear:
            self._say(f"Deleted {report.cleared} previous demo items in {report.seconds['clear']:.1f} s.", show)
        writing = report.seconds["compose"] + report.seconds["write"]
        rate = report.created / writing if writing else 0
        self._say(
            f"Added {report.created} demo items in {writing:.1f} s ({rate:.0f} items/s): composing "
            f"{report.seconds['compose']:.1f} s, writing {report.seconds['write']:.1f} s.",
            show,
        )
        if no_index:
            self._say("Search index not rebuilt (--no-index): run manage.py rebuild_search_index.", show)
            return
        self._rebuild_index(show)

    def _rebuild_index(self, show: bool) -> None:
        from creative_cities.knowledge.search_documents import KIND
        from creative_cities.search.lexical import tidy
        from creative_cities.search.services import rebuild

        started = time.perf_counter()
        progress_bar = None

        def progress(kind, done, total):
            nonlocal progress_bar
            if progress_bar is None:
                progress_bar = tqdm(total=total, desc="index", unit="item", disable=not show, file=self.stderr._out)
            progress_bar.update(done - progress_bar.n)

        index = rebuild([KIND], progress=progress)
        tidy()
        if progress_bar is not None:
            progress_bar.close()
        self._say(
            f"Search index rebuilt in {time.perf_counter() - started:.1f} s: {index.objects} items, "
            f"{index.documents} documents ({index.embedded} vectors computed from {index.passages} passages, "
            f"{index.reused} reused).",
            show,
        )

    def _say(self, message: str, show: bool) -> None:
        if show:
            self.stdout.write(message)
