from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BoardConfig(AppConfig):
    name = "creative_cities.board"
    verbose_name = _("Needs and offers")

    def ready(self) -> None:
        from creative_cities.core import versions
        from creative_cities.notifications import kinds

        from .models import Call, Interest

        versions.define("board", [Call, Interest])
        kinds.register(
            "interest_received",
            label=_("Someone answers your call"),
            message=_("%(party)s is interested in “%(call)s”."),
        )
        kinds.register(
            "interest_accepted",
            label=_("Your interest in a call is accepted"),
            message=_("%(owner)s accepted your interest in “%(call)s”: you are now a partner of %(project)s."),
        )
        kinds.register(
            "interest_declined",
            label=_("Your interest in a call is declined"),
            message=_("%(owner)s declined your interest in “%(call)s”."),
        )
