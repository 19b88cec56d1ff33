"""RSS and Atom feeds of newly published items: all of them, or one field's, or one city's (?field=, ?city=)."""

from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from creative_cities.core.feeds import TextFeed
from creative_cities.core.policies import public

from . import selectors

FEED_SIZE = 50


class ItemRssFeed(TextFeed):
    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request):
        return {"field": request.GET.get("field", ""), "city": request.GET.get("city", "")}

    def title(self, obj):
        return _("Creative cities: new good practices, policies and publications")

    def link(self, obj):
        from django.urls import reverse

        return reverse("knowledge:search")

    def description(self, obj):
        return _("Newly published items of the knowledge base of the creative cities network.")

    def items(self, obj):
        items = selectors.item_list().order_by("-published_at")
        if obj["field"]:
            items = items.filter(fields__code=obj["field"])
        if obj["city"]:
            items = items.filter(cities__slug=obj["city"])
        return items.distinct()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.owner_city.name if item.owner_city else _("Secretariat")

    def item_categories(self, item):
        return [item.get_kind_display(), *(field.name for field in item.fields.all())]


class ItemAtomFeed(ItemRssFeed):
    feed_type = Atom1Feed
    subtitle = ItemRssFeed.description


public(ItemRssFeed)
public(ItemAtomFeed)
