"""PostgreSQL text-search configurations per edition language, accent-insensitive.

``newsdesk_fr`` and ``newsdesk_en`` stem French and English words after taking their
accents off (``unaccent``); ``newsdesk_folded`` only folds case and accents (Vietnamese,
headline autocomplete). SQLite needs none of this: see ``newsdesk.search.analysis``.
The database role needs the right to create the ``unaccent`` extension (a trusted extension:
the database owner may) unless it is already installed.
"""

from django.db import migrations

CONFIGS = {"newsdesk_fr": ("french", "french_stem"), "newsdesk_en": ("english", "english_stem")}
FOLDED = "newsdesk_folded"
TOKENS = "hword, hword_part, word"
ASCII_TOKENS = "asciihword, hword_asciipart, asciiword"


def statements():
    yield "CREATE EXTENSION IF NOT EXISTS unaccent"
    for name, (parent, stemmer) in CONFIGS.items():
        yield f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{parent})"
        yield f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR {TOKENS} WITH unaccent, {stemmer}"
    yield f"CREATE TEXT SEARCH CONFIGURATION {FOLDED} (COPY = pg_catalog.simple)"
    yield f"ALTER TEXT SEARCH CONFIGURATION {FOLDED} ALTER MAPPING FOR {TOKENS}, {ASCII_TOKENS} WITH unaccent, simple"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in statements():
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in [*CONFIGS, FOLDED]:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create, drop)]
