"""The SQLite flavour: words stemmed and folded in Python on both sides of ``MATCH``."""

from functools import cached_property

from django.db.models import F
from modelsearch.backends.base import EmptySearchResults
from modelsearch.backends.database.sqlite import sqlite as sqlite_fts
from modelsearch.backends.database.sqlite.query import BM25
from modelsearch.index import SearchField
from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText

from ..analysis import analyse, analyse_word, fold, group_by_language, words
from . import PreparedOnce, languages, recency_boost

TITLE_WEIGHT = 5.0
MAX_REPEAT = 3


class AnalysedIndexer(PreparedOnce, sqlite_fts.ObjectIndexer):
    """The text of one object as the FTS5 table stores it: stemmed and folded in the
    object's language; autocomplete (headlines) folded only, so a prefix still matches."""

    def __init__(self, obj, backend, language):
        super().__init__(obj, backend)
        self.language = language

    def _values(self, title: bool):
        for field in self.search_fields:
            for current, value in self.prepare_field(self.obj, field):
                if isinstance(current, SearchField) and (current.field_name == "title") == title:
                    repeat = min(MAX_REPEAT, max(1, int(current.boost or 1)))
                    yield from [value] * (1 if title else repeat)

    @cached_property
    def title(self):
        return analyse(" ".join(self._values(title=True)), self.language)

    @cached_property
    def body(self):
        return analyse(" ".join(self._values(title=False)), self.language)

    @cached_property
    def autocomplete(self):
        return " ".join(fold(word) for word in words(super().autocomplete))


class SQLiteIndex(sqlite_fts.SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type_pk = sqlite_fts.get_content_type_pk(model)
        rows = {}
        for language, group in group_by_language(objs).items():
            for obj in group:
                indexer = AnalysedIndexer(obj, self.backend, language)
                rows[indexer.id] = {
                    "title": indexer.title,
                    "autocomplete": indexer.autocomplete,
                    "body": indexer.body,
                }
        if not rows:
            return
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(entries.filter(object_id__in=rows).values_list("object_id", flat=True))
        for object_id in existing:
            entries.filter(object_id=object_id).update(**rows[object_id])
        self.entries.bulk_create(
            sqlite_fts.IndexEntry(content_type_id=content_type_pk, object_id=object_id, **row)
            for object_id, row in rows.items()
            if object_id not in existing
        )

    def _refresh_title_norms(self, full=False):
        """Unused by Newsdesk's ranking (``WeightedBM25``), and a scan of the whole index on
        every save."""


class WeightedBM25(BM25):
    """bm25() with the FTS5 columns weighted (autocomplete, body, title)."""

    def as_sql(self, compiler, connection, **extra_context):
        table = sqlite_fts.SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, 0.0, 1.0, {TITLE_WEIGHT})", []


class SQLiteQueryCompiler(sqlite_fts.SQLiteSearchQueryCompiler):
    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()

    def search(self, config, start, stop, score_field=None):
        boost = recency_boost(self.queryset.model) if self.order_by_relevance else None
        if boost is None:
            return super().search(config, start, stop, score_field=score_field)
        score_field = score_field or "_score"
        results = super().search(config, None, None, score_field=score_field)
        # bm25() is negative, better matches lower: a boost pushes a match further down.
        return results.order_by(F(score_field) * boost, "-pk")[start:stop]


class SQLiteSearchBackend(sqlite_fts.SQLiteSearchBackend):
    query_compiler_class = SQLiteQueryCompiler
    index_class = SQLiteIndex

    def __init__(self, params):
        super().__init__(params)
        self.languages = languages(params)

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if query == "":
            return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
        if isinstance(query, str):
            operator_ = kwargs.get("operator") or query_compiler_class.DEFAULT_OPERATOR
            query = PlainText(query, operator=operator_)
        autocomplete = issubclass(query_compiler_class, sqlite_fts.SQLiteAutocompleteQueryCompiler)
        query = analyse_query(query, [""] if autocomplete else self.languages)
        if query is None:
            return EmptySearchResults()
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


def analyse_query(query, languages):
    """The query with every word as the SQLite index holds it, read in each of
    ``languages`` (a word with several readings matches any of them); None when no word is
    left."""
    if isinstance(query, PlainText):
        terms = []
        for word in words(query.query_string):
            forms = list(dict.fromkeys(analyse_word(word, language) for language in languages))
            terms.append(
                PlainText(forms[0]) if len(forms) == 1 else Or([PlainText(f) for f in forms])
            )
        if not terms:
            return None
        if all(isinstance(term, PlainText) for term in terms):
            return PlainText(" ".join(t.query_string for t in terms), operator=query.operator)
        return And(terms) if query.operator.lower() == "and" else Or(terms)
    if isinstance(query, Phrase):
        phrases = list(
            dict.fromkeys(analyse(query.query_string, language) for language in languages)
        )
        phrases = [Phrase(text) for text in phrases if text]
        if not phrases:
            return None
        return phrases[0] if len(phrases) == 1 else Or(phrases)
    if isinstance(query, (And, Or)):
        parts = [analyse_query(sub, languages) for sub in query.subqueries]
        parts = [part for part in parts if part is not None]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else type(query)(parts)
    if isinstance(query, Not):
        inner = analyse_query(query.subquery, languages)
        return None if inner is None else Not(inner)
    if isinstance(query, Boost):
        inner = analyse_query(query.subquery, languages)
        return None if inner is None else Boost(inner, query.boost)
    if isinstance(query, MatchAll):
        return query
    raise NotImplementedError(f"{type(query).__name__} queries are not supported on SQLite.")
