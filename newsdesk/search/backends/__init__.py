"""Wagtail's database search backends, taught the editions' languages.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "newsdesk.search.backends"}}`` picks the
PostgreSQL or the SQLite flavour from the database in use, as Wagtail's own
``wagtail.search.backends.database`` does. Each indexed object is analysed in its own
locale's language; a query is read in the languages the backend was asked for
(``get_search_backend(LANGUAGES=["fr"])`` for one edition; every edition's language by
default, as the admin searches across editions). Stories written in the last days rank a
little higher than older ones that match as well (``RECENCY``).

PostgreSQL: one text-search configuration per language (``analysis.PG_CONFIGS``, with
``unaccent``); the boosted fields (headline, kicker, lede, section, authors, tags) rank,
weighted A to C, and the body only matches.
SQLite: words are stemmed and folded in Python (``analysis``) on both sides of ``MATCH``;
FTS5 has three columns, so the headline column weighs ``TITLE_WEIGHT`` times the rest and a
field with a boost of 2 or 3 is written that many times into the body column.
"""

from datetime import timedelta

from django.db import connection
from django.db.models import Case, FloatField, Value, When
from django.utils import timezone

from ..analysis import edition_languages

# (younger than so many days, rank multiplied by): a gentle push, never a reordering of
# a clearly better match.
RECENCY = ((2, 1.3), (7, 1.2), (30, 1.1), (365, 1.05))


def SearchBackend(params):  # noqa: N802 — the name Wagtail looks for in a backend module
    if connection.vendor == "postgresql":
        from .postgres import PostgresSearchBackend

        return PostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend(params)
    raise NotImplementedError(
        f"Newsdesk's search needs PostgreSQL or SQLite, not {connection.vendor}."
    )


def recency_boost(model):
    """A multiplier of the rank by age, for models with a ``published_at``; else None."""
    if not any(field.name == "published_at" for field in model._meta.get_fields()):
        return None
    now = timezone.now()
    steps = [
        When(published_at__gte=now - timedelta(days=days), then=Value(factor))
        for days, factor in RECENCY
    ]
    return Case(*steps, default=Value(1.0), output_field=FloatField())


def languages(params) -> list[str]:
    return list(params.get("LANGUAGES") or edition_languages())


class PreparedOnce:
    """For an object indexer: each search field's value is read once per object. Wagtail's
    indexers read every field again for each index column (title, body, autocomplete and
    their plain-text copies), which extracts a long body and queries bylines and tags up to
    five times on every save."""

    def prepare_field(self, obj, field):
        if obj is not self.obj:  # a related object, reached from a field read once below
            return super().prepare_field(obj, field)
        prepared = self.__dict__.setdefault("_prepared", {})
        if id(field) not in prepared:
            prepared[id(field)] = list(super().prepare_field(obj, field))
        return prepared[id(field)]
