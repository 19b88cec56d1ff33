"""The phrase banks in data/demo/: the same identifiers where languages must correspond, no empty text,
the same placeholders in every version of a sentence, and clear errors when a file is wrong."""

import json
import shutil

import pytest

from creative_cities.demo import data, partnership_themes
from creative_cities.demo.knowledge import phrases

SENTENCE_GROUPS = [(group,) for group in (*phrases.PLAIN_GROUPS, *phrases.TEMPLATE_GROUPS)]
NESTED_GROUPS = [*phrases.KIND_GROUPS, *phrases.SECTOR_GROUPS]
# Strings that may be empty: Chinese joins sentences with nothing, and a count has no unit.
MAY_BE_EMPTY = {"sentence_separator", "unit"}


def _raw(name: str):
    return json.loads((data.data_dir() / name).read_text(encoding="utf-8"))


def _sentence_groups(bank: dict):
    """(path, {id: text}) for every group of sentences of a raw language file."""
    for (group,) in SENTENCE_GROUPS:
        yield (group,), bank[group]
    for group in NESTED_GROUPS:
        for key, entries in bank[group].items():
            yield (group, key), entries


def _strings(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _strings(item, (*path, n))
    elif isinstance(value, str):
        yield path, value


@pytest.fixture
def fresh_banks():
    """Banks read again from the files (and again after the test, which may have pointed elsewhere)."""
    caches = (phrases.facts, phrases.bank, partnership_themes.load)
    for cached in caches:
        cached.cache_clear()
    yield
    for cached in caches:
        cached.cache_clear()


@pytest.fixture
def copy_of_the_data(tmp_path, monkeypatch, fresh_banks):
    """A copy of data/demo/ that a test may spoil; the banks are read from it."""
    shutil.copytree(data.data_dir(), tmp_path / "demo")
    monkeypatch.setattr(data, "data_dir", lambda: tmp_path / "demo")

    def edit(name, change):
        path = tmp_path / "demo" / name
        content = json.loads(path.read_text(encoding="utf-8"))
        change(content)
        path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")

    return edit


def test_every_file_is_read_and_checked_without_a_problem(fresh_banks):
    assert set(phrases.languages()) == {"en", "fr", "es", "pt", "ar", "zh-hans", "it", "de", "ko"}
    for language in phrases.languages():
        assert phrases.bank(language)["language"] == language
    assert list(partnership_themes.load().templates) == ["en", "fr", "es"]


def test_every_language_has_the_fields_concepts_themes_activities_figures_and_headings_of_the_facts():
    facts = _raw("knowledge.json")
    concepts = {field["code"]: [c["id"] for c in field["concepts"]] for field in facts["fields"]}
    for language in phrases.languages():
        bank = _raw(f"knowledge/{language}.json")
        assert set(bank["fields"]) == set(concepts), language
        for code, ids in concepts.items():
            assert set(bank["fields"][code]["concepts"]) == set(ids), (language, code)
        assert set(bank["themes"]) == set(facts["themes"]), language
        for code, theme in facts["themes"].items():
            assert set(bank["themes"][code]["activities"]) == set(theme["activities"]), (language, code)
        assert set(bank["figures"]) == set(facts["figures"]), language
        assert set(bank["headings"]) == set(phrases.HEADINGS), language
        assert set(bank["titles"]) == set(bank["intro"]) == set(bank["approach"]) == set(facts["kind_areas"])
        assert set(bank["partners"]) == {"public", "private", "civil_society", "academia", "international"}


def test_the_translation_languages_have_the_same_sentences():
    english, *others = (_raw(f"knowledge/{language}.json") for language in ("en", "fr", "es"))
    for other in others:
        for (path, mine), (_path, theirs) in zip(_sentence_groups(english), _sentence_groups(other), strict=True):
            assert set(mine) == set(theirs), path


def test_no_text_is_empty():
    names = ["knowledge.json", "partnerships.json"]
    names += [f"knowledge/{language}.json" for language in phrases.languages()]
    names += [f"partnerships/{language}.json" for language in ("en", "fr", "es")]
    for name in names:
        for path, text in _strings(_raw(name)):
            if path[-1] not in MAY_BE_EMPTY:
                assert text, (name, path)
            if path[0] not in ("thousands", "and", "articles") and path[-1] not in MAY_BE_EMPTY:
                assert text.strip(), (name, path)


def test_a_sentence_holds_the_same_placeholders_in_every_language_that_has_it():
    english = dict(_sentence_groups(_raw("knowledge/en.json")))
    for language in phrases.languages():
        for path, entries in _sentence_groups(_raw(f"knowledge/{language}.json")):
            for key, text in entries.items():
                if key in english[path]:
                    assert data.subjects(text) == data.subjects(english[path][key]), (language, path, key)
    summaries = [_raw(f"partnerships/{language}.json")["templates"] for language in ("en", "fr", "es")]
    for key in ("summary", "about"):
        assert len({frozenset(data.placeholders(templates[key])) for templates in summaries}) == 1, key


def test_placeholders_in_another_grammatical_form_name_the_same_fact():
    assert data.subjects("{Concept} {in_city}, {a_domain}") == {"concept", "city", "domain"}
    assert data.subjects("{city_s} {concept_a} ({source_of_city})") == {"city", "concept", "source_city"}
    assert data.subjects("{start_year}–{end_year}") == {"start_year", "end_year"}


def test_the_partnership_themes_are_the_same_in_every_language():
    codes = [theme["code"] for theme in _raw("partnerships.json")["themes"]]
    for language in ("en", "fr", "es"):
        themes = _raw(f"partnerships/{language}.json")["themes"]
        assert list(themes) == codes, language
        assert all(len(theme["phrases"]) >= 3 for theme in themes.values()), language


def test_a_translation_language_is_drawn_in_the_order_of_english_whatever_the_order_of_its_file(
    copy_of_the_data,
):
    before = phrases.bank("fr")
    copy_of_the_data("knowledge/fr.json", lambda bank: bank.update(goal=dict(reversed(bank["goal"].items()))))
    phrases.bank.cache_clear()
    after = phrases.bank("fr")
    assert after["goal"] == before["goal"] and after["ids"][("goal",)] == phrases.bank("en")["ids"][("goal",)]


def _drop(group, key):
    return lambda bank: bank[group].pop(key)


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("knowledge/fr.json", _drop("goal", "aim"), "goal: 'aim' is missing (en, fr, es have the same sentences)"),
        (
            "knowledge/de.json",
            lambda bank: bank["fields"]["music"]["concepts"].pop("street_music_festival"),
            "fields.music.concepts: 'street_music_festival' is missing",
        ),
        (
            "knowledge/es.json",
            lambda bank: bank["themes"]["youth"].update(topic=" "),
            "themes.youth.topic: should be a non-empty string",
        ),
        (
            "knowledge/fr.json",
            lambda bank: bank["goal"].update(aim="Il s’agit d’aider {topic}."),
            "goal.aim: says {topic} where en.json says {goal}",
        ),
        (
            "knowledge/pt.json",
            lambda bank: bank["intro"]["practice"].update(running_since="Desde {start_year}, {citty} mantém isto."),
            "intro.practice.running_since: unknown placeholder {citty}",
        ),
        (
            "knowledge/en.json",
            lambda bank: bank["lessons"].update(involve_early="Involve {city} early."),
            "lessons.involve_early: is shown as written: it may not hold {placeholders}",
        ),
        (
            "knowledge.json",
            lambda facts: facts["themes"]["youth"]["figures"].append("unicorns"),
            "themes.youth.figures: 'unicorns' is unknown",
        ),
        (
            "partnerships/es.json",
            lambda bank: bank["themes"].pop("ceramics"),
            "themes: 'ceramics' is missing (the themes of partnerships.json)",
        ),
    ],
)
def test_a_mistake_in_a_file_is_reported_with_its_file_and_place(copy_of_the_data, name, change, message):
    copy_of_the_data(name, change)
    with pytest.raises(data.DemoDataError) as raised:
        for language in phrases.languages():
            phrases.bank(language)
        partnership_themes.load()
    assert f"data/demo/{name} is not valid" in str(raised.value)
    assert message in str(raised.value)


def test_a_key_written_twice_is_reported(copy_of_the_data, tmp_path):
    path = tmp_path / "demo" / "knowledge" / "it.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"thousands"', '"and": " e ", "thousands"', 1))
    with pytest.raises(data.DemoDataError) as raised:
        phrases.bank("it")
    assert "data/demo/knowledge/it.json is not valid: the key 'and' appears twice" in str(raised.value)
