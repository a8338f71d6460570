import pytest

from eventscope.config import Settings
from eventscope.geo.gazetteer import arabic_spelling_key, load_gazetteer
from eventscope.text.names import normalize_name


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer(Settings.from_env().cache_dir)


def test_normalize_name():
    assert normalize_name("Tillabéri") == normalize_name("TILLABERI") == "tillaberi"
    assert normalize_name("N’Djamena") == normalize_name("N'Djamena")


def test_document_context_disambiguates(gazetteer):
    assert gazetteer.resolve("Gao", ["MLI"]).country == "MLI"
    kati = gazetteer.resolve("Kati", ["MLI"])
    assert kati.country == "MLI" and kati.admin1 == "Koulikoro"


def test_countries_beat_places_of_the_same_name(gazetteer):
    niger = gazetteer.resolve("Niger")
    assert niger.feature == "country" and niger.country == "NER"
    assert gazetteer.resolve("Tschad").country == "TCD"
    assert gazetteer.resolve("Elfenbeinküste").country == "CIV"


def test_exonyms_and_capitals(gazetteer):
    moscow = gazetteer.resolve("Moskau")
    assert moscow.country == "RUS" and moscow.feature == "capital"
    assert gazetteer.resolve("Alger").country == "DZA"
    niamey = gazetteer.resolve("Niamey")
    assert niamey.geonameid == 2440485 and abs(niamey.lat - 13.51) < 0.1


def test_airport_codes_are_not_names(gazetteer):
    # "GAO" is Guantánamo's airport code in GeoNames' alternate names.
    assert all(p.country != "CUB" for p in gazetteer.candidates("Gao"))


def test_german_declined_country_names(gazetteer):
    from eventscope.text.names import name_forms

    assert name_forms("Vereinigte Staaten")[:2] == ("Vereinigte Staaten", "Vereinigten Staaten")
    assert "Islamischen Staat" in name_forms("Islamischer Staat")
    assert name_forms("Mali") == ("Mali",)
    assert gazetteer.resolve("Vereinigten Staaten").country == "USA"


def test_german_genitive_of_a_country(gazetteer):
    assert gazetteer.resolve("Malis").country == "MLI"
    assert gazetteer.resolve("Malis").feature == "country"
    assert gazetteer.resolve("Russlands").country == "RUS"


def test_abbreviations_match_as_written(gazetteer):
    assert gazetteer.resolve("Calif.").admin1 == "California"
    assert gazetteer.resolve("B.C.").country == gazetteer.resolve("BC").country == "CAN"
    assert gazetteer.resolve("NSW").admin1 == "New South Wales"
    # One form, two places: the document's countries decide.
    assert gazetteer.resolve("SA", ["AUS"]).admin1 == "South Australia"
    assert gazetteer.resolve("SA", ["ZAF"]).feature == "country"
    assert gazetteer.resolve("T&T").country == "TTO"
    # The exceptions of the data file: "LA" is not Louisiana.
    la = gazetteer.resolve("LA")
    assert la is None or la.admin1 != "Louisiana"


def test_acronyms_are_not_towns(gazetteer):
    eu = gazetteer.resolve("EU")
    assert eu.feature == "region" and eu.name == "Europe"
    assert gazetteer.resolve("Eu").country == "FRA"  # the Norman town, written as a name


def test_name_qualified_by_state_or_country(gazetteer):
    springfield = gazetteer.resolve("Springfield, Ill.")
    assert springfield.admin1 == "Illinois" and springfield.feature == "town"
    assert gazetteer.resolve("Paris, Texas").admin1 == "Texas"
    dc = gazetteer.resolve("Washington, D.C.")
    assert dc.feature == "capital" and dc.country == "USA"
    # The qualifier is the state with a Tacoma in it, not the capital its name alone means.
    tacoma = gazetteer.resolve("Tacoma, Washington")
    assert tacoma.admin1 == "Washington" and tacoma.feature == "town"
    state = gazetteer.containing_area("Tacoma", "Washington", ["USA"])
    assert state.feature == "admin1" and state.name == "Washington"
    assert gazetteer.containing_area("Tacoma", "Oregon", ["USA"]).name == "Oregon"  # none inside: as it stands
    assert gazetteer.containing_area("Tacoma", "Boston") is None  # not a state or country


