"""One home for each rule that turns figures into an answer: "meets a target", the US share of
allied spending, the headline pledge in force, Article 13's notice period.

Why one home: the same question must get the same answer in the compliance table, the brief, a
scenario and the claim checker. Before this module the "meets 2 %" rule was written three times
(two compared raw values, one the printed value) and Poland 2018 (1.9959 %) was counted in one
place and not in another. Every caller now calls the functions below (docs/architecture.md,
"One home per rule").

**Rounding convention (decided here, documented in docs/rules.md).** NATO publishes its figures
in *Defence Expenditure of NATO Countries*, Table 3, printed with two decimals; that printed value
is the published figure a reader (or NATO's own count of "allies at 2 %") judges. natosim's bundled
values carry the four decimals of the workbook behind the table, so a figure is first rounded to
the two decimals NATO prints — half away from zero, as a spreadsheet displays it (1.9950 → 2.00,
1.9949 → 1.99) — and the rounded value is compared with the target: Poland 2018 at 1.9959 % is
printed 2.00 % and meets 2 %.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from natosim.dates import add_years
from natosim.rules.loader import load_treaty

#: decimals NATO prints in its tables (Table 3, % of GDP; Table 8, shares of expenditure)
PRINTED_DECIMALS = 2


def printed(value: Any) -> Any:
    """``value`` rounded as NATO prints it: two decimals, half away from zero.

    Works on a float, a numpy array or a pandas Series (NaN stays NaN). The tiny epsilon absorbs
    binary representation error (1.995 is stored as 1.99499999…, and is printed 2.00).
    """
    scale = 10.0**PRINTED_DECIMALS
    number = np.asarray(value, dtype=float) if not isinstance(value, pd.Series) else value.astype(float)
    rounded = np.sign(number) * np.floor(np.abs(number) * scale + 0.5 + 1e-9) / scale
    if isinstance(value, pd.Series):
        return pd.Series(rounded, index=value.index, name=value.name)
    if np.ndim(rounded) == 0:
        return float(rounded)
    return rounded


def meets(value: Any, target: float, kind: str = "floor") -> Any:
    """Does a figure meet a % target? ``kind`` "floor" (at least) or "ceiling" (at most).

    Compares the printed value (``printed``) with the target. Returns a nullable boolean Series
    for a Series (NA where the figure is missing — never counted as failing), a bool for a
    scalar (``None`` when the scalar is NaN/None).
    """
    if isinstance(value, pd.Series):
        shown = printed(value)
        out = pd.Series(pd.NA, index=value.index, dtype="boolean")
        known = shown.notna()
        hit = shown[known] >= target if kind == "floor" else shown[known] <= target
        out[known] = hit.to_numpy()
        return out
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    shown = printed(float(value))
    return bool(shown >= target) if kind == "floor" else bool(shown <= target)


def count_meeting(
    values: Iterable[float], target: float, *, below: bool = False, never_reported: Iterable[bool] | None = None
) -> tuple[int, list[int]]:
    """How many of ``values`` meet ``target`` (``below``: fall short of it), missing ones excluded;
    returns (count, positions counted).

    NATO's convention for its own counts ("23 of 32 allies meet 2%"): an ally for which the edition
    holds no figure in any year (Iceland: no armed forces, NATO publishes none) is counted as not
    meeting. ``never_reported`` flags those positions: their figure stays missing (never zero), but
    they fall short in a ``below`` count. An ally that usually reports but lacks the year is neither."""
    series = pd.Series(list(values), dtype=float)
    met = meets(series, target)
    if never_reported is not None:
        never = pd.Series(list(never_reported), dtype=bool).to_numpy()
        met[never & series.isna().to_numpy()] = False
    chosen = (met == False) if below else (met == True)  # noqa: E712  (nullable: NA is neither)
    positions = [int(i) for i in np.flatnonzero(chosen.fillna(False).to_numpy())]
    return len(positions), positions


def us_share_pct(us_usd: Any, total_usd: Any) -> Any:
    """The US share of allied defence spending, in %: US spending ÷ all members' spending × 100,
    both in current US$ from the same edition (NATO Table 2). NaN where the total is missing or
    zero, never a guess. Scalars or arrays."""
    us = np.asarray(us_usd, dtype=float)
    total = np.asarray(total_usd, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(np.isfinite(total) & (total > 0), us / total * 100.0, np.nan)
    return float(share) if np.ndim(share) == 0 else share


def headline_pledge(pledges: Iterable[Any], wanted: str | None = None) -> Any | None:
    """The pledge a year is judged against: ``wanted`` by id if given (None if not among
    ``pledges``), else the latest-adopted pledge marked ``headline`` with a % of GDP target
    (pledges.yaml: the 2006 guideline, then Wales, then the Vilnius floor)."""
    items = list(pledges)
    if wanted is not None:
        return next((p for p in items if p.id == wanted), None)
    headline = [p for p in items if getattr(p, "headline", False) and p.target_pct_gdp is not None]
    return max(headline, key=lambda p: p.adopted, default=None)


def withdrawal_notice_years() -> int:
    """Article 13's notice period in years, read from the treaty (parameters/treaty.yaml)."""
    return int(load_treaty().articles[13].rule["effective_after"]["years"])


def withdrawal_effective(notice: dt.date) -> dt.date:
    """The day a withdrawal notified on ``notice`` takes effect under Article 13 (treaty YAML).

    Raises ``ProcedureError`` when that day is beyond the calendar (year 9999)."""
    return add_years(notice, withdrawal_notice_years())


__all__ = [
    "PRINTED_DECIMALS",
    "count_meeting",
    "headline_pledge",
    "meets",
    "printed",
    "us_share_pct",
    "withdrawal_effective",
    "withdrawal_notice_years",
]
