"""Aliases shared by several registry entries: the article date, then the article's countries."""

from __future__ import annotations

from datetime import date

import pytest

from eventscope import Settings, actors
from eventscope.actors.registry import ActorEntry, load_registry
from eventscope.actors.resolve import ActorIndex, ActorResolver

SETTINGS = Settings.from_env(embedder="none")


def _ids(text: str, lang: str, published: date | None = None) -> dict[str, str | None]:
    return {a.text: a.id for a in actors.resolve(text, lang, SETTINGS, published)}


def test_shared_aliases_are_the_known_ones() -> None:
    """If this fails, a new shared alias needs dates or context to be told apart (docs/registry.md)."""
    registry = load_registry()
    assert [e.id for e in registry.by_alias("CNSP")] == ["NER-CNSP", "MLI-CNSP"]
    assert sorted(e.id for e in registry.by_alias("FDS")) == ["BFA-FDS", "NER-FDS"]


@pytest.mark.parametrize(
    ("published", "expected"),
    [(date(2020, 8, 20), "MLI-CNSP"), (date(2023, 8, 1), "NER-CNSP"), (None, "NER-CNSP")],
)
def test_same_alias_two_dates_two_entries(published: date | None, expected: str) -> None:
    text = "Le CNSP a annoncé la suspension de la Constitution."
    assert _ids(text, "fr", published)["CNSP"] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Au Burkina Faso, les FDS ont repoussé une attaque près de Djibo.", "fr", "BFA-FDS"),
        ("Au Niger, les FDS ont repoussé une attaque près de Tillabéri.", "fr", "NER-FDS"),
        ("Die FDS wehrten bei Ouagadougou einen Angriff ab, teilte die Regierung Burkina Fasos mit.", "de",
         "BFA-FDS"),
        ("Nigerien officials said the FDS repelled an attack.", "en", "NER-FDS"),
    ],
)  # fmt: skip
def test_shared_alias_follows_the_article_country(text: str, lang: str, expected: str) -> None:
    assert _ids(text, lang)["FDS"] == expected


def test_date_outranks_context() -> None:
    """In 2020 the CNSP was Mali's junta, even in an article that also names Niger."""
    text = "Le CNSP a reçu à Bamako une délégation venue de Niamey et du Niger."
    assert _ids(text, "fr", date(2020, 9, 1))["CNSP"] == "MLI-CNSP"


def test_choose_without_a_valid_entry_falls_back_to_all() -> None:
    def entry(ident: str, country: str, start: str | None, end: str | None) -> ActorEntry:
        return ActorEntry(
            ident, ident, "state_institution", country, "MIL", {}, valid_from=start, valid_to=end
        )

    a, b = entry("A", "MLI", "2020-01-01", "2020-12-31"), entry("B", "NER", "2022-01-01", None)
    resolver = ActorResolver(ActorIndex.build(), "fr", published=date(2021, 6, 1))
    assert resolver._choose([a, b]) is a  # neither valid: the registry order, as before
    resolver.published = date(2020, 6, 1)
    assert resolver._choose([b, a]) is a
    resolver.published = date(2022, 6, 1)
    assert resolver._choose([a, b]) is b
