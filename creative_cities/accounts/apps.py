from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "creative_cities.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from creative_cities.core import versions

        from .models import Role

        # Who holds which role: a page checks it several times per request (selectors.user_holds).
        versions.define("roles", [Role])
