"""What natosim holds, in the shape the verifier asks for: one figure with its source and edition.

Figures come from ``natosim.data`` (NATO editions, SIPRI for non-allies), rules and history from
``natosim.rules``. The edition used for a claim is the one a journalist could have read: the latest
NATO edition published on or before the article's date (or the latest edition when no date is
given); every other edition's value is reported beside it, because NATO revises recent years a lot
(US 2023: 3.23% in June 2024, 3.10% in August 2025).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import pandas as pd

import natosim.rules as rule_book
from natosim.data import Dataset, aggregates, allies, comparators, figures, load
from natosim.data.query import edition_table
from natosim.rules.targets import count_meeting

T = TypeVar("T")

#: the data a check reads (``check(dataset=…, as_of=…)``); unset: the bundled data, every edition
_SCOPE: ContextVar[tuple[Dataset | None, dt.date | None]] = ContextVar("natosim_claims_scope", default=(None, None))


@contextmanager
def scope(dataset: Dataset | None, as_of: dt.date | None) -> Iterator[None]:
    """Within the block, every fact is read from ``dataset`` with the editions published by ``as_of``."""
    token = _SCOPE.set((dataset, as_of))
    try:
        yield
    finally:
        _SCOPE.reset(token)


def active() -> Dataset:
    """The dataset of the check in progress (default: the loaded bundled data)."""
    return _SCOPE.get()[0] or load()


def as_of() -> dt.date | None:
    """The ``as_of`` of the check in progress (None: every edition natosim holds)."""
    return _SCOPE.get()[1]


@dataclass(frozen=True)
class SourcedFigure:
    value: float
    source: str
    edition: str | None
    year: int
    estimate: bool = False


def _clean(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def per_dataset(function: Callable[..., T]) -> Callable[..., T]:
    """Memoise a lookup on the loaded dataset (``natosim.data.load().cache``), like ``_figures``: the
    bundled data never change during a run, so each ally-year, aggregate or count is computed once
    (issue 13: ~20 ms per claim went into repeated pandas lookups), and a newly imported edition (a
    new dataset) is seen at once."""

    @functools.wraps(function)
    def memoised(*args: Any) -> T:
        cache = active().cache
        key = ("natosim.engines.claims.facts", function.__name__, as_of(), args)
        if key not in cache:
            cache[key] = function(*args)
        return cast(T, cache[key])

    return memoised


@per_dataset
def source_published(source: str) -> dt.date | None:
    """The last day a source may have been published (``sources.csv``'s ``published``, "YYYY-MM" or
    "YYYY-MM-DD"; a month stands for its last day, so an article of that month counts as before it)."""
    table = active().sources
    rows = table[table["id"] == source]
    if not len(rows):
        return None
    text = str(rows["published"].iloc[0]).strip()
    try:
        if len(text) == 7:
            year, month = int(text[:4]), int(text[5:7])
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


@per_dataset
def edition_dates() -> dict[str, dt.date]:
    """NATO edition → publication date: the data layer's one table of "which edition was published
    when" (``natosim.data.edition_table``, from the sources' publication dates)."""
    table = edition_table(active())
    day = as_of()
    return {
        str(edition): published
        for edition, published in zip(table["edition"], table["published"], strict=True)
        if day is None or published <= day
    }


def edition_at(day: dt.date | None) -> str:
    """The latest edition published on or before ``day`` (``natosim.data.editions_as_of``: the figures of
    the article's day); the latest edition if None, the earliest if ``day`` precedes them all (the
    abstention rules then treat recent years as figures of the day natosim does not hold)."""
    dates = edition_dates()
    ordered = sorted(dates, key=lambda e: dates[e])
    if day is None:
        return ordered[-1]
    known = [e for e in ordered if dates[e] <= day]
    return known[-1] if known else ordered[0]


def _figures(edition: str | None) -> pd.DataFrame:
    """Figures of one edition (or the latest having each figure), indexed; cached on the loaded
    dataset, so a newly imported edition (another data directory) is seen at once."""
    dataset, day = active(), as_of()
    key = ("natosim.engines.claims.facts._figures", edition, day)
    cached = dataset.cache.get(key)
    if cached is None:
        cached = figures(edition=edition, dataset=dataset, as_of=day).set_index(["iso3", "year"]).sort_index()
        dataset.cache[key] = cached
    return cached


@per_dataset
def ally_figure(iso3: str, year: int, measure: str, edition: str | None) -> SourcedFigure | None:
    """One ally-year figure from one edition (None when that edition lacks it)."""
    table = _figures(edition)
    if (iso3, year) not in table.index:
        return None
    row = table.loc[(iso3, year)]
    value = _clean(row[measure])
    if value is None:
        return None
    used = row.get(f"edition_{measure}") or row.get("edition")
    source = f"nato-{used}" if isinstance(used, str) else str(row["source"])
    return SourcedFigure(value, source, used if isinstance(used, str) else None, year, bool(row.get("estimate", False)))