def test_a_named_state_does_not_make_a_village_beat_the_city(gazetteer):
    # The admin1 bonus picks between namesakes of similar size, not a village over a big city or a state.
    assert gazetteer.resolve("Florida", ["USA"], {("USA", "New York")}).feature == "admin1"
    assert gazetteer.resolve("Washington", ["USA"], {("USA", "New Jersey")}).feature == "capital"


def test_admin1_context_and_weights(gazetteer):
    # Without context the biggest Greenville (North Carolina); inside a Mississippi story the local one.
    assert gazetteer.resolve("Greenville", ["USA"]).admin1 == "North Carolina"
    assert gazetteer.resolve("Greenville", ["USA"], {("USA", "Mississippi")}).admin1 == "Mississippi"
    # Not against a city a hundred times its size: Louisville is Kentucky's in a Mississippi story.
    assert gazetteer.resolve("Louisville", ["USA"], {("USA", "Mississippi")}).admin1 == "Kentucky"
    # A country the document is mostly about pulls harder than one it names in passing.
    assert gazetteer.resolve("Cambridge", {"GBR": 1.0, "USA": 0.2}).country == "GBR"
    assert gazetteer.resolve("Cambridge", {"USA": 1.0, "GBR": 0.2}).country == "USA"


def test_a_big_city_needs_no_country(gazetteer):
    # A city of a million counts as in a country named once: "London" in a
    # story about Canada (and the US) is the capital, not London, Ontario...
    london = gazetteer.resolve("London", {"CAN": 1.0, "USA": 0.8})
    assert london.country == "GBR" and london.feature == "capital"
    # ...unless the story also names Ontario; and a state the story names still counts in full
    # (local news): London, Kentucky, in a Kentucky story; Paris, Texas, in a Texas one.
    assert gazetteer.resolve("London", ["CAN"], {("CAN", "Ontario")}).admin1 == "Ontario"
    assert gazetteer.resolve("London", ["USA"], {("USA", "Kentucky")}).admin1 == "Kentucky"
    assert gazetteer.resolve("Paris", ["USA"], {("USA", "Texas")}).admin1 == "Texas"
    # A country the story is about still decides between a small town and a foreign one.
    assert gazetteer.resolve("Koro", ["MLI"]).country == "MLI"  # not Coro, Venezuela (246,000)
    assert gazetteer.resolve("Léré", ["MLI"]).country == "MLI"
    assert gazetteer.resolve("Gao", ["MLI"]).country == "MLI"


def test_margin_says_how_unambiguous_a_name_is(gazetteer):
    _, only = gazetteer.resolve_scored("Ouagadougou")
    _, contested = gazetteer.resolve_scored("Springfield")
    assert only > 2.0 > contested


def test_seats_of_power_are_in_their_city(gazetteer):
    assert gazetteer.resolve("Kreml").geonameid == 524901
    assert gazetteer.resolve("White House").geonameid == 4140963
    assert gazetteer.resolve("Koulouba").country == "MLI"


def test_admin1_regions_carry_their_geonames_id(gazetteer):
    assert gazetteer.resolve("British Columbia").geonameid == 5909050


def test_a_leading_article_is_kept_when_it_is_part_of_the_name(gazetteer):
    # "Le Havre" is not Havre, Montana; the article is dropped only for unknown names ("the East Ghouta").
    for name, country in (("Le Havre", "FRA"), ("La Rochelle", "FRA"), ("Le Mans", "FRA"), ("Den Haag", "NLD"),
                          ("La Plata", "ARG")):  # fmt: skip
        place = gazetteer.resolve(name)
        assert place is not None and place.country == country, name
    assert gazetteer.resolve("the Niger").country == "NER"


def test_regions_that_are_geonames_features_carry_its_id_and_point(gazetteer):
    middle_east = gazetteer.resolve("Middle East")
    assert middle_east.geonameid == 6269133 and abs(middle_east.lat - 33.14) < 0.01
    assert gazetteer.resolve("Atlantic").geonameid == 3373405
    assert gazetteer.resolve("Indian Ocean").geonameid == 1545739
    # Central America keeps its own point: GeoNames' lies near Monterrey, Mexico.
    central = gazetteer.resolve("Central America")
    assert central.geonameid == 7729892 and central.lat < 20
    # Regions named by their adjective, as alternates.
    assert gazetteer.resolve("Kurdish").geonameid == 126585
    assert gazetteer.resolve("Arab world").geonameid == 6957698


