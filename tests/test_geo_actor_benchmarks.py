"""Fast tests of the geoparsing, event-location and actor benchmarks' scoring and readers."""

from __future__ import annotations

import importlib.util
import json
import sys
import zipfile
from collections import Counter
from pathlib import Path
from types import ModuleType

import pycountry

from eventscope.actors.registry import SECTORS, load_registry
from eventscope.types import ActorRef, Event, Location, Place, PlaceMention

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


geoparse = _load("geoparse")
event_location = _load("event_location")
actors = _load("actors")
place_use = _load("place_use")


# -- geoparse -----------------------------------------------------------------------------------

GWN_SNIPPET = """<?xml version="1.0" ?>
<articles>
\t<!--imitation of GeoWebNews-->
\t<article file="7">
\t\t<title>t</title>
\t\t<link>http://example.org</link>
\t\t<text>Syrian troops shelled Douma. Russians in Paris said the Kremlin agreed.</text>
\t\t<toponyms>
\t\t\t<toponym>
\t\t\t\t<extractedName>Douma</extractedName>
\t\t\t\t<normalisedName>Douma</normalisedName>
\t\t\t\t<type>Literal</type>
\t\t\t\t<modifierType />
\t\t\t\t<nonLocational>No</nonLocational>
\t\t\t\t<start>22</start>
\t\t\t\t<end>27</end>
\t\t\t\t<geonamesID>170654</geonamesID>
\t\t\t\t<latitude>33.57</latitude>
\t\t\t\t<longitude>36.40</longitude>
\t\t\t</toponym>
\t\t\t<toponym>
\t\t\t\t<extractedName>Syrian</extractedName>
\t\t\t\t<normalisedName>Syrian Arab Republic</normalisedName>
\t\t\t\t<type>Non_Literal_Modifier</type>
\t\t\t\t<modifierType>Adjective</modifierType>
\t\t\t\t<nonLocational>No</nonLocational>
\t\t\t\t<start>0</start>
\t\t\t\t<end>6</end>
\t\t\t\t<geonamesID>163843</geonamesID>
\t\t\t\t<latitude>35.0</latitude>
\t\t\t\t<longitude>38.0</longitude>
\t\t\t</toponym>
\t\t\t<toponym>
\t\t\t\t<extractedName>Russians</extractedName>
\t\t\t\t<normalisedName />
\t\t\t\t<type>Demonym</type>
\t\t\t\t<modifierType />
\t\t\t\t<nonLocational>No</nonLocational>
\t\t\t\t<start>29</start>
\t\t\t\t<end>37</end>
\t\t\t</toponym>
\t\t\t<toponym>
\t\t\t\t<extractedName>Paris</extractedName>
\t\t\t\t<normalisedName>Paris</normalisedName>
\t\t\t\t<type>Literal</type>
\t\t\t\t<modifierType />
\t\t\t\t<nonLocational>No</nonLocational>
\t\t\t\t<start>40</start>
\t\t\t\t<end>45</end>
\t\t\t\t<geonamesID>2988507</geonamesID>
\t\t\t\t<latitude>48.85341</latitude>
\t\t\t\t<longitude>2.3488</longitude>
\t\t\t</toponym>
\t\t\t<toponym>
\t\t\t\t<extractedName>Kremlin</extractedName>
\t\t\t\t<normalisedName />
\t\t\t\t<type>Coercion</type>
\t\t\t\t<modifierType />
\t\t\t\t<nonLocational>No</nonLocational>
\t\t\t\t<start>55</start>
\t\t\t\t<end>62</end>
\t\t\t</toponym>
\t\t</toponyms>
\t</article>
</articles>
"""


