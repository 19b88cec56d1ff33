"""Who may do what with cities. Pages and API ask these functions, never the roles directly."""

from creative_cities.accounts.choices import CITY_ROLES
from creative_cities.accounts.selectors import user_holds_any, user_is_secretariat


def can_see_city_contacts(user) -> bool:
    """Contacts of cities (mayor, focal point, alternative) are shown to signed-in members
    of the network, that is people holding a role; never to the public."""
    if not user.is_authenticated:
        return False
    return user_is_secretariat(user) or user_holds_any(user)


def can_edit_city_profile(user, city) -> bool:
    """The Secretariat, and the city's own focal point and team, edit its public profile.

    Changes of name, field or status are not part of the profile: the Secretariat
    makes them.
    """
    if not user.is_authenticated:
        return False
    if user_is_secretariat(user):
        return True
    return user_holds_any(user, CITY_ROLES, city=city)


def can_request_city_change(user, city) -> bool:
    """Those who keep a city's profile may ask the Secretariat to change its name, field or status."""
    return can_edit_city_profile(user, city)


def can_see_change_request(user, change) -> bool:
    """The Secretariat, and the team of the city concerned; for others the request does not exist."""
    return can_edit_city_profile(user, change.city)


def can_decide_change_request(user) -> bool:
    return user.is_authenticated and user_is_secretariat(user)


def can_withdraw_change_request(user, change) -> bool:
    """The person who asked, or the city's team, while it waits."""
    return change.is_pending and can_edit_city_profile(user, change.city)


def can_see_city_history(user, city) -> bool:
    """The history names the people who made each change: the city's team and the Secretariat see it."""
    return can_edit_city_profile(user, city)


def can_hand_over_focal_point(user, city) -> bool:
    """The Secretariat, or the city's focal point handing the role on."""
    from creative_cities.accounts.choices import RoleKind

    if not user.is_authenticated:
        return False
    if user_is_secretariat(user):
        return True
    return user_holds_any(user, [RoleKind.FOCAL_POINT], city=city)
