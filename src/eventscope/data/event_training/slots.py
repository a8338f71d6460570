"""Slot lists for the template part of the event training data (see ``build.py``).

All names are generic or public place/organisation names; every sentence built from them is
invented.
"""

from __future__ import annotations

#: (town, country key) pairs from all ACLED regions.
TOWNS: list[tuple[str, str]] = [
    ("Gao", "MLI"), ("Mopti", "MLI"), ("Menaka", "MLI"), ("Tillaberi", "NER"), ("Diffa", "NER"),
    ("Djibo", "BFA"), ("Fada N'Gourma", "BFA"), ("Maiduguri", "NGA"), ("Zamfara", "NGA"), ("Kaduna", "NGA"),
    ("Jos", "NGA"), ("Bunia", "COD"), ("Beni", "COD"), ("Goma", "COD"), ("Mogadishu", "SOM"),
    ("Kismayo", "SOM"), ("Baidoa", "SOM"), ("El Fasher", "SDN"), ("Omdurman", "SDN"), ("Juba", "SSD"),
    ("Mekelle", "ETH"), ("Gondar", "ETH"), ("Pemba", "MOZ"), ("Bamenda", "CMR"), ("Bangui", "CAF"),
    ("Tripoli", "LBY"), ("Benghazi", "LBY"), ("Aleppo", "SYR"), ("Idlib", "SYR"), ("Deir ez-Zor", "SYR"),
    ("Daraa", "SYR"), ("Mosul", "IRQ"), ("Kirkuk", "IRQ"), ("Taiz", "YEM"), ("Marib", "YEM"),
    ("Hodeidah", "YEM"), ("Gaza City", "PSE"), ("Jenin", "PSE"), ("Kandahar", "AFG"), ("Kunduz", "AFG"),
    ("Peshawar", "PAK"), ("Quetta", "PAK"), ("Karachi", "PAK"), ("Srinagar", "IND"), ("Imphal", "IND"),
    ("Dantewada", "IND"), ("Kolkata", "IND"), ("Dhaka", "BGD"), ("Mandalay", "MMR"), ("Sagaing", "MMR"),
    ("Lashio", "MMR"), ("Marawi", "PHL"), ("Cotabato", "PHL"), ("Kharkiv", "UKR"), ("Bakhmut", "UKR"),
    ("Kherson", "UKR"), ("Zaporizhzhia", "UKR"), ("Belgorod", "RUS"), ("Culiacan", "MEX"), ("Zacatecas", "MEX"),
    ("Guerrero", "MEX"), ("Cali", "COL"), ("Catatumbo", "COL"), ("Cauca", "COL"), ("Port-au-Prince", "HTI"),
    ("Caracas", "VEN"), ("Lima", "PER"), ("Quito", "ECU"), ("Santiago", "CHL"), ("La Paz", "BOL"),
    ("Nairobi", "KEN"), ("Mandera", "KEN"), ("Kampala", "UGA"), ("Addis Ababa", "ETH"), ("Khartoum", "SDN"),
    ("Abidjan", "CIV"), ("Conakry", "GIN"), ("Dakar", "SEN"), ("Ndjamena", "TCD"), ("Tunis", "TUN"),
    ("Beirut", "LBN"), ("Tehran", "IRN"), ("Basra", "IRQ"), ("Lahore", "PAK"), ("Colombo", "LKA"),
    ("Kathmandu", "NPL"), ("Jakarta", "IDN"), ("Bangkok", "THA"), ("Yala", "THA"), ("Manila", "PHL"),
    ("Tbilisi", "GEO"), ("Yerevan", "ARM"), ("Belgrade", "SRB"), ("Paris", "FRA"), ("Berlin", "DEU"),
]  # fmt: skip

