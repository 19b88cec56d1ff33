"""Who may do what with monitoring reports. Pages and API ask these functions.

- a city's focal point and team write its report; only the focal point submits it;
- the Secretariat sees every report, draft or not, reviews, accepts or returns it, and
  manages the calendar and due dates;
- a subnetwork's coordinators and deputies see the submitted and accepted reports of
  the cities of their creative field;
- the public sees accepted (published) reports.
"""

from creative_cities.accounts.choices import FIELD_ROLES, RoleKind
from creative_cities.accounts.selectors import user_field_ids, user_holds, user_holds_any, user_is_secretariat

from .choices import ReportStatus

EDITABLE = (ReportStatus.DRAFT, ReportStatus.RETURNED)
SUBMITTED_OR_LATER = (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)


def is_city_team(user, city) -> bool:
    """The focal point and team members of the city, today."""
    return user_holds_any(user, [RoleKind.FOCAL_POINT, RoleKind.CITY_TEAM], city=city)


def can_write_for_city(user, city) -> bool:
    """Start or edit a city's report: its team, and the Secretariat."""
    return user.is_authenticated and (user_is_secretariat(user) or is_city_team(user, city))


def can_edit_report(user, report) -> bool:
    """While it is a draft or returned: the city's team, and the Secretariat."""
    return report.status in EDITABLE and can_write_for_city(user, report.city)


def can_submit_report(user, report) -> bool:
    """The city's focal point submits (the Secretariat may, for a city that sent its report otherwise)."""
    if report.status not in EDITABLE or not user.is_authenticated:
        return False
    return user_is_secretariat(user) or user_holds(user, RoleKind.FOCAL_POINT, city=report.city)


def can_review_report(user, report=None) -> bool:
    """Accept or return a submitted report: the Secretariat."""
    return user_is_secretariat(user) and (report is None or report.status == ReportStatus.SUBMITTED)


def is_field_coordinator(user, field) -> bool:
    return field is not None and getattr(field, "pk", field) in user_field_ids(user, FIELD_ROLES)


def can_see_report(user, report) -> bool:
    """Published reports are public; drafts belong to their city's team and the Secretariat;
    submitted ones are also seen by the coordinators of the city's field."""
    if report.status == ReportStatus.ACCEPTED:
        return True
    if not user.is_authenticated:
        return False
    if user_is_secretariat(user) or is_city_team(user, report.city):
        return True
    return report.status in SUBMITTED_OR_LATER and is_field_coordinator(user, report.city.field_id)


def can_manage_cycles(user) -> bool:
    """The calendar, due dates, extensions and the compliance overview: the Secretariat."""
    return user_is_secretariat(user)


def can_see_field_reports(user) -> bool:
    """The list of submitted reports of one's fields: coordinators and deputies (and the Secretariat)."""
    return user_is_secretariat(user) or user_holds_any(user, FIELD_ROLES)
