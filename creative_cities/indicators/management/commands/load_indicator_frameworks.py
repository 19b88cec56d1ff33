"""Load (or refresh) the indicator frameworks shipped in data/frameworks/; run by migration 0003 too."""

from django.core.management.base import BaseCommand
from django.db import transaction

from creative_cities.frameworks.models import SdgTarget
from creative_cities.indicators.models import Framework, Node
from creative_cities.indicators.shipped import shipped_load


class Command(BaseCommand):
    help = "Create or update the shipped indicator frameworks (CCCM 2019, Culture|2030, Culture 21 Actions)."

    def handle(self, *args, **options):
        with transaction.atomic():
            counts = shipped_load(Framework=Framework, Node=Node, SdgTarget=SdgTarget)
        for slug, count in counts.items():
            self.stdout.write(f"{slug}: {count} nodes")
