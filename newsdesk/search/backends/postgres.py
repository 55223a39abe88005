"""The PostgreSQL flavour: one text-search configuration per language."""

import operator
from functools import reduce

from modelsearch.backends.database.postgres import postgres as pg_fts

from ..analysis import PG_FOLDED, group_by_language, pg_config
from . import languages, recency_boost


class PostgresIndex(pg_fts.PostgresIndex):
    def add_items(self, model, objs):
        """Index each object under its own language's text-search configuration."""
        backend = self.backend
        query_config = backend.config
        try:
            for language, group in group_by_language(objs).items():
                backend.config = pg_config(language)
                super().add_items(model, group)
        finally:
            backend.config = query_config


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
        rank = super()._build_rank_expression(vectors, config)
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
