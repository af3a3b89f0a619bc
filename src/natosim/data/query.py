"""The tidy tables users ask for: allies, figures (edition-aware), comparators, aggregates, sources.

Editions: NATO revises past years in each release. By default each figure is answered from the
latest edition that has a value for it, and the edition used is given beside it
(``edition_<measure>`` columns); pinning ``edition=`` answers every figure from that edition only.
A row whose figures come from different editions says so in ``mixed_editions``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import pandas as pd

from natosim.data.countries import country_name, resolve_country
from natosim.data.loader import Dataset, load
from natosim.dates import parse_date
from natosim.deprecation import renamed
from natosim.errors import NotAnAlly, UnknownEdition, YearOutOfRange

#: NATO figures per ally-year, in the order tables show them.
MEASURES: tuple[str, ...] = (
    "defence_exp_pct_gdp",
    "defence_exp_usd_current_mn",
    "defence_exp_usd_constant_mn",
    "gdp_usd_current_bn",
    "real_gdp_usd_constant_bn",
    "population_thousands",
    "equipment_pct",
    "personnel_exp_pct",
    "infrastructure_pct",
    "other_pct",
    "military_personnel_thousands",
    "real_change_pct",
)
HEADLINE = "defence_exp_pct_gdp"


def _published(text: str) -> dt.date | None:
    """A source's publication date; a month or a year alone counts from its *last* day (an edition
    is never in play before it surely existed)."""
    text = str(text).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = (int(part) for part in text.split("-"))
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 12, 31)
    return None


def edition_table(dataset: Dataset | None = None) -> pd.DataFrame:
    """One row per NATO edition, in publication order: ``edition``, ``source``, ``publication``,
    ``published`` (date, from the sources table), ``imported``. The one home of "which edition was
    published when", used by every ``as_of`` query and by the claim checker."""
    dataset = dataset or load()
    cached = dataset.cache.get(("edition_table",))
    if cached is not None:
        return cached
    pairs = dataset.figures[["edition", "source"]].drop_duplicates("edition")
    meta = dataset.sources.set_index("id")
    rows = []
    for edition, source in pairs.itertuples(index=False):
        published = _published(meta.loc[source, "published"]) if source in meta.index else None
        if published is None:
            raise UnknownEdition(
                f"edition {edition}: its source {source!r} has no publication date (YYYY-MM-DD) in sources.csv",
                field="published",
            )
        rows.append(
            {
                "edition": edition,
                "source": source,
                "publication": meta.loc[source, "publication"],
                "published": published,
                "imported": edition in dataset.imported_editions,
            }
        )
    table = pd.DataFrame(rows).sort_values(["published", "edition"], kind="stable").reset_index(drop=True)
    dataset.cache[("edition_table",)] = table
    return table


def as_of_date(as_of: str | dt.date | None) -> dt.date:
    """``as_of`` as a date; None means today (the editions published so far)."""
    return dt.date.today() if as_of is None else parse_date(as_of, "as_of")


def editions_as_of(as_of: str | dt.date | None = None, dataset: Dataset | None = None) -> list[str]:
    """The editions published on or before ``as_of`` (default today), oldest first.

    Raises ``UnknownEdition`` when none was published by then (naming the first one)."""
    table = edition_table(dataset)
    day = as_of_date(as_of)
    chosen = table[table["published"] <= day]
    if chosen.empty:
        first = table.iloc[0]
        raise UnknownEdition(
            f"no NATO edition was published by {day.isoformat()}; the first natosim has is {first['edition']} "
            f"(published {first['published'].isoformat()})",
            field="as_of",
        )
    return list(chosen["edition"])


def check_edition(dataset: Dataset, edition: str | None, as_of: str | dt.date | None = None) -> str | None:
    if edition is None:
        return None
    if edition not in dataset.editions:
        raise UnknownEdition(
            f"unknown edition {edition!r}; available: {', '.join(dataset.editions)} (YYYY-MM of NATO's release)",
            field="edition",
        )
    if as_of is not None and edition not in editions_as_of(as_of, dataset):
        published = edition_table(dataset).set_index("edition").loc[edition, "published"]
        raise UnknownEdition(
            f"edition {edition} was published on {published.isoformat()}, after as_of {as_of_date(as_of).isoformat()}",
            field="edition",
        )
    return edition


