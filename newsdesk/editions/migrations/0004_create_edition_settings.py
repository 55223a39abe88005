"""Every edition (locale) starts with its settings row, all defaults."""

from django.db import migrations


def create(apps, schema_editor):
    Edition = apps.get_model("editions", "Edition")
    for locale in apps.get_model("wagtailcore", "Locale").objects.all():
        Edition.objects.get_or_create(locale=locale)


class Migration(migrations.Migration):
    dependencies = [("editions", "0003_edition_settings")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
