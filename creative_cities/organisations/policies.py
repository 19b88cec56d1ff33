"""Who may do what with organisations. Pages and API ask these functions."""

from creative_cities.accounts.selectors import user_is_secretariat

from .choices import MemberRole


def can_create_organisation(user) -> bool:
    """Anyone with an account may register the organisation they work for."""
    return user.is_authenticated


def is_member(user, organisation) -> bool:
    return user.is_authenticated and organisation.members.filter(user=user).exists()


def can_edit_organisation(user, organisation) -> bool:
    """Its administrators, and the Secretariat."""
    if not user.is_authenticated:
        return False
    return user_is_secretariat(user) or organisation.members.filter(user=user, role=MemberRole.ADMIN).exists()


def can_manage_members(user, organisation) -> bool:
    return can_edit_organisation(user, organisation)


def can_see_members(user, organisation) -> bool:
    """Members see who else acts for the organisation; administrators and the Secretariat too."""
    return is_member(user, organisation) or can_edit_organisation(user, organisation)


def can_verify_organisation(user) -> bool:
    return user_is_secretariat(user)
