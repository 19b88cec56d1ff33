"""Form widgets shared by the apps: the markup of Django's own, written in plain Python.

Django renders every widget through templates, and a select through one template per
option: a list of the 405 cities and a few hundred organisations then takes
milliseconds a page, and so do the few inputs of a filter form on every list page.
The markup is the same; values and labels are escaped as Django escapes them.
"""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.choices import BaseChoiceIterator
from django.utils.safestring import SafeString


class Choices(BaseChoiceIterator):
    """(value, label) pairs that fields and widgets take as they are.

    Django normalises a plain list of choices whenever a form is made (each pair,
    each time); long lists that are already pairs, such as the cached cities of a
    filter, skip that. They are never changed, so copies share them.
    """

    def __init__(self, pairs):
        self.pairs = list(pairs)

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def __deepcopy__(self, memo):
        return self


def _option(value, label, selected: bool) -> str:
    return f'<option value="{escape(str(value))}"{" selected" if selected else ""}>{escape(str(label))}</option>'


class FastSelect(forms.Select):
    """A select whose options are written in one loop rather than one template each."""

    def render(self, name, value, attrs=None, renderer=None):
        wanted = set(self.format_value(value))
        attrs = self.build_attrs(self.attrs, attrs)
        parts = [f"<select{flatatt({'name': name, **attrs})}>"]
        found = False  # a single select marks its first matching option only, as Django's does

        def option(option_value, label):
            nonlocal found
            if option_value is None:
                option_value = ""
            selected = (not found or self.allow_multiple_selected) and str(option_value) in wanted
            found = found or selected
            return _option(option_value, label, selected)

        for group_value, group_label in self.choices:
            if isinstance(group_label, (list, tuple)):
                parts.append(f'<optgroup label="{escape(str(group_value))}">')
                parts.extend(option(option_value, label) for option_value, label in group_label)
                parts.append("</optgroup>")
            else:
                parts.append(option(group_value, group_label))
        parts.append("</select>")
        return SafeString("".join(parts))


class DateInput(forms.DateInput):
    """The browser's own date picker; the value is sent, and typed where there is no picker, as YYYY-MM-DD.

    The ISO format whatever the page's language: it is the only one a date input takes.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _input(widget: forms.widgets.Input, name, value, attrs, extra: dict) -> SafeString:
    """``<input>`` as django/forms/widgets/input.html writes it: type, name, value, then the attributes."""
    head = {"type": widget.input_type, "name": name}
    value = widget.format_value(value)
    if value is not None:
        head["value"] = value
    return SafeString(f"<input{flatatt({**head, **widget.build_attrs(widget.attrs, attrs), **extra})}>")


class FastTextInput(forms.TextInput):
    def render(self, name, value, attrs=None, renderer=None):
        return _input(self, name, value, attrs, {})


class FastCheckboxInput(forms.CheckboxInput):
    def render(self, name, value, attrs=None, renderer=None):
        return _input(self, name, value, attrs, {"checked": True} if self.check_test(value) else {})
