"""API of the board: calls (public reads), publishing them and answering them (with a token).

The page's forms validate API bodies too, and the board's policies decide who may
do what, as on the pages. A call past its deadline reads "closed" at once, even
before the daily command writes it down.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema, Status
from pydantic import ConfigDict

from creative_cities.board import policies, selectors, services
from creative_cities.board.choices import InterestStatus
from creative_cities.board.forms import CallForm, InterestForm
from creative_cities.board.models import Call, Interest
from creative_cities.board.presentation import project_url
from creative_cities.cities import selectors as city_selectors
from creative_cities.core.policies import public
from creative_cities.frameworks import selectors as framework_selectors
from creative_cities.projects.parties import acts_for, party_from_key, party_key, party_list_for

from .access import allowed, fetched, token_holder
from .auth import token_read, token_write
from .errors import ApiError, errors, saved
from .lookups import keys_by_name
from .pagination import PageQuery, page_of
from .schemas import Integer

router = Router(tags=["board"])


class CallOut(Schema):
    slug: str
    kind: str  # need, offer
    topic: str
    title: str
    description: str  # Markdown
    language: str
    publisher: str  # "city:lyon" or "organisation:<slug>"
    publisher_name: str
    fields: list[str]  # creative field codes
    sdg_goals: list[int]  # goal numbers
    deadline: str  # the last day to answer, YYYY-MM-DD
    status: str  # open, closed (a call past its deadline is closed)
    closed_at: str | None
    interest_count: int
    project: str | None  # the project's slug, once an acceptance made one
    project_url: str | None
    url: str


class CallPage(Schema):
    count: int
    results: list[CallOut]


class CallQuery(PageQuery):
    q: str = Field("", max_length=100)
    kind: str = Field("", max_length=10)
    topic: str = Field("", max_length=20)
    field: str = Field("", max_length=40)
    region: str = Field("", max_length=40)
    status: str = Field("open", pattern="^(open|all)$")


class CallIn(Schema):
    model_config = ConfigDict(extra="forbid")

    publisher: str | None = None  # on creation only: "city:<slug>" or "organisation:<slug>"
    kind: str | None = None
    topic: str | None = None
    title: str | None = None
    description: str | None = None
    language: str | None = None
    deadline: str | None = None  # YYYY-MM-DD, today or later
    fields: list[str] | None = None
    sdg_goals: list[Integer] | None = None


class InterestOut(Schema):
    id: int
    call: str
    party: str
    party_name: str
    message: str
    status: str  # pending, accepted, declined, withdrawn
    answer: str
    created_at: str
    decided_at: str | None
    partner_role: str | None  # the role in the project, once accepted
    project: str | None


class InterestIn(Schema):
    model_config = ConfigDict(extra="forbid")

    party: str  # whom you answer for: "city:<slug>" or "organisation:<slug>"
    message: str


class DecisionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    answer: str = Field("", max_length=4000)


def _call_out(call: Call) -> dict:
    return {
        "slug": call.slug,
        "kind": call.kind,
        "topic": call.topic,
        "title": call.title,
        "description": call.description,
        "language": call.language,
        "publisher": party_key(call.party),
        "publisher_name": str(call.party),
        "fields": [field.code for field in call.fields.all()],
        "sdg_goals": [goal.number for goal in call.sdg_goals.all()],
        "deadline": call.deadline.isoformat(),
        "status": selectors.call_status(call),
        "closed_at": call.closed_at.isoformat() if call.closed_at else None,
        "interest_count": getattr(call, "interest_count", 0),
        "project": call.project.slug if call.project else None,
        "project_url": project_url(call.project) or None,
        "url": call.get_absolute_url(),
    }


def _interest_out(interest: Interest) -> dict:
    return {
        "id": interest.pk,
        "call": interest.call.slug,
        "party": party_key(interest.party),
        "party_name": str(interest.party),
        "message": interest.message,
        "status": interest.status,
        "answer": interest.answer,
        "created_at": interest.created_at.isoformat(),
        "decided_at": interest.decided_at.isoformat() if interest.decided_at else None,
        "partner_role": interest.partner.role if interest.partner else None,
        "project": interest.call.project.slug if interest.call.project else None,
    }


def _call(request: HttpRequest, slug: str) -> Call:
    return fetched(request, selectors.call_queryset(), slug=slug)


def _pending(request: HttpRequest, pk: int) -> Interest:
    """The interest, still waiting; those who see it learn that it was answered already, others are refused."""
    interest = fetched(request, selectors.interest_queryset(), pk=pk)
    if interest.status != InterestStatus.PENDING and policies.can_see_interest(request.user, interest):
        raise ApiError(409, "already_answered", _("This interest has already been answered or withdrawn."))
    return interest


def can_publish_call(request: HttpRequest) -> bool:
    return policies.can_publish_call(request.user)


def can_edit_call(request: HttpRequest, slug: str) -> bool:
    return policies.can_edit_call(request.user, _call(request, slug))


def can_close_call(request: HttpRequest, slug: str) -> bool:
    return policies.can_close_call(request.user, _call(request, slug))


def can_express_interest(request: HttpRequest, slug: str) -> bool:
    """A closed call is a conflict for whoever asks; an open one, for those who act for a party that may answer."""
    call = _call(request, slug)
    if not selectors.call_is_open(call):
        raise ApiError(409, "call_closed", _("This call is closed: it no longer takes answers."))
    return policies.can_express_interest(request.user, call)


def can_decide_interest(request: HttpRequest, pk: int) -> bool:
    return policies.can_decide_interest(request.user, _pending(request, pk))


def can_withdraw_interest(request: HttpRequest, pk: int) -> bool:
    return policies.can_withdraw_interest(request.user, _pending(request, pk))


@router.get("/calls", response={200: CallPage, **errors(400)}, summary="Calls of the board")
@public
def list_calls(request: HttpRequest, filters: Query[CallQuery]):
    """Open calls by default (``status=all`` adds closed ones), nearest deadline first."""
    calls = selectors.call_list(
        query=filters.q,
        kind=filters.kind,
        topic=filters.topic,
        field=filters.field,
        region=filters.region,
        open_only=filters.status == "open",
    )
    return page_of(calls, filters, _call_out)


@router.get("/calls/{slug}", response={200: CallOut, **errors(404)}, summary="One call")
@public
def get_call(request: HttpRequest, slug: str):
    return _call_out(_call(request, slug))


def _validated(call: Call | None, payload: CallIn, publisher=None) -> CallForm:
    """The page's form, fed with the call's current values and what the payload changes."""
    data, details = {}, []
    if call is not None:
        data = {name: getattr(call, name) for name in ("kind", "topic", "title", "description", "language")}
        data["deadline"] = call.deadline.isoformat()
        data["fields"] = [field.pk for field in call.fields.all()]
        data["sdg_goals"] = [goal.pk for goal in call.sdg_goals.all()]
    else:
        data = {"topic": "partners", "language": "en"}  # the model's defaults, which the form would not apply
    sent = payload.dict(exclude_unset=True)
    sent.pop("publisher", None)
    if "fields" in sent:
        known, unknown = keys_by_name(city_selectors.creative_fields(), "code", sent.pop("fields"))
        details += [
            {"field": "fields", "message": _("Unknown creative field: %(code)s.") % {"code": code}} for code in unknown
        ]
        data["fields"] = list(known.values())
    if "sdg_goals" in sent:
        known, unknown = keys_by_name(framework_selectors.sdg_goal_list(), "number", sent.pop("sdg_goals"))
        details += [{"field": "sdg_goals", "message": _("Unknown SDG: %(number)s.") % {"number": n}} for n in unknown]
        data["sdg_goals"] = list(known.values())
    data.update({name: value if value is not None else "" for name, value in sent.items()})
    if publisher is not None:
        data["publisher"] = party_key(publisher)
    form = CallForm(
        data,
        instance=selectors.call_get(slug=call.slug) if call else None,
        publishers=[publisher] if publisher is not None else None,
    )
    if not form.is_valid() or details:
        raise ApiError.from_form(form, "invalid_call", _("The call has invalid values."), details)
    return form


@router.post(
    "/calls",
    response={201: CallOut, **errors(400, 401, 403, 413)},
    auth=token_write,
    summary="Publish a call",
)
@allowed(can_publish_call, refusal=gettext_lazy("Only people acting for a city or an organisation publish calls."))
def create_call(request: HttpRequest, payload: CallIn):
    """For a city or organisation the token's holder acts for (``publisher``); it opens at once."""
    publisher = party_from_key(payload.publisher or "")
    if publisher is None:
        detail = [{"field": "publisher", "message": _("Name a city or an organisation: city:<slug>.")}]
        raise ApiError(400, "invalid_call", _("The call has invalid values."), detail)
    if not acts_for(request.user, publisher):
        raise ApiError(403, "forbidden", _("You do not act for this city or organisation."))
    form = _validated(None, payload, publisher)
    party, data, relations = form.split()
    call = saved(
        lambda: services.call_create(by=request.user, party=party, data=data, relations=relations),
        "invalid_call",
        _("The call has invalid values."),
    )
    return Status(201, _call_out(selectors.call_get(slug=call.slug)))


