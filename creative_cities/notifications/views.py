"""A person's notifications and how they want to receive them. Only ever their own."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from creative_cities.core.policies import signed_in
from creative_cities.core.templatetags.platform import localise_path

from . import selectors, services
from .forms import PreferencesForm
from .models import Notification

PAGE_SIZE = 30


@signed_in()
def notification_list(request):
    page = Paginator(selectors.notification_list(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/notification_list.html", {"page": page, "notifications": page.object_list})


@require_POST
@signed_in()
def notification_read_all(request):
    count = services.notification_mark_read(user=request.user)
    messages.success(request, _("All your notifications are marked as read.") if count else _("Nothing was unread."))
    return redirect("notifications:notification_list")


@signed_in()
def notification_open(request, pk: int):
    """Mark one of the person's notifications as read and go to what it is about (another's: 404)."""
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    services.notification_mark_read(user=request.user, ids=[notification.pk])
    target = localise_path(notification.url)
    if not target or not url_has_allowed_host_and_scheme(target, allowed_hosts=None) or not target.startswith("/"):
        return redirect("notifications:notification_list")
    return redirect(target)


@signed_in()
def notification_settings(request):
    form = PreferencesForm(request.POST or None, current=selectors.preferences(user=request.user))
    if request.method == "POST" and form.is_valid():
        services.preferences_save(user=request.user, choices=form.choices())
        messages.success(request, _("Your choices are saved."))
        return redirect("notifications:notification_settings")
    return render(request, "notifications/notification_settings.html", {"form": form})
