"""Who may do what with projects. Pages and API ask these functions.

Projects are public, for accountability: anyone reads them. Their lead's people
(and the Secretariat) edit them; their partners' people contribute news, milestone
progress and documents.
"""

from creative_cities.accounts.selectors import user_is_secretariat

from .parties import acts_for, acts_for_any


def can_create_project(user) -> bool:
    """A signed-in person who acts for at least one city or organisation, or the Secretariat."""
    if not user.is_authenticated:
        return False
    return user_is_secretariat(user) or acts_for_any(user)


def can_edit_project(user, project) -> bool:
    """The people of the project's lead, and the Secretariat."""
    return user.is_authenticated and acts_for(user, project.lead)


def can_contribute_to_project(user, project) -> bool:
    """Its editors and the people of its partners: they post updates, move milestones, add documents."""
    if can_edit_project(user, project):
        return True
    if not user.is_authenticated:
        return False
    return any(acts_for(user, partner.party) for partner in project.partners.select_related("city", "organisation"))


def can_remove_project_document(user, document) -> bool:
    """The project's editors, and whoever added the document."""
    if not user.is_authenticated:
        return False
    return document.added_by_id == user.pk or can_edit_project(user, document.project)


def can_follow_project(user) -> bool:
    """Anyone signed in may follow a project's news."""
    return user.is_authenticated
