"""The test database as it is after the registry import, and a fast way back to it.

Tests that run against a live server commit their writes (the server has its own
connection), so they cannot be rolled back. Django's answer, flushing every table
and loading a serialized copy through the ORM, costs about a second a test. Here the
snapshot keeps the rows of the few tables the import fills; after a test, one query
finds the tables that were empty and now have rows, and the filled ones are read
back and compared row by row. Only the differences are undone: rows added are
deleted, rows changed or deleted are written back as they were.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connections, transaction

# SQLite keeps the full-text index in a virtual table whose shadow tables it manages
# itself: restore the virtual table (through its rowid), never its shadows.
FTS_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")
UNCHANGING = {"django_migrations", "sqlite_sequence"}


@dataclass
class TableCopy:
    key: str  # the column that identifies a row
    columns: list[str]
    rows: dict  # key -> the row as a tuple


class DatabaseSnapshot:
    """The rows of one database's tables, taken once and restored after each live-server test."""

    def __init__(self, alias: str = "default"):
        self.alias = alias
        self.empty: list[str] = []
        self.copies: dict[str, TableCopy] = {}

    @property
    def connection(self):
        return connections[self.alias]

    def take(self) -> None:
        self.empty, self.copies = [], {}
        with self.connection.cursor() as cursor:
            for table, key in self._tables(cursor):
                copy = self._read(cursor, table, key)
                if copy.rows:
                    self.copies[table] = copy
                else:
                    self.empty.append(table)

    def restore(self) -> list[str]:
        """Undo every change since the snapshot; the names of the tables that had changed."""
        changed = []
        with transaction.atomic(using=self.alias), self.connection.cursor() as cursor:
            for table in self._filled(cursor, self.empty):
                cursor.execute(f"DELETE FROM {self._quote(table)}")  # noqa: S608 - names from introspection
                changed.append(table)
            for table, copy in self.copies.items():
                if self._undo(cursor, table, copy):
                    changed.append(table)
        return changed

    # Reading

    def _quote(self, name: str) -> str:
        return self.connection.ops.quote_name(name)

    def _tables(self, cursor) -> Iterable[tuple[str, str]]:
        introspection = self.connection.introspection
        virtual = set()
        if self.connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
            virtual = {row[0] for row in cursor.fetchall()}
        for table in introspection.table_names(cursor):
            if table in UNCHANGING or any(
                table.startswith(v) and table[len(v) :] in FTS_SHADOW_SUFFIXES for v in virtual
            ):
                continue
            key = "rowid" if table in virtual else introspection.get_primary_key_column(cursor, table)
            if key is None:
                raise RuntimeError(f"table {table} has no primary key: the snapshot cannot restore it")
            yield table, key

    def _read(self, cursor, table: str, key: str) -> TableCopy:
        key_column = "rowid" if key == "rowid" else self._quote(key)
        cursor.execute(f"SELECT {key_column}, * FROM {self._quote(table)}")  # noqa: S608 - names from introspection
        columns = [column[0] for column in cursor.description][1:]
        return TableCopy(key=key, columns=columns, rows={row[0]: tuple(row[1:]) for row in cursor.fetchall()})

    def _filled(self, cursor, tables: list[str]) -> list[str]:
        """Which of these tables have at least one row, in one query."""
        if not tables:
            return []
        probes = " UNION ALL ".join(
            f"SELECT %s WHERE EXISTS (SELECT 1 FROM {self._quote(table)})"  # noqa: S608
            for table in tables
        )
        cursor.execute(probes, tables)
        return [row[0] for row in cursor.fetchall()]

    # Writing

    def _undo(self, cursor, table: str, copy: TableCopy) -> bool:
        now = self._read(cursor, table, copy.key).rows
        added = [key for key in now if key not in copy.rows]
        altered = [key for key, row in copy.rows.items() if now.get(key) != row]
        if not added and not altered:
            return False
        key_column = "rowid" if copy.key == "rowid" else self._quote(copy.key)
        for chunk in _chunks(added + [key for key in altered if key in now], 500):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {self._quote(table)} WHERE {key_column} IN ({marks})", chunk)  # noqa: S608
        if altered:
            # A virtual table's rowid is not among its columns: write it explicitly.
            extra = ["rowid"] if copy.key == "rowid" else []
            columns = ", ".join(extra + [self._quote(name) for name in copy.columns])
            marks = ", ".join(["%s"] * (len(extra) + len(copy.columns)))
            rows = [
                tuple([key] if extra else []) + tuple(self._adapt(value) for value in copy.rows[key]) for key in altered
            ]
            cursor.executemany(f"INSERT INTO {self._quote(table)} ({columns}) VALUES ({marks})", rows)  # noqa: S608
        return True

    def _adapt(self, value):
        """Values read back as Python objects that the driver does not write as they came (JSON on PostgreSQL)."""
        if self.connection.vendor == "postgresql" and isinstance(value, dict | list):
            from psycopg.types.json import Jsonb

            return Jsonb(value)
        return value


# One snapshot per database alias of this test process.
SNAPSHOTS: dict[str, DatabaseSnapshot] = {}


def snapshot_take() -> None:
    """Remember every database as it is now (after the registry import)."""
    for alias in connections:
        SNAPSHOTS[alias] = DatabaseSnapshot(alias)
        SNAPSHOTS[alias].take()


def snapshot_restore() -> dict[str, list[str]]:
    """Bring every database back to its snapshot; the tables that had changed, per alias."""
    return {alias: snapshot.restore() for alias, snapshot in SNAPSHOTS.items()}


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