COUNTRIES: dict[str, dict[str, str]] = {
    "en": {
        "MLI": "Mali", "NER": "Niger", "BFA": "Burkina Faso", "NGA": "Nigeria", "COD": "Congo",
        "SOM": "Somalia", "SDN": "Sudan", "SSD": "South Sudan", "ETH": "Ethiopia", "MOZ": "Mozambique",
        "CMR": "Cameroon", "CAF": "the Central African Republic", "LBY": "Libya", "SYR": "Syria",
        "IRQ": "Iraq", "YEM": "Yemen", "PSE": "the Palestinian territories", "AFG": "Afghanistan",
        "PAK": "Pakistan", "IND": "India", "BGD": "Bangladesh", "MMR": "Myanmar", "PHL": "the Philippines",
        "UKR": "Ukraine", "RUS": "Russia", "MEX": "Mexico", "COL": "Colombia", "HTI": "Haiti",
        "VEN": "Venezuela", "PER": "Peru", "ECU": "Ecuador", "CHL": "Chile", "BOL": "Bolivia",
        "KEN": "Kenya", "UGA": "Uganda", "CIV": "Ivory Coast", "GIN": "Guinea", "SEN": "Senegal",
        "TCD": "Chad", "TUN": "Tunisia", "LBN": "Lebanon", "IRN": "Iran", "LKA": "Sri Lanka",
        "NPL": "Nepal", "IDN": "Indonesia", "THA": "Thailand", "GEO": "Georgia", "ARM": "Armenia",
        "SRB": "Serbia", "FRA": "France", "DEU": "Germany",
    },
    "de": {
        "MLI": "Mali", "NER": "Niger", "BFA": "Burkina Faso", "NGA": "Nigeria", "COD": "Kongo",
        "SOM": "Somalia", "SDN": "Sudan", "SSD": "Südsudan", "ETH": "Äthiopien", "MOZ": "Mosambik",
        "CMR": "Kamerun", "CAF": "der Zentralafrikanischen Republik", "LBY": "Libyen", "SYR": "Syrien",
        "IRQ": "Irak", "YEM": "Jemen", "PSE": "den palästinensischen Gebieten", "AFG": "Afghanistan",
        "PAK": "Pakistan", "IND": "Indien", "BGD": "Bangladesch", "MMR": "Myanmar", "PHL": "den Philippinen",
        "UKR": "der Ukraine", "RUS": "Russland", "MEX": "Mexiko", "COL": "Kolumbien", "HTI": "Haiti",
        "VEN": "Venezuela", "PER": "Peru", "ECU": "Ecuador", "CHL": "Chile", "BOL": "Bolivien",
        "KEN": "Kenia", "UGA": "Uganda", "CIV": "der Elfenbeinküste", "GIN": "Guinea", "SEN": "Senegal",
        "TCD": "dem Tschad", "TUN": "Tunesien", "LBN": "dem Libanon", "IRN": "dem Iran", "LKA": "Sri Lanka",
        "NPL": "Nepal", "IDN": "Indonesien", "THA": "Thailand", "GEO": "Georgien", "ARM": "Armenien",
        "SRB": "Serbien", "FRA": "Frankreich", "DEU": "Deutschland",
    },
    "fr": {
        "MLI": "au Mali", "NER": "au Niger", "BFA": "au Burkina Faso", "NGA": "au Nigeria", "COD": "en RDC",
        "SOM": "en Somalie", "SDN": "au Soudan", "SSD": "au Soudan du Sud", "ETH": "en Éthiopie",
        "MOZ": "au Mozambique", "CMR": "au Cameroun", "CAF": "en Centrafrique", "LBY": "en Libye",
        "SYR": "en Syrie", "IRQ": "en Irak", "YEM": "au Yémen", "PSE": "dans les territoires palestiniens",
        "AFG": "en Afghanistan", "PAK": "au Pakistan", "IND": "en Inde", "BGD": "au Bangladesh",
        "MMR": "en Birmanie", "PHL": "aux Philippines", "UKR": "en Ukraine", "RUS": "en Russie",
        "MEX": "au Mexique", "COL": "en Colombie", "HTI": "en Haïti", "VEN": "au Venezuela", "PER": "au Pérou",
        "ECU": "en Équateur", "CHL": "au Chili", "BOL": "en Bolivie", "KEN": "au Kenya", "UGA": "en Ouganda",
        "CIV": "en Côte d'Ivoire", "GIN": "en Guinée", "SEN": "au Sénégal", "TCD": "au Tchad",
        "TUN": "en Tunisie", "LBN": "au Liban", "IRN": "en Iran", "LKA": "au Sri Lanka", "NPL": "au Népal",
        "IDN": "en Indonésie", "THA": "en Thaïlande", "GEO": "en Géorgie", "ARM": "en Arménie",
        "SRB": "en Serbie", "FRA": "en France", "DEU": "en Allemagne",
    },
}  # fmt: skip

