"""Form widgets shared by the apps."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class FastSelect(forms.Select):
    """A select whose options are written in Python rather than one template each.

    Django renders every option through a template: a list of the 405 cities and a few
    hundred organisations then takes a quarter of a second a page. The markup is the same.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            items = format_html_join(
                "",
                "<option{}>{}</option>",
                ((flatatt({"value": o["value"], **o["attrs"]}), o["label"]) for o in options),
            )
            groups.append(format_html('<optgroup label="{}">{}</optgroup>', group_name, items) if group_name else items)
        attrs = flatatt({"name": widget["name"], **widget["attrs"]})
        return format_html("<select{}>{}</select>", attrs, format_html_join("", "{}", ((group,) for group in groups)))