def ally_figures_all_editions(iso3: str, year: int, measure: str) -> list[SourcedFigure]:
    found = []
    for edition in edition_dates():
        figure = ally_figure(iso3, year, measure, edition)
        if figure is not None:
            found.append(figure)
    return found


@per_dataset
def usd_edition() -> str:
    """The latest edition with per-ally spending in current US$ (the 2025 edition has none)."""
    usable = [
        edition
        for edition in sorted(edition_dates(), key=lambda e: edition_dates()[e])
        if _figures(edition)["defence_exp_usd_current_mn"].notna().any()
    ]
    return usable[-1] if usable else edition_at(None)


@per_dataset
def years_held() -> tuple[int, ...]:
    """Every year some edition holds an ally's defence spending for."""
    frames = [_figures(edition) for edition in edition_dates()]
    return tuple(sorted({int(year) for frame in frames for year in frame.index.get_level_values("year").unique()}))


@per_dataset
def latest_year_with(iso3: str, measure: str, edition: str | None) -> int | None:
    table = _figures(edition).reset_index()
    rows = table[(table["iso3"] == iso3) & table[measure].notna()]
    return int(rows["year"].max()) if len(rows) else None


def is_ally(iso3: str) -> bool:
    return iso3 in _ally_codes()


@per_dataset
def _ally_codes() -> frozenset[str]:
    return frozenset(str(code) for code in allies_table()["iso3"])


@per_dataset
def allies_table() -> pd.DataFrame:
    return allies(dataset=active(), as_of=as_of())


@per_dataset
def comparator(iso3: str, year: int, measure: str) -> SourcedFigure | None:
    """SIPRI figure of a non-ally (measure: milex_pct_gdp, milex_usd_current_mn)."""
    table = comparators(dataset=active(), as_of=as_of())
    rows = table[(table["iso3"] == iso3) & (table["year"] == year)]
    if not len(rows):
        return None
    value = _clean(rows[measure].iloc[0])
    if value is None:
        return None
    return SourcedFigure(value, str(rows["source"].iloc[0]), None, year)


def comparator_years(iso3: str, measure: str) -> list[int]:
    table = comparators(dataset=active(), as_of=as_of())
    return sorted(int(y) for y in table.loc[(table["iso3"] == iso3) & table[measure].notna(), "year"])


@per_dataset
def aggregate(name: str, year: int, measure: str, edition: str | None) -> SourcedFigure | None:
    """NATO's published total ("NATO Total" / "NATO Europe and Canada"); primary sources first."""
    table = aggregates(dataset=active(), as_of=as_of())
    rows = table[(table["aggregate"] == name) & (table["year"] == year) & table[measure].notna()]
    if not len(rows):
        return None
    order = [edition] if edition else []
    order += sorted(set(rows["edition"]) - set(order), reverse=True)
    for candidate in order:
        chosen = rows[rows["edition"] == candidate]
        primary = chosen[~chosen["source"].astype(str).str.startswith("press")]
        pick = primary if len(primary) else chosen
        if len(pick):
            return SourcedFigure(
                float(pick[measure].iloc[0]),
                str(pick["source"].iloc[0]),
                str(candidate),
                year,
                bool(pick["estimate"].iloc[0]),
            )
    return None


def members_on(day: dt.date | None) -> list[str]:
    """ISO3 of the allies on ``day`` (accession deposited on or before it); all allies if None."""
    return list(_members_on(day))


@per_dataset
def _members_on(day: dt.date | None) -> tuple[str, ...]:
    table = allies_table()
    if day is None:
        return tuple(sorted(table["iso3"]))
    return tuple(sorted(table.loc[table["accession_date"].dt.date <= day, "iso3"]))


@per_dataset
def membership_changes() -> tuple[tuple[dt.date, int], ...]:
    """Each day the membership changed (an accession deposited) and the number of allies from that day
    on: the one timeline that counts "as of", "between" and "which period had N allies" are read from."""
    days = sorted({day for day in (accession_date(code) for code in members_on(None)) if day is not None})
    return tuple((day, len(members_on(day))) for day in days)


@per_dataset
def accession_date(iso3: str) -> dt.date | None:
    table = allies_table()
    rows = table[table["iso3"] == iso3]
    return rows["accession_date"].iloc[0].date() if len(rows) else None


def allies_at_or_above(
    year: int, threshold: float, edition: str | None, *, below: bool = False
) -> tuple[int, list[str], str] | None:
    """How many members in ``year`` spent at least ``threshold``% of GDP (see ``_allies_at_or_above``)."""
    found = _allies_at_or_above(year, threshold, edition, below)
    return None if found is None else (found[0], list(found[1]), found[2])


