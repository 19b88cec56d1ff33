"""Writes to the knowledge base: items, their workflow, translations, attachments.

Every write is atomic, audited, and schedules the search index to follow once it
is committed.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from creative_cities.audit.services import audit_record, snapshot
from creative_cities.core.links import page_url
from creative_cities.core.mail import mail_people
from creative_cities.core.services import fields_in, model_update
from creative_cities.core.text import unique_slug
from creative_cities.notifications.services import notify

from .choices import ItemStatus
from .models import ItemAttachment, ItemFigure, ItemLink, ItemPartner, ItemTranslation, ItemVersion, KnowledgeItem

SEARCH_KIND = "knowledge"
# Plain attributes an item form sets; relations are handled one by one below.
ITEM_FIELDS = [
    "kind", "title", "summary", "body", "language", "start_year", "end_year", "results", "budget",
    "currency", "funding", "looking_for_partners", "adapted_from", "keywords",
]  # fmt: skip
ITEM_RELATIONS = ["cities", "fields", "objectives", "areas", "sdg_goals", "sdg_targets"]
AUDITED = ["kind", "status", "title", "language", "owner_city"]


def _schedule_index(item: KnowledgeItem) -> None:
    from creative_cities.search.services import schedule_index

    schedule_index(SEARCH_KIND, item.pk)


def item_unique_slug(title: str, exclude_pk: int | None = None) -> str:
    return unique_slug(title, queryset=KnowledgeItem.objects.exclude(pk=exclude_pk), fallback="item")


def _set_rows(item, *, partners=None, figures=None, links=None) -> None:
    """Replace the item's partners, figures and links when given (lists of dicts)."""
    for model, rows in ((ItemPartner, partners), (ItemFigure, figures), (ItemLink, links)):
        if rows is None:
            continue
        model.objects.filter(item=item).delete()
        objects = [model(item=item, **row) for row in rows]
        for obj in objects:
            obj.full_clean(exclude=["item"])
        model.objects.bulk_create(objects)


def _set_relations(item, relations: dict) -> None:
    for name in ITEM_RELATIONS:
        if name in relations and relations[name] is not None:
            getattr(item, name).set(relations[name])
    if item.owner_city_id and not item.cities.filter(pk=item.owner_city_id).exists():
        item.cities.add(item.owner_city_id)  # the city writing it is always among its cities


@transaction.atomic
def item_create(*, by, owner_city, data: dict, relations: dict, partners=None, figures=None, links=None):
    """A new draft, written for ``owner_city`` (None: the Secretariat's own)."""
    item = KnowledgeItem(owner_city=owner_city, created_by=by, status=ItemStatus.DRAFT, **fields_in(data, ITEM_FIELDS))
    item.slug = item_unique_slug(item.title)
    item.full_clean()
    item.save()
    _set_relations(item, relations)
    _set_rows(item, partners=partners, figures=figures, links=links)
    audit_record(action="knowledge.create", obj=item, after=snapshot(item, AUDITED))
    return item


@transaction.atomic
def item_update(*, item: KnowledgeItem, by, data: dict, relations: dict, partners=None, figures=None, links=None):
    """Save changes; a published item keeps what it showed before as a version."""
    # Work on the row as it is now: the caller's copy may predate a review step.
    item = KnowledgeItem.objects.select_for_update().get(pk=item.pk)
    before = snapshot(item, [name for name in ITEM_FIELDS if name in data])
    model_update(instance=item, data=data, fields=ITEM_FIELDS, touch=True)
    _set_relations(item, relations)
    _set_rows(item, partners=partners, figures=figures, links=links)
    changed = {k: v for k, v in snapshot(item, list(before)).items() if before.get(k) != v}
    audit_record(action="knowledge.update", obj=item, before={k: before[k] for k in changed}, after=changed)
    if item.status == ItemStatus.PUBLISHED:
        _record_version(item, by)
        _schedule_index(item)
    return item


