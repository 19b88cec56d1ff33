"""Version tokens: short strings that change whenever a named set of tables changes.

Caches keep what they compute under a token (filter lists, map markers, the
cooperation figures, matchmaking's arrays, whole responses), so a change to the data
shows at the next request without anyone clearing anything. Each app names its sets
once, in its ``AppConfig.ready()``::

    versions.define("projects", [Project, ProjectPartner, Milestone, ...])

and readers ask ``versions.version("projects")``. A token is the hash of each table's
row count, largest key and latest ``updated_at`` (and of its many-to-many tables),
read in one query for all the sets asked at once, then kept in the Django cache for
``ttl`` seconds.

How soon a change is seen:

- in the process that writes, at once: saving or deleting a row of a set (and
  adding or removing many-to-many links) forgets the set's token, then again when
  the transaction commits, so a token computed meanwhile from the old rows is dropped;
- in other processes, within ``ttl`` seconds (10 by default) with the local-memory
  cache, which each process has for itself; at once with ``REDIS_URL``, whose cache
  they share.

``QuerySet.update()``, ``bulk_create()`` and ``bulk_update()`` send no signals, and
``update()`` does not touch ``updated_at`` either: a service that writes with them
calls ``versions.changed(name)`` itself (otherwise the token only moves when a count
or a key does).
"""

import hashlib
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from django.core.cache import cache
from django.db import connection, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import current_language

T = TypeVar("T")

TTL = 10
KEY_PREFIX = "version:"

_sets: dict[str, tuple[type[models.Model], ...]] = {}
_ttls: dict[str, int] = {}
_names_of: dict[type[models.Model], set[str]] = {}
_generations: dict[str, int] = {}
_lock = threading.Lock()


def define(name: str, members: Iterable[type[models.Model]], *, ttl: int = TTL, signals: bool = True) -> None:
    """Name a set of models: ``version(name)`` then hashes their tables, and any write to them forgets it.

    ``signals=False`` leaves the forgetting to the set's services: for tables rewritten in
    bulk, where a listener would make Django fetch every deleted row to announce it.
    """
    members = tuple(members)
    _sets[name] = members
    _ttls[name] = ttl
    for model in members if signals else ():
        if model not in _names_of:
            _names_of[model] = set()
            post_save.connect(_row_changed, sender=model, weak=False, dispatch_uid=f"versions:{model._meta.label}")
            post_delete.connect(_row_changed, sender=model, weak=False, dispatch_uid=f"versions:{model._meta.label}")
        _names_of[model].add(name)
        for through in _link_tables(model):
            _names_of.setdefault(through, set()).add(name)
            uid = f"versions:{through._meta.label}"
            m2m_changed.connect(_links_changed, sender=through, weak=False, dispatch_uid=uid)


def defined() -> list[str]:
    return sorted(_sets)


def version(name: str) -> str:
    """The token of the set ``name`` (one query when it is not cached)."""
    return versions([name])[0]


def versions(names: Sequence[str]) -> list[str]:
    """The tokens of several sets, in order: one cache round trip, and one query for those not cached."""
    unknown = [name for name in names if name not in _sets]
    if unknown:
        raise KeyError(f"no version set named {', '.join(unknown)}: define it in its app's ready()")
    found = cache.get_many([KEY_PREFIX + name for name in names])
    missing = [name for name in names if KEY_PREFIX + name not in found]
    if missing:
        found.update({KEY_PREFIX + name: token for name, token in _compute(missing).items()})
    return [found[KEY_PREFIX + name] for name in names]


def forget(*names: str) -> None:
    """Compute these tokens afresh at the next read (this process at once; others as the module says)."""
    with _lock:
        for name in names:
            _generations[name] = _generations.get(name, 0) + 1
    cache.delete_many([KEY_PREFIX + name for name in names])


def cached(names: Sequence[str], key: str, build: Callable[[], T], *, timeout: int = 3600) -> T:
    """``build()``, computed once per version of the sets ``names`` and per language, then kept in the cache.

    For what a page shows whoever asks: the choices of a filter, labels, a summary.
    """
    full_key = f"cached:{key}:{':'.join(versions(names))}:{current_language()}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout)
    return value


def changed(*names: str) -> None:
    """After a write that sends no signal (``update()``, ``bulk_create()``): forget now and once committed."""
    forget(*names)
    transaction.on_commit(lambda: forget(*names))


def _link_tables(model: type[models.Model]) -> list[type[models.Model]]:
    """The many-to-many tables Django made for the model (those with a model of their own are named apart)."""
    return [
        field.remote_field.through
        for field in model._meta.local_many_to_many
        if field.remote_field.through._meta.auto_created
    ]


def _tables(name: str) -> list[type[models.Model]]:
    tables = []
    for model in _sets[name]:
        tables += [model, *_link_tables(model)]
    return tables


def _compute(names: list[str]) -> dict[str, str]:
    """Read the tables of ``names`` in one query, hash each set, and cache the tokens that are still current."""
    with _lock:
        started = {name: _generations.get(name, 0) for name in names}
    tables = list(dict.fromkeys(table for name in names for table in _tables(name)))
    columns = []
    for model in tables:
        table = connection.ops.quote_name(model._meta.db_table)
        key = connection.ops.quote_name(model._meta.pk.column)
        # Names come from the models, never from input.
        columns += [f"(SELECT COUNT(*) FROM {table})", f"(SELECT MAX({key}) FROM {table})"]  # noqa: S608
        if any(field.name == "updated_at" for field in model._meta.concrete_fields):
            columns.append(f"(SELECT MAX(updated_at) FROM {table})")  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}")
        row = cursor.fetchone()
    stamps, position = {}, 0
    for model in tables:
        width = 3 if any(field.name == "updated_at" for field in model._meta.concrete_fields) else 2
        stamps[model] = row[position : position + width]
        position += width
    tokens = {
        name: hashlib.sha256(repr([stamps[table] for table in _tables(name)]).encode()).hexdigest()[:16]
        for name in names
    }
    with _lock:
        # A write forgot the set while we read: these rows may predate it, so they are not kept.
        current = {name: token for name, token in tokens.items() if _generations.get(name, 0) == started[name]}
    for name, token in current.items():
        cache.set(KEY_PREFIX + name, token, _ttls[name])
    return tokens


def _row_changed(sender, **kwargs) -> None:
    changed(*_names_of.get(sender, ()))


def _links_changed(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        changed(*_names_of.get(sender, ()))
