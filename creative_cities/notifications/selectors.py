"""Reads of notifications."""

from django.db.models import QuerySet

from . import kinds
from .models import Notification, NotificationPreference


def notification_list(*, user) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user).order_by("-created_at", "-id")


def unread_count(*, user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def preferences(*, user) -> list[tuple[kinds.Kind, bool, bool]]:
    """Every kind with the person's choice: (kind, in the platform, by e-mail)."""
    saved = {p.kind: (p.in_app, p.by_email) for p in NotificationPreference.objects.filter(user=user)}
    return [(kind, *saved.get(kind.code, (True, True))) for kind in kinds.all_kinds()]
