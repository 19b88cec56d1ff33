"""Reads of the board.

A call is open while its status is "open" and its deadline (the last day to answer)
has not passed. The daily command ``close_expired_calls`` writes the closed status,
but every read here already treats a call past its deadline as closed, so that
nobody answers it in the hours before the command runs.
"""

from datetime import date

from django.db.models import BooleanField, Case, Count, Q, QuerySet, Value, When
from django.utils import timezone

from creative_cities.cities.models import City
from creative_cities.core.text import fold
from creative_cities.projects.parties import party_key, party_kwargs, party_list_for

from .choices import CallStatus, InterestStatus
from .models import Call, Interest


def today() -> date:
    return timezone.localdate()


def open_q(*, on: date | None = None) -> Q:
    """The calls open on a day (today by default): open status and a deadline not passed."""
    return Q(status=CallStatus.OPEN, deadline__gte=on or today())


def call_is_open(call: Call, *, on: date | None = None) -> bool:
    return call.status == CallStatus.OPEN and call.deadline >= (on or today())


def call_status(call: Call, *, on: date | None = None) -> str:
    """The status as people see it: an open call past its deadline reads "closed"."""
    return CallStatus.OPEN if call_is_open(call, on=on) else CallStatus.CLOSED


def call_queryset() -> QuerySet[Call]:
    """Calls with their publisher, answer count, openness, fields and goals."""
    live = ~Q(interests__status=InterestStatus.WITHDRAWN)
    return (
        Call.objects.select_related("city__country__region", "city__field", "organisation__country__region", "project")
        .annotate(
            interest_count=Count("interests", filter=live, distinct=True),
            is_open=Case(When(open_q(), then=Value(True)), default=Value(False), output_field=BooleanField()),
        )
        .prefetch_related("fields", "sdg_goals")
    )


def call_list(
    *,
    kind: str = "",
    topic: str = "",
    field: str = "",
    region: str = "",
    open_only: bool = True,
    query: str = "",
    include_demo: bool = True,
) -> QuerySet[Call]:
    """Calls, filtered; the region is the publishing city's, or the organisation's country's.

    ``query`` matches the title, the description and the publisher's name, ignoring case and accents.
    """
    calls = call_queryset()
    if open_only:
        calls = calls.filter(open_q())
    if kind:
        calls = calls.filter(kind=kind)
    if topic:
        calls = calls.filter(topic=topic)
    if field:
        calls = calls.filter(fields__code=field)
    if region:
        calls = calls.filter(Q(city__country__region__code=region) | Q(organisation__country__region__code=region))
    if not include_demo:
        calls = calls.filter(is_demo=False)
    if query:
        # Calls number in the thousands at most: folding in Python matches "Medellin" to "Medellín".
        wanted = fold(query)
        rows = Call.objects.filter(pk__in=calls.values("pk")).values_list(
            "pk", "title", "description", "city__name", "organisation__name"
        )
        ids = [pk for pk, *texts in rows if wanted in fold(" ".join(text or "" for text in texts))]
        calls = calls.filter(pk__in=ids)
    # Open calls first, the nearest deadline first; then closed ones, the latest first.
    return calls.distinct().order_by("-is_open", "deadline", "pk")


def call_get(*, slug: str) -> Call:
    return call_queryset().get(slug=slug)


def call_list_for_city(*, city: City) -> QuerySet[Call]:
    """The open calls a city published, for its page: only what the list there shows, in one query."""
    return (
        Call.objects.filter(open_q(), city=city)
        .only("slug", "title", "kind", "deadline", "city_id", "organisation_id")
        .order_by("deadline", "pk")
    )


def call_list_for_parties(*, parties: list) -> QuerySet[Call]:
    """Calls published by any of these cities and organisations."""
    if not parties:
        return Call.objects.none()
    return call_queryset().filter(_parties_q(parties)).order_by("-is_open", "deadline", "pk")


def _parties_q(parties: list, prefix: str = "") -> Q:
    wanted = Q(pk__in=[])
    for party in parties:
        kwargs = {f"{prefix}{name}": value for name, value in party_kwargs(party).items() if value is not None}
        wanted |= Q(**kwargs)
    return wanted


def interest_list(*, call: Call) -> QuerySet[Interest]:
    """Every expression of interest in a call, oldest first (for its owner and the Secretariat)."""
    return call.interests.select_related(
        "city__country", "organisation__country", "created_by", "decided_by", "partner"
    ).order_by("created_at", "pk")


def interest_list_of_parties(*, parties: list, call: Call | None = None) -> QuerySet[Interest]:
    """The interests these cities and organisations expressed (in one call, if given)."""
    if not parties:
        return Interest.objects.none()
    interests = Interest.objects.filter(_parties_q(parties)).select_related(
        "call__city", "call__organisation", "city", "organisation", "decided_by"
    )
    if call is not None:
        interests = interests.filter(call=call)
    return interests.order_by("-created_at", "pk")


def interest_queryset() -> QuerySet[Interest]:
    """Interests with their call and parties, to pick one from (``get_object_or_404``)."""
    return Interest.objects.select_related("call__city", "call__organisation", "call__project", "city", "organisation")


def interest_get(*, pk: int) -> Interest:
    return interest_queryset().get(pk=pk)


def interest_party_choices(*, user, call: Call) -> list:
    """The cities and organisations a person may answer this call for.

    Those they act for themselves (the Secretariat answers for nobody), other than
    the publisher, that have not answered it yet. Empty when the call is not open.
    """
    if not user.is_authenticated or not call_is_open(call):
        return []
    answered = {party_key(interest.party) for interest in call.interests.select_related("city", "organisation")}
    return [party for party in party_list_for(user) if party != call.party and party_key(party) not in answered]


def call_has_interest_from(*, call: Call, party) -> bool:
    kwargs = {name: value for name, value in party_kwargs(party).items() if value is not None}
    return Interest.objects.filter(call=call, **kwargs).exists()
