"""Pickers (core.widgets.Picker) for cities: grouped by country, each described by its country and field."""

from creative_cities.core.widgets import Picker, PickerMultiple


def _describe(city) -> str:
    return f"{city.country.name} · {city.field.name}"


def city_picker(*, multiple: bool = False, by_key: dict | None = None) -> Picker:
    """The widget for a choice of cities. Their country and field must be joined (``city_list`` does).

    ``by_key`` maps the values of a plain ChoiceField (e.g. slugs) to their cities; a
    ModelChoiceField needs none.
    """

    def city(value):
        return by_key[value] if by_key is not None else value

    widget = PickerMultiple if multiple else Picker
    return widget(group=lambda value: city(value).country.name, describe=lambda value: _describe(city(value)))
