"""The platform's admin site: open to the Secretariat by its role (see backends.py)."""

from django.contrib.admin import AdminSite
from django.utils.translation import gettext_lazy as _

from .backends import user_may_use_admin


class PlatformAdminSite(AdminSite):
    site_header = _("Creative Cities Platform")
    site_title = _("Creative Cities Platform")

    def has_permission(self, request):
        return user_may_use_admin(request.user)
