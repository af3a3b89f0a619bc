"""Country resolution at the edges: every name, code or common spelling becomes an ISO3 code.

Inside natosim every country is its ISO 3166-1 alpha-3 code. Users type "Germany", "germany",
"DE", "DEU", "Türkiye", "Turkey", "the UK"; this module turns all of them into the code, using
pycountry for the standard names and a small alias table for what pycountry does not know. A name
that matches nothing raises ``UnknownCountry`` naming up to three close matches.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from natosim.deprecation import renamed
from natosim.errors import NotAnAlly, UnknownCountry

#: Spellings pycountry does not resolve, or resolves to something else. Kosovo has no ISO code;
#: XKX is the user-assigned code used by the EU and NATO documents.
ALIASES: dict[str, str] = {
    "turkey": "TUR",
    "turkiye": "TUR",
    "uk": "GBR",
    "u k": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "england": "GBR",
    "united kingdom": "GBR",
    "us": "USA",
    "u s": "USA",
    "usa": "USA",
    "u s a": "USA",
    "america": "USA",
    "united states": "USA",
    "united states of america": "USA",
    "czech republic": "CZE",
    "czechia": "CZE",
    "slovak republic": "SVK",
    "macedonia": "MKD",
    "fyrom": "MKD",
    "former yugoslav republic of macedonia": "MKD",
    "north macedonia": "MKD",
    "republic of north macedonia": "MKD",
    "holland": "NLD",
    "netherlands": "NLD",
    "russia": "RUS",
    "russian federation": "RUS",
    "south korea": "KOR",
    "korea": "KOR",
    "kosovo": "XKX",
    "xk": "XKX",
    "xkx": "XKX",
    "moldova": "MDA",
    "bosnia": "BIH",
    "bosnia and herzegovina": "BIH",
    "bosnia herzegovina": "BIH",
    "georgia": "GEO",
    "iran": "IRN",
    "syria": "SYR",
    "vietnam": "VNM",
    "taiwan": "TWN",
    "china": "CHN",
}

#: Names natosim prints for codes pycountry lacks.
EXTRA_NAMES: dict[str, str] = {"XKX": "Kosovo"}


def spelling_key(text: str) -> str:
    """Fold case and accents, drop dots and a leading 'the', so 'The U.S.' and 'us' compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.casefold().replace(".", " ").replace("-", " ").replace("’", "'")
    words = plain.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], dict[str, str]]:
    """(normalised spelling -> ISO3, ISO3 -> display name), built once from pycountry."""
    import pycountry

    lookup: dict[str, str] = {}
    names: dict[str, str] = dict(EXTRA_NAMES)
    for country in pycountry.countries:
        code = country.alpha_3
        display = getattr(country, "common_name", None) or country.name
        names[code] = display
        for spelling in (
            country.alpha_2,
            country.alpha_3,
            country.name,
            display,
            getattr(country, "official_name", None),
        ):
            if spelling:
                lookup.setdefault(spelling_key(spelling), code)
    for spelling, code in ALIASES.items():
        lookup[spelling_key(spelling)] = code
    names.update(
        {
            "TUR": "Türkiye",
            "GBR": "United Kingdom",
            "USA": "United States",
            "RUS": "Russia",
            "KOR": "South Korea",
            "CZE": "Czechia",
            "MDA": "Moldova",
        }
    )
    return lookup, names


def country_name(iso3: str) -> str:
    """The display name of an ISO3 code (the code itself if unknown)."""
    return _index()[1].get(iso3, iso3)


def close_matches(text: str, limit: int = 3, among: Iterable[str] | None = None) -> list[str]:
    """Up to ``limit`` close spellings, as 'Name (ISO3)', for an error message."""
    lookup, names = _index()
    allowed = set(among) if among is not None else None
    candidates = {
        spelling: code
        for spelling, code in lookup.items()
        if len(spelling) > 3 and (allowed is None or code in allowed)
    }
    found: list[str] = []
    for spelling in difflib.get_close_matches(spelling_key(text), list(candidates), n=limit * 4, cutoff=0.6):
        label = f"{names.get(candidates[spelling], spelling)} ({candidates[spelling]})"
        if label not in found:
            found.append(label)
        if len(found) == limit:
            break
    return found


def resolve_country(text: str) -> str:
    """Return the ISO3 code for a country name, ISO2/ISO3 code or common alias.

    Raises ``UnknownCountry`` with up to three close matches when nothing fits.
    """
    if not isinstance(text, str) or not text.strip():
        raise UnknownCountry("empty country name: give a name or an ISO code such as DEU or Germany")
    key = spelling_key(text)
    lookup, _ = _index()
    if key in lookup:
        return lookup[key]
    suggestions = close_matches(text)
    hint = (
        f" Did you mean: {', '.join(suggestions)}?"
        if suggestions
        else " Use a name or an ISO code (e.g. DEU, Germany)."
    )
    raise UnknownCountry(f"unknown country {text!r}.{hint}", field="country")


def resolve_ally(text: str, members: Iterable[str]) -> str:
    """Resolve ``text`` and check it is one of ``members`` (ISO3 codes)."""
    members = list(members)
    try:
        code = resolve_country(text)
    except UnknownCountry as error:
        suggestions = close_matches(text, among=members)
        if suggestions:
            raise UnknownCountry(
                f"unknown ally {text!r}. Did you mean: {', '.join(suggestions)}?", field="country"
            ) from error
        raise
    if code not in members:
        raise NotAnAlly(
            f"{country_name(code)} ({code}) is not a NATO ally. Allies: {', '.join(sorted(members))}",
            field="country",
        )
    return code


__getattr__ = renamed(
    __name__,
    {"normalise": (spelling_key, "use spelling_key (natosim.engines.claims.context.normalise normalises typography)")},
)
