"""Writes to the member registry. Every change to cities goes through here."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from unidecode import unidecode

from creative_cities.audit.services import audit_record, snapshot
from creative_cities.core import versions
from creative_cities.core.mail import mail_people
from creative_cities.core.services import model_changes, model_update
from creative_cities.core.text import fold

from .choices import ChangeRequestKind, ChangeRequestStatus, CityStatus
from .models import City, CityChangeRequest, CityContact, CityFieldPeriod, CityImage, Country, CreativeField


def city_search_text(*, name: str, registry_name: str, country: Country) -> str:
    """The folded text the directory's search matches against."""
    parts = {name, registry_name, country.name_en, country.name_fr, country.name_es, country.iso2}
    return " ".join(sorted(fold(part) for part in parts if part))


def city_unique_slug(*, name: str, iso2: str, exclude_pk: int | None = None) -> str:
    base = slugify(unidecode(name)) or "city"
    taken = City.objects.exclude(pk=exclude_pk).filter(slug__startswith=base).values_list("slug", flat=True)
    taken = set(taken)
    for candidate in (base, f"{base}-{iso2.lower()}"):
        if candidate not in taken:
            return candidate
    counter = 2
    while f"{base}-{counter}" in taken:
        counter += 1
    return f"{base}-{counter}"


# What the audit trail records of a new city.
AUDITED_FIELDS = ["name", "country", "field", "designation_year", "status", "latitude", "longitude", "website"]


def registry_changed() -> None:
    """Make pages, exports and ETags show a change once it is committed."""
    versions.changed("registry")


@transaction.atomic
def city_create(
    *,
    name: str,
    country: Country,
    field: CreativeField,
    designation_year: int,
    latitude: float,
    longitude: float,
    registry_name: str | None = None,
    population: int | None = None,
    gazetteer_id: int | None = None,
    field_history: list[tuple[CreativeField, int, int | None]] | None = None,
) -> City:
    """Add a member city with its history of fields (by default: one field since designation)."""
    registry_name = registry_name or name
    city = City(
        name=name,
        slug=city_unique_slug(name=name, iso2=country.iso2),
        country=country,
        field=field,
        designation_year=designation_year,
        latitude=latitude,
        longitude=longitude,
        registry_name=registry_name,
        population=population,
        gazetteer_id=gazetteer_id,
        search_text=city_search_text(name=name, registry_name=registry_name, country=country),
    )
    city.full_clean()
    city.save()
    history = field_history or [(field, designation_year, None)]
    CityFieldPeriod.objects.bulk_create(
        CityFieldPeriod(city=city, field=f, start_year=start, end_year=end) for f, start, end in history
    )
    audit_record(action="city.create", obj=city, after=snapshot(city, AUDITED_FIELDS))
    registry_changed()
    return city


@transaction.atomic
def city_update(*, city: City, **changes) -> list[str]:
    """Apply attribute changes (not the field: see city_change_field); return the names changed."""
    if "field" in changes:
        raise ValueError("Use city_change_field to change a city's creative field.")
    changed = model_changes(instance=city, data=changes, fields=list(changes))
    if not changed:
        return []
    before = snapshot(city, changed)
    if {"name", "registry_name", "country"} & set(changed):
        named = {key: changes.get(key, getattr(city, key)) for key in ("name", "registry_name", "country")}
        changes = {**changes, "search_text": city_search_text(**named)}
    model_update(instance=city, data=changes, fields=[*changed, "search_text"])
    audit_record(action="city.update", obj=city, before=before, after=snapshot(city, changed))
    registry_changed()
    return changed


@transaction.atomic
def city_change_field(*, city: City, field: CreativeField, year: int) -> City:
    """Move a city to another creative field from ``year`` on, keeping the earlier period."""
    if city.field_id == field.pk:
        return city
    current = city.field_periods.filter(end_year__isnull=True).first()
    if current is not None:
        if year < current.start_year:
            raise ValueError("A field change cannot precede the current field's start.")
        current.end_year = year
        current.save(update_fields=["end_year"])
    CityFieldPeriod.objects.create(city=city, field=field, start_year=year)
    before = snapshot(city, ["field"])
    city.field = field
    city.save(update_fields=["field", "updated_at"])
    audit_record(action="city.change_field", obj=city, before=before, after={"field": field, "year": year})
    registry_changed()
    return city


@transaction.atomic
def city_mark_left(*, city: City, left_on: date) -> City:
    """Record that a city left the network; it stays in the registry as a former member."""
    city.status = CityStatus.LEFT
    city.left_on = left_on
    city.full_clean()
    city.save(update_fields=["status", "left_on", "updated_at"])
    city.field_periods.filter(end_year__isnull=True).update(end_year=left_on.year)
    audit_record(action="city.mark_left", obj=city, after={"status": city.status, "left_on": left_on})
    registry_changed()
    return city


