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
from django.utils.translation import gettext_lazy as _

from .text import fold


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


def _option(value, label, selected: bool, hint: str = "") -> str:
    data = f' data-hint="{escape(hint)}"' if hint else ""
    return f'<option value="{escape(str(value))}"{" selected" if selected else ""}{data}>{escape(str(label))}</option>'


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


class Picker(FastSelect):
    """A long choice (cities, organisations, SDG targets): a native select that static/js/picker.js
    turns into a searchable combobox, with the chosen values as removable chips.

    Without JavaScript it stays a select: options grouped (``group``), a hint on how to choose,
    the browser's type-to-find. ``group(obj)`` names an option's group and ``describe(obj)`` gives
    the words shown under it and searched with it (a city's country and field); ``obj`` is the
    model instance of a ModelChoiceField's option, else the option's value. Groups are sorted by
    name unless ``sort_groups`` is false (SDG goals keep their numbers' order); choices already
    given as groups are kept as they are. Options are written in one loop, as FastSelect's.
    """

    # The combobox's own words, given to the script as data attributes in the page's language.
    texts = {
        "remove": _("Remove %(name)s"),
        "chosen": _("%(name)s chosen"),
        "removed": _("%(name)s removed"),
        "one": _("1 result"),
        "many": _("%(count)s results"),
        "none": _("No result"),
        "hint": _("Type a few letters, then choose with the arrow keys and Enter, or click."),
    }
    native_hint = _("Type the first letters of a name to go to it.")
    native_hint_multiple = _(
        "To choose several, hold Ctrl (⌘ on a Mac) while you click; type the first letters of a name to go to it."
    )

    def __init__(self, attrs=None, choices=(), *, group=None, describe=None, sort_groups: bool = True):
        super().__init__(attrs, choices)
        self.group, self.describe, self.sort_groups = group, describe, sort_groups

    def _grouped(self):
        """[(group label or None, [(value, label, hint), ...]), ...]: ungrouped options first, groups by name."""
        loose, groups = [], {}
        for value, label in self.choices:
            if isinstance(label, (list, tuple)):
                groups.setdefault(str(value), []).extend(self._option(v, text) for v, text in label)
                continue
            obj = getattr(value, "instance", value)
            name = self.group(obj) if self.group and value not in (None, "") else None
            (groups.setdefault(str(name), []) if name else loose).append(self._option(value, label))
        ordered = list(groups.items())
        if self.group and self.sort_groups:
            ordered.sort(key=lambda pair: fold(pair[0]))
        return [(None, loose), *ordered]

    def _option(self, value, label):
        obj = getattr(value, "instance", value)
        hint = self.describe(obj) if self.describe and value not in (None, "") else ""
        return ("" if value is None else str(value), str(label), hint or "")

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        hint_id = f"{attrs.get('id', name)}_pickerhint"
        attrs["aria-describedby"] = " ".join(filter(None, [attrs.get("aria-describedby"), hint_id]))
        if self.allow_multiple_selected:
            attrs.update({"multiple": True, "size": attrs.get("size", 10)})
        wanted, found = set(self.format_value(value)), False
        parts = [f"<select{flatatt({'name': name, **attrs, 'data-picker-select': True})}>"]
        for group, options in self._grouped():
            if group is not None:
                parts.append(f'<optgroup label="{escape(group)}">')
            for option_value, label, hint in options:
                selected = (not found or self.allow_multiple_selected) and option_value in wanted
                found = found or selected
                parts.append(_option(option_value, label, selected, hint))
            if group is not None:
                parts.append("</optgroup>")
        parts.append("</select>")
        texts = {f"data-text-{key}": str(text) for key, text in self.texts.items()}
        native = self.native_hint_multiple if self.allow_multiple_selected else self.native_hint
        return SafeString(
            f'<div class="picker"{flatatt({"data-picker": True, **texts})}>'
            f'<p class="picker-hint" id="{escape(hint_id)}">{escape(str(native))}</p>'
            f"{''.join(parts)}</div>"
        )


class PickerMultiple(Picker, forms.SelectMultiple):
    """Several choices from a long list: see Picker."""

    allow_multiple_selected = True


class RevealingRadioSelect(forms.RadioSelect):
    """Radio buttons some of whose choices need another field: a role that takes a city or a field.

    ``reveals`` maps a choice's value to what it needs ("city", "field"), written on its radio as
    ``data-reveals``; the field needed carries ``data-revealed-by`` on its input. The stylesheet
    (site.css, "Fields revealed by a choice") shows such a field only while a radio that needs it
    is checked, with ``:has()``, so it works without JavaScript; browsers without ``:has()`` show
    every field, and their labels say which roles they are for.
    """

    def __init__(self, attrs=None, choices=(), *, reveals: dict | None = None):
        super().__init__(attrs, choices)
        self.reveals = reveals or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if needs := self.reveals.get(str(value)):
            option["attrs"]["data-reveals"] = needs
        return option
