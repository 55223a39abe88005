"""Index entries of pages carry their edition's mark (``~fr``) in the ranked vector and their
publication time in ``title_norm`` (see ``backends.postgres``), written here for entries made
before; and the story table gets an index on the text form of its id, the form an index
entry names its object by, so that PostgreSQL can go from ranked entries to their stories."""

from django.db import migrations

STORY_ID_INDEX = "articles_articlepage_id_text"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {STORY_ID_INDEX}"
        " ON articles_articlepage ((page_ptr_id::varchar(50)))"
    )
    schema_editor.execute(
        "UPDATE wagtailsearch_indexentry AS entry"
        " SET title = entry.title || array_to_tsvector(ARRAY['~' || lower(locale.language_code)])"
        " FROM wagtailcore_page AS page"
        " JOIN wagtailcore_locale AS locale ON locale.id = page.locale_id"
        " WHERE entry.object_id = page.id::varchar(50)"
        " AND entry.content_type_id = page.content_type_id"
    )
    schema_editor.execute(
        "UPDATE wagtailsearch_indexentry AS entry"
        " SET title_norm = coalesce(extract(epoch FROM story.published_at), 0)"
        " FROM articles_articlepage AS story"
        " JOIN wagtailcore_page AS page ON page.id = story.page_ptr_id"
        " WHERE entry.object_id = story.page_ptr_id::varchar(50)"
        " AND entry.content_type_id = page.content_type_id"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {STORY_ID_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("newsdesk_search", "0002_index_entry_document_index"),
        ("articles", "0005_imported_html_block"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
