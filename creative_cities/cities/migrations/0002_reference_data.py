from django.db import migrations


def seed(apps, schema_editor):
    from creative_cities.cities.reference_data import seed_reference_data

    seed_reference_data(
        apps.get_model("cities", "CreativeField"),
        apps.get_model("cities", "Region"),
        apps.get_model("cities", "Country"),
    )


class Migration(migrations.Migration):
    dependencies = [("cities", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
