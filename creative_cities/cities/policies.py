"""Who may do what with cities. Pages and API ask these functions, never the roles directly."""

from creative_cities.accounts.choices import CITY_ROLES
from creative_cities.accounts.selectors import role_list_current, user_is_secretariat


def can_see_city_contacts(user) -> bool:
    """Contacts of cities (mayor, focal point, alternative) are shown to signed-in members
    of the network, that is people holding a role; never to the public."""
    if not user.is_authenticated:
        return False
    return user_is_secretariat(user) or role_list_current(user=user).exists()


def can_edit_city_profile(user, city) -> bool:
    """The Secretariat, and the city's own focal point and team, edit its public profile.

    Changes of name, field or status are not part of the profile: the Secretariat
    makes them.
    """
    if not user.is_authenticated:
        return False
    if user_is_secretariat(user):
        return True
    return role_list_current(user=user).filter(kind__in=CITY_ROLES, city=city).exists()
