"""The PostgreSQL flavour: one text-search configuration per language, matching in one GIN
index, and ranking that reads only the index entry.

An index entry's ``title`` vector holds what ranks a story (headline A, kicker and lede B,
section, authors and tags C) and the mark of its edition (``~fr``); its ``body`` vector holds
the body, which matches but does not rank. Matching uses ``title || body``, which this app's
migration indexes (GIN) as that very expression; a search in one edition also asks for the
edition's mark, so the index itself leaves the other editions out. ``title_norm``, unused by
this ranking, holds the entry's publication time (seconds since 1970; 0 for pages without
one), so that the recency factor is read from the entry too.

So a search first ranks index entries alone and reaches the story tables only for the page
it shows (PostgreSQL walks the ranked entries and stops after a page of stories that pass
the other filters). Results come in two tiers: stories whose ranked fields hold a query
word, by rank × recency, then those that match only in the body, newest first. The second
tier is read only by a page that reaches it, which for a word found in a third of the
archive is a page few readers open.
"""

from contextlib import contextmanager
from functools import lru_cache, reduce

from django.contrib.postgres.search import (
    CombinedSearchQuery,
    SearchQuery,
    SearchQueryField,
    SearchRank,
    SearchVectorExact,
    SearchVectorField,
)
from django.db import connection, connections, transaction
from django.db.models import Case, F, FloatField, Func, Value, When
from django.db.models.expressions import CombinedExpression
from django.db.models.sql.subqueries import InsertQuery
from django.utils import timezone
from modelsearch.backends.database.postgres import postgres as pg_fts
from modelsearch.index import SearchField
from modelsearch.query import MatchAll, Phrase, PlainText

from ..analysis import PG_FOLDED, edition_marker, group_by_language, pg_config, words
from . import RECENCY, PreparedOnce, languages

IndexEntry = pg_fts.IndexEntry
# A body-only match ranks this much, so that among them the recency factor still orders.
BODY_ONLY_RANK = 0.001


def document():
    """What a query matches: the entry's two vectors, as the GIN index reads them."""
    return CombinedExpression(
        F("index_entries__title"), "||", F("index_entries__body"), output_field=SearchVectorField()
    )


class TsQuery(SearchQuery):
    """A tsquery given as its text, read verbatim (``'bo_giao' & 'giao_duc'``), so that the
    planner sees a constant and estimates it from the index's statistics."""

    template = "%(expressions)s::tsquery"

    def __init__(self, text: str, *, invert: bool = False):
        Func.__init__(self, Value(text), output_field=SearchQueryField())
        self.config = None
        self.invert = invert


class NotQuery(SearchQuery):
    """The negation of any tsquery (``!!``): a vector matches it when it does not match the
    query."""

    template = "!!(%(expressions)s)"

    def __init__(self, query):
        Func.__init__(self, query, output_field=SearchQueryField())
        self.config = None
        self.invert = False


def Marker(term: str) -> TsQuery:  # noqa: N802 — reads as the expression it makes
    """A term of the index's own (an edition's mark) as a query, verbatim: no text-search
    configuration reads it, so none can drop or stem it."""
    return TsQuery(f"'{term}'")