@router.patch(
    "/calls/{slug}",
    response={200: CallOut, **errors(400, 401, 403, 404, 413)},
    auth=token_write,
    summary="Edit a call",
)
@allowed(can_edit_call, refusal=gettext_lazy("Only the publisher's people edit an open call."))
def update_call(request: HttpRequest, slug: str, payload: CallIn):
    call = _call(request, slug)
    if payload.publisher is not None:
        detail = [{"field": "publisher", "message": _("The publisher of a call does not change.")}]
        raise ApiError(400, "invalid_call", _("The call has invalid values."), detail)
    _party, data, relations = _validated(call, payload).split()
    saved(
        lambda: services.call_update(call=call, by=request.user, data=data, relations=relations),
        "invalid_call",
        _("The call has invalid values."),
    )
    return _call_out(selectors.call_get(slug=slug))


@router.post(
    "/calls/{slug}/close",
    response={200: CallOut, **errors(401, 403, 404)},
    auth=token_write,
    summary="Close a call",
)
@allowed(can_close_call, refusal=gettext_lazy("Only the publisher's people close an open call."))
def close_call(request: HttpRequest, slug: str):
    services.call_close(call=_call(request, slug), by=request.user)
    return _call_out(selectors.call_get(slug=slug))


@router.get(
    "/calls/{slug}/interests",
    response={200: list[InterestOut], **errors(401, 404)},
    auth=token_read,
    summary="Answers to a call",
)
@allowed(token_holder)
def list_interests(request: HttpRequest, slug: str):
    """Every answer for the publisher's people and the Secretariat; for anyone else, only their own."""
    call = _call(request, slug)
    if policies.can_see_interests(request.user, call):
        interests = selectors.interest_list(call=call)
    else:
        interests = selectors.interest_list_of_parties(parties=party_list_for(request.user), call=call)
    return [_interest_out(interest) for interest in interests.select_related("call__project", "partner")]


