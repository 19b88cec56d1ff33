"""Writes of the board: calls, and the interest parties express in them.

Each is atomic and audited; e-mails go after the commit (``notify`` queues them).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from creative_cities.audit.services import audit_record, snapshot
from creative_cities.cities.models import City
from creative_cities.core.markdown import markdown_to_text
from creative_cities.core.services import fields_in, model_update
from creative_cities.core.text import unique_slug
from creative_cities.notifications.services import notify
from creative_cities.projects.choices import PartnerRole, ProjectStatus
from creative_cities.projects.parties import acts_for, party_kwargs, people_of
from creative_cities.projects.services import project_create, project_partner_add

from . import selectors
from .choices import CallStatus, CallTopic, InterestStatus
from .models import Call, Interest
from .presentation import project_url

CALL_FIELDS = ["kind", "topic", "title", "description", "language", "deadline"]
CALL_RELATIONS = ["fields", "sdg_goals"]
AUDITED = [*CALL_FIELDS, "city", "organisation", "status", "closed_at", "project"]
INTEREST_AUDITED = ["call", "city", "organisation", "status", "answer", "partner"]
# Addresses the board's own pages take: no call may be given one of them.
RESERVED_SLUGS = {"new", "mine", "interests"}
# The role an accepted party takes in the project, by what the call is about.
ROLE_BY_TOPIC = {
    CallTopic.EXPERTISE: PartnerRole.EXPERT,
    CallTopic.FUNDING: PartnerRole.FUNDER,
    CallTopic.VENUE: PartnerRole.HOST,
    CallTopic.RESIDENCY: PartnerRole.HOST,
}


def _check_deadline(deadline: date | None) -> None:
    if deadline is not None and deadline < selectors.today():
        raise ValidationError({"deadline": _("The deadline must be today or a later day.")})


def _clean(call: Call) -> None:
    call.full_clean(exclude=["slug"])


def _set_relations(call: Call, relations: dict) -> None:
    for name in CALL_RELATIONS:
        if name in relations:
            getattr(call, name).set(relations[name])


def _slug(title: str) -> str:
    slug = unique_slug(title, queryset=Call.objects.all(), fallback="call")
    if slug in RESERVED_SLUGS:
        slug = unique_slug(f"call {title}", queryset=Call.objects.all(), fallback="call")
    return slug


def _others(people: list, by) -> list:
    """Everyone to tell but the person who acted (who may act for both sides)."""
    return [person for person in people if by is None or person.pk != by.pk]


@transaction.atomic
def call_create(*, by, party, data: dict, relations: dict | None = None) -> Call:
    """Publish a need or an offer for a city or organisation the person acts for; it opens at once."""
    if party is None or (by is not None and not acts_for(by, party)):
        raise ValidationError({"publisher": _("Choose a city or an organisation you act for.")})
    _check_deadline(data.get("deadline"))
    call = Call(created_by=by, **party_kwargs(party), **fields_in(data, CALL_FIELDS))
    _clean(call)
    call.slug = _slug(call.title)
    call.save()
    _set_relations(call, relations or {})
    audit_record(action="call.create", obj=call, after=snapshot(call, AUDITED))
    return call


@transaction.atomic
def call_update(*, call: Call, by, data: dict, relations: dict | None = None) -> Call:
    """Change what the call says; its publisher stays, since answers were addressed to it."""
    if not selectors.call_is_open(call):
        raise ValidationError(_("This call is closed: it can no longer be changed."))
    if "deadline" in data and data["deadline"] != call.deadline:
        _check_deadline(data["deadline"])
    before = snapshot(call, AUDITED)
    model_update(instance=call, data=data, fields=CALL_FIELDS, clean=_clean, touch=True)
    _set_relations(call, relations or {})
    audit_record(action="call.update", obj=call, before=before, after=snapshot(call, AUDITED))
    return call


def _close(call: Call) -> None:
    before = snapshot(call, AUDITED)
    call.status, call.closed_at = CallStatus.CLOSED, timezone.now()
    call.save(update_fields=["status", "closed_at", "updated_at"])
    audit_record(action="call.close", obj=call, before=before, after=snapshot(call, AUDITED))


@transaction.atomic
def call_close(*, call: Call, by) -> Call:
    """The publisher closes the call before its deadline: nobody may answer it any more."""
    if call.status == CallStatus.CLOSED:
        raise ValidationError(_("This call is already closed."))
    _close(call)
    return call


@transaction.atomic
def call_close_expired(*, today: date | None = None) -> int:
    """Close every open call whose deadline has passed; how many were closed. Run daily."""
    expired = Call.objects.select_for_update().filter(status=CallStatus.OPEN, deadline__lt=today or selectors.today())
    count = 0
    for call in expired:
        _close(call)
        count += 1
    return count


@transaction.atomic
def interest_express(*, call: Call, party, by, message: str) -> Interest:
    """A city or organisation answers an open call, once; the publisher's people are told."""
    if not selectors.call_is_open(call):
        raise ValidationError(_("This call is closed: it no longer takes answers."))
    if party is None or not acts_for(by, party):
        raise ValidationError({"party": _("Choose a city or an organisation you act for.")})
    if party == call.party:
        raise ValidationError({"party": _("The publisher of a call does not answer it.")})
    if selectors.call_has_interest_from(call=call, party=party):
        raise ValidationError({"party": _("%(party)s has already answered this call.") % {"party": party}})
    interest = Interest(call=call, message=(message or "").strip(), created_by=by, **party_kwargs(party))
    interest.full_clean()
    interest.save()
    audit_record(action="interest.express", obj=interest, after=snapshot(interest, INTEREST_AUDITED))
    notify(
        people=_others(people_of(call.party), by),
        kind="interest_received",
        context={"party": party, "call": call.title},
        url=call.get_absolute_url(),
    )
    return interest


