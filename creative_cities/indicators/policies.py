"""Who may do what with indicator frameworks and values. Pages and API ask these functions.

- the Secretariat defines frameworks, and enters or imports values for any city;
- a city's focal point and team enter and import values for their city;
- everyone sees published frameworks, the values and the dashboards.
"""

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.selectors import user_holds_any, user_is_secretariat


def is_city_team(user, city) -> bool:
    """The focal point and team members of the city, today."""
    return user_holds_any(user, [RoleKind.FOCAL_POINT, RoleKind.CITY_TEAM], city=city)


def can_enter_values(user, city) -> bool:
    """Enter or import values for a city: its team, and the Secretariat."""
    return user.is_authenticated and (user_is_secretariat(user) or is_city_team(user, city))


def can_import_values(user) -> bool:
    """Open the import page: the Secretariat, and anyone on a city's team (each row is then checked for its city)."""
    return user.is_authenticated and (
        user_is_secretariat(user) or user_holds_any(user, [RoleKind.FOCAL_POINT, RoleKind.CITY_TEAM])
    )


def can_manage_frameworks(user) -> bool:
    """Create, edit, publish and retire frameworks: the Secretariat."""
    return user.is_authenticated and user_is_secretariat(user)


def can_see_framework(user, framework) -> bool:
    """Published and retired frameworks are public; drafts belong to the Secretariat."""
    return framework.status != "draft" or can_manage_frameworks(user)