def test_adjectives_of_countries_admin1_regions_and_regions(gazetteer):
    assert gazetteer.resolve_adjective("Scottish").name == "Scotland"
    assert gazetteer.resolve_adjective("English").geonameid == 6269131
    assert gazetteer.resolve_adjective("Syrian").country == "SYR"
    assert gazetteer.resolve_adjective("malische").country == "MLI"
    assert gazetteer.resolve_adjective("Chicago") is None  # a name, not an adjective


def test_arabic_article_may_be_dropped(gazetteer):
    # GeoNames writes "Al Qāmishlī", "Ar Raqqah"; news write "Qamishli", "Raqqah".
    qamishli = gazetteer.resolve("Qamishli")
    assert qamishli is not None and qamishli.country == "SYR"
    assert gazetteer.resolve("Raqqah").country == "SYR"
    # Only in Arabic-speaking countries: "El Paso" gives no "Paso".
    assert all(p.country != "USA" or p.name != "El Paso" for p in gazetteer.candidates("Paso"))


def test_other_latin_spellings_of_arabic_names(gazetteer):
    # No one way to write Arabic names in Latin letters: "ou"/"u", "ee"/"i", doubled letters,
    # the feminine ending with or without "h", the article.
    assert gazetteer.resolve("Fallouja").name == "Al Fallūjah"
    assert gazetteer.resolve("Nasiriyya").name == "Nasiriyah"
    assert gazetteer.resolve("Tikreet").name == "Tikrīt"
    assert gazetteer.resolve("Tarhounah").country == "LBY"
    assert arabic_spelling_key("al-fallouja") == arabic_spelling_key("al fallujah") == "faluja"
    # Only places in Arabic-speaking countries, and only for names no place bears.
    assert gazetteer.resolve("Pariss") is None
    assert gazetteer.resolve("Kirkouk").name == "Kirkuk"
    assert arabic_spelling_key("tall") is None  # too short to tell from other names


def test_continent_adjectives(gazetteer):
    # "the North American Free Trade Agreement", "Latin American history": the continent, not
    # the United States that a story about NAFTA names most.
    assert gazetteer.resolve("North American", ["USA"]).name == "North America"
    assert gazetteer.resolve("Latin American", ["USA"]).name == "Latin America"
    assert gazetteer.resolve_adjective("lateinamerikanischen").name == "Latin America"


def test_only_one_town_is_the_capital(gazetteer):
    # Twenty-one US towns are called Washington; only the one in the District of Columbia is the
    # capital (and gets its bonus), not Washington, New Jersey.
    capitals = [p for p in gazetteer.candidates("Washington") if p.feature == "capital"]
    assert [p.admin1 for p in capitals] == ["District of Columbia"]
    assert gazetteer.resolve("Berlin").country == "DEU"


def test_conflict_regions_without_an_admin_area(gazetteer):
    # Regions news name that GeoNames packages carry as no admin area (regions.toml).
    ghouta = gazetteer.resolve("Eastern Ghouta")
    assert ghouta.feature == "region" and ghouta.country == "SYR" and abs(ghouta.lat - 33.55) < 0.2
    assert gazetteer.resolve("Ghouta").country == "SYR"
    assert gazetteer.resolve("Bergkarabach").name == "Nagorno-Karabakh"
    assert gazetteer.resolve("Haut-Karabakh").country == "AZE"
    assert gazetteer.resolve("Niger Delta").country == "NGA"
    assert gazetteer.resolve("FATA").country == "PAK"


def test_macro_regions_are_regions_not_their_continent(gazetteer):
    # "Eastern Europe" had been Europe (a place inside the name), "the Balkans" nothing at all.
    for name, region in (
        ("Eastern Europe", "Eastern Europe"), ("Osteuropa", "Eastern Europe"), ("Asie du Sud-Est", "Southeast Asia"),
        ("Balkans", "Balkans"), ("Kaukasus", "Caucasus"), ("Caribbean", "Caribbean"), ("Afrique de l'Est", "East Africa"),
        ("Sibirien", "Siberia"), ("Nile Delta", "Nile Delta"),
    ):  # fmt: skip
        place = gazetteer.resolve(name)
        assert place is not None and place.feature == "region" and place.name == region, name
    assert gazetteer.resolve_adjective("Siberian").name == "Siberia"
    assert gazetteer.resolve_adjective("osteuropäischen").name == "Eastern Europe"
    assert gazetteer.resolve("Nile Delta").country == "EGY"


