"""Do allies pay in proportion to what they get? Spending shares against shares of benefits.

The joint-product model (Sandler, T. and Murdoch, J. C. (2000), *Fiscal Studies* 21(3): 297–327;
Sandler, T. and Shimizu, H. (2014), "NATO Burden Sharing 1999–2010: An Altered Alliance",
*Foreign Policy Analysis* 10(1): 43–60) predicts that an ally's share of the alliance's spending
matches its share of the benefits — the economic base protected (GDP), the people protected
(population) and the exposed border. For each year and each benefit we compute, over the members
with both figures:

* the Wilcoxon signed-rank test of spending share − benefit share (H0: the differences are
  centred on 0, i.e. burdens match benefits; a small p says they do not);
* Spearman's rho between the two shares and its one-sided p (H1: rho > 0, burdens follow benefits).

Spending here is NATO's % of GDP (Table 3) × GDP (Table 5, current US$), the figure the 2 %
guideline is judged on; population is NATO's derived figure; exposed border is the land border with
Russia (engines/burden/data/geography.yaml). An ally with no figure is left out and named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from natosim.data import Dataset, figures, load
from natosim.engines.burden.free_riding import GDP, PCT, POP, Years, available_years
from natosim.engines.burden.geography import ally_geography
from natosim.engines.burden.years import resolve_years
from natosim.results import ResultMixin

BENEFITS = {"gdp": GDP, "population": POP, "exposed_border": "exposed_border_km"}
#: the columns of ``BenefitBurdenTest.tests`` (also when no year has enough figures to test)
TEST_COLUMNS = [
    "year",
    "benefit",
    "n",
    "wilcoxon_statistic",
    "wilcoxon_p",
    "rho",
    "rho_p_greater",
    "allies_paying_more_than_benefit_share",
    "note",
]


@dataclass(frozen=True)
class BenefitBurdenTest(ResultMixin):
    """``tests``: one row per year and benefit; ``shares``: the ally-year shares behind them."""

    title: ClassVar[str] = "Benefit–burden test (spending shares vs shares of benefits)"

    tests: pd.DataFrame
    shares: pd.DataFrame
    edition: str | None
    notes: list[str] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, Any]:
        matched = self.tests[(self.tests["wilcoxon_p"] >= 0.05)] if len(self.tests) else self.tests
        return {
            "edition": self.edition,
            "years": sorted({int(y) for y in self.tests.get("year", [])}),
            "benefits": list(BENEFITS),
            "year_benefit_pairs_not_rejected": len(matched),
            "kind": "estimate",
        }

    def to_frame(self) -> pd.DataFrame:
        return self.tests

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "estimate", "summary": self.summary, "tests": self.tests, "notes": self.notes}


def benefit_burden_test(
    years: Years | str = None, edition: str | None = None, dataset: Dataset | None = None
) -> BenefitBurdenTest:
    """Wilcoxon and Spearman tests of spending shares against GDP, population and exposed-border shares."""
    from scipy import stats

    dataset = dataset or load()
    table = figures(edition=edition, dataset=dataset, members_only=True)
    chosen = resolve_years(years, available_years(edition, dataset))
    border = ally_geography().set_index("iso3")["exposed_border_km"]
    frames, rows = [], []
    for year in chosen:
        frame = table[(table["year"] == year) & table[PCT].notna() & table[GDP].notna() & table[POP].notna()].copy()
        if len(frame) < 3:
            for name in BENEFITS:
                rows.append(
                    {"year": year, "benefit": name, "n": len(frame), "note": "fewer than 3 allies with figures"}
                )
            continue
        frame["exposed_border_km"] = frame["iso3"].map(border).fillna(0.0)
        spending = frame[PCT] / 100.0 * frame[GDP]
        frame["spending_share_pct"] = 100.0 * spending / spending.sum()
        for name, column in BENEFITS.items():
            share = 100.0 * frame[column] / frame[column].sum()
            frame[f"{name}_share_pct"] = share
            diff = (frame["spending_share_pct"] - share).to_numpy(float)
            wilcoxon = stats.wilcoxon(diff) if np.any(diff != 0) else None
            rho = stats.spearmanr(frame["spending_share_pct"], share, alternative="greater")
            rows.append(
                {
                    "year": year,
                    "benefit": name,
                    "n": len(frame),
                    "wilcoxon_statistic": float(wilcoxon.statistic) if wilcoxon else None,
                    "wilcoxon_p": float(wilcoxon.pvalue) if wilcoxon else None,
                    "rho": float(rho.statistic),
                    "rho_p_greater": float(rho.pvalue),
                    "allies_paying_more_than_benefit_share": int((diff > 0).sum()),
                    "note": "",
                }
            )
        frames.append(frame[["iso3", "year", "spending_share_pct", *(f"{n}_share_pct" for n in BENEFITS), "sources"]])
    notes = [
        "Wilcoxon signed-rank test of spending share − benefit share per ally (two-sided): p < 0.05 rejects "
        "'burdens match benefits'. rho: Spearman of the two shares, one-sided p for rho > 0.",
        "Exposed border = land border with Russia only (Belarus not included: no stored source for its lengths); "
        "most allies have 0 km, so that test compares shares concentrated on six allies.",
    ]
    shares = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["iso3", "year"])
    return BenefitBurdenTest(pd.DataFrame(rows, columns=TEST_COLUMNS), shares, edition, notes)
