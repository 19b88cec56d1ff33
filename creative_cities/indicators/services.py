"""Writes of indicator values. Frameworks are written by framework_services.py.

Values arrive from the form, an import or the API as a list of ``Entry``; each path
validates the whole list first, then ``values_write`` writes it in one transaction.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from creative_cities.audit.services import audit_record
from creative_cities.core import versions

from .choices import ValueOrigin
from .models import Value
from .selectors import VERSION_SET


@dataclass(frozen=True)
class Entry:
    """One value to write: an indicator (a leaf node), a city, a year; ``value`` None removes it."""

    node: object
    city: object
    year: int
    value: float | None
    source: str = ""
    note: str = ""


@dataclass
class WriteCounts:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    values: list = field(default_factory=list, repr=False)

    def as_dict(self) -> dict:
        return {"new": self.new, "changed": self.changed, "unchanged": self.unchanged, "removed": self.removed}


def values_compare(*, entries: list[Entry]) -> tuple[WriteCounts, dict]:
    """What writing ``entries`` would change: the counts, and the existing values by key."""
    counts = WriteCounts()
    keys = {(entry.node.pk, entry.city.pk, entry.year) for entry in entries}
    existing = {}
    if keys:
        node_ids = {key[0] for key in keys}
        city_ids = {key[1] for key in keys}
        years = {key[2] for key in keys}
        for value in Value.objects.filter(node_id__in=node_ids, city_id__in=city_ids, year__in=years):
            key = (value.node_id, value.city_id, value.year)
            if key in keys:
                existing[key] = value
    for entry in entries:
        current = existing.get((entry.node.pk, entry.city.pk, entry.year))
        if entry.value is None:
            counts.removed += current is not None
        elif current is None:
            counts.new += 1
        elif (current.value, current.source, current.note) == (entry.value, entry.source, entry.note):
            counts.unchanged += 1
        else:
            counts.changed += 1
    return counts, existing


@transaction.atomic
def values_write(*, entries: list[Entry], by, origin: str = ValueOrigin.FORM, label: str = "") -> WriteCounts:
    """Write validated entries at once: create, change or remove; audit the whole batch as one event."""
    counts, existing = values_compare(entries=entries)
    now = timezone.now()
    created, updated, removed = [], [], []
    by_id = by if getattr(by, "pk", None) else None
    for entry in entries:
        current = existing.get((entry.node.pk, entry.city.pk, entry.year))
        if entry.value is None:
            if current is not None:
                removed.append(current.pk)
            continue
        if current is None:
            created.append(
                Value(
                    node=entry.node,
                    city=entry.city,
                    year=entry.year,
                    value=entry.value,
                    source=entry.source,
                    note=entry.note,
                    origin=origin,
                    entered_by=by_id,
                )
            )
        elif (current.value, current.source, current.note) != (entry.value, entry.source, entry.note):
            current.value, current.source, current.note = entry.value, entry.source, entry.note
            current.origin, current.entered_by, current.updated_at = origin, by_id, now
            updated.append(current)
    Value.objects.bulk_create(created, batch_size=1000)
    Value.objects.bulk_update(
        updated, ["value", "source", "note", "origin", "entered_by", "updated_at"], batch_size=1000
    )
    if removed:
        Value.objects.filter(pk__in=removed).delete()
    versions.changed(VERSION_SET)
    if created or updated or removed:
        audit_record(
            action=f"indicators.values_{origin}",
            obj=None,
            after={**counts.as_dict(), "cities": sorted({entry.city.slug for entry in entries})[:50]},
            actor=by,
            label=label or "indicator values",
        )
    counts.values = created + updated
    return counts
