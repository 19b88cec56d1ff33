from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "creative_cities.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from creative_cities.core import versions

        from .models import Role

        # Who holds which role: a page checks it several times per request (selectors.user_holds).
        versions.define("roles", [Role])


class PlatformAdminConfig(admin_apps.AdminConfig):
    """Installed in place of ``django.contrib.admin``, so that ``admin.site`` is the platform's site."""

    default = False  # this module's default is AccountsConfig
    default_site = "creative_cities.accounts.admin_site.PlatformAdminSite"
