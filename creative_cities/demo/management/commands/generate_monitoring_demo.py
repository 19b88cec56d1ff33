"""manage.py generate_monitoring_demo: demo monitoring reports, written through the services."""

from django.core.management.base import BaseCommand, CommandError

from creative_cities.demo import monitoring as demo


class Command(BaseCommand):
    help = "Generate demo monitoring reports (drafts, submitted, returned, accepted), marked as demo."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=7, help="Random seed (the same seed gives the same reports).")
        parser.add_argument("--share", type=float, default=1.0, help="Share of member cities considered (0–1).")
        parser.add_argument("--clear", action="store_true", help="Delete earlier demo reports first.")

    def handle(self, *args, seed, share, clear, verbosity, **options):
        if not 0 < share <= 1:
            raise CommandError("--share must be more than 0 and at most 1.")
        if clear:
            removed = demo.clear()
            if verbosity:
                self.stdout.write(f"Removed {removed} demo reports.")
        made = demo.generate(seed=seed, share=share)
        if verbosity:
            statuses = ", ".join(f"{status} {count}" for status, count in sorted(made.by_status.items()))
            self.stdout.write(
                f"Made {made.reports} demo reports ({statuses}), {made.commitments} commitments, "
                f"{made.reviews} reviews of earlier commitments."
            )
