"""Querysets compiled to SQL once, then run again with new values.

Building and compiling a queryset takes Django longer than the database takes to
answer it: for a person's page, about a millisecond of Python against a tenth of
that for the index lookup. A query asked on every request with a different value
(a DOC ID, a name) is compiled once per database and shape, with stand-ins for the
values, and each request runs the same SQL with its own values. It runs through
Django's cursor, so query logging, the tests' query counts and database error
handling all see it as any other query.

On PostgreSQL the SQL is also a prepared statement on each connection, so the
database plans it once per connection instead of once per request: that halved the
database's own time for a person's page (about 110 to 55 microseconds a query).
The statement is prepared in the same round trip as its first run, so a page makes
no more queries than before. `settings.DATABASE_PREPARED_STATEMENTS` turns this off,
for a connection pooler that hands one session's statements to another.

A prepared statement is planned once, for any value (PostgreSQL's generic plan).
Left to choose, PostgreSQL planned a surname search again on every run: with the
values in hand its estimate looked cheaper than the plan made without them, though
both walk the same index, and planning took longer than running (about 70 against
40 microseconds). So every statement prepared here runs its generic plan, and a
shape whose best plan depends on its values (`plan_once`) is not prepared: the
database plans it with each run's values.
"""

import itertools
import re
import weakref
from collections.abc import Callable, Hashable

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.models import QuerySet

# PostgreSQL's error code for "prepared statement does not exist".
INVALID_SQL_STATEMENT_NAME = "26000"
# Statement names, unique in the process: each compiled shape gets its own.
_names = itertools.count(1)
# The statements each open database connection has prepared; forgotten with it.
_prepared: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class CompiledQuery:
    """A queryset of plain rows (`values_list`) whose SQL is made once.

    `build(*values, **shape)` returns the queryset. Each of `values` is a string
    the SQL takes as a parameter as it is (an exact match or a range, not a
    pattern); `shape` is anything else the queryset depends on (a limit, which
    conditions apply), and each shape is compiled once.

    `plan_once(**shape)`: whether one plan is the best for every value of the shape
    (by default, every shape). Only such shapes are prepared statements.
    """

    def __init__(
        self,
        build: Callable[..., QuerySet],
        plan_once: Callable[..., bool] = lambda **shape: True,
    ):
        self._build = build
        self._plan_once = plan_once
        self._compiled: dict[Hashable, tuple] = {}

    def rows(self, *values: str, using: str = DEFAULT_DB_ALIAS, **shape: Hashable) -> list[tuple]:
        connection = connections[using]
        sql, params, converters, name = self._with_values(values, using, shape)
        with connection.cursor() as cursor:
            if name and settings.DATABASE_PREPARED_STATEMENTS:
                _execute_prepared(connection, cursor, name, sql, params)
            else:
                cursor.execute(sql, params)
            rows = cursor.fetchall()
        if not converters:
            return rows
        # As Django's own results_iter converts them (SQLite's 0 and 1 to booleans).
        converted = []
        for row in rows:
            row = list(row)
            for position, (functions, expression) in converters:
                for function in functions:
                    row[position] = function(row[position], expression, connection)
            converted.append(tuple(row))
        return converted

    def explain(self, *values: str, using: str = DEFAULT_DB_ALIAS, **shape: Hashable) -> str:
        """PostgreSQL's plan for these values as `rows` runs them, with what it did
        (EXPLAIN ANALYZE): for a prepared statement, the plan made once, which shows
        $1, $2... where the values go."""
        connection = connections[using]
        if connection.vendor != "postgresql":
            raise NotImplementedError("the plans shown are PostgreSQL's")
        self.rows(*values, using=using, **shape)  # prepared now where it is prepared
        sql, params, _converters, name = self._with_values(values, using, shape)
        with connection.cursor() as cursor:
            if name and settings.DATABASE_PREPARED_STATEMENTS:
                cursor.execute(f"EXPLAIN ANALYZE {_execute_statement(name, params)}", params)
            else:
                cursor.execute(f"EXPLAIN ANALYZE {sql}", params)
            return "\n".join(line for (line,) in cursor.fetchall())

    def _with_values(self, values: tuple, using: str, shape: dict) -> tuple:
        """The shape's SQL (compiled the first time), its parameters with these values
        in place, its converters and its statement name."""
        key = (using, connections[using].vendor, len(values), tuple(sorted(shape.items())))
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._compile(len(values), shape, using)
        sql, params, positions, converters, name = compiled
        params = list(params)
        for position, value in zip(positions, values, strict=True):
            params[position] = value
        return sql, params, converters, name

    def _compile(self, count: int, shape: dict, using: str) -> tuple:
        stand_ins = [f"\x00compiled-query-value-{n}\x00" for n in range(count)]
        queryset = self._build(*stand_ins, **shape)
        compiler = queryset.query.get_compiler(using)
        sql, params = compiler.as_sql()
        params = list(params)
        positions = []
        for stand_in in stand_ins:
            if params.count(stand_in) != 1:
                raise ValueError(f"each value must be one SQL parameter, as it is: {params!r}")
            positions.append(params.index(stand_in))
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        converters = list(compiler.get_converters(fields).items())
        prepared = connections[using].vendor == "postgresql" and self._plan_once(**shape)
        name = f"compiled_query_{next(_names)}" if prepared else ""
        return sql, tuple(params), positions, converters, name


def _execute_prepared(connection, cursor, name: str, sql: str, params: list) -> None:
    """Run `sql` as the prepared statement `name`, preparing it first on a connection
    that has not (in the same round trip)."""
    run = _execute_statement(name, params)
    done = _prepared.setdefault(connection.connection, set())
    if name not in done:
        # PREPARE takes $1, $2... where Django's SQL has %s; its %% stay as they are.
        numbers = itertools.count(1)
        body = re.sub(r"%%|%s", lambda m: m[0] if m[0] == "%%" else f"${next(numbers)}", sql)
        # The session's plan mode, set as each statement is prepared, so it holds
        # again wherever a statement has to be prepared again. It concerns only
        # prepared statements: Django sends every other query with its values.
        run = f"SET plan_cache_mode = force_generic_plan; PREPARE {name} AS {body}; {run}"
        # Noted before it runs: a PREPARE that worked stays even when the EXECUTE
        # after it fails and its transaction is rolled back, and preparing it again
        # would fail on every later request on this connection.
        done.add(name)
    try:
        cursor.execute(run, params)
    except DatabaseError as error:
        if getattr(error.__cause__, "pgcode", None) != INVALID_SQL_STATEMENT_NAME:
            raise
        # Not there after all (its PREPARE failed, or the session was reset): prepared
        # again at once, unless a transaction has failed with it.
        done.discard(name)
        if connection.in_atomic_block:
            raise
        _execute_prepared(connection, cursor, name, sql, params)


def _execute_statement(name: str, params: list) -> str:
    arguments = f"({', '.join(['%s'] * len(params))})" if params else ""
    return f"EXECUTE {name}{arguments}"
