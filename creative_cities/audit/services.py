"""Recording in the audit trail. Called by the other apps' services, inside their transaction."""

from datetime import date, datetime
from decimal import Decimal

from django.db import models

from .context import current_actor, current_ip
from .models import AuditEvent


def _plain(value):
    """A value as JSON can hold it."""
    if isinstance(value, models.Model):
        return {"id": value.pk, "label": str(value)}
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot(obj: models.Model, fields: list[str]) -> dict:
    """The values of some fields of an object, for ``before`` and ``after``."""
    return {name: _plain(getattr(obj, name)) for name in fields}


def audit_record(
    *,
    action: str,
    obj: models.Model | None = None,
    before: dict | None = None,
    after: dict | None = None,
    actor=None,
    label: str = "",
) -> AuditEvent:
    """Add an event to the trail; the actor and IP address default to those of the request."""
    actor = actor if actor is not None else current_actor.get()
    return AuditEvent.objects.create(
        actor=actor if actor is not None and getattr(actor, "pk", None) else None,
        actor_label=getattr(actor, "email", "") or "",
        action=action,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_label=(label or str(obj))[:255] if obj is not None else label[:255],
        before={key: _plain(value) for key, value in (before or {}).items()},
        after={key: _plain(value) for key, value in (after or {}).items()},
        ip=current_ip.get(),
    )