def _record_version(item: KnowledgeItem, by) -> ItemVersion:
    last = item.versions.order_by("-number").values_list("number", flat=True).first() or 0
    data = {
        **snapshot(item, ITEM_FIELDS),
        **{name: [str(obj) for obj in getattr(item, name).all()] for name in ITEM_RELATIONS},
        "translations": {t.language: {"title": t.title, "summary": t.summary} for t in item.translations.all()},
    }
    return ItemVersion.objects.create(item=item, number=last + 1, created_by=by, data=data)


def _people_for(item: KnowledgeItem):
    """Who hears about an item's review: its author, else its city's focal point."""
    if item.created_by is not None:
        return [item.created_by]
    from creative_cities.accounts.selectors import city_current_focal_point

    role = city_current_focal_point(city=item.owner_city) if item.owner_city else None
    return [role.user] if role else []


def _tell(people, template: str, item: KnowledgeItem) -> None:
    """E-mail people about an item, in their language."""
    mail_people(people=people, template=template, context={"item": item})


def _reviewers_of(item: KnowledgeItem):
    from creative_cities.accounts.choices import FIELD_ROLES
    from creative_cities.accounts.models import User
    from creative_cities.accounts.selectors import role_list_current_for_field, user_list_secretariat

    coordinators = role_list_current_for_field(fields=item.fields.all(), kinds=FIELD_ROLES)
    people = User.objects.filter(pk__in=[role.user_id for role in coordinators])
    return list(people) or list(user_list_secretariat())


def _notify(people, *, kind: str, item: KnowledgeItem, context: dict, url: str, mail_template: str) -> None:
    """Tell people of a step of the review in the platform, and by e-mail with the item's details, as each chose.

    Demo content tells nobody: its reviewers and authors are real people.
    """
    if item.is_demo:
        return
    notify(
        people=people,
        kind=kind,
        context={"title": item.title, **context},
        url=url,
        mail_template=mail_template,
        mail_context={"item": item},
    )


def _move(item: KnowledgeItem, *, to: str, allowed_from: tuple, action: str, extra: dict | None = None):
    item = KnowledgeItem.objects.select_for_update().get(pk=item.pk)
    if item.status not in allowed_from:
        raise ValidationError(
            _("This item cannot go from “%(status)s” to this step.") % {"status": item.get_status_display()}
        )
    before = snapshot(item, ["status"])
    changes = {"status": to, **(extra or {})}
    model_update(instance=item, data=changes, fields=list(changes), clean=None)
    audit_record(action=action, obj=item, before=before, after=snapshot(item, ["status", *list(extra or {})]))
    return item


@transaction.atomic
def item_submit(*, item: KnowledgeItem, by) -> KnowledgeItem:
    """The team sends its draft for review; its fields' coordinators and deputies (else the Secretariat) are told."""
    item = _move(
        item,
        to=ItemStatus.SUBMITTED,
        allowed_from=(ItemStatus.DRAFT, ItemStatus.RETURNED, ItemStatus.UNPUBLISHED),
        action="knowledge.submit",
        extra={"submitted_at": timezone.now()},
    )
    _notify(
        _reviewers_of(item),
        kind="knowledge_review_requested",
        item=item,
        context={"person": by or item.owner_city or ""},
        url=page_url("knowledge:item_review", "slug", item.slug),
        mail_template="knowledge/email/item_submitted",
    )
    return item


@transaction.atomic
def item_publish(*, item: KnowledgeItem, by) -> KnowledgeItem:
    item = _move(
        item,
        to=ItemStatus.PUBLISHED,
        allowed_from=(ItemStatus.SUBMITTED, ItemStatus.UNPUBLISHED, ItemStatus.RETURNED, ItemStatus.DRAFT),
        action="knowledge.publish",
        extra={"published_at": item.published_at or timezone.now(), "review_comment": ""},
    )
    _record_version(item, by)
    _tell(_people_for(item), "knowledge/email/item_published", item)
    _schedule_index(item)
    return item


