"""Pages of the board: the list of calls, one call with its answers, its form, and "mine"."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from creative_cities.accounts.selectors import user_is_secretariat
from creative_cities.cities.choices import CityStatus
from creative_cities.cities.models import City
from creative_cities.core.markdown import render_markdown
from creative_cities.core.policies import public, signed_in
from creative_cities.core.response_cache import cached_response
from creative_cities.core.shortcuts import get_object_or_404_once
from creative_cities.organisations.models import Organisation
from creative_cities.projects.parties import party_list_for

from . import policies, selectors, services
from .forms import CallFilterForm, CallForm, DecisionForm, InterestForm
from .models import Call
from .presentation import project_url

PAGE_SIZE = 20


def _may_publish(request, **_kwargs) -> bool:
    return policies.can_publish_call(request.user)


def _may_edit(request, slug: str, **_kwargs) -> bool:
    call = get_object_or_404_once(request, selectors.call_queryset(), slug=slug)
    return policies.can_edit_call(request.user, call)


def _may_close(request, slug: str, **_kwargs) -> bool:
    call = get_object_or_404_once(request, selectors.call_queryset(), slug=slug)
    return policies.can_close_call(request.user, call)


def _may_express(request, slug: str, **_kwargs) -> bool:
    call = get_object_or_404_once(request, selectors.call_queryset(), slug=slug)
    return policies.can_express_interest(request.user, call)


def _may_decide(request, pk: int, **_kwargs) -> bool:
    interest = get_object_or_404_once(request, selectors.interest_queryset(), pk=pk)
    return policies.can_decide_interest(request.user, interest)


def _may_withdraw(request, pk: int, **_kwargs) -> bool:
    interest = get_object_or_404_once(request, selectors.interest_queryset(), pk=pk)
    return policies.can_withdraw_interest(request.user, interest)


def _form_errors(form, error: ValidationError) -> None:
    """A service's refusal shown on the form, on its field when it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def publisher_choices(user) -> list:
    """Whom a person may publish for: their own cities and organisations (the Secretariat: any)."""
    if user_is_secretariat(user):
        cities = list(City.objects.filter(status=CityStatus.MEMBER).order_by("name"))
        return [*cities, *Organisation.objects.order_by("name")]
    return party_list_for(user)


@public
@cached_response("board", "registry", "organisations")
def call_list(request):
    form = CallFilterForm(request.GET or None)
    calls = selectors.call_rows(selectors.call_filter(**form.filters()))
    page = Paginator(calls, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "board/call_list.html",
        {
            "form": form,
            "page": page,
            "calls": selectors.call_row_list(page.object_list),
            "today": selectors.today(),
            "may_publish": policies.can_publish_call(request.user),
        },
    )


def _detail(request, call: Call, *, interest_form=None, status: int = 200):
    user = request.user
    parties = selectors.interest_party_choices(user=user, call=call)
    may_see_interests = policies.can_see_interests(user, call)
    interests = list(selectors.interest_list(call=call)) if may_see_interests else []
    own = [] if may_see_interests else list(selectors.interest_list_of_parties(parties=party_list_for(user), call=call))
    return render(
        request,
        "board/call_detail.html",
        {
            "call": call,
            "is_open": selectors.call_is_open(call),
            "today": selectors.today(),
            "description_html": render_markdown(call.description),
            "project_url": project_url(call.project),
            "interest_form": interest_form or (InterestForm(parties=parties) if parties else None),
            "may_see_interests": may_see_interests,
            "interests": [
                (
                    interest,
                    policies.can_decide_interest(user, interest),
                    policies.can_withdraw_interest(user, interest),
                )
                for interest in interests
            ],
            "own_interests": [(interest, policies.can_withdraw_interest(user, interest)) for interest in own],
            "may_edit": policies.can_edit_call(user, call),
            "may_close": policies.can_close_call(user, call),
        },
        status=status,
    )


@public
@cached_response("board", "registry", "organisations", "projects", "frameworks")
def call_detail(request, slug: str):
    return _detail(request, get_object_or_404_once(request, selectors.call_queryset(), slug=slug))


@signed_in(_may_publish)
def call_create(request):
    publishers = publisher_choices(request.user)
    initial = {"language": request.LANGUAGE_CODE, "kind": "need", "topic": "partners"}
    if len(publishers) == 1:
        initial["publisher"] = CallForm(publishers=publishers).fields["publisher"].choices[1][0]
    form = CallForm(request.POST or None, publishers=publishers, initial=initial)
    if request.method == "POST" and form.is_valid():
        party, data, relations = form.split()
        try:
            call = services.call_create(by=request.user, party=party, data=data, relations=relations)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The call is published on the board."))
            return redirect(call)
    return render(request, "board/call_form.html", {"form": form, "call": None})


@signed_in(_may_edit)
def call_edit(request, slug: str):
    call = get_object_or_404_once(request, selectors.call_queryset(), slug=slug)
    # The form gets its own copy: validating a model form writes into its instance, and
    # the service must see the values before the change (audit, deadline).
    form = CallForm(request.POST or None, instance=get_object_or_404(selectors.call_queryset(), slug=slug))
    if request.method == "POST" and form.is_valid():
        _party, data, relations = form.split()
        try:
            services.call_update(call=call, by=request.user, data=data, relations=relations)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(call)
    return render(request, "board/call_form.html", {"form": form, "call": call})


@require_POST
@signed_in(_may_close)
def call_close(request, slug: str):
    call = get_object_or_404_once(request, selectors.call_queryset(), slug=slug)
    services.call_close(call=call, by=request.user)
    messages.success(request, _("The call is closed: nobody can answer it any more."))
    return redirect(call)


@require_POST
@signed_in(_may_express)
def interest_create(request, slug: str):
    call = get_object_or_404_once(request, selectors.call_queryset(), slug=slug)
    form = InterestForm(request.POST, parties=selectors.interest_party_choices(user=request.user, call=call))
    if form.is_valid():
        try:
            services.interest_express(
                call=call, party=form.chosen_party, by=request.user, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your interest is sent. The publisher's team will answer here."))
            return redirect(call)
    return _detail(request, call, interest_form=form, status=400)


def _decide(request, pk: int, service, done: str):
    interest = get_object_or_404_once(request, selectors.interest_queryset(), pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(m) for ms in form.errors.values() for m in ms))
    else:
        try:
            service(interest=interest, by=request.user, answer=form.cleaned_data["answer"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done % {"party": interest.party})
    return redirect(interest.call)


@require_POST
@signed_in(_may_decide)
def interest_accept(request, pk: int):
    return _decide(request, pk, services.interest_accept, _("%(party)s is now a partner of the project."))


@require_POST
@signed_in(_may_decide)
def interest_decline(request, pk: int):
    return _decide(request, pk, services.interest_decline, _("The interest of %(party)s is declined."))


@require_POST
@signed_in(_may_withdraw)
def interest_withdraw(request, pk: int):
    interest = get_object_or_404_once(request, selectors.interest_queryset(), pk=pk)
    services.interest_withdraw(interest=interest, by=request.user)
    messages.success(request, _("Your interest is withdrawn."))
    return redirect(interest.call)


@signed_in()
def mine(request):
    """The calls of the person's cities and organisations, and the answers they sent."""
    parties = party_list_for(request.user)
    return render(
        request,
        "board/mine.html",
        {
            "parties": parties,
            "calls": selectors.call_list_for_parties(parties=parties),
            "interests": selectors.interest_list_of_parties(parties=parties),
            "today": selectors.today(),
            "may_publish": policies.can_publish_call(request.user),
        },
    )