def test_geowebnews_converter(tmp_path: Path) -> None:
    path = tmp_path / "gwn.xml"
    path.write_text(GWN_SNIPPET, encoding="utf-8")
    [article] = geoparse.read_geowebnews(path)
    assert article.id == "7"
    assert [t.text for t in article.toponyms] == ["Syrian", "Douma", "Paris"]
    for t in article.toponyms:
        assert article.text[t.start : t.end] == t.text
    # "Paris" was annotated at 40–45 but sits at 41–46: re-anchored to the real occurrence.
    paris = article.toponyms[2]
    assert (paris.start, paris.geonameid, paris.lat) == (41, 2988507, 48.85341)
    assert article.toponyms[0].modifier == "Adjective"
    # The demonym and the coercion without coordinates are not gold.
    assert sorted(t.type for t in article.other) == ["Coercion", "Demonym"]
    assert geoparse.read_articles(path)[0].toponyms == article.toponyms


LGL_SNIPPET = """<?xml version="1.0" encoding="utf-8"?>
<articles>
<article docid="38543488">
<feedid>1137</feedid>
<title>Storm</title>
<text>A storm hit Bristol and Kingsport, and later Tennessee towns.</text>
<toponyms>
<toponym>
<start>12</start>
<end>19</end>
<gaztag geonameid="4749005">
<name>Bristol</name>
<fclass>P</fclass>
<fcode>PPL</fcode>
<lat>36.5959</lat>
<lon>-82.18847</lon>
<country>US</country>
<admin1>Virginia</admin1>
</gaztag>
<phrase>Bristol</phrase>
</toponym>
<toponym>
<start>23</start>
<end>32</end>
<gaztag geonameid="4632595">
<name>Kingsport</name>
<lat>36.54843</lat>
<lon>-82.56182</lon>
</gaztag>
<phrase>Kingsport</phrase>
</toponym>
<toponym>
<start>44</start>
<end>53</end>
<phrase>Tennessee</phrase>
</toponym>
</toponyms>
</article>
</articles>
"""


def test_lgl_style_reader(tmp_path: Path) -> None:
    # LGL and TR-News XML: <phrase> and a <gaztag> with the GeoNames id and point; a toponym
    # without a gaztag is no gold.
    path = tmp_path / "lgl.xml"
    path.write_text(LGL_SNIPPET, encoding="utf-8")
    [article] = geoparse.read_articles(path)
    assert article.id == "38543488"
    assert [(t.text, t.geonameid, t.lat) for t in article.toponyms] == [("Bristol", 4749005, 36.5959), ("Kingsport", 4632595, 36.54843)]
    for t in article.toponyms:
        assert article.text[t.start : t.end] == t.text
    assert [t.text for t in article.other] == ["Tennessee"]


