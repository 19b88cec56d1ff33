"""Small helpers that put board objects into pages, e-mails and API answers."""

from django.urls import NoReverseMatch


def project_url(project) -> str:
    """The project's page, or "" when there is no project (or no page for projects is installed)."""
    if project is None:
        return ""
    try:
        return project.get_absolute_url()
    except NoReverseMatch:  # the board does not depend on the projects app serving pages
        return ""
