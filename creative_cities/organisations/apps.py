from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "creative_cities.organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from creative_cities.core import versions
        from creative_cities.notifications import kinds

        from .models import Organisation, OrganisationMember
        from .search_documents import register

        register()
        versions.define("organisations", [Organisation, OrganisationMember])
        kinds.register(
            "organisation_member_added",
            label=_("Someone adds you to an organisation"),
            message=_("%(by)s added you to %(organisation)s."),
        )