def check_data_year(years: Iterable[int], year: int, what: str = "figures") -> int:
    """``year`` if the table has figures for it, else ``YearOutOfRange`` listing the years it has."""
    available = sorted(set(int(y) for y in years))
    if year not in available:
        raise YearOutOfRange(
            f"no {what} for {year}; years available: {available[0]}–{available[-1]}",
            field="year",
        )
    return year


def resolve_countries(codes: Iterable[str] | None, allowed: Iterable[str]) -> list[str] | None:
    """Resolve user spellings; ``None`` means all."""
    if codes is None:
        return None
    allowed_set = set(allowed)
    resolved = []
    for text in codes:
        code = resolve_country(text)
        if code not in allowed_set:
            raise NotAnAlly(
                f"{country_name(code)} ({code}) is not in this table; available: {', '.join(sorted(allowed_set))}",
                field="country",
            )
        resolved.append(code)
    return resolved


def _resolve(dataset: Dataset, edition: str | None, in_play: tuple[str, ...]) -> pd.DataFrame:
    """Wide figures, one row per ally-year, each measure from the latest edition (of those in play,
    by publication date) that has it."""
    cached = dataset.cache.get(("figures", edition, in_play))
    if cached is not None:
        return cached
    long = dataset.figures
    long = long[long["edition"] == edition] if edition is not None else long[long["edition"].isin(in_play)]
    rank = {name: index for index, name in enumerate(in_play)}
    ordered = (
        long.assign(_rank=long["edition"].map(rank).fillna(len(rank)))
        .sort_values("_rank", ascending=False, kind="stable")
        .drop(columns="_rank")
    )
    tagged = ordered[["iso3", "year", *MEASURES]].copy()
    for measure in MEASURES:
        tagged[f"edition_{measure}"] = ordered["edition"].where(ordered[measure].notna())
    # groupby.first() takes the first non-missing value: editions newest first, so the latest
    # edition that has the figure wins, per measure.
    wide = tagged.groupby(["iso3", "year"], sort=True).first().reset_index()
    row_edition = ordered.groupby(["iso3", "year"], as_index=False)["edition"].first()
    wide = wide.merge(row_edition.rename(columns={"edition": "row_edition"}), on=["iso3", "year"])
    wide["edition"] = wide[f"edition_{HEADLINE}"].fillna(wide["row_edition"])
    wide = wide.drop(columns="row_edition")

    edition_columns = [f"edition_{m}" for m in MEASURES]
    wide["mixed_editions"] = wide[edition_columns].nunique(axis=1) > 1
    flags = long[["iso3", "year", "edition", "estimate", "source"]]
    wide = wide.merge(flags, on=["iso3", "year", "edition"], how="left")
    for measure, flag in (
        ("population_thousands", "population_is_derived"),
        ("defence_exp_usd_constant_mn", "constant_price_base_year"),
    ):
        column = long[["iso3", "year", "edition", flag]].rename(columns={"edition": f"edition_{measure}"})
        wide = wide.merge(column, on=["iso3", "year", f"edition_{measure}"], how="left")

    used = wide[["iso3", "year", *edition_columns]].melt(["iso3", "year"], value_name="edition").dropna()
    used = used.merge(long[["iso3", "year", "edition", "source"]], on=["iso3", "year", "edition"])
    joined = used.groupby(["iso3", "year"])["source"].agg(lambda ids: ";".join(sorted(set(ids))))
    wide = wide.merge(joined.rename("sources").reset_index(), on=["iso3", "year"], how="left")
    wide["sources"] = wide["sources"].fillna(wide["source"])

    allies = dataset.allies.set_index("iso3")
    wide.insert(1, "country", wide["iso3"].map(allies["name"]))
    accession_year = wide["iso3"].map(allies["accession_date"].dt.year)
    wide.insert(3, "member", (accession_year <= wide["year"]).astype(bool))
    ordered_columns = [
        "iso3",
        "country",
        "year",
        "member",
        *MEASURES,
        "constant_price_base_year",
        "population_is_derived",
        "estimate",
        "edition",
        "source",
        "mixed_editions",
        "sources",
        *edition_columns,
    ]
    wide = wide[ordered_columns]
    dataset.cache[("figures", edition, in_play)] = wide
    return wide