@lru_cache(maxsize=1024)
def paired_phrase(config: str, text: str) -> str:
    """The tsquery of a phrase as the migration's ``newsdesk_phrase`` writes it: its
    adjacent word pairs, which the GIN index answers alone."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT newsdesk_phrase(%s::regconfig, %s)::text", [config, text])
        return cursor.fetchone()[0]


class RankedIndexer(PreparedOnce, pg_fts.ObjectIndexer):
    """Fields with a boost go into the ranked ``title`` vector, the others into ``body``;
    both read in ``config``, the object's language's text-search configuration. The title
    vector also carries the mark of the object's ``edition``; ``date`` is its publication
    time as the entry keeps it."""

    def __init__(self, obj, backend, config, edition=""):
        super().__init__(obj, backend)
        self.config = config
        self.edition = edition

    def _texts(self, ranked: bool):
        texts = []
        for field in self.search_fields:
            for current, weight, value in self.prepare_field(self.obj, field):
                if isinstance(current, SearchField) and bool(current.boost) == ranked:
                    texts.append((value, weight))
        return texts

    @property
    def title(self):
        vector = self.as_vector(self._texts(ranked=True))
        if not self.edition:
            return vector
        mark = Func(
            Value([edition_marker(self.edition)]),
            template="array_to_tsvector(%(expressions)s::text[])",
            output_field=SearchVectorField(),
        )
        return CombinedExpression(vector, "||", mark, output_field=SearchVectorField())

    @property
    def date(self) -> float:
        published = getattr(self.obj, "published_at", None)
        return published.timestamp() if published else 0.0

    @property
    def body(self):
        return self.as_vector(self._texts(ranked=False))


class PostgresIndex(pg_fts.PostgresIndex):
    def add_items(self, model, objs):
        """Index each object under its own language's text-search configuration, marked
        with its edition."""
        self._upsert(
            model,
            [
                RankedIndexer(obj, self.backend, pg_config(edition), edition)
                for edition, group in group_by_language(objs).items()
                for obj in group
            ],
        )

    def _upsert(self, model, indexers):
        if not indexers or not model.get_search_fields():
            return
        content_type_pk = pg_fts.get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(name), getattr(indexer, name)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append((sql, value_params))
            rows.append("(%s, %s, {}, {}, {}, %s, %s, %s)".format(*(sql for sql, _ in vectors)))
            params.extend((content_type_pk, indexer.id))
            for _sql, value_params in vectors:
                params.extend(value_params)
            params.extend((indexer.date, indexer.title_text, indexer.body_text))
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,"  # noqa: S608
                " title_norm, title_text, body_text) SELECT content_type_id, object_id, title,"
                " autocomplete, body || newsdesk_pairs(title || body), title_norm, title_text,"
                f" body_text FROM (VALUES {', '.join(rows)}) AS new_entry (content_type_id,"
                " object_id, title, autocomplete, body, title_norm, title_text, body_text)"
                " ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title,"
                " autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,"
                " title_norm = EXCLUDED.title_norm,"
                " title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )

    def _refresh_title_norms(self, full=False):
        """``title_norm`` holds each entry's date (see the module's notes), not a norm."""


class PostgresQueryCompiler(pg_fts.PostgresSearchQueryCompiler):
    # The language code of the one edition searched (its entries carry its mark), if one.
    edition = ""

    def build_tsquery(self, query, config=None):
        """With several configurations (a search across editions), a text matches when the
        query matches it read in any one of them."""
        if not isinstance(config, tuple):
            return super().build_tsquery(query, config=config)
        queries = [
            super(PostgresQueryCompiler, self).build_tsquery(query, config=c) for c in config
        ]
        queries = [q for q in queries if q is not None]
        if not queries:
            return None
        return reduce(
            lambda a, b: CombinedSearchQuery(a, "||", b, None, output_field=SearchQueryField()),
            queries,
        )

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, Phrase) and config is not None:
            return TsQuery(paired_phrase(config, query.query_string), invert=invert)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        """A phrase ranks as the phrase (the ranked vector holds no word pairs)."""
        if isinstance(query, Phrase):
            phrase = SearchQuery(query.query_string, search_type="phrase", config=config)
            return SearchRank(vector, phrase, weights=self.sql_weights) * boost
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def matching_query(self, config):
        """The tsquery an entry must match, with the edition's mark when the backend
        searches one edition; None when the query holds nothing to match."""
        query = self.build_tsquery(self.query, config=config)
        if query is not None and self.edition:
            query = query & Marker(edition_marker(self.edition))
        return query

    def matches(self, config):
        """The searched stories that match, in the queryset's own order."""
        query = self.matching_query(config)
        if query is None:
            return self.queryset.none()
        return self.queryset.filter(SearchVectorExact(document(), query))

    def ranked_match(self, config):
        """A tsquery that a ranked vector matches when it holds any query word: the
        stories of the first tier."""
        found = [word for text in query_texts(self.query) for word in words(text)]
        if not found:
            return None
        return self.build_tsquery(PlainText(" ".join(found), operator="or"), config=config)

    def tier(self, config, first: bool):
        """Matching stories of one tier, best first."""
        query, ranked = self.matching_query(config), self.ranked_match(config)
        if query is None or (ranked is None and first):
            return self.queryset.none()
        conditions = [SearchVectorExact(document(), query)]
        if ranked is not None:
            tier = ranked if first else NotQuery(ranked)
            conditions.append(SearchVectorExact(F("index_entries__title"), tier))
        stories = self.queryset.filter(*conditions)
        if first:
            score = self.build_tsrank(F("index_entries__title"), self.query, config=config)
            score = score * entry_recency()
        else:
            score = F("index_entries__title_norm")
        return stories.annotate(_score_=score).order_by("-_score_", "-index_entries__id")

    def _build_rank_expression(self, vectors, config):
        rank = (
            self.build_tsrank(F("index_entries__title"), self.query, config=config) + BODY_ONLY_RANK
        )
        return rank * entry_recency()

    def search(self, config, start, stop, score_field=None, backend=None):
        """One query, for the autocomplete and for a caller's own order (newest first)."""
        if isinstance(self.query, MatchAll):
            return self.queryset[start:stop]
        stories = self.matches(config)
        if self.order_by_relevance:
            rank = self._build_rank_expression(None, config)
            stories = stories.order_by(rank.desc(), "-index_entries__id")
            if score_field is not None:
                stories = stories.annotate(**{score_field: rank})
        elif not stories.query.order_by:
            stories = stories.order_by("-pk")
        return stories[start:stop]


