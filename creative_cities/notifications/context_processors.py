from django.utils.functional import SimpleLazyObject


def notifications(request):
    """The number of unread notifications, counted only if a page shows it (signed-in people)."""
    from .selectors import unread_count

    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user=request.user))}