#: Named non-state armed groups (language-neutral names; articles added per language below).
GROUPS: dict[str, list[str]] = {
    "en": ["al-Shabaab fighters", "Boko Haram militants", "ISWAP fighters", "JNIM militants",
           "Islamic State fighters", "Taliban fighters", "ELN guerrillas", "FARC dissidents",
           "Houthi forces", "M23 rebels", "ADF militants", "Maoist rebels", "the Arakan Army",
           "a local militia", "suspected jihadists", "unidentified gunmen", "armed bandits",
           "separatist fighters", "RSF paramilitaries", "TTP militants", "the Kachin Independence Army",
           "People's Defence Force fighters", "Fano militiamen", "Ambazonian separatists",
           "a splinter faction of the rebels", "tribal fighters", "cartel gunmen", "SDF fighters"],
    "de": ["Al-Shabaab-Kämpfer", "Boko-Haram-Milizionäre", "ISWAP-Kämpfer", "JNIM-Dschihadisten",
           "Kämpfer des Islamischen Staates", "Taliban-Kämpfer", "ELN-Guerilleros", "FARC-Dissidenten",
           "Huthi-Rebellen", "M23-Rebellen", "ADF-Milizen", "maoistische Rebellen", "die Arakan-Armee",
           "eine örtliche Miliz", "mutmaßliche Dschihadisten", "unbekannte Bewaffnete", "bewaffnete Banditen",
           "Separatisten", "RSF-Paramilitärs", "Kämpfer der pakistanischen Taliban", "Kachin-Rebellen",
           "Kämpfer der Volksverteidigungskräfte", "Fano-Milizionäre", "anglophone Separatisten",
           "eine abtrünnige Rebellengruppe", "Stammeskämpfer", "Kartell-Schützen", "SDF-Kämpfer"],
    "fr": ["des combattants shebab", "des militants de Boko Haram", "des combattants de l'EIGS",
           "des jihadistes du JNIM", "des combattants de l'État islamique", "des talibans",
           "des guérilleros de l'ELN", "des dissidents des FARC", "les forces houthies", "les rebelles du M23",
           "des miliciens des ADF", "des rebelles maoïstes", "l'Armée d'Arakan", "une milice locale",
           "des jihadistes présumés", "des hommes armés non identifiés", "des bandits armés",
           "des séparatistes", "les paramilitaires des FSR", "des combattants du TTP", "des rebelles kachin",
           "des combattants des Forces de défense du peuple", "des miliciens Fano",
           "des séparatistes anglophones", "une faction dissidente des rebelles", "des combattants tribaux",
           "des tueurs d'un cartel", "des combattants des FDS"],
}  # fmt: skip

STATE: dict[str, list[str]] = {
    "en": ["the army", "government troops", "soldiers", "security forces", "the military", "the national guard",
           "special forces", "army units", "government forces", "the armed forces", "the gendarmerie",
           "border guards", "paratroopers", "marines", "regular troops"],
    "de": ["die Armee", "Regierungstruppen", "Soldaten", "Sicherheitskräfte", "das Militär",
           "die Nationalgarde", "Spezialkräfte", "Armeeeinheiten", "Regierungskräfte", "die Streitkräfte",
           "die Gendarmerie", "Grenzschützer", "Fallschirmjäger", "Marineinfanteristen", "reguläre Truppen"],
    "fr": ["l'armée", "les troupes gouvernementales", "des soldats", "les forces de sécurité", "les militaires",
           "la garde nationale", "les forces spéciales", "des unités de l'armée", "les forces gouvernementales",
           "les forces armées", "la gendarmerie", "des gardes-frontières", "des parachutistes",
           "des fusiliers marins", "les troupes régulières"],
}  # fmt: skip

POLICE: dict[str, list[str]] = {
    "en": ["police", "riot police", "anti-riot units", "the police", "officers", "security forces", "gendarmes"],
    "de": ["die Polizei", "Bereitschaftspolizei", "Polizisten", "Einsatzkräfte", "Sicherheitskräfte",
           "Gendarmen", "Spezialeinheiten der Polizei"],
    "fr": ["la police", "les forces anti-émeutes", "des policiers", "les forces de l'ordre", "des gendarmes",
           "les CRS", "les forces de sécurité"],
}  # fmt: skip

CIVILIANS: dict[str, list[str]] = {
    "en": ["villagers", "civilians", "farmers", "herders", "worshippers", "market traders", "passengers",
           "residents", "a family", "displaced people", "schoolchildren", "a village chief", "aid workers",
           "a journalist", "miners", "fishermen", "health workers", "a local councillor"],
    "de": ["Dorfbewohner", "Zivilisten", "Bauern", "Hirten", "Gläubige", "Markthändler", "Passagiere",
           "Anwohner", "eine Familie", "Vertriebene", "Schulkinder", "einen Dorfvorsteher", "Helfer",
           "einen Journalisten", "Bergleute", "Fischer", "Gesundheitshelfer", "einen Gemeinderat"],
    "fr": ["des villageois", "des civils", "des agriculteurs", "des éleveurs", "des fidèles",
           "des commerçants", "des passagers", "des habitants", "une famille", "des déplacés",
           "des écoliers", "un chef de village", "des humanitaires", "un journaliste", "des orpailleurs",
           "des pêcheurs", "des agents de santé", "un conseiller municipal"],
}  # fmt: skip

