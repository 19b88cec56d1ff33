"""Add demo partnerships: ``manage.py generate_partnership_demo --projects 400 --organisations 300 --seed 1``."""

from django.core.management.base import BaseCommand, CommandError

from creative_cities.demo import partnerships as demo


class Command(BaseCommand):
    help = (
        "Add demo organisations, projects with partners, calls and adaptations of practices, chosen by a seeded "
        "thematic process (see creative_cities/demo/partnerships.py); projects, calls and adaptations are marked "
        "as demo. Ends by indexing cities, organisations and projects for search unless --no-index."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=int, default=300)
        parser.add_argument("--projects", type=int, default=400)
        parser.add_argument("--calls", type=int, default=60)
        parser.add_argument(
            "--adaptations", type=int, default=30, help="Needs published practices (generate_demo_content)."
        )
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same world (default 1).")
        parser.add_argument("--clear", action="store_true", help="Delete what this command made before (only that).")
        parser.add_argument("--no-index", action="store_true", help="Do not index for search afterwards.")

    def handle(self, *args, organisations, projects, calls, adaptations, seed, clear, no_index, verbosity, **options):
        if min(organisations, projects, calls, adaptations) < 0:
            raise CommandError("Counts must be 0 or more.")
        if clear:
            self.stdout.write(f"Deleted {demo.clear()} rows of the previous demo partnerships.")
        report = demo.generate(
            organisations=organisations, projects=projects, calls=calls, adaptations=adaptations, seed=seed
        )
        self.stdout.write(
            f"Added {report.organisations} organisations, {report.projects} projects with {report.partners} "
            f"partnerships, {report.calls} calls ({report.interests} accepted interests) and "
            f"{report.adaptations} adaptations in {report.seconds:.1f} s."
        )
        if not no_index:
            from creative_cities.search import services

            def progress(kind, done, total):
                if verbosity > 1 or done == total:
                    self.stdout.write(f"Indexed {done}/{total} {kind}")

            services.rebuild(["city", "organisation", "project"], progress=progress)
