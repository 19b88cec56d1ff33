from django.db import migrations


def load(apps, schema_editor):
    from creative_cities.indicators.shipped import shipped_load

    shipped_load(
        Framework=apps.get_model("indicators", "Framework"),
        Node=apps.get_model("indicators", "Node"),
        SdgTarget=apps.get_model("frameworks", "SdgTarget"),
    )


class Migration(migrations.Migration):
    dependencies = [("indicators", "0002_indicators_population_bands"), ("frameworks", "0002_seed")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
