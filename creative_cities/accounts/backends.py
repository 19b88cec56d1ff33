"""The Secretariat's powers in the admin come from its role, not from Django's flags.

A person given the Secretariat role (by an invitation, or in the admin) works in the
admin as soon as the role starts and stops when it ends, with no ``is_staff`` or
permission rows to keep in step with the role's dates.
"""

from django.contrib.auth.backends import BaseBackend

from .selectors import user_is_secretariat

# Remembered on the user object for the request, as Django's ModelBackend does with its
# permission cache: the admin asks about dozens of permissions per page.
CACHE_ATTRIBUTE = "_secretariat_role_cache"


def _holds_secretariat_role(user) -> bool:
    if not getattr(user, "is_active", False):
        return False
    if not hasattr(user, CACHE_ATTRIBUTE):
        setattr(user, CACHE_ATTRIBUTE, user_is_secretariat(user))
    return getattr(user, CACHE_ATTRIBUTE)


class SecretariatRoleBackend(BaseBackend):
    """Grants every model permission to people who hold the Secretariat role today.

    It authenticates no one (sign-in is allauth's): it only answers permission questions.
    What only a superuser may change (who is a superuser or staff, groups and permission
    rows) is kept read-only for others by the user admin.
    """

    def has_perm(self, user_obj, perm, obj=None):
        return _holds_secretariat_role(user_obj)

    def has_module_perms(self, user_obj, app_label):
        return _holds_secretariat_role(user_obj)


def user_may_use_admin(user) -> bool:
    """Staff (as Django has it), or a current member of the Secretariat."""
    return bool(user.is_active and (user.is_staff or _holds_secretariat_role(user)))
