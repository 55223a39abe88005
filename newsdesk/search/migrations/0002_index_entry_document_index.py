"""A GIN index on ``title || body``, the expression the PostgreSQL search matches a query
against: without it every search reads and joins every index entry's vectors."""

from django.db import migrations

INDEX = "newsdesk_search_entry_document"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("newsdesk_search", "0001_text_search_configurations"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]