PROTESTERS: dict[str, list[str]] = {
    "en": ["students", "teachers", "farmers", "opposition supporters", "residents", "workers", "nurses",
           "taxi drivers", "women", "traders", "lawyers", "pensioners", "miners", "activists", "youths"],
    "de": ["Studenten", "Lehrer", "Bauern", "Oppositionsanhänger", "Anwohner", "Arbeiter", "Pflegekräfte",
           "Taxifahrer", "Frauen", "Händler", "Anwälte", "Rentner", "Bergarbeiter", "Aktivisten", "Jugendliche"],
    "fr": ["des étudiants", "des enseignants", "des agriculteurs", "des partisans de l'opposition",
           "des habitants", "des ouvriers", "des infirmières", "des chauffeurs de taxi", "des femmes",
           "des commerçants", "des avocats", "des retraités", "des mineurs", "des militants", "des jeunes"],
}  # fmt: skip

CAUSES: dict[str, list[str]] = {
    "en": ["against fuel price rises", "to demand the release of detained activists", "against the junta",
           "over unpaid wages", "against police brutality", "over power cuts", "against a new tax",
           "to demand fresh elections", "against the presence of foreign troops", "over water shortages",
           "against corruption", "against a land seizure", "in support of the deposed president"],
    "de": ["gegen höhere Spritpreise", "für die Freilassung inhaftierter Aktivisten", "gegen die Junta",
           "wegen ausstehender Löhne", "gegen Polizeigewalt", "wegen Stromausfällen", "gegen eine neue Steuer",
           "für Neuwahlen", "gegen die Präsenz ausländischer Truppen", "wegen Wassermangels",
           "gegen Korruption", "gegen eine Landenteignung", "zur Unterstützung des gestürzten Präsidenten"],
    "fr": ["contre la hausse du prix du carburant", "pour exiger la libération de militants détenus",
           "contre la junte", "pour des salaires impayés", "contre les violences policières",
           "contre les coupures d'électricité", "contre un nouvel impôt", "pour réclamer des élections",
           "contre la présence de troupes étrangères", "contre les pénuries d'eau", "contre la corruption",
           "contre une expropriation", "en soutien au président déchu"],
}  # fmt: skip

DATES: dict[str, list[str]] = {
    "en": ["on Monday", "on Tuesday", "on Wednesday", "late on Thursday", "on Friday", "on Saturday",
           "early on Sunday", "on 3 March", "on 14 July", "overnight", "on 22 October", "yesterday",
           "this morning", "last week", "on 9 January"],
    "de": ["am Montag", "am Dienstag", "am Mittwoch", "am späten Donnerstag", "am Freitag", "am Samstag",
           "am frühen Sonntag", "am 3. März", "am 14. Juli", "in der Nacht", "am 22. Oktober", "gestern",
           "heute Morgen", "vergangene Woche", "am 9. Januar"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi soir", "vendredi", "samedi", "dimanche matin",
           "le 3 mars", "le 14 juillet", "dans la nuit", "le 22 octobre", "hier", "ce matin",
           "la semaine dernière", "le 9 janvier"],
}  # fmt: skip

NUMS: dict[str, list[str]] = {
    "en": ["two", "three", "four", "five", "six", "seven", "eight", "10", "12", "15", "17", "21", "30", "45"],
    "de": ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "10", "12", "15", "17", "21", "30", "45"],
    "fr": ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "10", "12", "15", "17", "21", "30", "45"],
}  # fmt: skip

OFFICIALS: dict[str, list[str]] = {
    "en": ["the foreign minister", "the president", "the prime minister", "the defence minister",
           "the interior ministry", "the government", "the junta", "the UN envoy", "the African Union",
           "the European Union", "ECOWAS", "the opposition leader", "the army chief", "the spokesman"],
    "de": ["der Außenminister", "der Präsident", "der Ministerpräsident", "der Verteidigungsminister",
           "das Innenministerium", "die Regierung", "die Junta", "der UN-Gesandte", "die Afrikanische Union",
           "die Europäische Union", "die Ecowas", "der Oppositionsführer", "der Armeechef", "der Sprecher"],
    "fr": ["le ministre des Affaires étrangères", "le président", "le Premier ministre",
           "le ministre de la Défense", "le ministère de l'Intérieur", "le gouvernement", "la junte",
           "l'envoyé de l'ONU", "l'Union africaine", "l'Union européenne", "la Cédéao", "le chef de l'opposition",
           "le chef d'état-major", "le porte-parole"],
}  # fmt: skip