def figures(
    year: int | None = None,
    countries: Iterable[str] | None = None,
    edition: str | None = None,
    *,
    members_only: bool = False,
    dataset: Dataset | None = None,
    as_of: str | dt.date | None = None,
) -> pd.DataFrame:
    """Yearly figures, one row per (ally, year), each value from the latest edition having it.

    ``as_of`` (default today): only the editions published by that date are in play, so a
    question asked "as of" 2025-01-01 gets the June 2024 edition's figures. ``edition`` pins one
    edition ("YYYY-MM" of NATO's release); ``countries`` accepts names or codes; ``members_only`` drops allies before
    their accession year (NATO reports Finland and Sweden for earlier years). A missing figure
    stays missing (NaN), never zero — Iceland has no armed forces. A row whose measures come from
    different editions says so: ``mixed_editions`` and the ``edition_<measure>`` columns.
    """
    dataset = dataset or load()
    check_edition(dataset, edition, as_of)
    in_play = tuple(editions_as_of(as_of, dataset)) if edition is None else (edition,)
    table = _resolve(dataset, edition, in_play)
    if year is not None:
        check_data_year(table["year"], int(year))
        table = table[table["year"] == int(year)]
    codes = resolve_countries(countries, dataset.allies["iso3"])
    if codes is not None:
        table = table[table["iso3"].isin(codes)]
    if members_only:
        table = table[table["member"]]
    return table.reset_index(drop=True)


def _acceded_by(table: pd.DataFrame, as_of: str | dt.date | None) -> pd.DataFrame:
    """The allies' rows whose accession date is on or before ``as_of`` (all rows when None)."""
    if as_of is None:
        return table
    return table[table["accession_date"] <= pd.Timestamp(as_of_date(as_of))]


def _published_by(dataset: Dataset, as_of: str | dt.date | None) -> set[str]:
    """Ids of the sources published by ``as_of`` (a month-only date counts from the month's last day;
    a source with no readable date is kept: nothing says it came later)."""
    day = as_of_date(as_of)
    table = dataset.sources
    return {str(i) for i, p in zip(table["id"], table["published"], strict=True) if (_published(p) or day) <= day}


def allies(*, dataset: Dataset | None = None, as_of: str | dt.date | None = None) -> pd.DataFrame:
    """The allies: ISO3, name, accession date, enlargement round, capital, EU, border with Russia/Belarus.

    ``as_of``: the allies on that date (accession on or before it); default: every ally."""
    return _acceded_by((dataset or load()).allies, as_of).copy()


def members(year: int, *, dataset: Dataset | None = None, as_of: str | dt.date | None = None) -> list[str]:
    """ISO3 codes of the allies that were members at any time in ``year`` (accession year ≤ year).

    ``as_of``: as known on that date (an accession after it is not counted, even for a later year)."""
    table = _acceded_by((dataset or load()).allies, as_of)
    return sorted(table.loc[table["accession_date"].dt.year <= year, "iso3"])


def comparators(
    countries: Iterable[str] | None = None,
    year: int | None = None,
    *,
    dataset: Dataset | None = None,
    as_of: str | dt.date | None = None,
) -> pd.DataFrame:
    """SIPRI military expenditure of non-allies (Russia, Ukraine, China, Belarus), kept apart from
    NATO's figures because the definitions differ (SIPRI counts paramilitary forces).

    ``as_of``: only the figures of sources published by that date."""
    dataset = dataset or load()
    table = dataset.comparators
    if as_of is not None:
        table = table[table["source"].isin(_published_by(dataset, as_of))]
    codes = resolve_countries(countries, table["iso3"])
    if codes is not None:
        table = table[table["iso3"].isin(codes)]
    if year is not None:
        check_data_year(table["year"], int(year), "comparator figures")
        table = table[table["year"] == int(year)]
    table = table.copy()
    table.insert(1, "country", table["iso3"].map(country_name))
    return table.reset_index(drop=True)


