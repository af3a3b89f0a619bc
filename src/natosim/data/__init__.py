"""The data layer: bundled, sourced tables; validation; country resolution; imports."""

from natosim.data.countries import country_name, resolve_ally, resolve_country
from natosim.data.loader import Dataset, clear_cache, load
from natosim.data.query import (
    MEASURES,
    aggregates,
    allies,
    as_of_date,
    comparators,
    edition_table,
    editions,
    editions_as_of,
    figures,
    latest_year,
    members,
    nonmember_figures,
    sources,
)

__all__ = [
    "MEASURES",
    "Dataset",
    "aggregates",
    "allies",
    "as_of_date",
    "clear_cache",
    "comparators",
    "country_name",
    "edition_table",
    "editions",
    "editions_as_of",
    "figures",
    "latest_year",
    "load",
    "members",
    "nonmember_figures",
    "resolve_ally",
    "resolve_country",
    "sources",
]
