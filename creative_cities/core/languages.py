"""The names of languages: those content is written in, as readers of each interface language write them.

The names are the platform's own translations, not Django's catalogue: Django spells some
without their letters ("Norwegian Bokmal") and capitalises them in French and Spanish,
where a language's name is lowercase in running text ("écrit en français", "escrito en
francés"). ``language_name`` gives the name for running text; ``language_label`` starts it
with a capital, for lists, menus and table cells.
"""

from django.utils.text import capfirst
from django.utils.translation import pgettext_lazy

# The languages cities write in, most spoken first among the network's members.
LANGUAGE_NAMES = {
    "en": pgettext_lazy("language name", "English"),
    "fr": pgettext_lazy("language name", "French"),
    "es": pgettext_lazy("language name", "Spanish"),
    "ar": pgettext_lazy("language name", "Arabic"),
    "zh-hans": pgettext_lazy("language name", "Simplified Chinese"),
    "pt": pgettext_lazy("language name", "Portuguese"),
    "ru": pgettext_lazy("language name", "Russian"),
    "de": pgettext_lazy("language name", "German"),
    "it": pgettext_lazy("language name", "Italian"),
    "tr": pgettext_lazy("language name", "Turkish"),
    "ko": pgettext_lazy("language name", "Korean"),
    "ja": pgettext_lazy("language name", "Japanese"),
    "id": pgettext_lazy("language name", "Indonesian"),
    "fa": pgettext_lazy("language name", "Persian"),
    "pl": pgettext_lazy("language name", "Polish"),
    "nl": pgettext_lazy("language name", "Dutch"),
    "uk": pgettext_lazy("language name", "Ukrainian"),
    "el": pgettext_lazy("language name", "Greek"),
    "hu": pgettext_lazy("language name", "Hungarian"),
    "cs": pgettext_lazy("language name", "Czech"),
    "ro": pgettext_lazy("language name", "Romanian"),
    "sv": pgettext_lazy("language name", "Swedish"),
    "da": pgettext_lazy("language name", "Danish"),
    "fi": pgettext_lazy("language name", "Finnish"),
    "nb": pgettext_lazy("language name", "Norwegian (Bokmål)"),
    "he": pgettext_lazy("language name", "Hebrew"),
    "hi": pgettext_lazy("language name", "Hindi"),
    "bn": pgettext_lazy("language name", "Bengali"),
    "ur": pgettext_lazy("language name", "Urdu"),
    "th": pgettext_lazy("language name", "Thai"),
    "vi": pgettext_lazy("language name", "Vietnamese"),
    "ms": pgettext_lazy("language name", "Malay"),
    "sw": pgettext_lazy("language name", "Swahili"),
    "ca": pgettext_lazy("language name", "Catalan"),
    "eu": pgettext_lazy("language name", "Basque"),
    "gl": pgettext_lazy("language name", "Galician"),
    "hr": pgettext_lazy("language name", "Croatian"),
    "sr": pgettext_lazy("language name", "Serbian"),
    "sl": pgettext_lazy("language name", "Slovenian"),
    "sk": pgettext_lazy("language name", "Slovak"),
    "bg": pgettext_lazy("language name", "Bulgarian"),
    "lt": pgettext_lazy("language name", "Lithuanian"),
    "lv": pgettext_lazy("language name", "Latvian"),
    "et": pgettext_lazy("language name", "Estonian"),
    "ka": pgettext_lazy("language name", "Georgian"),
    "hy": pgettext_lazy("language name", "Armenian"),
    "az": pgettext_lazy("language name", "Azerbaijani"),
    "kk": pgettext_lazy("language name", "Kazakh"),
    "uz": pgettext_lazy("language name", "Uzbek"),
    "mn": pgettext_lazy("language name", "Mongolian"),
    "ne": pgettext_lazy("language name", "Nepali"),
    "ta": pgettext_lazy("language name", "Tamil"),
    "te": pgettext_lazy("language name", "Telugu"),
    "mr": pgettext_lazy("language name", "Marathi"),
    "km": pgettext_lazy("language name", "Khmer"),
    "my": pgettext_lazy("language name", "Burmese"),
    "af": pgettext_lazy("language name", "Afrikaans"),
    "zh-hant": pgettext_lazy("language name", "Traditional Chinese"),
}
WRITING_LANGUAGES = list(LANGUAGE_NAMES)


def language_name(code) -> str:
    """A language's name for running text, in the interface's language: "French", "français", "francés"."""
    name = LANGUAGE_NAMES.get(str(code))
    return str(name) if name is not None else str(code)


def language_label(code) -> str:
    """A language's name on its own (a list, a menu, a table cell): "French", "Français", "Francés"."""
    return capfirst(language_name(code))


def writing_language_choices() -> list[tuple[str, str]]:
    """The languages content can be written in, named in the interface's language.

    A callable, so that fields and forms name them in the language of each request, and
    so that a better name never changes the database schema.
    """
    return [(code, language_label(code)) for code in WRITING_LANGUAGES]
