"""Geoparsing benchmark: toponym recognition and resolution (GeoWebNews or JSONL).

    python benchmarks/geoparse.py --data ../shared/data/geoparsing/GeoWebNews.xml [--limit N]
    python benchmarks/geoparse.py --data toponyms.jsonl
    python benchmarks/geoparse.py --data ... --dump errors.jsonl   # one line per gold toponym
    python benchmarks/geoparse.py --data benchmarks/data/toponyms_de_fr.jsonl --lang de

Input
    JSONL, one article per line: ``{"id", "lang", "text", "toponyms": [{"start", "end", "text",
    "lat", "lon", "geonameid", "type"}]}``; or, for a ``.xml`` path, GeoWebNews (Gritta et al.
    2019, "A Pragmatic Guide to Geoparsing Evaluation"), converted to the same structure by
    :func:`read_geowebnews`, or LGL / TR-News (the XML of Gritta et al.'s evaluation data:
    ``<toponym><start><end><phrase><gaztag geonameid><lat><lon>``) by :func:`read_lgl`. ``lang`` (optional, default ``"en"``; GeoWebNews is English) is the
    language the pipeline analyses the article in; ``--lang`` scores only the articles of one
    language (the team's German/French set, ``benchmarks/data/toponyms_de_fr.jsonl``).

Which GeoWebNews toponyms are gold
    The paper's taxonomy separates literal toponyms (Literal, Mixed, Coercion, Embedded_Literal,
    Literal_Modifier) and associative ones (Metonymic, Non_Literal_Modifier, Embedded_Non_Lit)
    from what is not a toponym for geoparsing (Demonym, Language, Homonym, Non_Toponym and the
    common-noun ``*_Expression`` annotations such as "lot" or "residents"). Gold here = the eight
    toponym types *with coordinates* (2,601 of 6,612 annotations; 9 Coercion items without
    coordinates are left out), i.e. the paper's literal + associative toponyms that can be
    resolved. Modifiers include adjectives ("Syrian", "French"); eventscope treats those as actors,
    not places, so ``nouns_only`` scores (gold minus ``modifierType == Adjective``) are reported
    for recognition and gold-span resolution too. Five annotations whose offsets do not match
    their text are re-anchored to the
    nearest occurrence of the name (within 300 characters) or dropped.

Scores
    Recognition: predicted spans are ``AnalyzedDocument.places`` (every LOC/GPE/FAC the pipeline
    geoparsed). Exact = same (start, end); lenient = character overlap, one-to-one.
    Resolution with gold spans: ``Geoparser.resolve_spans(text, gold spans, actors)``, the
    document-level resolution ``Geoparser.parse`` uses for its own spans: context from the actors
    the pipeline found, the countries the gold toponyms name and the places they name
    unambiguously. A toponym the gazetteer cannot resolve gets the maximum error 20,039 km
    (half the Earth's circumference), as in Gritta et al. A resolved place whose GeoNames id is the
    gold id counts 0 km (countries: eventscope's centroid and GeoNames' point differ by up to
    ~1,000 km for the same country; the raw distance would call a correct resolution wrong).
    End to end: predicted mentions that overlap a gold toponym, scored with the place the pipeline
    chose (unresolved → 20,039 km); ``acc_161km_of_gold`` divides the hits by all gold toponyms.
    Acc@161km = share of errors ≤ 161 km. AUC (lower is better) = area under the curve of the
    sorted scaled errors ln(1 + error_km) / ln(20039), by the trapezoidal rule over the sorted
    list, divided by (n − 1) — Gritta et al. 2018's ``np.trapz(log_err) / (ln(20039) * (n - 1))``.
Prints per-type recall, frequent misses and misresolutions, then ONE final JSON line.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventscope.scoring import MAX_ERROR_KM, haversine_km, prf, resolution_scores

if TYPE_CHECKING:
    from eventscope.types import ActorRef, Place, PlaceMention


#: GeoWebNews types that are toponyms to recognise and resolve (literal + associative).
GOLD_TYPES: frozenset[str] = frozenset(
    {
        "Literal",
        "Mixed",
        "Coercion",
        "Embedded_Literal",
        "Literal_Modifier",
        "Metonymic",
        "Non_Literal_Modifier",
        "Embedded_Non_Lit",
    }
)


@dataclass
class Toponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    type: str = "Literal"
    modifier: str | None = None


@dataclass
class Article:
    id: str
    text: str
    toponyms: list[Toponym] = field(default_factory=list)
    #: Annotated spans that are not gold (demonyms, expressions…), to explain false positives.
    other: list[Toponym] = field(default_factory=list)
    #: Language the pipeline analyses the article in (JSONL ``lang``; GeoWebNews is English).
    lang: str = "en"


# -- reading ------------------------------------------------------------------------------------


def _child_text(element: ET.Element, tag: str) -> str | None:
    child = element.find(tag)
    if child is None or child.text is None:
        return None
    value = child.text.strip()
    return value or None


def _reanchor(text: str, name: str, start: int, window: int = 300) -> int | None:
    """Start of the occurrence of ``name`` nearest to ``start`` (within ``window``), else None."""
    best: int | None = None
    position = text.find(name, max(0, start - window))
    while position != -1 and position <= start + window:
        if best is None or abs(position - start) < abs(best - start):
            best = position
        position = text.find(name, position + 1)
    return best


def _offsets(item: ET.Element, text: str, name: str) -> tuple[int, int] | None:
    """(start, end) of a toponym element's ``<start>``/``<end>``, re-anchored to the nearest
    occurrence of ``name`` when they do not hold it; None without a name or offsets."""
    start_s, end_s = _child_text(item, "start"), _child_text(item, "end")
    if not name or start_s is None or end_s is None:
        return None
    start, end = int(start_s), int(end_s)
    if text[start:end] == name:
        return start, end
    moved = _reanchor(text, name, start)
    return None if moved is None else (moved, moved + len(name))


def _toponym(
    span: tuple[int, int],
    name: str,
    point: tuple[str | None, str | None],
    geonameid: str | None,
    type: str,
    modifier: str | None = None,
) -> Toponym:
    """A toponym from an XML annotation's text fields (latitude, longitude, GeoNames id; any may
    be missing)."""
    lat_s, lon_s = point
    return Toponym(
        start=span[0],
        end=span[1],
        text=name,
        lat=float(lat_s) if lat_s is not None else None,
        lon=float(lon_s) if lon_s is not None else None,
        geonameid=int(geonameid) if geonameid and geonameid.isdigit() else None,
        type=type,
        modifier=modifier,
    )


def read_geowebnews(path: Path | str, gold_types: Iterable[str] = GOLD_TYPES) -> list[Article]:
    """GeoWebNews XML → articles; gold = ``gold_types`` annotations with coordinates."""
    wanted = frozenset(gold_types)
    root = ET.parse(path).getroot()
    articles: list[Article] = []
    for element in root.iter("article"):
        raw_text = element.find("text")
        text = raw_text.text if raw_text is not None and raw_text.text else ""
        article = Article(id=str(element.get("file", len(articles))), text=text)
        toponyms = element.find("toponyms")
        for item in toponyms if toponyms is not None else ():
            name = _child_text(item, "extractedName") or ""
            offsets = _offsets(item, text, name)
            if offsets is None:
                continue
            toponym = _toponym(
                offsets,
                name,
                (_child_text(item, "latitude"), _child_text(item, "longitude")),
                _child_text(item, "geonamesID"),
                type=_child_text(item, "type") or "",
                modifier=_child_text(item, "modifierType"),
            )
            if toponym.type in wanted and toponym.lat is not None and toponym.lon is not None:
                article.toponyms.append(toponym)
            else:
                article.other.append(toponym)
        article.toponyms.sort(key=lambda t: t.start)
        articles.append(article)
    return articles


def read_jsonl(path: Path | str) -> list[Article]:
    """JSONL articles ``{"id", "text", "toponyms": [{"start", "end", "text", "lat", "lon", ...}]}``."""
    articles: list[Article] = []
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            text = record["text"]
            toponyms = []
            for t in record.get("toponyms", []):
                if t.get("lat") is None or t.get("lon") is None:
                    continue
                toponyms.append(
                    Toponym(
                        start=int(t["start"]),
                        end=int(t["end"]),
                        text=t.get("text") or text[int(t["start"]) : int(t["end"])],
                        lat=float(t["lat"]),
                        lon=float(t["lon"]),
                        geonameid=int(t["geonameid"]) if t.get("geonameid") else None,
                        type=t.get("type", "Literal"),
                        modifier=t.get("modifier"),
                    )
                )
            articles.append(
                Article(
                    id=str(record.get("id", number)),
                    text=text,
                    toponyms=toponyms,
                    lang=str(record.get("lang") or "en"),
                )
            )
    return articles


def read_lgl(path: Path | str) -> list[Article]:
    """LGL-style XML → articles: LGL (Lieberman et al. 2010) and TR-News (Kamalloo and Rafiei
    2018) as Gritta et al. distribute them, ``<article docid><text>`` with ``<toponym><start>
    <end><phrase><gaztag geonameid><lat><lon>``; also GeoVirus-style ``<location><name><start>
    <end><lat><lon>``. Toponyms without coordinates are no gold (as GeoWebNews' nine Coercion
    items without coordinates: a prediction on one counts as a false positive in recognition);
    every gold one is "Literal"."""
    root = ET.parse(path).getroot()
    articles: list[Article] = []
    for element in root.iter("article"):
        raw = element.find("text")
        text = raw.text if raw is not None and raw.text else ""  # unstripped: offsets count every character
        article = Article(id=str(element.get("docid") or len(articles)), text=text)
        for item in (*element.iter("toponym"), *element.iter("location")):
            name = _child_text(item, "phrase") or _child_text(item, "name") or ""
            offsets = _offsets(item, text, name)
            if offsets is None:
                continue
            where = item.find("gaztag")
            point = where if where is not None else item
            toponym = _toponym(
                offsets,
                name,
                (_child_text(point, "lat"), _child_text(point, "lon")),
                where.get("geonameid") if where is not None else None,
                type="Literal",
            )
            (article.toponyms if toponym.lat is not None and toponym.lon is not None else article.other).append(toponym)
        article.toponyms.sort(key=lambda t: t.start)
        articles.append(article)
    return articles


def read_articles(path: Path | str) -> list[Article]:
    """JSONL, or XML by extension: GeoWebNews (``<extractedName>`` toponyms) or LGL-style."""
    if not str(path).lower().endswith(".xml"):
        return read_jsonl(path)
    return read_geowebnews(path) if ET.parse(path).getroot().find(".//extractedName") is not None else read_lgl(path)


# -- scoring ------------------------------------------------------------------------------------


def place_error_km(gold: Toponym, place: Place) -> float:
    """Distance from the gold point; 0 when the place is the gold GeoNames entry itself.

    Countries are where this matters: eventscope puts a country at its countryinfo centroid,
    GeoWebNews at GeoNames' point (the USA 235 km apart), so the same entity would miss 161 km.
    """
    if gold.geonameid is not None and place.geonameid == gold.geonameid:
        return 0.0
    assert gold.lat is not None and gold.lon is not None and place.lat is not None and place.lon is not None
    return haversine_km(gold.lat, gold.lon, place.lat, place.lon)


Span = tuple[int, int]


def match_spans(gold: Sequence[Span], predicted: Sequence[Span], lenient: bool) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, predicted index): exact spans, or any overlap if lenient.

    Lenient matching prefers the largest overlap so that "the Kodori Gorge" pairs with
    "Kodori Gorge" rather than a neighbouring span.
    """
    pairs: list[tuple[int, int, int]] = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(predicted):
            if lenient:
                overlap = min(ge, pe) - max(gs, ps)
                if overlap > 0:
                    pairs.append((overlap, gi, pi))
            elif (gs, ge) == (ps, pe):
                pairs.append((ge - gs, gi, pi))
    pairs.sort(key=lambda x: -x[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return sorted(out)


def context_countries(actor_countries: Iterable[str], country_of_toponyms: Iterable[str | None]) -> list[str]:
    """The 4 context countries of the first step of ``Geoparser.resolve_spans`` (actors 1, named
    countries 2), for lookups outside a document."""
    context: Counter[str] = Counter(c for c in actor_countries if c)
    for country in country_of_toponyms:
        if country:
            context[country] += 2
    return [c for c, _ in context.most_common(4)]


# -- running ------------------------------------------------------------------------------------


def offset_map(cleaned: str, original: str) -> list[int]:
    """For each character offset of ``cleaned`` (and its end), the offset in ``original``.

    The pipeline cleans text (strips boilerplate lines and stray spaces) before it finds places,
    so its offsets are into the cleaned text; this aligns them back with a character diff.
    """
    if cleaned == original:
        return list(range(len(cleaned) + 1))
    mapping = [-1] * (len(cleaned) + 1)
    matcher = difflib.SequenceMatcher(None, cleaned, original, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            mapping[a + k] = b + k
    mapping[len(cleaned)] = len(original)
    # Unmatched characters take the next matched position (ends) — good enough for spans.
    for i in range(len(cleaned) - 1, -1, -1):
        if mapping[i] == -1:
            mapping[i] = mapping[i + 1]
    return mapping


def remap_mentions(mentions: list[PlaceMention], cleaned: str, original: str) -> list[PlaceMention]:
    if cleaned == original:
        return list(mentions)
    mapping = offset_map(cleaned, original)
    out = []
    for m in mentions:
        start = mapping[m.start]
        end = mapping[m.end - 1] + 1 if m.end > m.start else start
        out.append(replace(m, start=start, end=end))
    return out


@dataclass
class Tally:
    exact: Counter[str] = field(default_factory=Counter)
    lenient: Counter[str] = field(default_factory=Counter)
    nouns: Counter[str] = field(default_factory=Counter)
    gold_errors: list[float] = field(default_factory=list)
    gold_noun_errors: list[float] = field(default_factory=list)
    gold_unresolved: int = 0
    e2e_errors: list[float] = field(default_factory=list)
    e2e_unresolved: int = 0
    gold_total: int = 0
    by_type: dict[str, Counter[str]] = field(default_factory=dict)
    missed: Counter[str] = field(default_factory=Counter)
    false_pos: Counter[str] = field(default_factory=Counter)
    fp_kind: Counter[str] = field(default_factory=Counter)
    unresolved_names: Counter[str] = field(default_factory=Counter)
    misresolved: Counter[str] = field(default_factory=Counter)


def _place_record(place: Place) -> dict[str, Any]:
    fields = ("name", "geonameid", "country", "admin1", "feature", "population", "lat", "lon")
    return {name: getattr(place, name) for name in fields}


def _mention_record(gold: Toponym, mention: PlaceMention) -> dict[str, Any]:
    place = mention.place
    missing = place is None or place.lat is None or place.lon is None
    return {
        "text": mention.text,
        "place": None if place is None else _place_record(place),
        "error_km": round(MAX_ERROR_KM if missing or place is None else place_error_km(gold, place), 1),
    }


def _dump_article(
    fh: Any,
    article: Article,
    resolved: Sequence[Any],
    actors: Sequence[ActorRef],
    matched: dict[int, PlaceMention] | None = None,
) -> None:
    """One JSON line per gold toponym: the gold, the place chosen with gold spans and its error,
    the text around it, the article's actor countries (to re-run the resolution offline) and,
    under ``end_to_end``, the pipeline's own mention that matched it (null when none did)."""
    actor_countries = sorted({a.country for a in actors if a.country})
    matched = matched or {}
    for i, (t, (place, near)) in enumerate(zip(article.toponyms, resolved, strict=True)):
        error = MAX_ERROR_KM if place is None or place.lat is None or place.lon is None else place_error_km(t, place)
        record = {
            "article": article.id,
            "start": t.start,
            "end": t.end,
            "text": t.text,
            "type": t.type,
            "modifier": t.modifier,
            "gold": {"geonameid": t.geonameid, "lat": t.lat, "lon": t.lon},
            "place": None if place is None else _place_record(place),
            "near": near,
            "error_km": round(error, 1),
            "context": article.text[max(0, t.start - 60) : t.end + 60],
            "actor_countries": actor_countries,
            "end_to_end": _mention_record(t, matched[i]) if i in matched else None,
        }
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def evaluate(articles: list[Article], verbose: bool = True, dump: Path | None = None) -> dict[str, Any]:
    from eventscope.config import Settings
    from eventscope.pipeline import Pipeline
    from eventscope.types import AnalyzedDocument, Document

    pipeline = Pipeline(Settings.from_env(embedder="none", workers=1))
    tally = Tally()
    started = time.perf_counter()
    failures = 0
    dump_fh = dump.open("w", encoding="utf-8") if dump is not None else None
    for number, article in enumerate(articles, start=1):
        result = pipeline.analyze(Document(text=article.text, id=f"gwn-{article.id}", language=article.lang))
        predicted_mentions: list[PlaceMention] = []
        actors: list[ActorRef] = []
        if not isinstance(result, AnalyzedDocument):
            failures += 1
        else:
            # The entity spans it geoparsed; the country adjectives it adds token by token
            # (kind "demonym") are no toponyms here, as the gold's Demonym type is not.
            spans = [m for m in result.places if m.kind != "demonym"]
            predicted_mentions = remap_mentions(spans, result.document.text, article.text)
            actors = list(result.actors)
        gold = article.toponyms
        gold_spans = [(t.start, t.end) for t in gold]
        pred_spans = [(m.start, m.end) for m in predicted_mentions]
        tally.gold_total += len(gold)
        exact = match_spans(gold_spans, pred_spans, lenient=False)
        lenient = match_spans(gold_spans, pred_spans, lenient=True)
        for pairs, counter in ((exact, tally.exact), (lenient, tally.lenient)):
            counter["tp"] += len(pairs)
            counter["fp"] += len(pred_spans) - len(pairs)
            counter["fn"] += len(gold_spans) - len(pairs)
        # Nouns only: adjectival modifiers left out of the gold; predictions overlapping them ignored.
        noun_idx = [i for i, t in enumerate(gold) if (t.modifier or "") != "Adjective"]
        adj_spans = [gold_spans[i] for i, t in enumerate(gold) if (t.modifier or "") == "Adjective"]
        noun_pairs = match_spans([gold_spans[i] for i in noun_idx], pred_spans, lenient=True)
        matched_p = {pi for _, pi in noun_pairs}
        ignored = {
            pi
            for pi, (ps, pe) in enumerate(pred_spans)
            if pi not in matched_p and any(min(pe, ae) > max(ps, as_) for as_, ae in adj_spans)
        }
        tally.nouns["tp"] += len(noun_pairs)
        tally.nouns["fp"] += len(pred_spans) - len(noun_pairs) - len(ignored)
        tally.nouns["fn"] += len(noun_idx) - len(noun_pairs)
        matched_gold = {gi: pi for gi, pi in lenient}
        for gi, t in enumerate(gold):
            counts = tally.by_type.setdefault(t.type, Counter())
            counts["gold"] += 1
            if gi in matched_gold:
                counts["found"] += 1
            else:
                tally.missed[t.text] += 1
        matched_pred = set(matched_gold.values())
        for pi, m in enumerate(predicted_mentions):
            if pi in matched_pred:
                continue
            tally.false_pos[m.text] += 1
            kind = next(
                (o.type for o in article.other if min(m.end, o.end) > max(m.start, o.start)),
                "unannotated",
            )
            tally.fp_kind[kind] += 1
        # Resolution with gold spans, in the document context the geoparser builds.
        resolved = pipeline.geoparser.resolve_spans(article.text, gold_spans, actors)
        if dump_fh is not None:
            _dump_article(dump_fh, article, resolved, actors, {gi: predicted_mentions[pi] for gi, pi in lenient})
        for t, (place, _) in zip(gold, resolved, strict=True):
            assert t.lat is not None and t.lon is not None
            is_noun = (t.modifier or "") != "Adjective"
            if place is None or place.lat is None or place.lon is None:
                tally.gold_errors.append(MAX_ERROR_KM)
                if is_noun:
                    tally.gold_noun_errors.append(MAX_ERROR_KM)
                tally.gold_unresolved += 1
                tally.unresolved_names[t.text] += 1
                continue
            error = place_error_km(t, place)
            tally.gold_errors.append(error)
            if is_noun:
                tally.gold_noun_errors.append(error)
            if error > 161.0:
                tally.misresolved[
                    f"{t.text} -> {place.name} ({place.country}, {place.feature}) {error:.0f} km"
                ] += 1
        # End to end: predicted mentions matching gold (lenient), with the pipeline's own place.
        for gi, pi in lenient:
            t, m = gold[gi], predicted_mentions[pi]
            assert t.lat is not None and t.lon is not None
            if m.place is None or m.place.lat is None or m.place.lon is None:
                tally.e2e_errors.append(MAX_ERROR_KM)
                tally.e2e_unresolved += 1
            else:
                tally.e2e_errors.append(place_error_km(t, m.place))
        if verbose and number % 25 == 0:
            print(
                f"  {number}/{len(articles)} articles, {time.perf_counter() - started:.1f}s", file=sys.stderr
            )
    if dump_fh is not None:
        dump_fh.close()
    seconds = time.perf_counter() - started
    e2e = resolution_scores(tally.e2e_errors)
    e2e["unresolved"] = tally.e2e_unresolved
    e2e["acc_161km_of_gold"] = round(
        sum(1 for e in tally.e2e_errors if e <= 161.0) / tally.gold_total if tally.gold_total else 0.0, 4
    )
    gold_scores = resolution_scores(tally.gold_errors)
    gold_scores["unresolved"] = tally.gold_unresolved
    return {
        "articles": len(articles),
        "gold_toponyms": tally.gold_total,
        "failures": failures,
        "seconds": round(seconds, 1),
        "recognition": {
            "exact": prf(tally.exact["tp"], tally.exact["fp"], tally.exact["fn"]),
            "lenient": prf(tally.lenient["tp"], tally.lenient["fp"], tally.lenient["fn"]),
            "nouns_only_lenient": prf(tally.nouns["tp"], tally.nouns["fp"], tally.nouns["fn"]),
            "recall_by_type": {
                k: round(v["found"] / v["gold"], 4) for k, v in sorted(tally.by_type.items()) if v["gold"]
            },
        },
        "gold_spans": gold_scores,
        "gold_spans_nouns_only": resolution_scores(tally.gold_noun_errors),
        "end_to_end": e2e,
        "_errors": {
            "missed": tally.missed.most_common(25),
            "false_positives": tally.false_pos.most_common(25),
            "false_positive_annotation": tally.fp_kind.most_common(),
            "unresolved": tally.unresolved_names.most_common(25),
            "misresolved": tally.misresolved.most_common(25),
            "gold_by_type": {k: v["gold"] for k, v in sorted(tally.by_type.items())},
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="GeoWebNews .xml or JSONL articles")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0 = all)")
    parser.add_argument("--lang", help="only the articles of this language (JSONL 'lang'; default: all)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    parser.add_argument("--dump", type=Path, help="write one JSON line per gold toponym (gold-span resolution) here")
    args = parser.parse_args(argv)
    articles = read_articles(args.data)
    if args.lang:
        articles = [a for a in articles if a.lang == args.lang]
    if args.limit > 0:
        articles = articles[: args.limit]
    result = evaluate(articles, verbose=not args.quiet, dump=args.dump)
    errors = result.pop("_errors")
    rec = result["recognition"]
    print(f"data: {args.data}  articles: {result['articles']}  gold toponyms: {result['gold_toponyms']}  "
          f"time: {result['seconds']}s")  # fmt: skip
    for name in ("exact", "lenient", "nouns_only_lenient"):
        s = rec[name]
        print(f"recognition {name:<19} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
              f"(tp {s['tp']} fp {s['fp']} fn {s['fn']})")  # fmt: skip
    print("recall by gold type (lenient): "
          + ", ".join(f"{k} {v:.2f} (n={errors['gold_by_type'][k]})" for k, v in rec["recall_by_type"].items()))  # fmt: skip
    for name in ("gold_spans", "gold_spans_nouns_only", "end_to_end"):
        s = result[name]
        print(f"resolution {name:<21} n {s['n']}  Acc@161km {s['acc_161km']:.3f}  median {s['median_km']} km  "
              f"AUC {s['auc']:.3f}  unresolved {s.get('unresolved', '-')}")  # fmt: skip
    print(f"end-to-end Acc@161km over all gold toponyms: {result['end_to_end']['acc_161km_of_gold']:.3f}")
    for key in ("missed", "false_positives", "false_positive_annotation", "unresolved", "misresolved"):
        print(f"{key}: " + "; ".join(f"{k} ×{v}" for k, v in errors[key]))
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