@transaction.atomic
def country_refresh_search_text(*, country: Country) -> int:
    """Recompute the search text of a country's cities after its names changed."""
    cities = list(country.cities.all())
    for city in cities:
        city.search_text = city_search_text(name=city.name, registry_name=city.registry_name, country=country)
    City.objects.bulk_update(cities, ["search_text"])
    registry_changed()
    return len(cities)


@transaction.atomic
def city_update_profile(
    *, city: City, website: str, description_en: str, description_fr: str, description_es: str
) -> list[str]:
    """Change what a city's own team may change: its website and descriptions."""
    _schedule_search_index(city)
    return city_update(
        city=city,
        website=website,
        description_en=description_en,
        description_fr=description_fr,
        description_es=description_es,
    )


# Changes to the registry asked for by a city's team, decided by the Secretariat.

CHANGE_REQUEST_FIELDS = ["kind", "new_name", "new_field", "effective_year", "left_on", "reason", "status"]


def change_request_errors(*, city: City, kind: str, new_name, new_field, effective_year, left_on, reason) -> dict:
    """Everything wrong with a request, by form field, so that the form shows it all at once."""
    errors = {}
    if not reason.strip():
        errors["reason"] = _("Say why the city asks for this change.")
    if kind == ChangeRequestKind.RENAME:
        if not new_name.strip():
            errors["new_name"] = _("Give the new name.")
        elif new_name.strip() == city.name:
            errors["new_name"] = _("This is already the city's name.")
    elif kind == ChangeRequestKind.CHANGE_FIELD:
        current = city.field_periods.filter(end_year__isnull=True).first()
        if new_field is None:
            errors["new_field"] = _("Choose the new creative field.")
        elif new_field.pk == city.field_id:
            errors["new_field"] = _("The city is already in this creative field.")
        if effective_year is None:
            errors["effective_year"] = _("Give the year from which the change applies.")
        elif current is not None and effective_year < current.start_year:
            errors["effective_year"] = _("The change cannot precede the current field's start (%(year)s).") % {
                "year": current.start_year
            }
        elif effective_year > date.today().year + 1:
            errors["effective_year"] = _("The change can be at most a year ahead.")
    elif kind == ChangeRequestKind.LEAVE:
        if city.status != CityStatus.MEMBER:
            errors["kind"] = _("The city has already left the network.")
        if left_on is None:
            errors["left_on"] = _("Give the date the city leaves the network.")
        elif left_on.year < city.designation_year:
            errors["left_on"] = _("The city cannot leave before its designation.")
    else:
        errors["kind"] = _("Choose the change the city asks for.")
    if kind in ChangeRequestKind.values and city.change_requests.filter(kind=kind, status="pending").exists():
        errors["kind"] = _("A request of this kind is already waiting for the Secretariat.")
    return errors


@transaction.atomic
def change_request_submit(
    *,
    city: City,
    kind: str,
    reason: str,
    by,
    new_name: str = "",
    new_field: CreativeField | None = None,
    effective_year: int | None = None,
    left_on: date | None = None,
) -> CityChangeRequest:
    """Record a city's request and tell the Secretariat; checked as a whole before anything is written."""
    errors = change_request_errors(
        city=city,
        kind=kind,
        new_name=new_name,
        new_field=new_field,
        effective_year=effective_year,
        left_on=left_on,
        reason=reason,
    )
    if errors:
        raise ValidationError(errors)
    change = CityChangeRequest.objects.create(
        city=city,
        kind=kind,
        new_name=new_name.strip() if kind == ChangeRequestKind.RENAME else "",
        new_field=new_field if kind == ChangeRequestKind.CHANGE_FIELD else None,
        effective_year=effective_year if kind == ChangeRequestKind.CHANGE_FIELD else None,
        left_on=left_on if kind == ChangeRequestKind.LEAVE else None,
        reason=reason.strip(),
        requested_by=by,
    )
    audit_record(action="city.change_request.submit", obj=change, after=snapshot(change, CHANGE_REQUEST_FIELDS))
    from creative_cities.accounts.selectors import user_list_secretariat

    mail_people(
        people=user_list_secretariat(), template="cities/email/change_request_submitted", context={"change": change}
    )
    return change


def _schedule_search_index(city: City) -> None:
    """The search index follows a city's page once the change is committed.

    Not called by the registry import, which changes hundreds of cities at once: run
    ``rebuild_search_index --kind city`` after an import instead.
    """
    from creative_cities.search.services import schedule_index

    schedule_index("city", city.pk)


def _apply_change(change: CityChangeRequest) -> None:
    city = change.city
    _schedule_search_index(city)
    if change.kind == ChangeRequestKind.RENAME:
        city_update(city=city, name=change.new_name)
    elif change.kind == ChangeRequestKind.CHANGE_FIELD:
        city_change_field(city=city, field=change.new_field, year=change.effective_year)
    elif change.kind == ChangeRequestKind.LEAVE:
        city_mark_left(city=city, left_on=change.left_on)


