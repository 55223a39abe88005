"""Phrases answered by the GIN index: every entry's body vector also holds its adjacent word
pairs (``projet_autorout``, ``bo_giao``), and a quoted phrase asks for its pairs, which the index
answers without reading a vector. Without them a phrase of common words, and every Vietnamese
word of two syllables, made PostgreSQL read the whole vector of each story holding the
words anywhere. The two functions are used by ``backends.postgres``; entries made before are
given their pairs here (on a large archive, a few minutes per 100,000 stories)."""

from django.db import migrations

# The pairs of a vector's words in the order they stand, as terms without positions
# (pairs of terms that have none, such as the pairs themselves, are not formed).
PAIRS = """
CREATE OR REPLACE FUNCTION newsdesk_pairs(vector tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT pair)), ''::tsvector)
  FROM (
    SELECT lexeme || '_' || lead(lexeme) OVER (ORDER BY position) AS pair
    FROM unnest(vector) AS entry(lexeme, positions, weights), unnest(positions) AS position
  ) AS pairs
  WHERE pair IS NOT NULL
$$
"""

# A phrase read in ``config``: its pairs (one word: the word). Pairs say what the phrase
# does for two words; for more, a story holding every pair of the phrase but not in one
# run would match too, which real text hardly does, and checking word positions costs a
# read of the whole vector of every story holding the words.
PHRASE = """
CREATE OR REPLACE FUNCTION newsdesk_phrase(config regconfig, phrase text) RETURNS tsquery
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE
    WHEN count(pair) = 0 THEN phraseto_tsquery(config, phrase)
    ELSE string_agg(quoted, ' & ')::tsquery
  END
  FROM (
    SELECT pair, '''' || replace(pair, '''', '''''') || '''' AS quoted
    FROM (
      SELECT lexeme || '_' || lead(lexeme) OVER (ORDER BY position) AS pair
      FROM unnest(to_tsvector(config, phrase)) AS entry(lexeme, positions, weights),
        unnest(positions) AS position
    ) AS ordered
    WHERE pair IS NOT NULL
  ) AS pairs
$$
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(PAIRS)
    schema_editor.execute(PHRASE)
    schema_editor.execute(
        "UPDATE wagtailsearch_indexentry SET body = body || newsdesk_pairs(title || body)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS newsdesk_phrase(regconfig, text)")
        schema_editor.execute("DROP FUNCTION IF EXISTS newsdesk_pairs(tsvector)")


class Migration(migrations.Migration):
    dependencies = [("newsdesk_search", "0003_edition_marks_and_entry_dates")]

    operations = [migrations.RunPython(forwards, backwards)]
