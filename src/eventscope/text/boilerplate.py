"""Rules that recognise page furniture (ads, link boxes, credits, tags) line by line.

The rules are general patterns for German, French and English news pages. They are
deliberately conservative: a line that ends like a sentence of prose is only removed
when it is unmistakably a caption credit or consent notice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_I = re.IGNORECASE

# A sentence ends in . ! ? … possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'»«“”’)\]]*$")

_AD_MARKER = re.compile(
    r"^[-–—*\s]*(?:ad|ads|anzeige|werbung|reklame|advertisement|advertising|sponsored(?: content)?|"
    r"gesponsert|publicité|publicite|annonce|contenu sponsorisé|paid content)[-–—*\s:.]*$",
    _I,
)

_RELATED_WORDS = (
    r"mehr zum thema|mehr zu diesem thema|zum thema|mehr dazu|mehr aus [\w-]+|lesen sie (?:auch|mehr|weiter)|"
    r"weiterlesen|weitere artikel|weitere nachrichten|auch interessant|"
    r"das könnte sie (?:auch )?interessieren|"
    r"read more|read also|read next|also read|related(?: articles| stories| content| coverage)?|"
    r"more on this (?:story|topic)|see also|you may also like|recommended(?: for you)?|"
    r"à lire aussi|a lire aussi|lire aussi|à lire également|lire la suite|voir aussi|à voir aussi|"
    r"sur le même sujet|sur le meme sujet|articles liés|nos articles|dans la même rubrique"
)
_RELATED = re.compile(rf"^(?:{_RELATED_WORDS})\s*(?:[:»>|–—-]\s*(?P<rest>.*))?$", _I)

_SHARE_PHRASE = re.compile(
    r"^(?:share|teilen|partager|tweet|drucken|print|imprimer|e-?mail|link kopieren|copy link|"
    r"copier le lien|(?:diesen )?artikel teilen|share this(?: article| story| page)?|"
    r"partager (?:cet article|sur [\w-]+)|auf [\w-]+ teilen|share on [\w-]+|teilen auf [\w-]+|"
    r"per e-?mail (?:teilen|versenden)|send by e-?mail|envoyer par e-?mail)[\s:.!]*$",
    _I,
)
_SOCIAL_TOKENS = frozenset({
    "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "xing", "email", "e-mail", "mail",
    "teilen", "share", "partager", "drucken", "print", "imprimer", "reddit", "pinterest", "flipboard",
    "messenger", "tweet", "threads", "bluesky", "mastodon", "instagram", "youtube", "tiktok", "copy",
    "link", "kopieren", "copier", "le", "lien", "sms",
})  # fmt: skip

_UI_LINE = re.compile(
    r"^(?:alle akzeptieren|accept all|tout accepter|akzeptieren|accept|accepter|zustimmen|"
    r"back to top|nach oben|retour en haut|zur startseite|startseite|home|accueil|menü|menu|"
    r"suche|search|rechercher|anmelden|log ?in|sign in|se connecter|abonnieren|jetzt abonnieren|"
    r"subscribe|s'abonner|abonnez-vous|video abspielen|play video|audio anhören|listen|écouter|"
    r"bild vergrößern|zur merkliste|merken|kommentare|comments|commentaires|kommentieren|"
    r"skip to (?:main )?content|zum inhalt springen|aller au contenu|alle rechte vorbehalten|"
    r"all rights reserved|tous droits réservés|bildergalerie|galerie|mehr anzeigen|show more|voir plus)"
    r"[\s:.!]*(?:\(\d+\)|\d+)?$",
    _I,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", _I)
_COOKIE_NOTICE = re.compile(
    r"\b(?:we use|wir (?:verwenden|nutzen|setzen)|nous utilisons|this (?:web)?site uses|"
    r"diese (?:web)?seite (?:verwendet|nutzt)|diese website (?:verwendet|nutzt)|ce site utilise)\b"
    r".{0,80}\bcookies?\b",
    _I,
)
_NEWSLETTER_CTA = re.compile(
    r"abonn|subscribe|sign up|anmeld|inscri|bestell|registr|erhalten sie|receive|recevez|jetzt|"
    r"gratis|kostenlos|gratuit|free|unser|our|notre|nos\b",
    _I,
)

_AGENCIES = (
    r"keystone(?:-sda)?|sda|dpa|afp|ap|reuters|epa(?:-efe)?|efe|ansa|anadolu|getty(?: images)?|"
    r"imago(?: images)?|picture[ -]alliance|xinhua|kna|epd|ddp|sipa|abaca|belga|anp|apa|tass|"
    r"ria novosti|shutterstock|istock|unsplash|zuma|aa|afp via getty images"
)
# "… folgen. - keystone", "… Niamey. – AFP/Getty", "… | Foto: dpa"
_CREDIT_AFTER_DASH = re.compile(
    rf"\s[-–—|/]\s*(?:(?:foto|bild|photo|image)\s*:\s*)?(?:{_AGENCIES})(?:\s*[/,]\s*[\w .'-]{{1,40}})?\s*$",
    _I,
)
# "… Foto: dpa", "Bild: Keystone/AP Photo/J. Doe", "Crédit photo : AFP"
_CREDIT_LABEL = re.compile(
    r"(?:^|\s|[.!?])(?:fotos?|bild(?:er)?|bildquelle|photos?|image|crédits?(?: photo)?|credits?|"
    r"photo credit|fotograf(?:ie)?)\s*:\s*(?P<who>[^.!?:]{1,80})$",
    _I,
)
_CREDIT_COPYRIGHT = re.compile(r"©\s*[^.!?]{1,80}$")
_CREDIT_PAREN = re.compile(
    r"\((?:fotos?|bild|photo|image|crédit|credit|archiv(?:bild|foto)|symbolbild|image d'archive|"
    r"file photo|illustration)\b[^)]{0,80}\)\s*$",
    _I,
)
_CREDIT_ONLY = re.compile(
    rf"^\(?(?:symbolbild|archivbild|archivfoto|image d'archive|file photo|(?:{_AGENCIES}))"
    rf"(?:\s*[/,]\s*(?:{_AGENCIES}|[a-z]{{1,4}}))*\)?$",
    _I,
)
_MAX_CAPTION = 300

_TAG_SEPARATORS = re.compile(r"\s*[|·•›]\s*|\s+>\s+")

_LIST_ITEM = re.compile(r"^(?:[-–•*·▪]\s|\d{1,2}[.)]\s)")
_WEAK_MAX_WORDS = 10
_WEAK_MAX_CHARS = 100


def ends_like_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def is_weak(line: str) -> bool:
    """Short and not ending like a sentence: a link title, tag or label, not prose.

    Lines ending in a colon and list items are not weak: they introduce or carry prose.
    """
    return (
        bool(line)
        and not ends_like_sentence(line)
        and not line.endswith(":")
        and not _LIST_ITEM.match(line)
        and len(line) <= _WEAK_MAX_CHARS
        and len(line.split()) <= _WEAK_MAX_WORDS
    )


def _glue_points(token: str) -> int:
    """Places where a capitalised word is glued to the previous one ("RegierungMigration")."""
    return sum(
        1
        for i in range(1, len(token) - 1)
        if token[i - 1].islower() and token[i].isupper() and token[i + 1].islower()
    )


def _is_glued_tags(line: str) -> bool:
    tokens = line.split()
    if not tokens or ends_like_sentence(line) or not all(t.replace("-", "").isalpha() for t in tokens):
        return False
    glue = [_glue_points(t) for t in tokens]
    if len(tokens) == 1:
        return glue[0] >= 2  # three or more words glued; "McDonald" has only one point
    return all(g >= 1 for g in glue) and sum(glue) >= 2


def _is_tag_list(line: str) -> bool:
    parts = _TAG_SEPARATORS.split(line)
    if len(parts) < 2 or any(not p for p in parts):
        return False
    return all(len(p) <= 40 and len(p.split()) <= 4 and not ends_like_sentence(p) for p in parts)


def _is_share_line(line: str) -> bool:
    if _SHARE_PHRASE.match(line):
        return True
    tokens = [t for t in re.split(r"[\s|·•/,]+", line.lower()) if t]
    return len(tokens) >= 2 and all(t in _SOCIAL_TOKENS for t in tokens)


def _is_caption_credit(line: str) -> bool:
    if len(line) > _MAX_CAPTION:
        return False
    if _CREDIT_ONLY.match(line) or _CREDIT_AFTER_DASH.search(line) or _CREDIT_PAREN.search(line):
        return True
    if _CREDIT_COPYRIGHT.search(line):
        return True
    label = _CREDIT_LABEL.search(line)
    return bool(label and len(label.group("who").split()) <= 6)


def _is_consent_or_newsletter(line: str) -> bool:
    lower = line.lower()
    if _COOKIE_NOTICE.search(line) and len(line) <= _MAX_CAPTION:
        return True
    if "cookie" in lower and is_weak(line):
        return True
    if "newsletter" in lower and len(line) <= 160:
        return lower.strip(" :.!") == "newsletter" or bool(_NEWSLETTER_CTA.search(line))
    return False


def boilerplate_rule(line: str) -> str | None:
    """The name of the rule that marks ``line`` (already stripped) as boilerplate, or None."""
    if not line:
        return None
    if len(line) <= 3 and not ends_like_sentence(line):
        return "stray"
    checks: tuple[tuple[str, bool], ...] = (
        ("ad", bool(_AD_MARKER.match(line))),
        ("related", bool(_RELATED.match(line)) and len(line) <= 200),
        ("share", _is_share_line(line)),
        ("ui", bool(_UI_LINE.match(line))),
        ("copyright", bool(_COPYRIGHT.match(line)) and len(line) <= 160),
        ("consent", _is_consent_or_newsletter(line)),
        ("credit", _is_caption_credit(line)),
        ("tags", _is_glued_tags(line) or _is_tag_list(line)),
    )
    return next((name for name, hit in checks if hit), None)


def _link_box_end(lines: Sequence[str], start: int) -> int:
    """Index after the link titles that follow a bare "Mehr zum Thema:" at ``start``.

    Takes the rest of the marker's paragraph, or if it stands alone, the next paragraph,
    as long as every line is weak; prose or a second paragraph ends the box.
    """
    i = start + 1
    if i < len(lines) and not lines[i]:
        while i < len(lines) and not lines[i]:
            i += 1
    end = i
    while end < len(lines) and lines[end] and is_weak(lines[end]):
        end += 1
    if end < len(lines) and lines[end]:
        return i  # the block runs into prose: not a link box
    return end


def strip_boilerplate_lines(lines: Sequence[str]) -> list[str]:
    """``lines`` (stripped; ``""`` for blank) without boilerplate; blank lines are kept.

    Besides the per-line rules, removes the link titles under a bare related-links
    heading and a trailing block of short non-sentence lines that holds any boilerplate.
    """
    drop = [boilerplate_rule(line) is not None for line in lines]
    for i, line in enumerate(lines):
        match = _RELATED.match(line) if line else None
        if match and not (match.group("rest") or "").strip():
            for j in range(i + 1, _link_box_end(lines, i)):
                drop[j] = True
    # Trailing block: walk back over blank, dropped and weak lines from the end.
    start = len(lines)
    while start > 0 and (not lines[start - 1] or drop[start - 1] or is_weak(lines[start - 1])):
        start -= 1
    if any(drop[start:]):
        for j in range(start, len(lines)):
            drop[j] = True
    return [line for line, dropped in zip(lines, drop, strict=True) if not dropped or not line]