def test_jsonl_reader(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    record = {"id": "a", "text": "Gao is in Mali.", "toponyms": [
        {"start": 0, "end": 3, "text": "Gao", "lat": 16.27, "lon": -0.04, "geonameid": 2457163},
        {"start": 10, "end": 14, "text": "Mali", "lat": None, "lon": None},
    ]}  # fmt: skip
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = geoparse.read_articles(path)
    assert [(t.text, t.geonameid) for t in article.toponyms] == [("Gao", 2457163)]
    assert article.lang == "en"  # no "lang": English, as GeoWebNews
    path.write_text(json.dumps({**record, "lang": "de"}) + "\n", encoding="utf-8")
    assert geoparse.read_articles(path)[0].lang == "de"


TOPONYM_FEATURES = {"country", "capital", "town", "admin1", "admin2", "region", "river", "channel", "point"}


def test_toponyms_de_fr_file_validates() -> None:
    """The team's German/French toponym set: offsets match the text, one gold place per span."""
    path = BENCHMARKS / "data" / "toponyms_de_fr.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len({r["id"] for r in records}) == len(records)
    per_lang = Counter(r["lang"] for r in records)
    assert set(per_lang) == {"de", "fr"} and min(per_lang.values()) >= 55
    forms: set[str] = set()
    for record in records:
        assert record["id"].startswith(record["lang"] + "-"), record["id"]
        text, toponyms = record["text"], record["toponyms"]
        assert toponyms, record["id"]
        end = 0
        for t in toponyms:
            where = (record["id"], t["text"], t["start"])
            assert text[t["start"] : t["end"]] == t["text"], where
            assert t["start"] >= end, where  # sorted, not overlapping
            end = t["end"]
            assert t["text"] == t["text"].strip() and not t["text"].lower().startswith(("l'", "d'", "l’", "d’")), where
            assert -90 <= t["lat"] <= 90 and -180 <= t["lon"] <= 180, where
            assert t["geonameid"] is None or (isinstance(t["geonameid"], int) and t["geonameid"] > 0), where
            assert t["feature"] in TOPONYM_FEATURES and t["type"] in {"Literal", "Metonymic"}, where
            forms.add(t["text"])
    # The traps the set promises (docs: benchmarks/data/README.md).
    for form in ("Gao", "Niger", "Nigers", "Koro", "Kati", "Léré", "Ménaka", "Kidal", "Tombouctou", "Timbuktu",
                 "Tillabéri", "Ouagadougou", "Djibo", "N'Djamena", "N’Djamena", "Liptako-Gourma", "Sahel",
                 "Sahelzone", "Malis", "Tschad", "Agadez", "Azawad", "Moskau", "Moscou", "Genf", "Brüssel"):  # fmt: skip
        assert form in forms, form
    [article] = [a for a in geoparse.read_articles(path) if a.id == "de-01"]
    assert article.lang == "de" and article.toponyms[0].geonameid == 2457163  # Gao, Mali


def test_place_error_same_geonameid_is_zero() -> None:
    gold = geoparse.Toponym(0, 2, "US", 39.76, -98.5, geonameid=6252001)
    centroid = Place("United States", 6252001, 38.0, -97.0, "USA", feature="country")
    assert geoparse.place_error_km(gold, centroid) == 0.0
    elsewhere = Place("Eu", 3019766, 50.05, 1.42, "FRA")
    assert geoparse.place_error_km(gold, elsewhere) > 5000


def test_span_matching_and_prf() -> None:
    gold = [(0, 5), (10, 22), (30, 34)]
    predicted = [(0, 5), (6, 22), (40, 44)]
    assert geoparse.match_spans(gold, predicted, lenient=False) == [(0, 0)]
    assert geoparse.match_spans(gold, predicted, lenient=True) == [(0, 0), (1, 1)]
    # One-to-one: two predictions inside one gold span match once.
    assert len(geoparse.match_spans([(0, 10)], [(0, 4), (5, 10)], lenient=True)) == 1
    s = geoparse.prf(tp=2, fp=1, fn=2)
    assert (s["precision"], s["recall"], s["f1"]) == (0.6667, 0.5, 0.5714)
    assert geoparse.prf(0, 0, 0)["f1"] == 0.0


def test_context_countries_weights_named_countries() -> None:
    focus = geoparse.context_countries(["USA", "USA", "FRA"], ["MLI", None, "MLI"])
    assert focus[0] == "MLI" and focus[1] == "USA"


def test_offset_map_follows_cleaning() -> None:
    original = "Hello  world.\n\n Gao is here."
    cleaned = "Hello world.\n\nGao is here."
    mapping = geoparse.offset_map(cleaned, original)
    start = cleaned.index("Gao")
    assert original[mapping[start] : mapping[start + 2] + 1] == "Gao"
    mention = PlaceMention("Gao", start, start + 3, 1, None)
    [moved] = geoparse.remap_mentions([mention], cleaned, original)
    assert original[moved.start : moved.end] == "Gao"


# -- event location -----------------------------------------------------------------------------


def _raw_record() -> dict[str, object]:
    text = "McCoy was captured in March in Las Vegas."
    words = [*text[:-1].split(" "), "."]
    tokens, position = [], 0
    for i, word in enumerate(words):
        start = text.index(word, position)
        tokens.append({"id": i, "start": start, "end": start + len(word), "text": word})
        position = start + len(word)
    return {
        "_id": "x1",
        "source": "AP",
        "text": text,
        "tokens": tokens,
        # start/end here are token indices, as in ~1,100 spans of the real file.
        "spans": [
            {"start": 2, "end": 2, "token_start": 2, "token_end": 2, "label": "VERB"},
            {
                "start": 6,
                "end": 7,
                "token_start": 6,
                "token_end": 7,
                "label": "LOCATION",
                "text": "Las Vegas",
            },
        ],
    }


def test_event_location_record_uses_token_offsets(tmp_path: Path) -> None:
    record = event_location.parse_record(_raw_record())
    assert record.text[slice(*record.verb)] == "captured"
    assert record.location_texts() == ["Las Vegas"]
    archive = tmp_path / "data.jsonl.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("labeled_text.jsonl", json.dumps([_raw_record(), {**_raw_record(), "spans": []}]))
    records = event_location.read_records(archive)
    assert len(records) == 2 and records[1].locations == []
    assert len(event_location.sample_records(records * 5, 3, seed=0)) == 3
    assert event_location.sample_records(records, 0, seed=0) == records


def _event(trigger: str, confidence: float, location: Location | None) -> Event:
    return Event("e-" + trigger, "ASSAULT", None, None, None, None, None, None, None, None,
                 "unknown", location, "asserted", None, confidence, [], "en", trigger=trigger)  # fmt: skip


def test_choose_event_and_location_match() -> None:
    record = event_location.parse_record(_raw_record())
    vegas = Place("Las Vegas", 5506956, 36.17, -115.14, "USA")
    march = Place("March", 2643000, 52.55, 0.09, "GBR")
    loc_vegas = Location.from_place(vegas, 1)
    loc_march = Location.from_place(march, 1)
    events = [_event("attack", 0.9, loc_march), _event("captured", 0.4, loc_vegas)]
    assert event_location.choose_event(events, record.verb, record.text).trigger == "captured"
    assert event_location.choose_event(events, None, record.text).trigger == "attack"
    assert event_location.choose_event([], record.verb, record.text) is None
    places = [
        PlaceMention("March", 22, 27, 0, march),
        PlaceMention("Las Vegas", 31, 40, 0, vegas),
    ]
    sentence = (0, len(record.text))

    def norm(text: str) -> str:
        return text.casefold()

    def no_resolve(name: str) -> int | None:
        return None

    match = event_location.location_match
    assert match(loc_vegas, places, sentence, record, norm, no_resolve) == "span"
    assert match(loc_march, places, sentence, record, norm, no_resolve) is None
    assert match(None, places, sentence, record, norm, no_resolve) is None
    # No producing mention, but the name agrees.
    assert match(loc_vegas, [], sentence, record, norm, no_resolve) == "name"


# -- actors -------------------------------------------------------------------------------------


def test_actor_mentions_file_validates() -> None:
    items = actors.read_items(actors.DEFAULT_DATA)
    assert len(items) >= 150
    per_lang = Counter(i.lang for i in items)
    assert set(per_lang) == {"de", "fr", "en"} and min(per_lang.values()) >= 45
    registry = load_registry()
    alpha3 = {c.alpha_3 for c in pycountry.countries}
    required = {"registry", "adjective_head", "compound", "title_person", "capital_metonym", "anaphora",
                "demonym", "trap_location", "trap_media"}  # fmt: skip
    assert required <= {i.category for i in items}
    seen: set[tuple[str, str]] = set()
    for item in items:
        assert item.mention in item.text, item
        assert item.expected.keys() >= actors.EXPECTED_KEYS, item
        assert (item.text, item.mention) not in seen, item
        seen.add((item.text, item.mention))
        ids = [item.expected["id"], *item.expected.get("alt_ids", [])]
        for actor_id in ids:
            if actor_id is not None:
                assert registry.get(actor_id) is not None or actor_id in alpha3, (actor_id, item)
        country = item.expected["country"]
        assert country is None or country in alpha3, item
        if item.is_trap:
            assert item.expected == {"id": None, "country": None, "sector": None}
        else:
            assert item.expected["sector"] in SECTORS, item
    # Key forms the benchmark promises to cover.
    mentions = {i.mention for i in items}
    for form in ("JNIM", "EIGS", "ISGS", "FAMa", "CEDEAO", "AES", "MINUSMA", "Africa Corps", "Pentagon",
                 "US-Außenministerium", "Moskau", "Malier", "Maliens"):  # fmt: skip
        assert form in mentions, form


def test_actor_scoring() -> None:
    item = actors.Item("de", "anaphora", "Niger hat X. Die Junta wirft Y vor.", "Die Junta",
                       {"id": "NER", "country": "NER", "sector": "MIL", "alt_ids": ["NER-CNSP"]})  # fmt: skip
    assert item.span() == (13, 22)
    junta = ActorRef("Die Junta", "Niger", "NER", "MIL", "NER-CNSP", 13, 22, "anaphor")
    niger = ActorRef("Niger", "Niger", "NER", "GOV", "NER", 0, 5, "state")
    assert actors.overlapping_actor([niger, junta], item.span()) is junta
    assert actors.overlapping_actor([niger], item.span()) is None
    good = actors.score_item(item, junta)
    assert good == {"coverage": True, "id": True, "country": True, "sector": True}
    wrong = actors.score_item(item, ActorRef("Die Junta", "France", "FRA", "MIL", "FRA", 13, 22))
    assert wrong == {"coverage": True, "id": False, "country": False, "sector": True}
    assert actors.score_item(item, None) == {
        "coverage": False,
        "id": False,
        "country": False,
        "sector": False,
    }
    trap = actors.Item("en", "trap_media", "Reuters reported it.", "Reuters",
                       {"id": None, "country": None, "sector": None})  # fmt: skip
    assert actors.score_item(trap, None) == {"trap_correct": True}
    assert actors.score_item(trap, niger) == {"trap_correct": False}
    summary = actors.aggregate([good, wrong, {"trap_correct": True}])
    assert summary == {"n": 2, "coverage": 1.0, "id": 0.5, "country": 0.5, "sector": 1.0,
                       "traps": 1, "trap_correct": 1.0}  # fmt: skip


# -- place use ----------------------------------------------------------------------------------


def test_place_use_file_validates() -> None:
    items = place_use.read_items(place_use.DEFAULT_DATA)  # checks offsets and uses
    assert len(items) >= 60
    assert {i.lang for i in items} == {"de", "fr", "en"}
    assert {i.split for i in items} == {"dev", "heldout"}
    per_use = Counter(i.use for i in items)
    assert set(per_use) == set(place_use.USES) and min(per_use.values()) >= 20
    assert len({i.id for i in items}) == len(items)


def test_place_use_scoring() -> None:
    item = place_use.Item("x", "de", "Moskau schickte Ausbilder nach Bamako.", "Bamako", 31, "literal")
    bamako = PlaceMention("Bamako", 31, 37, 0, None, "literal", "literal")
    moskau = PlaceMention("Moskau", 0, 6, 0, None, "mention", "metonymic")
    assert place_use.predicted_use(item, [moskau, bamako]) == "literal"
    assert place_use.predicted_use(item, [moskau]) == place_use.MISSED
    result = place_use.score([("literal", "literal"), ("metonymic", "literal"), ("demonym", "missed")])
    assert result["accuracy"] == round(1 / 3, 4) and result["accuracy_found"] == 0.5
    assert result["recall"] == {"literal": 1.0, "metonymic": 0.0, "demonym": 0.0}
    assert result["precision"] == {"literal": 0.5} and result["missed"] == 1


def test_geowebnews_types_as_uses() -> None:
    assert place_use.gwn_use("Literal", None) == "literal"
    assert place_use.gwn_use("Metonymic", None) == "metonymic"
    assert place_use.gwn_use("Non_Literal_Modifier", "Adjective") == "demonym"
    assert place_use.gwn_use("Non_Literal_Modifier", "Noun") == "metonymic"
    assert place_use.gwn_use("Literal_Modifier", "Noun") == "literal"
    assert place_use.gwn_use("Mixed", "Noun") is None
    assert place_use.gwn_use("Non_Lit_Expression", None) is None

