from django.db import migrations


def seed(apps, schema_editor):
    from creative_cities.frameworks.reference_data import seed_frameworks

    seed_frameworks(
        apps.get_model("frameworks", "Objective"),
        apps.get_model("frameworks", "AreaOfAction"),
        apps.get_model("frameworks", "SdgGoal"),
        apps.get_model("frameworks", "SdgTarget"),
    )


class Migration(migrations.Migration):
    dependencies = [("frameworks", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