@transaction.atomic
def change_request_decide(*, change: CityChangeRequest, approve: bool, by, note: str = "") -> CityChangeRequest:
    """Approve (and apply) or decline a pending request, then tell the person who asked."""
    change = CityChangeRequest.objects.select_for_update().select_related("city").get(pk=change.pk)
    if not change.is_pending:
        raise ValidationError(_("This request has already been decided."), code="decided")
    if not approve and not note.strip():
        raise ValidationError({"note": _("Say why the request is declined.")})
    before = snapshot(change, ["status"])
    if approve:
        try:
            _apply_change(change)
        except (ValidationError, ValueError) as conflict:
            # The registry changed since the request was made (e.g. another field change).
            raise ValidationError(_("The change can no longer be applied: %s") % conflict) from conflict
    change.status = ChangeRequestStatus.APPROVED if approve else ChangeRequestStatus.REJECTED
    change.decided_by, change.decided_at, change.decision_note = by, timezone.now(), note.strip()
    change.save()
    audit_record(
        action="city.change_request.decide",
        obj=change,
        before=before,
        after=snapshot(change, ["status", "decision_note"]),
    )
    if change.requested_by is not None:
        mail_people(
            people=[change.requested_by], template="cities/email/change_request_decided", context={"change": change}
        )
    return change


@transaction.atomic
def change_request_withdraw(*, change: CityChangeRequest) -> CityChangeRequest:
    change = CityChangeRequest.objects.select_for_update().get(pk=change.pk)
    if not change.is_pending:
        raise ValidationError(_("This request has already been decided."), code="decided")
    change.status = ChangeRequestStatus.WITHDRAWN
    change.save(update_fields=["status", "updated_at"])
    audit_record(action="city.change_request.withdraw", obj=change, after={"status": change.status})
    return change


CONTACT_FIELDS = ["full_name", "job_title", "email", "phone"]


@transaction.atomic
def city_contacts_update(*, city: City, contacts: dict[str, dict]) -> list[str]:
    """Set a city's contacts by role; a role with no name removes its contact. Returns the roles changed."""
    existing = {contact.role: contact for contact in city.contacts.all()}
    changed, before, after = [], {}, {}
    for role, values in contacts.items():
        values = {name: (values.get(name) or "").strip() for name in CONTACT_FIELDS}
        contact = existing.get(role)
        old = snapshot(contact, CONTACT_FIELDS) if contact else {}
        if not values["full_name"]:
            if contact is not None:
                contact.delete()
                changed.append(role)
                before[role], after[role] = old, {}
            continue
        if contact is None:
            contact = CityContact(city=city, role=role, **values)
            contact.full_clean()
            contact.save()
        elif not model_update(instance=contact, data=values, fields=CONTACT_FIELDS):
            continue
        changed.append(role)
        before[role], after[role] = old, values
    if changed:
        audit_record(action="city.contacts_update", obj=city, before=before, after=after)
    return changed


# Images of a city, added and removed by its team.
MAX_CITY_IMAGES = 12


@transaction.atomic
def city_image_add(*, city: City, upload, alt_en: str, by, alt_fr: str = "", alt_es: str = "", credit: str = ""):
    """Store an image already cleaned by core.uploads (re-encoded, no metadata) with its descriptions."""
    import io

    from PIL import Image

    if city.images.count() >= MAX_CITY_IMAGES:
        message = _("A city shows at most %(count)s images: remove one first.")
        raise ValidationError(message % {"count": MAX_CITY_IMAGES})
    upload.seek(0)
    with Image.open(io.BytesIO(upload.read())) as picture:
        width, height = picture.size
    upload.seek(0)
    position = (city.images.aggregate(last=models.Max("position"))["last"] or 0) + 1
    image = CityImage(
        city=city,
        width=width,
        height=height,
        alt_en=alt_en.strip(),
        alt_fr=alt_fr.strip(),
        alt_es=alt_es.strip(),
        credit=credit.strip(),
        position=position,
        added_by=by,
    )
    image.full_clean(exclude=["image"])
    image.image.save(upload.name, upload, save=False)
    try:
        image.save()
        audit_record(action="city.image_add", obj=city, after={"image": image.image.name, "alt_en": image.alt_en})
        registry_changed()
    except Exception:
        # Keep no file for a row that was not written.
        image.image.storage.delete(image.image.name)
        raise
    return image


@transaction.atomic
def city_image_remove(*, image: CityImage) -> None:
    city, name, storage = image.city, image.image.name, image.image.storage
    image.delete()
    audit_record(action="city.image_remove", obj=city, before={"image": name, "alt_en": image.alt_en})
    registry_changed()
    transaction.on_commit(lambda: storage.delete(name))
