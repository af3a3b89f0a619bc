"""Who meets a pledge, by how much each ally falls short, and when it would get there at its trend.

Method (docs/rules.md, "Compliance"):

- **value**: the ally's figure on the pledge's ``measure`` (% of GDP, or the equipment share of
  defence spending for the Wales 20% test), from ``natosim.data.figures`` — by default each figure
  from the latest NATO edition having it, or one pinned edition.
- **met**: ``natosim.rules.targets.meets`` (the value as NATO prints it, two decimals): ``>= target``
  for a floor ("at least"), ``<= target`` for a ceiling ("up to");
  missing (NA) when the figure is missing — never counted as failing. For a pledge whose measure
  covers only part of it (The Hague 5% = 3.5% core + up to 1.5% related; natosim has only core
  figures), met is True at ``value >= target``, False at ``value + unmeasured_max_pp < target`` and
  NA in between (the related spending is unknown).
- **gap_pp** = ``max(target - value, 0)`` for a floor, NaN inside an unmeasured band (met unknown;
  ``gap_pp_upper`` / ``gap_usd_upper_mn`` give the most it could be). No sum of points across
  allies. **gap_usd_mn** = ``gap_pp / 100 × base``
  where the base is GDP in current US$ (``gdp_usd_current_bn × 1000``) for % of GDP pledges and
  defence expenditure in current US$ for the equipment share. The editions of the figure and of the
  base are reported (``edition_value``, ``edition_base``) and ``gap_usd_mixed_editions`` says when
  they differ — e.g. 2024 % of GDP from the Aug 2025 edition with GDP from the June 2024 edition,
  because the 2025 edition's US$ tables are not available.
- **years_to_reach**: ordinary least-squares slope of the measure on the year over the last
  ``trend_years`` years up to the assessed year (at least 3 figures), applied from the latest
  figure: ``(target - value) / slope``. 0 when met; NaN when the slope is flat or negative, when
  fewer than 3 figures exist, or for a ceiling. ``on_track`` says whether that lands by the
  pledge's deadline year. A trend is not a forecast.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from natosim.data import Dataset, as_of_date, editions_as_of, figures, load
from natosim.results import ResultMixin
from natosim.rules import at
from natosim.rules import pledge as find_pledge
from natosim.rules.errors import UnknownPledge
from natosim.rules.models import Pledge
from natosim.rules.targets import meets

#: years of history in the trend fit, and the fewest figures a trend needs
TREND_YEARS = 5
MIN_TREND_POINTS = 3

#: what a gap in points of the measure is a share of, in million current US$: (column, factor to US$ mn)
MEASURE_BASE: dict[str, tuple[str, float]] = {
    "defence_exp_pct_gdp": ("gdp_usd_current_bn", 1000.0),
    "equipment_pct": ("defence_exp_usd_current_mn", 1.0),
}


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    """``frame[name]`` as floats, or all-NaN if the frame lacks the column (missing stays missing)."""
    if name in frame.columns:
        return pd.to_numeric(frame[name], errors="coerce").astype(float)
    return pd.Series(np.nan, index=frame.index, dtype=float)


def _met(value: pd.Series, target: float | None, pledge: Pledge) -> pd.Series:
    """Nullable booleans: met / not met / NA (missing figure, or inside the unmeasured band).

    The comparison is ``natosim.rules.targets.meets`` (the printed two-decimal value against the
    target), the one "meets a target" rule every part of natosim calls."""
    met = pd.Series(pd.NA, index=value.index, dtype="boolean")
    if target is None:
        return met
    if pledge.target_kind == "ceiling":
        return meets(value, target, "ceiling")
    reached = meets(value, target).fillna(False).astype(bool)
    known = value.notna()
    met[known & reached] = True
    band = pledge.unmeasured_max_pp or 0.0
    with_band = meets(value + band, target).fillna(False).astype(bool)
    met[known & ~reached & ~with_band] = False
    return met


def trend(history: pd.DataFrame, measure: str, rows: pd.DataFrame, years: int = TREND_YEARS) -> pd.DataFrame:
    """OLS slope (points per year) of ``measure`` over the ``years`` years up to each row's year.

    ``history``: iso3, year, ``measure`` (any number of years); ``rows``: iso3, year. Returns
    ``trend_slope`` and ``trend_points`` aligned with ``rows``; the slope is NaN with fewer than
    ``MIN_TREND_POINTS`` figures or no spread of years. Vectorised: one merge and one groupby.
    """
    keys = rows[["iso3", "year"]].reset_index(drop=True).reset_index(names="row")
    points = history[["iso3", "year", measure]].rename(columns={"year": "x", measure: "y"}).dropna()
    pairs = keys.merge(points, on="iso3")
    pairs = pairs[(pairs["x"] <= pairs["year"]) & (pairs["x"] > pairs["year"] - years)]
    pairs = pairs.assign(
        x=pairs["x"].astype(float), xx=pairs["x"].astype(float) ** 2, xy=pairs["x"].astype(float) * pairs["y"]
    )
    sums = pairs.groupby("row")[["x", "y", "xx", "xy"]].sum()
    n = pairs.groupby("row").size().reindex(sums.index).astype(float)
    denominator = n * sums["xx"] - sums["x"] ** 2
    slope = (n * sums["xy"] - sums["x"] * sums["y"]) / denominator.where(denominator > 0)
    slope = slope.where(n >= MIN_TREND_POINTS)
    out = pd.DataFrame({"trend_slope": slope, "trend_points": n}).reindex(keys["row"])
    out["trend_points"] = out["trend_points"].fillna(0).astype(int)
    return out.reset_index(drop=True)


def assess(
    frame: pd.DataFrame,
    pledge: Pledge,
    *,
    history: pd.DataFrame | None = None,
    year: int | None = None,
    trend_years: int = TREND_YEARS,
) -> pd.DataFrame:
    """Compliance with ``pledge`` for each row of a figures-like ``frame`` (one row per ally).

    Needs ``iso3`` and the pledge's measure column; uses ``gdp_usd_current_bn`` /
    ``defence_exp_usd_current_mn`` for the US$ gap, ``equipment_pct`` for the equipment test and the
    ``edition_*`` columns (when present) to say which edition each input came from. ``history``
    (iso3, year, measure over past years) enables the trend columns. Pure: no I/O.
    """
    out = pd.DataFrame({"iso3": frame["iso3"].to_numpy()}, index=frame.index)
    for passthrough in ("country", "year", "member"):
        if passthrough in frame.columns:
            out[passthrough] = frame[passthrough].to_numpy()
    measure = pledge.measure
    target = pledge.target
    value = _column(frame, measure)
    out["pledge"] = pledge.id
    out["measure"] = measure
    out["value"] = value
    out["target"] = np.nan if target is None else float(target)
    out["met"] = _met(value, target, pledge)
    if target is None:
        gap = pd.Series(np.nan, index=frame.index)
    elif pledge.target_kind == "ceiling":
        gap = (value - target).clip(lower=0)
    else:
        gap = (target - value).clip(lower=0)
    # inside the unmeasured band (The Hague 5 %: the 1.5 % of related spending natosim has no
    # figures for) the gap is unknown, not the distance to the target: it lies between 0 and
    # ``gap_pp_upper`` (the gap if the unmeasured part were zero). No definite gap is shown there.
    in_band = value.notna() & out["met"].isna()
    out["gap_pp"] = gap.mask(in_band)
    out["gap_pp_upper"] = gap.where(in_band)
    out["margin_pp"] = (value - (np.nan if target is None else target)).mask(in_band)

    base_column, factor = MEASURE_BASE.get(measure, ("", math.nan))
    base = _column(frame, base_column) * factor if base_column else pd.Series(np.nan, index=frame.index)
    floor = pledge.target_kind == "floor"
    out["gap_usd_mn"] = out["gap_pp"] / 100.0 * base if floor else np.nan
    out["gap_usd_upper_mn"] = out["gap_pp_upper"] / 100.0 * base if floor else np.nan
    edition_value = frame.get(f"edition_{measure}", pd.Series(None, index=frame.index, dtype=object))
    edition_base = frame.get(f"edition_{base_column}", pd.Series(None, index=frame.index, dtype=object))
    out["edition_value"] = edition_value.to_numpy()
    out["edition_base"] = edition_base.to_numpy()
    both = edition_value.notna() & edition_base.notna()
    out["gap_usd_mixed_editions"] = (both & (edition_value != edition_base)).to_numpy()

    if pledge.equipment_share_pct is not None and measure != "equipment_pct":
        equipment = _column(frame, "equipment_pct")
        out["equipment_pct"] = equipment
        out["equipment_target"] = float(pledge.equipment_share_pct)
        out["equipment_met"] = meets(equipment, float(pledge.equipment_share_pct))
        out["equipment_gap_pp"] = (pledge.equipment_share_pct - equipment).clip(lower=0)

    if history is not None and target is not None and measure in history.columns:
        rows = pd.DataFrame(
            {"iso3": out["iso3"].to_numpy(), "year": frame["year"].to_numpy() if "year" in frame.columns else year}
        )
        fitted = trend(history, measure, rows, trend_years)
        slope = pd.Series(fitted["trend_slope"].to_numpy(), index=frame.index)
        out["trend_slope_pp_per_year"] = slope
        out["trend_points"] = fitted["trend_points"].to_numpy()
        rising = slope > 0
        years = ((target - value) / slope).where(rising & floor)
        years = years.mask(out["met"].fillna(False).astype(bool) & floor, 0.0)
        out["years_to_reach"] = years
        base_year = pd.Series(rows["year"].to_numpy(), index=frame.index, dtype=float)
        reach = np.ceil(base_year + years)
        out["reach_year"] = (
            pd.array(reach.where(reach.notna()).to_numpy(), dtype="Int64")
            if reach.notna().any()
            else pd.array([pd.NA] * len(reach), dtype="Int64")
        )
        if pledge.deadline is not None:
            on_track = pd.Series(pd.NA, index=frame.index, dtype="boolean")
            known = reach.notna()
            on_track[known] = (reach[known] <= pledge.deadline.year).to_numpy()
            on_track[years.isna() & value.notna() & ~out["met"].fillna(False).astype(bool) & slope.notna()] = False
            out["on_track"] = on_track
    if "sources" in frame.columns:
        out["sources"] = frame["sources"].to_numpy()
    return out.reset_index(drop=True)


@dataclass(frozen=True, repr=False)
class ComplianceResult(ResultMixin):
    """Compliance of every ally with one pledge in one year, with the alliance totals.

    The result protocol (``natosim.results``): ``summary`` (counts and the alliance gap),
    ``to_frame()`` (one row per ally), ``to_dict()`` and a notebook display."""

    year: int
    pledge: Pledge
    #: the pledge was adopted by 31 December of ``year`` (else it is shown for comparison only)
    in_force: bool
    edition: str | None
    table: pd.DataFrame
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str:  # type: ignore[override]
        return f"Compliance with {self.pledge.id} in {self.year}" + ("" if self.in_force else " (not yet in force)")

    def to_frame(self) -> pd.DataFrame:
        return self.table.copy()

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "pledge": self.pledge.model_dump(mode="json"),
            "in_force": self.in_force,
            "edition": self.edition,
            "summary": self.summary,
            "allies": self.table,
        }


def summarise(table: pd.DataFrame, pledge: Pledge) -> dict[str, Any]:
    """Counts, the alliance gap in US$ and the editions used; missing figures are listed, not zeroed.

    No sum of percentage points across allies: points of different GDPs do not add up to anything.
    The alliance line is the number of allies short and what closing their definite gaps would
    cost in current US$; allies inside an unmeasured band (met unknown) are listed with the most
    it could cost (``total_gap_usd_upper_mn``), never added to the definite total."""
    met = table["met"]
    gap_usd = table["gap_usd_mn"]
    short = table["gap_pp"] > 0
    upper = table["gap_usd_upper_mn"] if "gap_usd_upper_mn" in table.columns else pd.Series(dtype=float)
    summary: dict[str, Any] = {
        "allies": len(table),
        "met": int((met == True).sum()),  # noqa: E712  (nullable boolean: NA is neither)
        "not_met": int((met == False).sum()),  # noqa: E712
        "unknown": sorted(table.loc[met.isna(), "iso3"]),
        "missing_figure": sorted(table.loc[table["value"].isna(), "iso3"]),
        "short": int(short.sum()),
        "total_gap_usd_mn": float(gap_usd.sum(skipna=True)) if gap_usd.notna().any() else None,
        "gap_usd_missing": sorted(table.loc[short & gap_usd.isna(), "iso3"]),
        "unknown_band": sorted(table.loc[table["gap_pp_upper"].notna(), "iso3"]) if "gap_pp_upper" in table else [],
        "total_gap_usd_upper_mn": float(upper.sum(skipna=True)) if upper.notna().any() else None,
        "editions_value": sorted(set(table["edition_value"].dropna())),
        "editions_base": sorted(set(table["edition_base"].dropna())),
        "gap_usd_mixed_editions": bool(table["gap_usd_mixed_editions"].any()),
    }
    if "equipment_met" in table.columns:
        summary["equipment_met"] = int((table["equipment_met"] == True).sum())  # noqa: E712
        summary["equipment_target"] = pledge.equipment_share_pct
    if "years_to_reach" in table.columns:
        summary["trend_method"] = (
            f"OLS slope of {pledge.measure} over the last {TREND_YEARS} years "
            f"(≥{MIN_TREND_POINTS} figures), from the latest figure; NaN if flat/falling"
        )
    return summary


def compliance(
    year: int,
    pledge: str | None = None,
    *,
    edition: str | None = None,
    members_only: bool = True,
    trend_years: int = TREND_YEARS,
    as_of: str | dt.date | None = None,
    dataset: Dataset | None = None,
) -> ComplianceResult:
    """Compliance of every ally (members that year, by default) with ``pledge`` in ``year``.

    ``pledge`` defaults to the latest *headline* pledge in force on 31 December of ``year`` (the
    2% guideline, then the Wales pledge, then the Vilnius floor; see pledges.yaml). A named pledge
    adopted later is still assessed, with ``in_force`` False. ``edition`` pins one NATO edition;
    ``as_of`` (default today) puts in play only the editions published by that date (the summary
    names them: ``as_of``, ``editions_in_play``). ``dataset``: a loaded ``natosim.data.Dataset``.
    """

    year = int(year)
    dataset = dataset or load()
    frame = figures(year=year, edition=edition, members_only=members_only, dataset=dataset, as_of=as_of)
    rules = at(dt.date(year, 12, 31))
    if pledge is None:
        chosen = rules.headline_pledge()
        if chosen is None:
            raise UnknownPledge(f"no headline pledge was in force in {year}; name one with --pledge", field="pledge")
    else:
        chosen = find_pledge(pledge)
    in_force = any(item.id == chosen.id for item in rules.pledges)
    history = figures(edition=edition, dataset=dataset, as_of=as_of)
    history = history[(history["year"] <= year) & (history["year"] > year - trend_years)]
    table = assess(frame, chosen, history=history, year=year, trend_years=trend_years)
    summary = summarise(table, chosen)
    summary["in_force"] = in_force
    summary["as_of"] = as_of_date(as_of).isoformat()
    summary["editions_in_play"] = [edition] if edition else editions_as_of(as_of, dataset)
    return ComplianceResult(year=year, pledge=chosen, in_force=in_force, edition=edition, table=table, summary=summary)


__all__ = ["MEASURE_BASE", "TREND_YEARS", "ComplianceResult", "assess", "compliance", "summarise", "trend"]
