from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "creative_cities.accounts"
    verbose_name = _("Accounts")


class PlatformAdminConfig(admin_apps.AdminConfig):
    """Installed in place of ``django.contrib.admin``, so that ``admin.site`` is the platform's site."""

    default = False  # this module's default is AccountsConfig
    default_site = "creative_cities.accounts.admin_site.PlatformAdminSite"