@router.post(
    "/calls/{slug}/interests",
    response={201: InterestOut, **errors(400, 401, 403, 404, 409, 413)},
    auth=token_write,
    summary="Express interest in a call",
)
@allowed(
    can_express_interest,
    refusal=gettext_lazy("You act for no city or organisation that may still answer this call."),
)
def create_interest(request: HttpRequest, slug: str, payload: InterestIn):
    """For a city or organisation the holder acts for, other than the publisher; once per call."""
    call = _call(request, slug)
    parties = selectors.interest_party_choices(user=request.user, call=call)
    form = InterestForm({"party": payload.party, "message": payload.message}, parties=parties)
    if not form.is_valid():
        raise ApiError.from_form(form, "invalid_interest", _("The answer has invalid values."))
    interest = saved(
        lambda: services.interest_express(
            call=call, party=form.chosen_party, by=request.user, message=form.cleaned_data["message"]
        ),
        "invalid_interest",
        _("The answer has invalid values."),
    )
    return Status(201, _interest_out(selectors.interest_get(pk=interest.pk)))


def _decide(request: HttpRequest, pk: int, service, **kwargs) -> dict:
    interest = _pending(request, pk)
    saved(
        lambda: service(interest=interest, by=request.user, **kwargs),
        "invalid_interest",
        _("The answer has invalid values."),
    )
    return _interest_out(selectors.interest_get(pk=pk))


DECISION_RESPONSES = {200: InterestOut, **errors(400, 401, 403, 404, 409, 413)}
DECIDERS_ONLY = gettext_lazy("Only the publisher's people answer interests in their call.")


def _answer(payload: DecisionIn | None) -> str:
    return payload.answer if payload is not None else ""


@router.post("/interests/{pk}/accept", response=DECISION_RESPONSES, auth=token_write, summary="Accept an interest")
@allowed(can_decide_interest, refusal=DECIDERS_ONLY)
def accept_interest(request: HttpRequest, pk: int, payload: DecisionIn | None = None):
    """The party becomes a partner of the call's project, which the first acceptance creates. The body is optional."""
    return _decide(request, pk, services.interest_accept, answer=_answer(payload))


@router.post("/interests/{pk}/decline", response=DECISION_RESPONSES, auth=token_write, summary="Decline an interest")
@allowed(can_decide_interest, refusal=DECIDERS_ONLY)
def decline_interest(request: HttpRequest, pk: int, payload: DecisionIn | None = None):
    """The party is told, with the answer if one is given. The body is optional."""
    return _decide(request, pk, services.interest_decline, answer=_answer(payload))


@router.post("/interests/{pk}/withdraw", response=DECISION_RESPONSES, auth=token_write, summary="Withdraw an interest")
@allowed(can_withdraw_interest, refusal=gettext_lazy("Only the people of the interested party withdraw its answer."))
def withdraw_interest(request: HttpRequest, pk: int):
    """The interested party takes back its answer while it waits."""
    return _decide(request, pk, services.interest_withdraw)
