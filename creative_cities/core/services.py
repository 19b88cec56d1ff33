"""Helpers for the apps' services: changing an object's fields the same way everywhere."""

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.db import models


def _full_clean(instance: models.Model) -> None:
    instance.full_clean()


def _differs(instance: models.Model, name: str, value: Any) -> bool:
    field = instance._meta.get_field(name)
    if field.many_to_one or field.one_to_one:
        # Compared by key, so that an unloaded related object is not fetched.
        key = value.pk if isinstance(value, models.Model) else value
        return getattr(instance, field.attname) != key
    return getattr(instance, name) != value


def model_changes(*, instance: models.Model, data: Mapping[str, Any], fields: Iterable[str]) -> list[str]:
    """Those of ``fields`` that ``data`` holds with a value other than the instance's."""
    return [name for name in fields if name in data and _differs(instance, name, data[name])]


def fields_in(data: Mapping[str, Any], fields: Iterable[str]) -> dict[str, Any]:
    """Those of ``fields`` that ``data`` holds, with their values: what a service sets on a new object."""
    return {name: data[name] for name in fields if name in data}


def model_update(
    *,
    instance: models.Model,
    data: Mapping[str, Any],
    fields: Iterable[str],
    clean: Callable[[models.Model], None] | None = _full_clean,
    touch: bool = False,
) -> list[str]:
    """Set those of ``fields`` that ``data`` holds with another value, and save them; return their names.

    Only the changed fields are written (with ``updated_at``, or any field with
    ``auto_now``), after ``clean(instance)`` (``full_clean`` by default; None: no
    check) accepts the changed object. Nothing changed: nothing is checked or written,
    unless ``touch``, for a service that also changes what the object's fields do not
    hold (its relations, its rows), so that ``updated_at`` still says the object
    changed. Call it inside the service's transaction: a refused change leaves the
    instance changed in memory.
    """
    changed = model_changes(instance=instance, data=data, fields=fields)
    if not changed and not touch:
        return []
    for name in changed:
        setattr(instance, name, data[name])
    if clean is not None:
        clean(instance)
    stamps = [field.name for field in instance._meta.concrete_fields if getattr(field, "auto_now", False)]
    instance.save(update_fields=[*changed, *(name for name in stamps if name not in changed)])
    return changed
