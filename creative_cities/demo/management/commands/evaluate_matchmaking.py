"""Measure the recommender on the demo partnerships: ``manage.py evaluate_matchmaking [--write]``."""

import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from creative_cities.demo import evaluation

DOC = Path(settings.BASE_DIR) / "docs" / "matchmaking.md"
BEGIN, END = "<!-- evaluation results -->", "<!-- end of evaluation results -->"


class Command(BaseCommand):
    help = (
        "Hide a seeded share of the demo projects' partnerships and report how many of them the recommender "
        "finds in its top k (hit rate@k), against a ranking by field alone and a random one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--share", type=float, default=0.2, help="Share of partnerships hidden (default 0.2).")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--k", type=int, default=10)
        parser.add_argument("--write", action="store_true", help="Write the table into docs/matchmaking.md.")

    def handle(self, *args, share, seed, k, write, **options):
        if not 0 < share < 1 or k < 1:
            raise CommandError("--share must lie between 0 and 1, and --k be 1 or more.")
        result = evaluation.evaluate(share=share, seed=seed, k=k)
        if not result.projects:
            raise CommandError("No demo partnerships: run generate_partnership_demo first.")
        command = f"manage.py evaluate_matchmaking --share {share} --seed {seed} --k {k}"
        table = evaluation.markdown(result, command=command)
        self.stdout.write(table)
        if write:
            text = DOC.read_text() if DOC.exists() else ""
            block = f"{BEGIN}\n{table}\n{END}"
            if BEGIN in text:
                text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, text, flags=re.DOTALL)
            else:
                text = f"{text.rstrip()}\n\n{block}\n"
            DOC.write_text(text)
            self.stdout.write(f"Written to {DOC}.")
