"""Where a sentence names a country: names, demonyms, capitals used for governments, institutions.

"the German government", "Polish Defense Minister", "Washington", "the Pentagon", "Ankara" all
resolve to an ISO3 code. Country names come from natosim.data (pycountry plus its alias table) and
capitals from the bundled allies table; demonyms and institutions are this module's gazetteer.
A capital followed by "summit", "Treaty" or "Declaration" names an event, not a government, and
Brussels (seat of NATO and the EU) is never read as Belgium.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from functools import lru_cache

from natosim.data import allies, country_name, resolve_country
from natosim.errors import UnknownCountry

#: Demonyms and adjectives (news English) → ISO3: the allies, aspirants and the usual comparators.
DEMONYMS: dict[str, str] = {
    "albanian": "ALB",
    "belgian": "BEL",
    "bulgarian": "BGR",
    "canadian": "CAN",
    "czech": "CZE",
    "german": "DEU",
    "danish": "DNK",
    "spanish": "ESP",
    "estonian": "EST",
    "finnish": "FIN",
    "french": "FRA",
    "british": "GBR",
    "greek": "GRC",
    "croatian": "HRV",
    "hungarian": "HUN",
    "icelandic": "ISL",
    "italian": "ITA",
    "lithuanian": "LTU",
    "luxembourgish": "LUX",
    "latvian": "LVA",
    "macedonian": "MKD",
    "north macedonian": "MKD",
    "montenegrin": "MNE",
    "dutch": "NLD",
    "norwegian": "NOR",
    "polish": "POL",
    "portuguese": "PRT",
    "romanian": "ROU",
    "slovak": "SVK",
    "slovakian": "SVK",
    "slovenian": "SVN",
    "slovene": "SVN",
    "swedish": "SWE",
    "turkish": "TUR",
    "american": "USA",
    "ukrainian": "UKR",
    "russian": "RUS",
    "georgian": "GEO",
    "chinese": "CHN",
    "belarusian": "BLR",
    "bosnian": "BIH",
    "moldovan": "MDA",
    "serbian": "SRB",
    "kosovar": "XKX",
    "austrian": "AUT",
    "swiss": "CHE",
    "irish": "IRL",
}

#: Institutions that stand for a government in news copy.
INSTITUTIONS: dict[str, str] = {
    "pentagon": "USA",
    "white house": "USA",
    "congress": "USA",
    "us senate": "USA",
    "u.s. senate": "USA",
    "capitol hill": "USA",
    "state department": "USA",
    "kremlin": "RUS",
    "bundestag": "DEU",
    "bundeswehr": "DEU",
    "chancellery": "DEU",
    "elysee": "FRA",
    "élysée": "FRA",
    "downing street": "GBR",
    "whitehall": "GBR",
    "westminster": "GBR",
    "sejm": "POL",
    "verkhovna rada": "UKR",
    "rada": "UKR",
}

#: Plain names and aliases in news English (natosim.data resolves the official ones).
NAMES: dict[str, str] = {
    "U.S.": "USA",
    "US": "USA",
    "U.S.A.": "USA",
    "USA": "USA",
    "United States": "USA",
    "America": "USA",
    "UK": "GBR",
    "U.K.": "GBR",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "United Kingdom": "GBR",
    "Turkey": "TUR",
    "Türkiye": "TUR",
    "Turkiye": "TUR",
    "Czech Republic": "CZE",
    "Czechia": "CZE",
    "Slovak Republic": "SVK",
    "North Macedonia": "MKD",
    "Macedonia": "MKD",
    "FYROM": "MKD",
    "Netherlands": "NLD",
    "Holland": "NLD",
    "Russia": "RUS",
    "Ukraine": "UKR",
    "China": "CHN",
    "Belarus": "BLR",
    "Georgia": "GEO",
    "Bosnia and Herzegovina": "BIH",
    "Bosnia-Herzegovina": "BIH",
    "Bosnia": "BIH",
    "Kosovo": "XKX",
    "Moldova": "MDA",
    "Serbia": "SRB",
    "Austria": "AUT",
    "Switzerland": "CHE",
    "Ireland": "IRL",
    "Japan": "JPN",
    "South Korea": "KOR",
    "Australia": "AUS",
    "Israel": "ISR",
    "India": "IND",
    "Iran": "IRN",
}

#: Words after a capital that make it an event or a document, not a government.
_NOT_GOVERNMENT = re.compile(
    r"^\s*(?:summit|Summit|Treaty|treaty|Declaration|declaration|Communiqu|communiqu|"
    r"Pledge|pledge|Commitment|Strategic|format|Format|Initiative|Process|Agreement)"
)
_NOT_GOVERNMENT_BEFORE = re.compile(r"(?:the|at|in|since|of|from)\s+(?:\d{4}\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    iso3: str
    start: int
    end: int
    text: str
    how: str  # "name" | "demonym" | "capital" | "institution"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    table = allies()
    lookup: dict[str, tuple[str, str]] = {}
    for code in table["iso3"]:
        lookup[country_name(code)] = (code, "name")
    for name, code in zip(table["name"], table["iso3"], strict=True):
        lookup[str(name)] = (code, "name")
    for name, code in NAMES.items():
        # natosim.data's resolver is the authority where it knows the name; the table covers the rest
        with contextlib.suppress(UnknownCountry):
            code = resolve_country(name)
        lookup[name] = (code, "name")
    for capital, code in zip(table["capital"], table["iso3"], strict=True):
        city = str(capital).split(",")[0].strip()
        if city and city not in ("Brussels", "Luxembourg", "Amsterdam"):
            lookup[city] = (code, "capital")
    lookup["The Hague"] = ("NLD", "capital")
    lookup["Kyiv"] = ("UKR", "capital")
    lookup["Kiev"] = ("UKR", "capital")
    lookup["Moscow"] = ("RUS", "capital")
    lookup["Beijing"] = ("CHN", "capital")
    lookup["Minsk"] = ("BLR", "capital")
    lookup["Tbilisi"] = ("GEO", "capital")
    for word, code in DEMONYMS.items():
        lookup[word.capitalize() if " " not in word else word.title()] = (code, "demonym")
    for word, code in INSTITUTIONS.items():
        lookup[word] = (code, "institution")
    keys = sorted(lookup, key=len, reverse=True)
    # case-sensitive for names (so "US" is not the pronoun "us"); institutions matched case-insensitively
    parts = []
    for key in keys:
        escaped = re.escape(key)
        if lookup[key][1] == "institution":
            parts.append(f"(?i:{escaped})")
        else:
            parts.append(escaped)
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(parts) + r")(?:'s|’s|s)?(?![\w])")
    return pattern, lookup


def mentions(text: str) -> list[Mention]:
    """Every country named in ``text`` (as name, demonym, capital or institution), left to right."""
    pattern, lookup = _patterns()
    found: list[Mention] = []
    for match in pattern.finditer(text):
        raw = match.group(0)
        key = re.sub(r"(?:'s|’s)$", "", raw)
        entry = lookup.get(key) or lookup.get(key.casefold())
        if entry is None and key.endswith("s"):  # "Americans", "Germans"
            entry = lookup.get(key[:-1])
        if entry is None:
            continue
        code, how = entry
        if how == "capital":
            after = text[match.end() : match.end() + 20]
            before = text[max(0, match.start() - 12) : match.start()]
            if _NOT_GOVERNMENT.match(after) or (
                _NOT_GOVERNMENT_BEFORE.search(before) and not after.strip().startswith(("'s", "’s"))
            ):
                continue
        if code == "GEO" and re.match(r"\s*(?:Senator|Governor|state)", text[match.end() : match.end() + 12]):
            continue
        if how == "name" and key == "Washington":
            continue
        found.append(Mention(code, match.start(), match.start() + len(key), key, how))
    return found
