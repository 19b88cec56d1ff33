from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "creative_cities.audit"
    verbose_name = _("Audit trail")

    def ready(self):
        # Sign-ins happen inside Django and allauth, not in our services: their
        # signals are the only place to record them.
        from . import receivers  # noqa: F401