def test_the_islamic_republic_is_iran(gazetteer):
    # News' periphrasis for Iran; the other Islamic republics are named in full.
    assert gazetteer.resolve("Islamic Republic").country == "IRN"
    assert gazetteer.resolve("Islamische Republik").country == "IRN"
    assert gazetteer.resolve("République islamique de Mauritanie").country == "MRT"
    assert gazetteer.resolve("Islamic Republic of Pakistan").country == "PAK"


def test_former_and_short_names_of_countries(gazetteer):
    # data/regions.toml [[country_names]]: former names of a state still in being, short forms
    assert gazetteer.resolve("Soviet Union").country == "RUS"
    assert gazetteer.resolve("Sowjetunion").country == "RUS"
    assert gazetteer.resolve("USSR").country == "RUS"
    assert gazetteer.resolve_adjective("Soviet").country == "RUS"
    assert gazetteer.resolve("Ceylon").country == "LKA"
    assert gazetteer.resolve("Persia").feature == "country"  # not Gowanda, New York
    assert gazetteer.resolve("Korea").country == "KOR"  # not Koréa, Côte d'Ivoire
    assert gazetteer.resolve_adjective("Korean").country == "KOR"
    assert gazetteer.resolve("North Korea").country == "PRK"


def test_adjectives_of_more_admin1_regions(gazetteer):
    assert gazetteer.resolve_adjective("Sicilian").name == "Sicilia"
    assert gazetteer.resolve_adjective("bayerischen").name == "Bayern"
    assert gazetteer.resolve_adjective("Texan").admin1 == "Texas"
    assert gazetteer.resolve_adjective("Flemish").country == "BEL"


def test_the_gulf_is_the_persian_gulf(gazetteer):
    assert gazetteer.resolve("Gulf").name == "Persian Gulf"  # not Gulf province, Papua New Guinea
    assert gazetteer.resolve("the Gulf").name == "Persian Gulf"
    assert gazetteer.resolve("Gulf of Mexico").name == "Gulf of Mexico"


def test_the_west_is_a_region(gazetteer):
    # "Russia and the West", "Western countries": the Western world, not West, Texas, or a town
    # listing "Western" among its alternate names (Cuba City, Wisconsin).
    assert gazetteer.resolve("West").feature == "region"
    assert gazetteer.resolve("the West").geonameid == 9408659
    assert gazetteer.resolve_adjective("Western").name == "the West"
    assert gazetteer.resolve("Western").name == "the West"
    # A country's own "Western" region still wins in a story about that country.
    assert gazetteer.resolve("Western", {"GHA"}).country == "GHA"
    assert gazetteer.resolve("West", {"CMR"}).country == "CMR"


def test_a_world_city_filed_as_x_city_is_x(gazetteer):
    # GeoNames calls it "New York City"; news say "New York", also in a US story.
    for context in ((), ["USA"]):
        new_york = gazetteer.resolve("New York", context)
        assert new_york.geonameid == 5128581 and new_york.feature == "town"
    assert gazetteer.resolve("New York", ["USA"], [("USA", "New York")]).geonameid == 5128581
    assert gazetteer.resolve("Ho Chi Minh").feature == "town"
    # Smaller cities leave the bare name to the state, and a country of the name still wins.
    assert gazetteer.resolve("Oklahoma", ["USA"]).feature == "admin1"
    assert gazetteer.resolve("Kansas", ["USA"]).feature == "admin1"
    for country in ("Mexico", "Guatemala", "Panama", "Benin"):
        assert gazetteer.resolve(country).feature == "country"
    # The state is still there when asked for by kind ("upstate New York").
    assert gazetteer.resolve_kind("New York", "admin1", None).geonameid == 5128638
    # Sahel towns named like their region are unchanged.
    assert gazetteer.resolve("Gao", ["MLI"]).feature == "town"
    assert gazetteer.resolve("Bamako", ["MLI"]).feature == "capital"


