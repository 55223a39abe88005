"""The PostgreSQL flavour: one text-search configuration per language, and ranking that
reads only a small vector.

An index entry's ``title`` vector holds what ranks a story (headline A, kicker and lede B,
section, authors and tags C); its ``body`` vector holds the body, which matches but does not
rank: ``ts_rank`` over thousands of long bodies is what made a common word slow, and the
body's weight was a hundredth of the headline's anyway. Matching uses
``title || body``, which this app's migration indexes (GIN) as that very expression.
"""

import operator
from functools import reduce

from django.db.models import F
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres as pg_fts
from modelsearch.index import SearchField

from ..analysis import PG_FOLDED, group_by_language, pg_config
from . import PreparedOnce, languages, recency_boost

IndexEntry = pg_fts.IndexEntry
# A body-only match ranks this much, so that among them the recency factor still orders.
BODY_ONLY_RANK = 0.001


class RankedIndexer(PreparedOnce, pg_fts.ObjectIndexer):
    """Fields with a boost go into the ranked ``title`` vector, the others into ``body``;
    both read in ``config``, the object's language's text-search configuration."""

    def __init__(self, obj, backend, config):
        super().__init__(obj, backend)
        self.config = config

    def _texts(self, ranked: bool):
        texts = []
        for field in self.search_fields:
            for current, weight, value in self.prepare_field(self.obj, field):
                if isinstance(current, SearchField) and bool(current.boost) == ranked:
                    texts.append((value, weight))
        return texts

    @property
    def title(self):
        return self.as_vector(self._texts(ranked=True))

    @property
    def body(self):
        return self.as_vector(self._texts(ranked=False))


class PostgresIndex(pg_fts.PostgresIndex):
    def add_items(self, model, objs):
        """Index each object under its own language's text-search configuration."""
        self._upsert(
            model,
            [
                RankedIndexer(obj, self.backend, pg_config(language))
                for language, group in group_by_language(objs).items()
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
            rows.append("(%s, %s, {}, {}, {}, 1.0, %s, %s)".format(*(sql for sql, _ in vectors)))
            params.extend((content_type_pk, indexer.id))
            for _sql, value_params in vectors:
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,"  # noqa: S608
                f" title_norm, title_text, body_text) (VALUES {', '.join(rows)})"
                " ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title,"
                " autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,"
                " title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )

    def _refresh_title_norms(self, full=False):
        """Unused by Newsdesk's ranking, and a scan of the whole index on every save."""


class PostgresQueryCompiler(pg_fts.PostgresSearchQueryCompiler):
    def build_tsquery(self, query, config=None):
        """With several configurations (a search across editions), a text matches when the
        query matches it read in any one of them."""
        if not isinstance(config, tuple):
            return super().build_tsquery(query, config=config)
        queries = [
            super(PostgresQueryCompiler, self).build_tsquery(query, config=c) for c in config
        ]
        queries = [q for q in queries if q is not None]
        return reduce(operator.or_, queries) if queries else None

    def _build_rank_expression(self, vectors, config):
        rank = (
            self.build_tsrank(F("index_entries__title"), self.query, config=config) + BODY_ONLY_RANK
        )
        boost = recency_boost(self.queryset.model)
        return rank if boost is None else rank * boost


class PostgresSearchBackend(pg_fts.PostgresSearchBackend):
    query_compiler_class = PostgresQueryCompiler
    index_class = PostgresIndex

    def __init__(self, params):
        super().__init__(params)
        configs = tuple(dict.fromkeys(pg_config(language) for language in languages(params)))
        self.config = configs[0] if len(configs) == 1 else configs
        self.autocomplete_config = PG_FOLDED
