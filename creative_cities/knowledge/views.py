"""Pages of the knowledge base: items, their form and review; city, field and transfer pages.

The search page is in search_views.py.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from creative_cities.cities import selectors as city_selectors
from creative_cities.core.forms import FileUploadForm
from creative_cities.core.markdown import render_markdown
from creative_cities.core.policies import public, signed_in
from creative_cities.core.response_cache import cached_response
from creative_cities.core.shortcuts import get_object_or_404_once

from . import policies, selectors, services
from .choices import ItemStatus
from .forms import ContactForm, ItemForm, ReviewForm, TranslationForm, item_initial
from .models import KnowledgeItem
from .presentation import item_progress


def _visible_item(request, slug: str) -> KnowledgeItem:
    """The page's item, if this person may see it; for anyone else it does not exist."""
    item = get_object_or_404_once(request, selectors.item_queryset(), slug=slug)
    if not policies.can_see_item(request.user, item):
        raise Http404
    return item


def _may_create(request, **_kwargs) -> bool:
    return policies.can_create_item(request.user)


def _may_edit(request, slug: str, **_kwargs) -> bool:
    return policies.can_edit_item(request.user, _visible_item(request, slug))


def _may_review_any(request, **_kwargs) -> bool:
    return policies.can_review_any(request.user)


def _may_review(request, slug: str, **_kwargs) -> bool:
    return policies.can_review_item(request.user, _visible_item(request, slug))


def _text(item: KnowledgeItem, shown) -> dict:
    """What knowledge/partials/item_text.html needs: the item's text, or its translation ``shown``, as safe HTML."""
    return {
        "item": item,
        "shown": shown,
        "body_html": render_markdown(shown.body if shown else item.body),
        "results_html": render_markdown(shown.results if shown else item.results),
    }


@public
@cached_response("knowledge", "registry", "frameworks", "search")
def item_detail(request, slug: str):
    item = _visible_item(request, slug)
    may_edit, may_review = policies.can_edit_item(request.user, item), policies.can_review_item(request.user, item)
    return render(
        request,
        "knowledge/item_detail.html",
        {
            **_text(item, item.translation()),
            # Where the item is in its review, for those who take it there.
            "progress": item_progress(item.status) if may_edit or may_review else None,
            "similar": _similar(item),
            "may_edit": may_edit,
            "may_review": may_review,
            "may_contact": policies.can_contact_partners(request.user, item),
            "contact_form": ContactForm(),
        },
    )


def _similar(item: KnowledgeItem) -> list:
    if not item.is_published:
        return []
    from creative_cities.search.selectors import similar

    return similar("knowledge", item.pk, limit=5)


def _save_item(request, form, *, item=None, owner_city=None):
    attributes, relations, rows = form.split()
    if item is None:
        return services.item_create(
            by=request.user, owner_city=owner_city, data=attributes, relations=relations, **rows
        )
    return services.item_update(item=item, by=request.user, data=attributes, relations=relations, **rows)


@signed_in(_may_create)
def item_create(request):
    """A new item, written for one of the person's cities (the Secretariat: for any, or none)."""
    from creative_cities.accounts.selectors import user_is_secretariat

    cities = policies.cities_user_writes_for(request.user)
    owner_choices = (
        cities if not user_is_secretariat(request.user) else list(city_selectors.city_list().order_by("name"))
    )
    owner_slug = request.POST.get("owner_city") or request.GET.get("city") or (cities[0].slug if cities else "")
    owner = next((city for city in owner_choices if city.slug == owner_slug), None)
    initial = {"kind": request.GET.get("kind") or "practice", "language": request.LANGUAGE_CODE}
    if owner:
        initial.update({"cities": [owner], "fields": [owner.field]})
    form = ItemForm(request.POST or None, choices=selectors.item_form_choices(), initial=initial)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_markdown(form.cleaned_data["body"])
        elif owner is None and not user_is_secretariat(request.user):
            form.add_error(None, _("Choose the city you write for."))
        else:
            item = _save_item(request, form, owner_city=owner)
            messages.success(request, _("The draft is saved. Send it for review when it is ready."))
            return redirect(item.get_absolute_url())
    return render(
        request,
        "knowledge/item_form.html",
        {
            "form": form,
            "preview": preview,
            "owner_choices": owner_choices,
            "owner": owner,
            "item": None,
            "progress": item_progress(ItemStatus.DRAFT),
        },
    )


@signed_in(_may_edit)
def item_edit(request, slug: str):
    item = get_object_or_404_once(request, selectors.item_queryset(), slug=slug)
    form = ItemForm(
        request.POST or None, choices=selectors.item_form_choices(), exclude_item=item, initial=item_initial(item)
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_markdown(form.cleaned_data["body"])
        else:
            try:
                _save_item(request, form, item=item)
            except ValidationError as invalid:
                form.add_error(None, invalid)
            else:
                messages.success(request, _("The changes are saved."))
                return redirect(item.get_absolute_url())
    context = {"form": form, "preview": preview, "item": item, "progress": item_progress(item.status)}
    return render(request, "knowledge/item_form.html", context)


@require_POST
@signed_in(_may_edit)
def item_submit(request, slug: str):
    item = get_object_or_404_once(request, selectors.item_queryset(), slug=slug)
    try:
        services.item_submit(item=item, by=request.user)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("The item is sent for review; you will be told of the decision by e-mail."))
    return redirect(item.get_absolute_url())