@per_dataset
def _allies_at_or_above(
    year: int, threshold: float, edition: str | None, below: bool
) -> tuple[int, tuple[str, ...], str] | None:
    """How many members in ``year`` spent at least ``threshold``% of GDP (``below``: less than it,
    among those with a figure), as NATO counts them (values rounded to the two decimals NATO prints).
    None when the edition has no such year."""
    table = _figures(edition).reset_index()
    rows = table[(table["year"] == year) & table["member"]]
    if not len(rows) or rows["defence_exp_pct_gdp"].notna().sum() == 0:
        return None

    never = rows["iso3"].isin(_never_reported("defence_exp_pct_gdp", edition))
    _, positions = count_meeting(rows["defence_exp_pct_gdp"], threshold, below=below, never_reported=never)
    meets = rows.iloc[positions]
    used = rows["edition_defence_exp_pct_gdp"].dropna()
    return len(meets), tuple(sorted(meets["iso3"])), (str(used.iloc[0]) if len(used) else str(edition))


def members_without(year: int, measure: str, edition: str | None, *, reporting: bool = False) -> list[str]:
    """Members in ``year`` for which the edition has no ``measure`` (missing, never counted as zero);
    ``reporting``: only those with a figure for some other year (see ``never_reported``)."""
    found = _members_without(year, measure, edition)
    if reporting:
        never = _never_reported(measure, edition)
        return [code for code in found if code not in never]
    return list(found)


def never_reported(measure: str, edition: str | None) -> list[str]:
    """Allies for which the edition holds no ``measure`` in any year (Iceland for % of GDP). NATO's
    counts of allies meeting a threshold count them as not meeting (``rules.targets.count_meeting``)."""
    return sorted(_never_reported(measure, edition))


@per_dataset
def _never_reported(measure: str, edition: str | None) -> frozenset[str]:
    table = _figures(edition).reset_index()
    if measure not in table.columns:
        return frozenset()
    held = table.groupby("iso3")[measure].apply(lambda column: column.notna().any())
    return frozenset(str(code) for code in held.index[~held.to_numpy(dtype=bool)])


@per_dataset
def _members_without(year: int, measure: str, edition: str | None) -> tuple[str, ...]:
    table = _figures(edition).reset_index()
    rows = table[(table["year"] == year) & table["member"]]
    return tuple(sorted(rows.loc[rows[measure].isna(), "iso3"]))


def population_covered(year: int, edition: str | None) -> tuple[float, int, str, str] | None:
    """Sum of the members' (derived) population in ``year``: (people, allies counted, source, edition)."""
    table = _figures(edition).reset_index()
    rows = table[(table["year"] == year) & table["member"]]
    if not len(rows) or rows["population_thousands"].isna().any():
        return None
    used = rows["edition_population_thousands"].dropna()
    edition_used = str(used.iloc[0]) if len(used) else str(edition)
    return float(rows["population_thousands"].sum()) * 1000, len(rows), f"nato-{edition_used}", edition_used


def population_years(edition: str | None) -> list[int]:
    table = _figures(edition).reset_index()
    complete = table[table["member"]].groupby("year")["population_thousands"].apply(lambda s: s.notna().all())
    return sorted(int(y) for y, ok in complete.items() if ok)


def rules() -> Any:
    """``natosim.rules``, the one home of the treaty, pledges and procedures the finders quote."""
    return rule_book


def headline_target(day: dt.date | None) -> float | None:
    """The % of GDP value of NATO's headline pledge in force at ``day`` (the latest adopted, from
    ``rules.pledges()``): what "the target" means in an article that names no value."""
    pledges = [p for p in rules().pledges() if p.headline and p.target_pct_gdp is not None]
    if day is not None:
        pledges = [p for p in pledges if p.adopted <= day]
    if not pledges:
        return None
    return float(max(pledges, key=lambda p: p.adopted).target_pct_gdp)


def pledge_targets() -> frozenset[float]:
    """Every % of GDP value a NATO pledge has set (``rules.pledges()``): 1.5, 2, 3.5, 5."""
    return frozenset(float(p.target_pct_gdp) for p in rules().pledges() if p.target_pct_gdp is not None)


@per_dataset
def ranking(year: int, measure: str, edition: str | None) -> tuple[tuple[tuple[str, float], ...], tuple[str, ...], str]:
    """The members of ``year`` ordered by ``measure`` (highest first, values as NATO prints them:
    two decimals for % of GDP), the members without a figure, and the edition used."""
    table = _figures(edition).reset_index()
    rows = table[(table["year"] == year) & table["member"]]
    known = rows[rows[measure].notna()]
    digits = 2 if measure == "defence_exp_pct_gdp" else 0
    ordered = tuple(
        sorted(((str(iso3), round(float(v), digits)) for iso3, v in zip(known["iso3"], known[measure], strict=True)),
               key=lambda item: (-item[1], item[0]))
    )  # fmt: skip
    used = rows[f"edition_{measure}"].dropna() if f"edition_{measure}" in rows else rows[measure].iloc[:0]
    return (
        ordered,
        tuple(sorted(rows[rows[measure].isna()]["iso3"])),
        (str(used.iloc[0]) if len(used) else str(edition)),
    )