def query_texts(query) -> list[str]:
    """The words and phrases of a parsed query, in order."""
    if isinstance(query, PlainText):
        return [query.query_string]
    if isinstance(query, Phrase):
        return [query.query_string]
    return [text for sub in getattr(query, "subqueries", ()) for text in query_texts(sub)]


def entry_recency():
    """``RECENCY`` read from the index entry's date (``title_norm``)."""
    now = timezone.now().timestamp()
    steps = [
        When(index_entries__title_norm__gte=now - days * 86400, then=Value(factor))
        for days, factor in RECENCY
    ]
    return Case(*steps, default=Value(1.0), output_field=FloatField())


class PostgresSearchResults(pg_fts.PostgresSearchResults):
    """Relevance order in two tiers (see the module's notes), each one query that ranks
    index entries before it reads any story; a count that stops at the slice's end."""

    def _tiered(self) -> bool:
        compiler = self.query_compiler
        return (
            compiler.order_by_relevance
            and self._score_field is None
            and not isinstance(compiler.query, MatchAll)
            and isinstance(compiler, PostgresQueryCompiler)
        )

    def _do_search(self):
        if not self._tiered():
            return super()._do_search()
        compiler = self.query_compiler
        config = compiler.get_config(self.backend)
        start, stop = self.start, self.stop
        first = list(compiler.tier(config, first=True)[start:stop])
        if stop is not None and len(first) == stop - start:
            return first
        in_first = start + len(first) if first or not start else self._first_tier_count(config)
        rest = compiler.tier(config, first=False)
        rest = rest[max(0, start - in_first) : None if stop is None else stop - in_first]
        return first + list(rest)

    def _first_tier_count(self, config) -> int:
        return self.query_compiler.tier(config, first=True).order_by().count()

    def _do_count(self):
        compiler = self.query_compiler
        if not isinstance(compiler, PostgresQueryCompiler) or isinstance(compiler.query, MatchAll):
            return super()._do_count()
        stories = compiler.matches(compiler.get_config(self.backend)).order_by()
        with index_scans_only(stories.db):
            return stories[self.start : self.stop].count()


@contextmanager
def index_scans_only(alias):
    """Within this block, PostgreSQL reads the search index rather than scanning entries.
    A count that stops at a limit tempts its planner to scan entries until enough match,
    counting nothing for joining two long vectors per entry, which is most of the cost
    (a tenth of a second for a word in a quarter of the archive, against a few
    milliseconds through the index)."""
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)"
        )
        before = cursor.fetchone()[0]
        try:
            yield
        finally:
            cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [before])


class PostgresSearchBackend(pg_fts.PostgresSearchBackend):
    query_compiler_class = PostgresQueryCompiler
    index_class = PostgresIndex
    results_class = PostgresSearchResults

    def __init__(self, params):
        super().__init__(params)
        configs = tuple(dict.fromkeys(pg_config(language) for language in languages(params)))
        self.config = configs[0] if len(configs) == 1 else configs
        self.autocomplete_config = PG_FOLDED
        self.edition = (params.get("EDITION") or "").lower()

    def _search(self, query_compiler_class, *args, **kwargs):
        results = super()._search(query_compiler_class, *args, **kwargs)
        if isinstance(results.query_compiler, PostgresQueryCompiler):
            results.query_compiler.edition = self.edition
        return results