def test_ceremonial_counties_that_geonames_lacks_are_unions_of_their_areas(gazetteer):
    # Metropolitan and split ceremonial counties (Lieutenancies Act 1997) are no admin2 areas of
    # GeoNames; they are indexed as the union of the areas they are made of.
    for name, (lat, lon) in {
        "Greater Manchester": (53.48, -2.24),  # Manchester
        "West Midlands": (52.48, -1.89),  # Birmingham
        "Berkshire": (51.45, -0.97),  # Reading
        "Merseyside": (53.41, -2.98),  # Liverpool
    }.items():
        place = gazetteer.resolve(name)
        assert place is not None and place.country == "GBR" and place.feature == "admin2", name
        assert abs(place.lat - lat) < 0.3 and abs(place.lon - lon) < 0.4, name
    # In a British story "Cheshire" is the county, not Cheshire, Connecticut.
    cheshire = gazetteer.resolve("Cheshire", {"GBR"})
    assert cheshire is not None and cheshire.name == "Cheshire" and cheshire.country == "GBR"


def test_an_area_split_by_compass_words_is_their_union(gazetteer):
    # "Yorkshire" is North, West and South Yorkshire (not Yorkshire, Virginia); "Sussex" East and
    # West Sussex; Chad's "Ennedi" Ennedi-Est and Ennedi-Ouest; Sudan's "Kordofan".
    for name, country, feature in (
        ("Yorkshire", "GBR", "admin2"),
        ("Sussex", "GBR", "admin2"),
        ("Ennedi", "TCD", "admin1"),
        ("Mayo-Kebbi", "TCD", "admin1"),
        ("Kordofan", "SDN", "admin1"),
    ):
        place = gazetteer.resolve(name)
        assert place is not None and (place.country, place.feature) == (country, feature), name
    yorkshire = gazetteer.resolve("Yorkshire")
    assert 53.4 < yorkshire.lat < 54.3 and -2.0 < yorkshire.lon < -1.0
    # Not where the shared name is another place of that country ("Tipperary" the town), or is
    # generic ("Highlands" of Papua New Guinea's Eastern/Western Highlands, "Cape" of South Africa's).
    assert gazetteer.resolve("Tipperary").feature == "town"
    assert all(p.country != "PNG" for p in gazetteer.candidates("Highlands"))
    assert all(p.country != "ZAF" or p.feature != "admin1" for p in gazetteer.candidates("Cape"))
    # Sahel towns are untouched.
    assert gazetteer.resolve("Gao", {"MLI"}).feature == "town"


def test_st_and_saint_are_one_name(gazetteer):
    # "St. Petersburg" is Saint Petersburg's name, not only an alternate: size and context decide
    # against St. Petersburg, Florida.
    assert gazetteer.resolve("St. Petersburg", {"USA": 1.0, "RUS": 1.0}).country == "RUS"
    assert gazetteer.resolve("St. Petersburg", {"USA": 1.0}, {("USA", "Florida"): 1.0}).admin1 == "Florida"
    assert gazetteer.resolve("Ft. Worth").name == "Fort Worth"


def test_a_name_qualified_by_a_county_is_sought_in_that_county(gazetteer):
    # GeoNames files all of England under one admin1: the county after the comma decides between
    # namesakes ("Gillingham" alone is the Kent town of 100,000, not the Dorset one of 9,000).
    assert gazetteer.resolve("Gillingham").admin2 == "Kent"
    assert gazetteer.resolve("Gillingham, Dorset").admin2 == "Dorset"
    assert gazetteer.containing_area("Gillingham", "Dorset").feature == "admin2"
    # An area union holds its members' towns, a union of unions theirs too: Featherstone by
    # Wakefield (West Yorkshire) is in Yorkshire; alone it is the Staffordshire one.
    assert gazetteer.resolve("Featherstone").admin2 == "Staffordshire"
    assert gazetteer.resolve("Featherstone, Yorkshire").admin2 == "Wakefield"
    assert gazetteer.resolve("Featherstone, West Yorkshire").admin2 == "Wakefield"
    assert gazetteer.lies_in(gazetteer.resolve("Kadugli"), gazetteer.resolve("Kordofan"))  # South Kordofan
    # No admin2 area where the qualifier alone is a town: Douentza, not the cercle of that name.
    assert gazetteer.containing_area("Boni", "Douentza", ["MLI"]) is None