@signed_in(_may_review)
def item_review(request, slug: str):
    """Publish, or return with comments; the authors are told either way."""
    item = get_object_or_404_once(request, selectors.item_queryset(), slug=slug)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "publish":
                services.item_publish(item=item, by=request.user)
                messages.success(request, _("The item is published."))
            else:
                services.item_return(item=item, by=request.user, comment=form.cleaned_data["comment"])
                messages.success(request, _("The item is returned to its authors."))
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            return redirect(item.get_absolute_url())
    # The reviewer reads what the authors wrote, in its language, and each translation beside it.
    translations = [
        {"translation": t, "body_html": render_markdown(t.body), "results_html": render_markdown(t.results)}
        for t in item.translations.all()
    ]
    return render(
        request,
        "knowledge/item_review.html",
        {**_text(item, None), "progress": item_progress(item.status), "translations": translations, "form": form},
    )


@require_POST
@signed_in(_may_edit)
def item_unpublish(request, slug: str):
    item = get_object_or_404_once(request, selectors.item_queryset(), slug=slug)
    try:
        services.item_unpublish(item=item, by=request.user, reason=request.POST.get("reason", ""))
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("The item is no longer public."))
    return redirect(item.get_absolute_url())


@signed_in(_may_review_any)
def review_queue(request):
    return render(request, "knowledge/review_queue.html", {"items": selectors.item_list_to_review(user=request.user)})


@signed_in(_may_edit)
def item_translations(request, slug: str):
    item = get_object_or_404_once(request, selectors.item_queryset(), slug=slug)
    form = TranslationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_translation_save(item=item, by=request.user, **form.cleaned_data)
        except ValidationError as invalid:
            form.add_error(None, invalid)
        else:
            messages.success(request, _("The translation is saved."))
            return redirect("knowledge:item_translations", slug=item.slug)
    return render(request, "knowledge/item_translations.html", {"item": item, "form": form})


@require_POST
@signed_in(_may_edit)
def item_translation_delete(request, slug: str, language: str):
    item = get_object_or_404_once(request, selectors.item_queryset(), slug=slug)
    translation = get_object_or_404(item.translations.all(), language=language)
    services.item_translation_delete(translation=translation)
    messages.success(request, _("The translation is removed."))
    return redirect("knowledge:item_translations", slug=item.slug)


@signed_in(_may_edit)
def item_attachments(request, slug: str):
    item = get_object_or_404_once(request, selectors.item_queryset(), slug=slug)
    form = FileUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["image"] or data["document"]
        services.item_attachment_add(item=item, upload=upload, title=data["title"], is_image=bool(data["image"]))
        messages.success(request, _("The file is added."))
        return redirect("knowledge:item_attachments", slug=item.slug)
    return render(request, "knowledge/item_attachments.html", {"item": item, "form": form})


@require_POST
@signed_in(_may_edit)
def item_attachment_remove(request, slug: str, pk: int):
    item = get_object_or_404_once(request, selectors.item_queryset(), slug=slug)
    services.item_attachment_remove(attachment=get_object_or_404(item.attachments.all(), pk=pk))
    messages.success(request, _("The file is removed."))
    return redirect("knowledge:item_attachments", slug=item.slug)


@signed_in()
def item_contact(request, slug: str):
    """Write to the focal point of a city looking for partners; its address stays hidden."""
    item = _visible_item(request, slug)
    if not policies.can_contact_partners(request.user, item):
        raise Http404
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_contact_partners(item=item, sender=request.user, message=form.cleaned_data["message"])
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("Your message is sent to the focal point of %s.") % item.owner_city.name)
            return redirect(item.get_absolute_url())
    return render(request, "knowledge/item_contact.html", {"item": item, "form": form})


@signed_in(_may_edit)
def item_versions(request, slug: str):
    item = get_object_or_404_once(request, selectors.item_queryset(), slug=slug)
    return render(request, "knowledge/item_versions.html", {"item": item, "versions": item.versions.all()})


@public
@cached_response("knowledge", "registry")
def city_knowledge(request, slug: str):
    city = get_object_or_404(city_selectors.city_list(status="all"), slug=slug)
    return render(
        request, "knowledge/city_knowledge.html", {"city": city, "items": selectors.item_list_for_city(city=city)}
    )


@public
@cached_response("knowledge", "registry")
def field_knowledge(request, code: str):
    field = get_object_or_404(city_selectors.creative_fields(), code=code)
    context = {
        "field": field,
        "items": selectors.item_list_for_field(field=field),
        "reviews_field": policies.can_review_field(request.user, field),
    }
    return render(request, "knowledge/field_knowledge.html", context)


@public
@cached_response("knowledge", "registry")
def transfers(request):
    """Practices adapted from another city's: how knowledge travels, by city, field and region."""
    return render(request, "knowledge/transfers.html", {"counts": selectors.transfer_counts()})
