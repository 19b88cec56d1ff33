"""What members of the network read and write about cities, with a personal token.

The same policy functions as the pages decide: a focal point's token edits their
own city and gets a 403 on another.
"""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from creative_cities.cities import policies, selectors, services
from creative_cities.cities.forms import ChangeRequestForm, CityProfileForm

from .access import allowed, fetched
from .auth import token_read, token_write
from .errors import ApiError, errors
from .schemas import Integer

router = Router(tags=["city teams"])


class ContactOut(Schema):
    role: str
    full_name: str
    job_title: str
    email: str
    phone: str


class ProfileIn(Schema):
    """Send only what changes; omitted fields keep their value."""

    model_config = ConfigDict(extra="forbid")

    website: str | None = None
    description_en: str | None = None
    description_fr: str | None = None
    description_es: str | None = None


class ProfileOut(Schema):
    slug: str
    website: str
    description_en: str
    description_fr: str
    description_es: str
    changed: list[str]


def can_see_city_contacts(request: HttpRequest) -> bool:
    return policies.can_see_city_contacts(request.user)


def can_edit_city_profile(request: HttpRequest, slug: str) -> bool:
    return policies.can_edit_city_profile(request.user, fetched(request, selectors.city_queryset(), slug=slug))


def can_request_city_change(request: HttpRequest, slug: str) -> bool:
    return policies.can_request_city_change(request.user, fetched(request, selectors.city_queryset(), slug=slug))


REFUSAL = gettext_lazy("You may not do this for this city.")


@router.get(
    "/cities/{slug}/contacts",
    response={200: list[ContactOut], **errors(401, 403, 404)},
    auth=token_read,
    summary="A city's contacts (members of the network only)",
)
@allowed(can_see_city_contacts, refusal=REFUSAL)
def list_city_contacts(request: HttpRequest, slug: str):
    city = fetched(request, selectors.city_queryset(), slug=slug)
    return [
        {"role": c.role, "full_name": c.full_name, "job_title": c.job_title, "email": c.email, "phone": c.phone}
        for c in selectors.city_contacts(city=city)
    ]


@router.patch(
    "/cities/{slug}/profile",
    response={200: ProfileOut, **errors(400, 401, 403, 404, 413)},
    auth=token_write,
    summary="Edit a city's profile (its focal point, team, or the Secretariat)",
)
@allowed(can_edit_city_profile, refusal=REFUSAL)
def update_city_profile(request: HttpRequest, slug: str, payload: ProfileIn):
    """Validated as a whole by the page's own form before anything is written."""
    city = fetched(request, selectors.city_queryset(), slug=slug)
    data = {name: getattr(city, name) for name in CityProfileForm.base_fields}
    data.update(payload.dict(exclude_unset=True))
    form = CityProfileForm(data)
    if not form.is_valid():
        raise ApiError.from_form(form, "invalid_profile", _("The profile has invalid values."))
    changed = services.city_update_profile(city=city, **form.cleaned_data)
    values = {name: getattr(city, name) for name in CityProfileForm.base_fields}
    return {"slug": city.slug, **values, "changed": changed}


class ChangeRequestIn(Schema):
    """As on the page: `kind` is rename, change_field or leave, with the values that kind needs."""

    model_config = ConfigDict(extra="forbid")

    kind: str
    reason: str
    new_name: str = ""
    new_field: str | None = Field(None, description="Creative field code, for change_field.")
    effective_year: Integer | None = None
    left_on: str | None = Field(None, description="YYYY-MM-DD, for leave.")


class ChangeRequestOut(Schema):
    id: int
    city: str
    kind: str
    status: str
    url: str


@router.post(
    "/cities/{slug}/change-requests",
    response={201: ChangeRequestOut, **errors(400, 401, 403, 404, 413)},
    auth=token_write,
    summary="Ask the Secretariat to change a city's name, creative field or status",
)
@allowed(can_request_city_change, refusal=REFUSAL)
def create_change_request(request: HttpRequest, slug: str, payload: ChangeRequestIn):
    city = fetched(request, selectors.city_queryset(), slug=slug)
    data = payload.dict()
    field = selectors.creative_fields().filter(code=data["new_field"]).first() if data["new_field"] else None
    if data["new_field"] and field is None:
        raise ApiError(
            400,
            "invalid_change_request",
            _("Unknown creative field."),
            [{"field": "new_field", "message": data["new_field"]}],
        )
    form = ChangeRequestForm({**data, "new_field": field.pk if field else ""}, city=city)
    if not form.is_valid():
        raise ApiError.from_form(form, "invalid_change_request", _("The request has invalid values."))
    change = services.change_request_submit(city=city, by=request.user, **form.cleaned_data)
    url = settings.SITE_URL.rstrip("/") + reverse("cities:change_request_detail", kwargs={"pk": change.pk})
    return Status(201, {"id": change.pk, "city": city.slug, "kind": change.kind, "status": change.status, "url": url})
