"""Reads of the board.

A call is open while its status is "open" and its deadline (the last day to answer)
has not passed. The daily command ``close_expired_calls`` writes the closed status,
but every read here already treats a call past its deadline as closed, so that
nobody answers it in the hours before the command runs.
"""

from datetime import date

from django.db.models import BooleanField, Case, Count, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from creative_cities.cities.models import City
from creative_cities.core.links import page_url, page_urls
from creative_cities.core.models import current_language
from creative_cities.core.text import fold
from creative_cities.projects.parties import party_key, party_kwargs, party_list_for

from .choices import CallKind, CallStatus, CallTopic, InterestStatus
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


def call_filter(
    calls: QuerySet[Call] | None = None,
    *,
    kind: str = "",
    topic: str = "",
    field: str = "",
    region: str = "",
    open_only: bool = True,
    query: str = "",
    include_demo: bool = True,
) -> QuerySet[Call]:
    """Calls (of ``calls``, all by default) matching the filters.

    The region is the publishing city's, or the organisation's country's; ``query`` matches the
    title, the description and the publisher's name, ignoring case and accents.
    """
    calls = Call.objects.all() if calls is None else calls
    if open_only:
        calls = calls.filter(open_q())
    if kind:
        calls = calls.filter(kind=kind)
    if topic:
        calls = calls.filter(topic=topic)
    if field:
        # A subquery rather than a join: a call with several fields is still one row.
        calls = calls.filter(pk__in=Call.fields.through.objects.filter(creativefield__code=field).values("call_id"))
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
    return calls


def call_list(**filters) -> QuerySet[Call]:
    """Calls matching ``call_filter``'s filters, with their publisher, project, fields, SDGs and answers counted."""
    # Open calls first, the nearest deadline first; then closed ones, the latest first.
    return call_filter(call_queryset(), **filters).order_by("-is_open", "deadline", "pk")


def call_rows(calls: QuerySet[Call]) -> QuerySet:
    """What a call's card on a list shows, as plain values, open calls first (see ``call_row_list``)."""
    language = current_language()
    answers = (
        Interest.objects.filter(call=OuterRef("pk"))
        .exclude(status=InterestStatus.WITHDRAWN)
        .order_by()
        .values("call")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        calls.annotate(
            is_open=Case(When(open_q(), then=Value(True)), default=Value(False), output_field=BooleanField()),
            interest_count=Coalesce(Subquery(answers), 0),
        )
        .order_by("-is_open", "deadline", "pk")
        .values(
            "pk",
            "slug",
            "title",
            "kind",
            "topic",
            "is_demo",
            "deadline",
            "is_open",
            "interest_count",
            "city__name",
            f"city__country__name_{language}",
            "city__country__name_en",
            "organisation__name",
            f"organisation__country__name_{language}",
            "organisation__country__name_en",
        )
    )


def call_row_list(rows) -> list[dict]:
    """Rows of ``call_rows`` with their address, labels, publisher and field names (one query for the fields).

    The sentences of a card (its deadline, its answers) are written here: a list of twenty
    calls would otherwise run a dozen template tags per call.
    """
    from creative_cities.cities.selectors import filter_choices

    rows = list(rows)
    day = today()
    language = current_language()
    kinds, topics = dict(CallKind.choices), dict(CallTopic.choices)
    order = {code: position for position, (code, _name) in enumerate(filter_choices()["fields"])}
    names = dict(filter_choices()["fields"])
    fields: dict[int, list[str]] = {}
    links = Call.fields.through.objects.filter(call_id__in=[row["pk"] for row in rows])
    for call_id, code in links.values_list("call_id", "creativefield__code"):
        fields.setdefault(call_id, []).append(code)
    call_url = page_urls("board:call_detail", "slug")
    out = []
    for row in rows:
        by = "city" if row["city__name"] else "organisation"
        out.append(
            {
                "url": call_url(row["slug"]),
                "title": row["title"],
                "kind": kinds.get(row["kind"], row["kind"]),
                "topic": topics.get(row["topic"], row["topic"]),
                "publisher": row[f"{by}__name"],
                "publisher_country": row[f"{by}__country__name_{language}"] or row[f"{by}__country__name_en"],
                "is_demo": row["is_demo"],
                "is_open": row["is_open"],
                "deadline": row["deadline"],
                "deadline_label": date_format(row["deadline"], "DATE_FORMAT"),
                "days_left": _days_left(row["deadline"], day),
                "interest_count": row["interest_count"],
                "answers": ngettext("%(counter)s answer", "%(counter)s answers", row["interest_count"])
                % {"counter": row["interest_count"]},
                "fields": [
                    names[code]
                    for code in sorted(fields.get(row["pk"], []), key=lambda code: order.get(code, len(order)))
                ],
            }
        )
    return out


def _days_left(deadline: date, day: date) -> str:
    left = (deadline - day).days
    if left == 0:
        return gettext("last day to answer")
    return ngettext("%(counter)s day left", "%(counter)s days left", left) % {"counter": left}


def call_get(*, slug: str) -> Call:
    return call_queryset().get(slug=slug)


def call_rows_for_city(*, city: City) -> list[dict]:
    """The open calls a city published, nearest deadline first, as its page lists them (title, url, kind, deadline)."""
    kinds = dict(CallKind.choices)
    rows = Call.objects.filter(open_q(), city=city).order_by("deadline", "pk")
    return [
        {"title": title, "url": page_url("board:call_detail", "slug", slug), "kind": kinds[kind], "deadline": deadline}
        for slug, title, kind, deadline in rows.values_list("slug", "title", "kind", "deadline")
    ]


def call_list_for_parties(*, parties: list) -> list[dict]:
    """Calls published by any of these cities and organisations, as rows of ``call_row_list``."""
    if not parties:
        return []
    return call_row_list(call_rows(Call.objects.filter(_parties_q(parties))))


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


def call_cards_open(*, limit: int = 3) -> list[dict]:
    """The open calls whose deadline comes first, as cards: title, need or offer, topic, publisher, deadline, SDGs.

    Three queries whatever ``limit``: the calls with their publisher, then their fields (for
    the cover) and SDGs. ``object`` is the call, for ``{% cover_url %}``.
    """
    calls = (
        Call.objects.filter(open_q())
        .select_related("city", "organisation")
        .prefetch_related("fields", "sdg_goals")
        .order_by("deadline", "pk")[:limit]
    )
    day = today()
    kinds, topics = dict(CallKind.choices), dict(CallTopic.choices)
    return [
        {
            "object": call,
            "url": call.get_absolute_url(),
            "title": call.title,
            "language": call.language,
            "kind": kinds.get(call.kind, call.kind),
            "topic": topics.get(call.topic, call.topic),
            "place": getattr(call.city or call.organisation, "name", ""),
            "deadline": call.deadline,
            "days_left": _days_left(call.deadline, day),
            "sdg_goals": list(call.sdg_goals.all()),
            "is_demo": call.is_demo,
        }
        for call in calls
    ]
