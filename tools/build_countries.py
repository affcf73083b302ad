"""Regenerate ``tradefacts/data/countries.json`` (run once by hand; pycountry is NOT a runtime dep).

    /work/venv/bin/python tools/build_countries.py

Names come from ``pycountry`` (name / common_name / official_name when they read naturally);
demonyms, short forms, capitals and seats of government, and the words that are only sometimes
country names ("Turkey", "Chad", "Georgia", "Jordan"...) are curated below.
"""

from __future__ import annotations

import json
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parent.parent / "tradefacts" / "data" / "countries.json"

#: Preferred display name where pycountry's is awkward ("Korea, Republic of").
DISPLAY = {
    "KOR": "South Korea",
    "PRK": "North Korea",
    "VNM": "Vietnam",
    "TWN": "Taiwan",
    "RUS": "Russia",
    "IRN": "Iran",
    "SYR": "Syria",
    "LAO": "Laos",
    "BOL": "Bolivia",
    "VEN": "Venezuela",
    "TZA": "Tanzania",
    "MDA": "Moldova",
    "FSM": "Micronesia",
    "PSE": "Palestine",
    "VAT": "Vatican City",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "GBR": "United Kingdom",
    "USA": "United States",
    "CZE": "Czech Republic",
    "TUR": "Turkey",
    "CIV": "Ivory Coast",
    "BRN": "Brunei",
    "CPV": "Cape Verde",
    "SWZ": "Eswatini",
    "MKD": "North Macedonia",
    "FLK": "Falkland Islands",
    "VGB": "British Virgin Islands",
    "VIR": "US Virgin Islands",
}

