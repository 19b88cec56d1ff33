"""Who may do what with knowledge items. Pages and API ask these functions."""

from creative_cities.accounts.choices import CITY_ROLES, FIELD_ROLES
from creative_cities.accounts.selectors import role_list_current, user_field_ids, user_holds_any, user_is_secretariat

from .choices import ItemStatus


def cities_user_writes_for(user) -> list:
    """The cities whose focal point or team the person is: they write for those."""
    if not user.is_authenticated:
        return []
    roles = role_list_current(user=user).filter(kind__in=CITY_ROLES).select_related("city")
    return sorted({role.city for role in roles}, key=lambda city: city.name)


def can_create_item(user) -> bool:
    return user.is_authenticated and (user_is_secretariat(user) or bool(cities_user_writes_for(user)))


def can_edit_item(user, item) -> bool:
    """The team of the city writing it, and the Secretariat."""
    if not user.is_authenticated:
        return False
    if user_is_secretariat(user):
        return True
    return item.owner_city_id is not None and any(c.pk == item.owner_city_id for c in cities_user_writes_for(user))


def can_review_item(user, item) -> bool:
    """The Secretariat, and the coordinators and deputies of one of the item's creative fields."""
    if not user.is_authenticated:
        return False
    if user_is_secretariat(user):
        return True
    fields = user_field_ids(user, FIELD_ROLES)
    return any(field.pk in fields for field in item.fields.all())


def can_review_any(user) -> bool:
    """Whoever reviews items: the Secretariat, and the coordinators and deputies of any field."""
    return user_is_secretariat(user) or user_holds_any(user, FIELD_ROLES)


def can_review_field(user, field) -> bool:
    """The coordinators and deputies of this creative field (the field's page points them to their queue)."""
    return user_holds_any(user, FIELD_ROLES, field=field)


def can_see_item(user, item) -> bool:
    """Published items are public; the others exist only for their writers and reviewers."""
    return item.status == ItemStatus.PUBLISHED or can_edit_item(user, item) or can_review_item(user, item)


def can_contact_partners(user, item) -> bool:
    """Signed-in people write to the focal point of a city looking for partners, not to their own city."""
    return (
        user.is_authenticated
        and item.status == ItemStatus.PUBLISHED
        and item.looking_for_partners
        and item.owner_city_id is not None
        and not can_edit_item(user, item)
    )