@transaction.atomic
def item_return(*, item: KnowledgeItem, by, comment: str) -> KnowledgeItem:
    """A reviewer sends the item back to its team with comments; its author (else its city's focal point) is told."""
    if not comment.strip():
        raise ValidationError({"comment": _("Say what the authors should change.")})
    item = _move(
        item,
        to=ItemStatus.RETURNED,
        allowed_from=(ItemStatus.SUBMITTED,),
        action="knowledge.return",
        extra={"review_comment": comment.strip()},
    )
    _notify(
        _people_for(item),
        kind="knowledge_item_returned",
        item=item,
        context={},
        url=item.get_absolute_url(),
        mail_template="knowledge/email/item_returned",
    )
    return item


@transaction.atomic
def item_unpublish(*, item: KnowledgeItem, by, reason: str = "") -> KnowledgeItem:
    item = _move(
        item,
        to=ItemStatus.UNPUBLISHED,
        allowed_from=(ItemStatus.PUBLISHED,),
        action="knowledge.unpublish",
        extra={"review_comment": reason.strip()},
    )
    _tell(_people_for(item), "knowledge/email/item_unpublished", item)
    _schedule_index(item)
    return item


@transaction.atomic
def item_translation_save(*, item: KnowledgeItem, by, language: str, title: str, summary: str, body="", results=""):
    if language == item.language:
        raise ValidationError({"language": _("The item is written in this language already.")})
    translation = ItemTranslation.objects.filter(item=item, language=language).first() or ItemTranslation(
        item=item, language=language
    )
    translation.title, translation.summary, translation.body, translation.results = title, summary, body, results
    translation.full_clean()
    translation.save()
    audit_record(action="knowledge.translation_save", obj=item, after={"language": language, "title": title})
    if item.status == ItemStatus.PUBLISHED:
        _record_version(item, by)
        _schedule_index(item)
    return translation


@transaction.atomic
def item_translation_delete(*, translation: ItemTranslation) -> None:
    item = translation.item
    translation.delete()
    audit_record(action="knowledge.translation_delete", obj=item, before={"language": translation.language})
    if item.status == ItemStatus.PUBLISHED:
        _schedule_index(item)


@transaction.atomic
def item_attachment_add(*, item: KnowledgeItem, upload, title: str, is_image: bool) -> ItemAttachment:
    attachment = ItemAttachment(item=item, title=title.strip(), is_image=is_image, size=upload.size)
    attachment.full_clean(exclude=["file"])
    attachment.file.save(upload.name, upload, save=False)
    try:
        attachment.save()
        audit_record(action="knowledge.attachment_add", obj=item, after={"file": attachment.file.name, "title": title})
    except Exception:
        attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment


@transaction.atomic
def item_attachment_remove(*, attachment: ItemAttachment) -> None:
    item, name, storage = attachment.item, attachment.file.name, attachment.file.storage
    attachment.delete()
    audit_record(action="knowledge.attachment_remove", obj=item, before={"file": name})
    transaction.on_commit(lambda: storage.delete(name))


def item_contact_partners(*, item: KnowledgeItem, sender, message: str) -> int:
    """Send a message to the focal point of a city looking for partners, without showing its address."""
    from creative_cities.accounts.selectors import city_current_focal_point

    message = message.strip()
    if len(message) < 20:
        raise ValidationError({"message": _("Write a few sentences: who you are and what you propose.")})
    role = city_current_focal_point(city=item.owner_city)
    if role is None:
        raise ValidationError(_("This city has no focal point at the moment; please try again later."))
    with transaction.atomic():
        audit_record(
            action="knowledge.contact_partners", obj=item, after={"to": str(role.user), "length": len(message)}
        )
        return mail_people(
            people=[role.user],
            template="knowledge/email/partner_contact",
            context={"item": item, "sender": sender, "message": message},
        )