def _pending(interest: Interest) -> None:
    if interest.status != InterestStatus.PENDING:
        raise ValidationError(_("This interest has already been answered or withdrawn."))


@transaction.atomic
def interest_withdraw(*, interest: Interest, by) -> Interest:
    """The interested party takes its answer back while it waits."""
    _pending(interest)
    before = snapshot(interest, INTEREST_AUDITED)
    interest.status = InterestStatus.WITHDRAWN
    interest.save(update_fields=["status", "updated_at"])
    audit_record(action="interest.withdraw", obj=interest, before=before, after=snapshot(interest, INTEREST_AUDITED))
    return interest


def _project_for(call: Call, by):
    """The call's project; the first acceptance creates it, led by the call's publisher."""
    if call.project_id is not None:
        return call.project
    lead = party_kwargs(call.party)
    summary = Truncator(markdown_to_text(call.description) or call.title).chars(1500)
    project = project_create(
        by=by,
        data={
            "title": call.title,
            "summary": summary,
            "description": call.description,
            "language": call.language,
            "lead_city": lead["city"],
            "lead_organisation": lead["organisation"],
            "status": ProjectStatus.SEEKING,
        },
        relations={"fields": list(call.fields.all()), "sdg_goals": list(call.sdg_goals.all())},
    )
    if call.is_demo:
        # Made from demo content, it is demo content too: lists and reminders leave it out like its call.
        project.is_demo = True
        project.save(update_fields=["is_demo", "updated_at"])
    before = snapshot(call, AUDITED)
    call.project = project
    call.save(update_fields=["project", "updated_at"])
    audit_record(action="call.project", obj=call, before=before, after=snapshot(call, AUDITED))
    return project


def _partnership(project, party, by, role: str):
    """The party's partnership in the project: the existing one, none for the lead, else a new one."""
    lead = project.lead_city if isinstance(party, City) else project.lead_organisation
    if lead == party:
        return None
    existing = project.partners.filter(
        **{name: value for name, value in party_kwargs(party).items() if value is not None}
    ).first()
    if existing is not None:
        return existing
    return project_partner_add(project=project, party=party, by=by, role=role)


@transaction.atomic
def interest_accept(*, interest: Interest, by, answer: str = "") -> Interest:
    """Accept: the party becomes a partner of the call's project (made at the first acceptance)."""
    # Lock the call so that two acceptances at once do not make two projects.
    call = Call.objects.select_for_update(of=("self",)).select_related("project").get(pk=interest.call_id)
    interest = Interest.objects.select_for_update().get(pk=interest.pk)
    _pending(interest)
    before = snapshot(interest, INTEREST_AUDITED)
    project = _project_for(call, by)
    interest.partner = _partnership(project, interest.party, by, ROLE_BY_TOPIC.get(call.topic, PartnerRole.PARTNER))
    interest.status, interest.decided_at, interest.decided_by = InterestStatus.ACCEPTED, timezone.now(), by
    interest.answer = (answer or "").strip()
    interest.full_clean()
    interest.save()
    audit_record(action="interest.accept", obj=interest, before=before, after=snapshot(interest, INTEREST_AUDITED))
    notify(
        people=_others(people_of(interest.party), by),
        kind="interest_accepted",
        context={"owner": call.party, "call": call.title, "project": project.title},
        url=project_url(project) or call.get_absolute_url(),
    )
    return interest


@transaction.atomic
def interest_decline(*, interest: Interest, by, answer: str = "") -> Interest:
    """Decline, with an answer if the publisher wishes; the party is told."""
    interest = Interest.objects.select_for_update().select_related("call").get(pk=interest.pk)
    _pending(interest)
    before = snapshot(interest, INTEREST_AUDITED)
    interest.status, interest.decided_at, interest.decided_by = InterestStatus.DECLINED, timezone.now(), by
    interest.answer = (answer or "").strip()
    interest.full_clean()
    interest.save()
    audit_record(action="interest.decline", obj=interest, before=before, after=snapshot(interest, INTEREST_AUDITED))
    notify(
        people=_others(people_of(interest.party), by),
        kind="interest_declined",
        context={"owner": interest.call.party, "call": interest.call.title},
        url=interest.call.get_absolute_url(),
    )
    return interest
