"""Tests for the actor registry loader, validation and alias lookup."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscope.actors.registry import (
    SECTORS,
    TYPES,
    ActorEntry,
    Registry,
    RegistryError,
    load_registry,
    normalize_alias,
)


@pytest.fixture(scope="module")
def reg() -> Registry:
    return load_registry()


def ids(entries: list[ActorEntry]) -> list[str]:
    return [e.id for e in entries]


def test_shipped_file_loads(reg: Registry) -> None:
    assert len(reg.entries) >= 120
    assert load_registry() is reg  # cached
    for e in reg.entries:
        assert e.type in TYPES
        assert e.sector is None or e.sector in SECTORS
        assert e.parent is None or reg.get(e.parent) is not None


def test_get(reg: Registry) -> None:
    jnim = reg.get("JNIM")
    assert jnim is not None and jnim.type == "armed_group" and jnim.ideology == "jihadist"
    assert reg.get("NOPE") is None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Jama’at Nusrat al-Islam wal-Muslimin", None, "JNIM"),
        ("Jama'at Nusrat al-Islam wal-Muslimin", "en", "JNIM"),
        ("jamaat nusrat al islam wal muslimin", None, "JNIM"),
        ("Groupe de soutien a l’islam et aux musulmans", "fr", "JNIM"),
        ("EIGS", "fr", "ISSP"),
        ("EIGS", "de", "ISSP"),
        ("CEDEAO", None, "ECOWAS"),
        ("Cédéao", "fr", "ECOWAS"),
        ("Gruppe Wagner", "de", "WAGNER"),
        ("UN", None, "UN"),
        ("AES", "fr", "AES"),
        ("Goita", None, "PER-GOITA"),
        ("Forces  armées   maliennes", "fr", "MLI-FAMA"),
    ],
)
def test_by_alias(reg: Registry, text: str, lang: str | None, expected: str) -> None:
    assert ids(reg.by_alias(text, lang))[:1] == [expected]


@pytest.mark.parametrize("text", ["un", "Un", "aes", "is", "fds", "nope"])
def test_acronyms_are_case_sensitive(reg: Registry, text: str) -> None:
    assert reg.by_alias(text) == []
    assert reg.by_alias(text, "fr") == []


def test_shared_alias(reg: Registry) -> None:
    assert set(ids(reg.by_alias("FDS"))) >= {"NER-FDS", "BFA-FDS"}


def test_all_aliases(reg: Registry) -> None:
    jnim = reg.get("JNIM")
    assert jnim is not None
    fr = jnim.all_aliases("fr")
    assert fr[0] == jnim.name and "GSIM" in fr and "JNIM" in fr
    assert "Unterstützungsgruppe für den Islam und die Muslime" not in fr
    assert "Unterstützungsgruppe für den Islam und die Muslime" in jnim.all_aliases()


def test_normalize() -> None:
    assert normalize_alias("Al-Qaïda  au Maghreb") == "al qaida au maghreb"
    assert normalize_alias("Jama`at") == normalize_alias("Jamaʼat") == "jama'at"


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "actors.toml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD_A = '[[actor]]\nid = "A"\nname = "Alpha Group"\ntype = "armed_group"\nsector = "REB"\n'
GOOD_B = '[[actor]]\nid = "B"\nname = "Beta Group"\ntype = "armed_group"\nsector = "REB"\n'


def test_custom_file_loads(tmp_path: Path) -> None:
    reg = load_registry(_write(tmp_path, GOOD_A + GOOD_B))
    assert ids(reg.by_alias("alpha group")) == ["A"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (GOOD_A + GOOD_A, "duplicate id"),
        (GOOD_A.replace('"REB"', '"XYZ"'), "unknown sector"),
        (GOOD_A.replace('"armed_group"', '"gang"'), "unknown type"),
        (GOOD_A + 'country = "ZZZ"\n', "unknown country"),
        (GOOD_A + 'parent = "MISSING"\n', "unknown parent"),
        (GOOD_A + 'valid_from = "2023-13-45"\n', "not an ISO date"),
        (GOOD_A + 'aliases = { en = ["Shared"] }\n' + GOOD_B + 'aliases = { fr = ["shared"] }\n', "also used by"),
        (GOOD_A + 'colour = "red"\n', "unknown keys"),
        ("[[actor]]\nname = 'x'\n", "missing"),
    ],
)
def test_invalid_files(tmp_path: Path, body: str, reason: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(RegistryError, match=reason) as err:
        load_registry(path)
    assert str(path) in str(err.value)


def test_shared_alias_ok(tmp_path: Path) -> None:
    body = (
        GOOD_A + 'shared_alias_ok = true\naliases = { any = ["Shared"] }\n'
        + GOOD_B + 'shared_alias_ok = true\naliases = { any = ["shared"] }\n'
    )
    assert ids(load_registry(_write(tmp_path, body)).by_alias("Shared")) == ["A", "B"]


def test_error_names_entry(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="'B'"):
        load_registry(_write(tmp_path, GOOD_A + GOOD_B.replace('"REB"', '"XYZ"')))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Pentagon", "de", "USA-DOD"),
        ("US-Kriegsministerium", "de", "USA-DOD"),
        ("Département d’État", "fr", "USA-STATE"),
        ("Auswärtiges Amt", "de", "DEU-AA"),
        ("Ärzte ohne Grenzen", "de", "MSF"),
        ("IKRK", "de", "ICRC"),
        ("Al-Qaïda au Maghreb islamique", "fr", "AQIM"),
        ("El-Kaida", "de", "AL-QAIDA"),
        ("IS-Miliz", "de", "IS"),
        ("Islamischer Staat in der Sahelzone", "de", "ISSP"),
        ("Putin", "fr", "PER-PUTIN"),
        ("Tiani", "fr", "PER-TIANI"),
        ("Front de libération de l'Azawad", "fr", "FLA"),
        ("Allianz der Sahelstaaten", "de", "AES"),
    ],
)
def test_more_lookups(reg: Registry, text: str, lang: str | None, expected: str) -> None:
    assert ids(reg.by_alias(text, lang))[:1] == [expected]


def test_ambiguous_generic_words_absent(reg: Registry) -> None:
    assert reg.by_alias("Außenministerium") == []
    assert reg.by_alias("Traoré") == []


def test_dated_entries(reg: Registry) -> None:
    cmt = reg.get("TCD-CMT")
    assert cmt is not None and (cmt.valid_from, cmt.valid_to) == ("2021-04-20", "2022-10-10")
    minusma = reg.get("UN-MINUSMA")
    assert minusma is not None and minusma.valid_to == "2023-12-31"