def nonmember_figures(
    countries: Iterable[str] | None = None, year: int | None = None, dataset: Dataset | None = None
) -> pd.DataFrame:
    """Figures of non-allies (aspirants, Russia, neighbours) a scenario can add to an alliance sum:
    population (World Bank WDI), military expenditure in current US$ and % of GDP (SIPRI), and GDP
    in current US$ **derived** from SIPRI's two figures (US$ ÷ share of GDP, one SIPRI release, so
    within one source; ``gdp_is_derived``). Each measure names its source (``source_<measure>``).
    Missing stays missing: SIPRI has no figures for Georgia or Bosnia and Herzegovina here, so their
    spending and GDP are empty, never zero. SIPRI's definition differs from NATO's (paramilitary
    forces, calendar years): a sum of NATO and SIPRI figures says so where it is shown."""
    dataset = dataset or load()
    people = dataset.populations.rename(columns={"source": "source_population_thousands"})
    sipri = dataset.comparators[["iso3", "year", "milex_usd_current_mn", "milex_pct_gdp", "source"]]
    sipri = sipri.rename(columns={"source": "source_milex"})
    table = people.merge(sipri, on=["iso3", "year"], how="outer")
    share = pd.to_numeric(table["milex_pct_gdp"], errors="coerce")
    money = pd.to_numeric(table["milex_usd_current_mn"], errors="coerce")
    table["gdp_usd_current_bn"] = (money / share * 100.0 / 1000.0).where(share > 0)
    table["gdp_is_derived"] = table["gdp_usd_current_bn"].notna()
    table["source_gdp_usd_current_bn"] = table["source_milex"].where(table["gdp_is_derived"])
    codes = resolve_countries(countries, table["iso3"])
    if codes is not None:
        table = table[table["iso3"].isin(codes)]
    if year is not None:
        table = table[table["year"] == int(year)]
    table = table.sort_values(["iso3", "year"]).reset_index(drop=True)
    table.insert(1, "country", table["iso3"].map(country_name))
    return table


def aggregates(
    edition: str | None = None, *, dataset: Dataset | None = None, as_of: str | dt.date | None = None
) -> pd.DataFrame:
    """NATO's published totals ("NATO Total", "NATO Europe and Canada") per edition: reference values.

    ``as_of``: only the editions published by that date."""
    dataset = dataset or load()
    table = dataset.aggregates
    if as_of is not None:
        check_edition(dataset, edition, as_of)
        table = table[table["edition"].isin(editions_as_of(as_of, dataset))]
    if edition is not None:
        if edition not in set(table["edition"]):
            raise UnknownEdition(
                f"no aggregates for edition {edition!r}; available: {', '.join(sorted(set(table['edition'])))}",
                field="edition",
            )
        table = table[table["edition"] == edition]
    return table.reset_index(drop=True)


def sources(*, dataset: Dataset | None = None, as_of: str | dt.date | None = None) -> pd.DataFrame:
    """Every source id with its publication, tables, date and where our copy came from.

    ``as_of``: only the sources published by that date."""
    dataset = dataset or load()
    table = dataset.sources.copy()
    if as_of is not None:
        table = table[table["id"].isin(_published_by(dataset, as_of))].reset_index(drop=True)
    table["imported"] = table["id"].isin(
        dataset.figures.loc[dataset.figures["edition"].isin(dataset.imported_editions), "source"]
    )
    return table


def editions(*, dataset: Dataset | None = None, as_of: str | dt.date | None = None) -> list[str]:
    """The NATO editions natosim has ("YYYY-MM" of NATO's release); ``as_of``: those published by then."""
    dataset = dataset or load()
    return list(dataset.editions) if as_of is None else editions_as_of(as_of, dataset)


def latest_year(measure: str = HEADLINE, dataset: Dataset | None = None, as_of: str | dt.date | None = None) -> int:
    """The latest year in which any ally has ``measure`` (in the editions published by ``as_of``)."""
    dataset = dataset or load()
    long = dataset.figures
    long = long[long["edition"].isin(editions_as_of(as_of, dataset))]
    return int(long.loc[long[measure].notna(), "year"].max())


__all__ = [
    "MEASURES",
    "aggregates",
    "allies",
    "as_of_date",
    "comparators",
    "edition_table",
    "editions",
    "editions_as_of",
    "figures",
    "latest_year",
    "members",
    "nonmember_figures",
    "sources",
]


__getattr__ = renamed(
    __name__,
    {
        "check_year": (
            check_data_year,
            "use check_data_year(years, year, what) (natosim.limits.check_year checks the modelled range)",
        )
    },
)
