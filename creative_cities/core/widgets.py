"""Form widgets shared by the apps."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import SafeString


def _option(option: dict) -> str:
    attrs = {name: value for name, value in option["attrs"].items() if name != "selected"}
    selected = " selected" if option["selected"] else ""
    extra = flatatt(attrs) if attrs else ""
    return f'<option value="{escape(str(option["value"]))}"{extra}{selected}>{escape(str(option["label"]))}</option>'


class FastSelect(forms.Select):
    """A select whose options are written in plain Python rather than one template each.

    Django renders every option through a template: a list of the 405 cities and a few
    hundred organisations then takes tens of milliseconds a page. The markup is the same;
    values and labels are escaped as Django escapes them.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f"<select{flatatt({'name': widget['name'], **widget['attrs']})}>"]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'<optgroup label="{escape(str(group_name))}">')
            parts.extend(_option(option) for option in options)
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return SafeString("".join(parts))


class DateInput(forms.DateInput):
    """The browser's own date picker; the value is sent, and typed where there is no picker, as YYYY-MM-DD.

    The ISO format whatever the page's language: it is the only one a date input takes.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
