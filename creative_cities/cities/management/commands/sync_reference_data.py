from django.core.management.base import BaseCommand

from creative_cities.cities.models import Country, CreativeField, Region
from creative_cities.cities.reference_data import seed_reference_data


class Command(BaseCommand):
    help = "Add the creative fields, regions and countries that are missing (never changes existing rows)."

    def handle(self, *args, **options):
        added = seed_reference_data(CreativeField, Region, Country)
        self.stdout.write(", ".join(f"{name}: +{count}" for name, count in added.items()))
