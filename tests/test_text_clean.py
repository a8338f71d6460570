"""eventscope.text: normalisation and boilerplate rules on invented and real articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscope.text import boilerplate_rule, clean_text, strip_boilerplate_lines

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "de"


def test_whitespace_and_unicode_normalisation() -> None:
    raw = "  Erste\u00a0Zeile  mit   Leerraum\r\nzweite Zeile\u200b\n\n\n\nNeuer Absatz\tmit Tab.  \n  "
    assert clean_text(raw) == "Erste Zeile mit Leerraum\nzweite Zeile\n\nNeuer Absatz mit Tab."
    decomposed = "Bamako: Gespra\u0308che u\u0308ber den Abzug."
    assert clean_text(decomposed) == "Bamako: Gespräche über den Abzug."


def test_clean_text_is_idempotent_and_deterministic() -> None:
    raw = "Titel\n\nAnzeige\n\nDer Text.\nUSa\n\nMehr zum Thema:\n\nTagEinsTagZweiTagDrei"
    once = clean_text(raw)
    assert once == "Titel\n\nDer Text."
    assert clean_text(once) == once


@pytest.mark.parametrize(
    "line",
    [
        "Anzeige", "Werbung", "Ad", "- Anzeige -", "Advertisement", "Publicité", "Sponsored content",
        "Mehr zum Thema:", "Lesen Sie auch: Warum die Junta das Abkommen kündigte", "Read more",
        "Related", "Related articles", "À lire aussi", "Lire aussi : Le Mali quitte la Cédéao",
        "Artikel teilen", "Share this article", "Partager sur Facebook", "Facebook Twitter WhatsApp E-Mail",
        "Wir verwenden Cookies, um unsere Website für Sie optimal zu gestalten.",
        "We use cookies to improve your experience.", "Nous utilisons des cookies pour mesurer l'audience.",
        "Jetzt den kostenlosen Newsletter abonnieren", "Sign up for our newsletter",
        "Inscrivez-vous à notre newsletter", "Alle Rechte vorbehalten", "© 2025 Beispielverlag GmbH",
        "Soldaten patrouillieren in Gao. Foto: dpa", "Die Delegation bei der Ankunft in Niamey. - keystone",
        "Une patrouille près de Ménaka. © AFP", "Marines at the base (Photo: Reuters/John Doe)",
        "Bild: Keystone/AP Photo", "Symbolbild", "dpa/AFP",
        "KonfliktSahelDiplomatieSicherheit", "Politik | Ausland | Afrika", "Politique · Afrique · Sahel",
        "Startseite › Politik › Afrika", "USa", "»", "ab",
    ],
)  # fmt: skip
def test_boilerplate_lines_are_recognised(line: str) -> None:
    assert boilerplate_rule(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Die Regierung in Bamako kündigte das Abkommen am Dienstag.",
        "Militärjunta hatte Kooperationsabkommen gekündigt",  # a prose subheading
        "Strategische Neuausrichtung der US-Sahelpolitik",
        "Read more about the agreement in the full report, the ministry said.",
        "Related talks are expected in Niamey next week.",
        "Zum Thema Migration äußerte sich der Minister nicht.",
        "Lire aussi les déclarations du porte-parole, a-t-il ajouté, serait utile.",
        "Die EU verschärft die Regeln für Cookies, die Websites zur Werbung verwenden.",
        "Le ministre a annoncé qu'il partagerait les documents avec la presse.",
        "Ein Foto der Delegation wurde nicht veröffentlicht.",
        "Das Bild der Armee hat sich seit dem Putsch stark verändert.",
        "McDonald besuchte Bamako.",
        "Ja.",
        "The AP reported that 12 soldiers were killed near Ménaka on Sunday.",
        "Nach Angaben von AFP wurden zwölf Soldaten getötet.",
        "Mali, Niger und Burkina Faso gründeten die Allianz der Sahelstaaten (AES).",
        "Washington | Die USA und Mali verhandeln über ein neues Abkommen, das Aufklärungsflüge erlaubt.",
    ],
)
def test_prose_is_never_flagged(line: str) -> None:
    assert boilerplate_rule(line) is None


def test_link_box_titles_under_a_bare_heading_go_and_prose_after_stays() -> None:
    text = (
        "Der Abzug soll bis September abgeschlossen sein.\n\n"
        "Lesen Sie auch:\n\nMali kündigt Abkommen mit Frankreich\n\n"
        "Zwischentitel zur Lage\n\n"
        "Die Gespräche in Niamey dauern an."
    )
    assert clean_text(text) == (
        "Der Abzug soll bis September abgeschlossen sein.\n\n"
        "Zwischentitel zur Lage\n\n"
        "Die Gespräche in Niamey dauern an."
    )


def test_trailing_block_of_page_furniture_goes() -> None:
    text = (
        "The junta ended the agreement on Tuesday.\n\n"
        "It had been in force since 2012.\n\n"
        "Related\nMali expels French ambassador\nChad turns to Hungary\n\n"
        "Sahel | Security | Diplomacy\n\nShare"
    )
    assert clean_text(text) == "The junta ended the agreement on Tuesday.\n\nIt had been in force since 2012."


def test_short_last_line_without_boilerplate_stays() -> None:
    # A weak tail alone is not removed: only a tail that holds known furniture is.
    text = "Le gouvernement a démenti.\n\nAvec notre correspondant à Bamako"
    assert clean_text(text) == text


def test_french_page() -> None:
    text = (
        "Accueil › Afrique › Sahel\n\n"
        "Le Niger dénonce l'accord militaire avec Washington\n\n"
        "La junte au pouvoir à Niamey a dénoncé l'accord de coopération militaire.\n"
        "Des soldats américains à Agadez. © AFP\n\n"
        "Publicité\n\n"
        "Le porte-parole a évoqué une attitude « condescendante ».\n\n"
        "À lire aussi\n\nLe Mali se tourne vers Moscou\n\n"
        "Partager sur X\n\nNous utilisons des cookies pour améliorer votre expérience."
    )
    assert clean_text(text) == (
        "Le Niger dénonce l'accord militaire avec Washington\n\n"
        "La junte au pouvoir à Niamey a dénoncé l'accord de coopération militaire.\n\n"
        "Le porte-parole a évoqué une attitude « condescendante »."
    )


def test_strip_boilerplate_lines_keeps_blank_lines() -> None:
    lines = ["Erster Satz.", "", "Werbung", "", "Zweiter Satz."]
    assert strip_boilerplate_lines(lines) == ["Erster Satz.", "", "", "Zweiter Satz."]


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not present")
def test_real_sample_niger_withdrawal() -> None:
    raw = (SAMPLES / "us-niger-withdrawal.txt").read_text("utf-8")
    cleaned = clean_text(raw)
    lines = cleaned.split("\n")
    for furniture in ("Ad", "Mehr zum Thema:", "TerrorismusRegierungMigrationPartner", "USa"):
        assert furniture not in lines
    assert "keystone" not in cleaned
    assert "TerrorismusRegierung" not in cleaned
    # Every sentence-like line of the original (other than the caption) survives verbatim.
    prose = [
        ln.strip() for ln in raw.split("\n") if len(ln.split()) > 3 and not ln.rstrip().endswith("keystone")
    ]
    assert len(prose) == 7
    for line in prose:
        assert line in cleaned
    assert "Militärjunta hatte Kooperationsabkommen gekündigt" in lines  # the subheading
    assert cleaned.endswith(
        "Anfang April hatte Russland dem Niger ein Luftabwehrsystem und 100 Militärausbilder geschickt."
    )


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not present")
def test_real_sample_mali_loses_nothing() -> None:
    raw = (SAMPLES / "us-mali-surveillance-2026-03-10.txt").read_text("utf-8")
    cleaned = clean_text(raw)
    paragraphs = [" ".join(p.split()) for p in raw.split("\n\n") if p.strip()]
    assert cleaned.split("\n\n") == paragraphs


def test_trailing_list_and_its_lead_in_survive_furniture_after_them() -> None:
    text = (
        "Die Junta stellte drei Forderungen:\n"
        "- Abzug aller Truppen\n"
        "- Ende der Überflüge\n\n"
        "Anzeige\n\nArtikel teilen"
    )
    assert (
        clean_text(text) == "Die Junta stellte drei Forderungen:\n- Abzug aller Truppen\n- Ende der Überflüge"
    )


def test_control_characters_are_removed() -> None:
    assert clean_text("Bamako\x07 meldet\x1b Gespräche.\x00") == "Bamako meldet Gespräche."
