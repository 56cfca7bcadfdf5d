"""The ranked SQLite FTS5 backend behind ``search.database`` (see there why it exists).

A module of its own because modelsearch defines its FTS5 model only on SQLite: importing it on
PostgreSQL fails.
"""

from django.db.models import F, IntegerField, TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

INTEGER_KEYS = {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField", "SmallIntegerField"}


def key_ordering(model):
    """The index's text ``object_id`` ordered as ``model``'s primary key orders (numbers as numbers)."""
    key = model._meta.pk
    while key.is_relation:
        key = key.target_field
    object_id = F("index_entry__object_id")
    return Cast(object_id, IntegerField()) if key.get_internal_type() in INTEGER_KEYS else object_id


class RankedQueryMixin:
    """Ranks the matches of a SQLite FTS5 query in the index table, in one query with a LIMIT."""

    def ranked_entries(self):
        """The matching index rows of the queryset's objects, with ``score``; None where not covered."""
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return None
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query))
        model = self.queryset.model
        object_ids = self.queryset.order_by().annotate(_object_id=Cast("pk", TextField())).values("_object_id")
        return SQLiteFTSIndexEntry.objects.filter(
            match,
            index_entry__content_type__in=get_descendants_content_types_pks(model),
            index_entry__object_id__in=object_ids,
        ).annotate(score=self._build_rank_expression(self.get_search_vectors(), None))

    def ranked_objects(self, entries, start, stop, score_field=None):
        """The objects of ``entries[start:stop]``, best first, as modelsearch orders them."""
        ranking = entries.order_by("score", key_ordering(self.queryset.model).desc())
        rows = list(ranking.values_list("index_entry__object_id", "score")[start:stop])
        objects = {str(obj.pk): obj for obj in self.queryset.filter(pk__in=[object_id for object_id, _ in rows])}
        ranked = []
        for object_id, score in rows:
            if obj := objects.get(object_id):
                if score_field:
                    setattr(obj, score_field, score)
                ranked.append(obj)
        return ranked


class RankedSearchQueryCompiler(RankedQueryMixin, SQLiteSearchQueryCompiler):
    pass


class RankedAutocompleteQueryCompiler(RankedQueryMixin, SQLiteAutocompleteQueryCompiler):
    pass


class RankedSearchResults(SQLiteSearchResults):
    def _do_search(self):
        entries = self.query_compiler.ranked_entries()
        if entries is None:
            return super()._do_search()
        return self.query_compiler.ranked_objects(entries, self.start, self.stop, self._score_field)

    def _do_count(self):
        entries = self.query_compiler.ranked_entries()
        if entries is None:
            return super()._do_count()
        return entries.values("index_entry_id").count()


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSearchQueryCompiler
    autocomplete_query_compiler_class = RankedAutocompleteQueryCompiler
    results_class = RankedSearchResults