#: Extra names and short forms (matched case-sensitively).
EXTRA_NAMES = {
    "USA": ["United States of America", "the United States", "America", "U.S.", "US", "U.S.A.",
            "USA"],
    "GBR": ["Britain", "Great Britain", "UK", "U.K.", "England", "Scotland", "Wales",
            "Northern Ireland"],
    "EUU": ["European Union", "EU", "E.U."],
    "KOR": ["South Korea", "Republic of Korea", "ROK", "S. Korea"],
    "PRK": ["North Korea", "DPRK"],
    "CHN": ["People's Republic of China", "PRC", "mainland China"],
    "TWN": ["Taiwan"],
    "VNM": ["Vietnam", "Viet Nam"],
    "RUS": ["Russia", "Russian Federation"],
    "IRN": ["Iran"],
    "SYR": ["Syria"],
    "LAO": ["Laos"],
    "TUR": ["Turkey", "Türkiye", "Turkiye"],
    "CZE": ["Czech Republic", "Czechia"],
    "NLD": ["Netherlands", "the Netherlands", "Holland"],
    "ARE": ["UAE", "U.A.E.", "United Arab Emirates", "Emirates"],
    "SAU": ["Saudi Arabia"],
    "COD": ["Democratic Republic of the Congo", "DR Congo", "DRC", "Congo-Kinshasa"],
    "COG": ["Republic of the Congo", "Congo-Brazzaville"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "MMR": ["Myanmar", "Burma"],
    "HKG": ["Hong Kong"],
    "MAC": ["Macau", "Macao"],
    "BRN": ["Brunei"],
    "CPV": ["Cape Verde"],
    "SWZ": ["Swaziland", "Eswatini"],
    "MKD": ["North Macedonia", "Macedonia"],
    "VAT": ["Vatican", "Vatican City", "Holy See"],
    "PSE": ["Palestine", "Palestinian Territories"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
    "TZA": ["Tanzania"],
    "MDA": ["Moldova"],
    "TLS": ["East Timor", "Timor-Leste"],
    "BIH": ["Bosnia", "Bosnia and Herzegovina"],
    "TTO": ["Trinidad and Tobago", "Trinidad"],
    "NZL": ["New Zealand"],
    "PHL": ["Philippines", "the Philippines"],
    "BHS": ["Bahamas", "the Bahamas"],
    "GMB": ["Gambia", "the Gambia"],
}

#: Demonyms / adjectives -> code (matched case-sensitively; "European" is deliberately absent:
#: it names a continent at least as often as the EU).
DEMONYMS = {
    "USA": ["American", "Americans"],
    "GBR": ["British", "Briton", "Britons", "English", "Scottish", "Welsh"],
    "EUU": [],
    "CHN": ["Chinese"],
    "JPN": ["Japanese"],
    "KOR": ["South Korean", "South Koreans", "Korean", "Koreans"],
    "PRK": ["North Korean", "North Koreans"],
    "IND": ["Indian", "Indians"],
    "MEX": ["Mexican", "Mexicans"],
    "CAN": ["Canadian", "Canadians"],
    "DEU": ["German", "Germans"],
    "FRA": ["French"],
    "ITA": ["Italian", "Italians"],
    "ESP": ["Spanish", "Spaniard", "Spaniards"],
    "PRT": ["Portuguese"],
    "NLD": ["Dutch"],
    "BEL": ["Belgian", "Belgians"],
    "CHE": ["Swiss"],
    "AUT": ["Austrian", "Austrians"],
    "SWE": ["Swedish", "Swede", "Swedes"],
    "NOR": ["Norwegian", "Norwegians"],
    "DNK": ["Danish", "Dane", "Danes"],
    "FIN": ["Finnish", "Finn", "Finns"],
    "ISL": ["Icelandic"],
    "IRL": ["Irish"],
    "POL": ["Polish", "Pole", "Poles"],
    "CZE": ["Czech", "Czechs"],
    "SVK": ["Slovak", "Slovakian"],
    "HUN": ["Hungarian", "Hungarians"],
    "ROU": ["Romanian", "Romanians"],
    "BGR": ["Bulgarian", "Bulgarians"],
    "GRC": ["Greek", "Greeks"],
    "HRV": ["Croatian", "Croat", "Croats"],
    "SRB": ["Serbian", "Serb", "Serbs"],
    "SVN": ["Slovenian", "Slovene"],
    "UKR": ["Ukrainian", "Ukrainians"],
    "RUS": ["Russian", "Russians"],
    "BLR": ["Belarusian"],
    "TUR": ["Turkish", "Turks"],
    "ISR": ["Israeli", "Israelis"],
    "IRN": ["Iranian", "Iranians"],
    "IRQ": ["Iraqi", "Iraqis"],
    "SAU": ["Saudi", "Saudis"],
    "ARE": ["Emirati", "Emiratis"],
    "QAT": ["Qatari"],
    "KWT": ["Kuwaiti"],
    "EGY": ["Egyptian", "Egyptians"],
    "ZAF": ["South African", "South Africans"],
    "NGA": ["Nigerian", "Nigerians"],
    "KEN": ["Kenyan", "Kenyans"],
    "ETH": ["Ethiopian", "Ethiopians"],
    "GHA": ["Ghanaian"],
    "MAR": ["Moroccan", "Moroccans"],
    "DZA": ["Algerian"],
    "TUN": ["Tunisian"],
    "AUS": ["Australian", "Australians"],
    "NZL": ["New Zealander", "New Zealanders"],
    "BRA": ["Brazilian", "Brazilians"],
    "ARG": ["Argentine", "Argentinian", "Argentines"],
    "CHL": ["Chilean", "Chileans"],
    "COL": ["Colombian", "Colombians"],
    "PER": ["Peruvian"],
    "VEN": ["Venezuelan", "Venezuelans"],
    "ECU": ["Ecuadorian"],
    "CUB": ["Cuban", "Cubans"],
    "PAN": ["Panamanian"],
    "GTM": ["Guatemalan"],
    "HND": ["Honduran"],
    "SLV": ["Salvadoran"],
    "NIC": ["Nicaraguan"],
    "CRI": ["Costa Rican"],
    "DOM": ["Dominican"],
    "VNM": ["Vietnamese"],
    "THA": ["Thai"],
    "MYS": ["Malaysian", "Malaysians"],
    "SGP": ["Singaporean", "Singaporeans"],
    "IDN": ["Indonesian", "Indonesians"],
    "PHL": ["Filipino", "Filipinos", "Philippine"],
    "KHM": ["Cambodian", "Cambodians"],
    "LAO": ["Laotian"],
    "MMR": ["Burmese"],
    "BGD": ["Bangladeshi", "Bangladeshis"],
    "PAK": ["Pakistani", "Pakistanis"],
    "LKA": ["Sri Lankan"],
    "NPL": ["Nepalese", "Nepali"],
    "AFG": ["Afghan", "Afghans"],
    "KAZ": ["Kazakh", "Kazakhstani"],
    "UZB": ["Uzbek"],
    "MNG": ["Mongolian"],
    "TWN": ["Taiwanese"],
    "HKG": [],
    "LUX": ["Luxembourgish"],
    "EST": ["Estonian"],
    "LVA": ["Latvian"],
    "LTU": ["Lithuanian"],
    "LBN": ["Lebanese"],
    "JOR": ["Jordanian", "Jordanians"],
    "SYR": ["Syrian", "Syrians"],
    "YEM": ["Yemeni"],
    "OMN": ["Omani"],
    "BHR": ["Bahraini"],
    "LBY": ["Libyan"],
    "SDN": ["Sudanese"],
    "AGO": ["Angolan"],
    "ZMB": ["Zambian"],
    "ZWE": ["Zimbabwean"],
    "TZA": ["Tanzanian"],
    "UGA": ["Ugandan"],
    "SEN": ["Senegalese"],
    "CIV": ["Ivorian"],
    "CMR": ["Cameroonian"],
    "GEO": ["Georgian"],
    "ARM": ["Armenian"],
    "AZE": ["Azerbaijani"],
    "CYP": ["Cypriot"],
    "MLT": ["Maltese"],
    "URY": ["Uruguayan"],
    "PRY": ["Paraguayan"],
    "BOL": ["Bolivian"],
    "JAM": ["Jamaican"],
    "HTI": ["Haitian"],
}

#: Capitals and seats of government used as metonyms ("Tokyo said", "talks in Brussels").
CAPITALS = {
    "USA": ["Washington", "Washington, D.C.", "Washington DC"],
    "JPN": ["Tokyo"],
    "CHN": ["Beijing", "Peking"],
    "KOR": ["Seoul"],
    "PRK": ["Pyongyang"],
    "GBR": ["London"],
    "EUU": ["Brussels"],
    "CAN": ["Ottawa"],
    "MEX": ["Mexico City"],
    "IND": ["New Delhi", "Delhi"],
    "DEU": ["Berlin"],
    "FRA": ["Paris"],
    "ITA": ["Rome"],
    "ESP": ["Madrid"],
    "RUS": ["Moscow"],
    "UKR": ["Kyiv", "Kiev"],
    "TWN": ["Taipei"],
    "VNM": ["Hanoi"],
    "THA": ["Bangkok"],
    "MYS": ["Kuala Lumpur"],
    "SGP": [],
    "IDN": ["Jakarta"],
    "PHL": ["Manila"],
    "KHM": ["Phnom Penh"],
    "AUS": ["Canberra"],
    "NZL": ["Wellington"],
    "BRA": ["Brasilia", "Brasília"],
    "ARG": ["Buenos Aires"],
    "CHL": ["Santiago"],
    "COL": ["Bogota", "Bogotá"],
    "ZAF": ["Pretoria"],
    "EGY": ["Cairo"],
    "TUR": ["Ankara"],
    "ISR": ["Jerusalem"],
    "IRN": ["Tehran"],
    "SAU": ["Riyadh"],
    "ARE": ["Abu Dhabi"],
    "PAK": ["Islamabad"],
    "BGD": ["Dhaka"],
    "CHE": ["Bern"],
    "NLD": ["Amsterdam", "The Hague"],
    "BEL": [],
    "AUT": ["Vienna"],
    "POL": ["Warsaw"],
    "SWE": ["Stockholm"],
    "NOR": ["Oslo"],
    "DNK": ["Copenhagen"],
    "FIN": ["Helsinki"],
    "IRL": ["Dublin"],
    "PRT": ["Lisbon"],
    "GRC": ["Athens"],
    "HUN": ["Budapest"],
    "CZE": ["Prague"],
    "ROU": ["Bucharest"],
    "NGA": ["Abuja"],
    "KEN": ["Nairobi"],
    "ETH": ["Addis Ababa"],
    "QAT": ["Doha"],
    "PER": ["Lima"],
    "VEN": ["Caracas"],
    "CUB": ["Havana"],
}

#: Country names that are also ordinary words or first names: only counted when the model
#: tags them as a place (GPE/LOC/NORP) or they take a country possessive ("Jordan's king").
AMBIGUOUS = ["Turkey", "Chad", "Georgia", "Jordan", "Guinea", "Niger", "Togo", "Mali", "Cuba",
             "Jersey", "Dominica", "Panama", "Israel", "Lebanon", "Kosovo", "Montenegro",
             "Oman", "Peru", "Monaco", "Malta", "Samoa", "Tonga", "Nauru", "Chile", "Grenada",
             "Jamaica", "Santiago", "Lima", "Victoria", "Delhi", "Wellington", "Georgian",
             "Dominican", "Turks", "Poles", "Pole", "Finn", "Finns", "Swede", "Dane", "English",
             "Panamanian", "Santiago", "Bern", "Rome", "Paris", "Lisbon", "Sofia", "Victoria",
             "Indian", "Indians", "Korean", "Koreans", "Holland", "Emirates", "Trinidad",
             "Wales", "Scotland", "England", "Macedonia", "Congo"]


def _pycountry_names(country: object) -> list[str]:
    names = []
    for attr in ("name", "common_name", "official_name"):
        value = getattr(country, attr, None)
        if value and "," not in value and "(" not in value:
            names.append(value)
    return names


def build() -> dict[str, object]:
    """The countries table: one record per ISO3 code (plus EUU)."""
    records: dict[str, dict[str, object]] = {}
    for c in pycountry.countries:
        code = c.alpha_3
        names = _pycountry_names(c)
        display = DISPLAY.get(code) or (names[0] if names else c.name)
        records[code] = {"name": display, "names": names}
    records["EUU"] = {"name": "European Union", "names": []}
    for code, rec in records.items():
        names = [rec["name"], *rec["names"], *EXTRA_NAMES.get(code, [])]  # type: ignore[misc]
        names = [n[4:] if n.startswith("the ") else n for n in names]
        rec["names"] = sorted(dict.fromkeys(n for n in names if n))
        rec["demonyms"] = DEMONYMS.get(code, [])
        rec["capitals"] = CAPITALS.get(code, [])
    return {
        "_about": "Generated by tools/build_countries.py from pycountry plus curated demonyms, "
        "short forms and capitals. Edit the script, not this file.",
        "ambiguous": sorted(set(AMBIGUOUS)),
        "countries": dict(sorted(records.items())),
    }


if __name__ == "__main__":
    OUT.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
