from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    """The interface's languages, each named in itself (as the language links of every page
    name them), so that people find theirs whatever the language of the page."""

    EN = "en", "English"
    FR = "fr", "Français"
    ES = "es", "Español"


class RoleKind(models.TextChoices):
    """The roles people hold in the network. Creative professionals are every signed-in
    person and the public everyone else: neither needs a row."""

    SECRETARIAT = "secretariat", _("Secretariat")
    COORDINATOR = "coordinator", _("Subnetwork coordinator")
    DEPUTY = "deputy", _("Subnetwork deputy coordinator")
    STEERING_GROUP = "steering_group", _("Steering Group member")
    FOCAL_POINT = "focal_point", _("City focal point")
    CITY_TEAM = "city_team", _("City team member")
    EXPERT = "expert", _("Independent expert")
    PARTNER = "partner", _("Member of a partner organisation")


CITY_ROLES = (RoleKind.FOCAL_POINT, RoleKind.CITY_TEAM)
FIELD_ROLES = (RoleKind.COORDINATOR, RoleKind.DEPUTY)
# Roles whose holders must sign in with a second factor, on pages, in the admin and
# with API tokens: those that act on many cities (the Secretariat everywhere, the
# coordinators of a subnetwork over its field's publications and members) or read
# what is confidential (experts, dossiers under evaluation).
MFA_ROLES = (RoleKind.SECRETARIAT, RoleKind.COORDINATOR, RoleKind.DEPUTY, RoleKind.EXPERT)


class TokenScope(models.TextChoices):
    """What a personal API token lets its holder do. Writing includes reading."""

    READ = "read", _("Read: what you may see when signed in")
    WRITE = "write", _("Read and write: what you may change when signed in")


# Lifetimes offered when creating a token, in days; none lasts for ever.
TOKEN_LIFETIMES = (30, 90, 365)
