"""Reads of the audit trail: the Secretariat's filtered list, its CSV rows, and readable changes."""

import json
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import AuditEvent

EXPORT_FIELDS = ["at", "actor_label", "action", "object_type", "object_id", "object_label", "before", "after", "ip"]
# Longer values (a city's description) are shown shortened, the whole in a disclosure.
SHORT_VALUE_LENGTH = 120


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_event_list(
    *,
    action: str = "",
    object_type: str = "",
    person: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    q: str = "",
) -> QuerySet[AuditEvent]:
    """Events matching the filters, newest first.

    ``person`` matches the address of who acted, as recorded (so deleted accounts
    are still found); ``q`` matches every word in the object's label, the actor's
    address or the action. Dates are days in the platform's time zone, both included.
    """
    events = AuditEvent.objects.all()
    if action:
        events = events.filter(action=action)
    if object_type:
        events = events.filter(object_type=object_type)
    if person:
        events = events.filter(actor_label__icontains=person.strip())
    # Bounds on the indexed column rather than a __date lookup, which would scan it.
    if date_from:
        events = events.filter(at__gte=_start_of(date_from))
    if date_to:
        events = events.filter(at__lt=_start_of(date_to + timedelta(days=1)))
    for word in q.split():
        events = events.filter(
            Q(object_label__icontains=word) | Q(actor_label__icontains=word) | Q(action__icontains=word)
        )
    return events.order_by("-at", "-pk")


def audit_event_actions() -> list[str]:
    """The actions the trail holds, for the filter's choices."""
    return list(AuditEvent.objects.order_by("action").values_list("action", flat=True).distinct())


def audit_event_object_types() -> list[str]:
    return list(
        AuditEvent.objects.exclude(object_type="")
        .order_by("object_type")
        .values_list("object_type", flat=True)
        .distinct()
    )


def _model_field(object_type: str, name: str):
    """The model field a recorded key names, or None (keys need not be fields: "year", "email")."""
    try:
        return apps.get_model(object_type)._meta.get_field(name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return None


def _readable(value, field=None) -> str:
    """A recorded value as text: objects by their label, choices by theirs, yes/no, a dash for nothing."""
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dict) and "label" in value:
        return str(value["label"])
    if isinstance(value, list):
        return ", ".join(_readable(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if field is not None and getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def audit_event_changes(event: AuditEvent) -> list[dict]:
    """One entry per recorded field: its label, and the values before and after as text.

    ``changed`` is false for a field whose value did not change, and ``long`` is
    true when one of the values is too long to show whole in a list.
    """
    changes = []
    for name, old_value, new_value in event.changes():
        field = _model_field(event.object_type, name)
        # A side that was not recorded (a role given has no "before") is None, not a dash.
        old = _readable(old_value, field) if name in event.before else None
        new = _readable(new_value, field) if name in event.after else None
        changes.append(
            {
                "name": name,
                "label": str(getattr(field, "verbose_name", name)) if field is not None else name,
                "before": old,
                "after": new,
                "changed": old is None or new is None or old != new,
                "long": any(len(value or "") > SHORT_VALUE_LENGTH for value in (old, new)),
            }
        )
    return changes


def audit_event_rows(events: QuerySet[AuditEvent]) -> Iterator[list]:
    """The CSV rows of a selection, in its order (newest first); before and after as JSON."""
    for event in events.iterator(chunk_size=2000):
        yield [
            event.at.isoformat(),
            event.actor_label,
            event.action,
            event.object_type,
            event.object_id,
            event.object_label,
            json.dumps(event.before, ensure_ascii=False, sort_keys=True),
            json.dumps(event.after, ensure_ascii=False, sort_keys=True),
            event.ip or "",
        ]
