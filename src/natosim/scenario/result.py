"""The result of a scenario: headline tables, the difference from the baseline, and for every
headline figure the data rows, rules and policies that produced it.

The journalist's question comes first (PolicyEngine's habit): who is exposed, how many people,
how much GDP, how much money, against Russia's. Tables are DataFrames; ``to_dict``/``to_json``
give the same content as a stable JSON contract (ISO3 codes, ISO dates, numbers as numbers,
missing as null). ``explain(metric)`` is natosim's answer to OpenFisca's trace: every figure can
be cited down to the rows (ally, year, value, source id, edition) it was summed from.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from natosim import rules
from natosim.data import allies, country_name, sources
from natosim.jsonable import jsonable
from natosim.metrics.balance import NOTE as BALANCE_NOTE
from natosim.metrics.balance import ratio_vs_russia
from natosim.metrics.coverage import (
    GDP,
    MAJOR_GUARANTORS,
    POPULATION,
    article5_covered,
    covered_by_guarantor,
    exposed,
    lost_guarantees,
    masked_sum,
)
from natosim.metrics.gaps import compliance_panel
from natosim.metrics.shares import SPENDING, burden_shares
from natosim.policies.spending import GROWTH_WINDOW
from natosim.results import ResultMixin
from natosim.scenario.loader import ScenarioError
from natosim.scenario.schema import Scenario
from natosim.state import ARTICLE_5, BASES, AllianceState, StatePanel

PCT = "defence_exp_pct_gdp"

#: metric -> (what it is, the figure summed or tested)
METRICS: dict[str, tuple[str, str | None]] = {
    "exposed": ("allies that lost at least one guarantor against the baseline", PCT),
    "population_exposed": ("people living in exposed allies (thousands)", POPULATION),
    "gdp_exposed": ("GDP of exposed allies (bn US$, current)", GDP),
    "members": ("members at the end of the year", None),
    "population_article5": ("people covered by Article 5: population of members (thousands)", POPULATION),
    "gdp_article5": ("GDP covered by Article 5 (bn US$, current)", GDP),
    "total_spending": ("members' defence expenditure (mn US$, current)", SPENDING),
    "us_share": ("US share of members' defence expenditure (%)", SPENDING),
    "europe_canada_share": ("share of Europe and Canada in members' defence expenditure (%)", SPENDING),
    "ratio_vs_russia": ("members' defence expenditure / Russia's military expenditure (SIPRI)", SPENDING),
    "gap_usd": ("how far allies below the pledge are from it (mn US$)", PCT),
    "extra_spending": ("extra spending of a spending path over the start year's share (mn US$)", PCT),
}
ALIASES = {
    "population_uncovered": "population_exposed",
    "gdp_uncovered": "gdp_exposed",
    "ratio": "ratio_vs_russia",
    "gap": "gap_usd",
    "allies_exposed": "exposed",
}


def _names(parties: np.ndarray, mask: np.ndarray) -> list[list[str]]:
    """Per year, the parties where ``mask`` (a loop over years, not allies)."""
    return [parties[row].tolist() for row in mask]


@dataclass
class Explanation:
    """Where a headline figure comes from: values, data rows, rules and policies."""

    metric: str
    description: str
    values: dict[int, Any]
    rows: pd.DataFrame
    rules: list[dict[str, Any]] = field(default_factory=list)
    policies: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return jsonable(
            {
                "metric": self.metric,
                "description": self.description,
                "values": self.values,
                "rows": self.rows,
                "rules": self.rules,
                "policies": self.policies,
                "sources": self.sources,
                "notes": self.notes,
            }
        )

    def __str__(self) -> str:
        def shown(value: Any) -> str:
            if isinstance(value, float):
                return "no figure" if np.isnan(value) else f"{value:,.6g}" if abs(value) < 1000 else f"{value:,.1f}"
            if isinstance(value, list):
                return ", ".join(map(str, value)) or "none"
            return str(value)

        lines = [f"{self.metric}: {self.description}"]
        for year, value in self.values.items():
            lines.append(f"  {year}: {shown(value)}")
        if len(self.rows):
            lines.append(f"data rows ({len(self.rows)}):")
            for row in self.rows.itertuples(index=False):
                held = f" (figures of {row.figures_year})" if row.figures_year != row.year else ""
                projected = " PROJECTED" if row.projected else ""
                lines.append(
                    f"  {row.iso3} {row.year}{held} {row.measure}={shown(row.value)} "
                    f"[source {row.source or '—'}, edition {row.edition or '—'}]{projected}"
                )
        if self.rules:
            lines.append("rules:")
            lines += [
                f"  {r.get('rule') or r.get('action') or r}"
                f" ({r.get('date') or r.get('earliest_date') or 'no date'}; source {r.get('source', '—')})"
                for r in self.rules
            ]
        if self.policies:
            lines.append("policies:")
            lines += [f"  {p['label']}: {p['effect']}" for p in self.policies]
        if self.sources:
            lines.append("sources:")
            lines += [
                f"  {s['id']}: {s.get('publication', '')} ({s.get('publisher', '')}, {s.get('published', '')})"
                for s in self.sources
            ]
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)


class ScenarioResult(ResultMixin):
    """A scenario evaluated over its years, with its baseline.

    The result protocol (``natosim.results``): ``summary`` is the headline of the year the
    scenario speaks of (a dict), ``by_year`` / ``to_frame()`` one row per year, ``to_dict()``,
    ``explain(metric)`` and a notebook display."""

    def __init__(self, scenario: Scenario, baseline: StatePanel, panel: StatePanel) -> None:
        self.scenario, self.baseline, self.panel = scenario, baseline, panel
        self.years: tuple[int, ...] = panel.years
        self._parties = np.asarray(panel.parties, dtype=object)
        self._exposed = exposed(baseline, panel)
        self._article5 = article5_covered(panel)
        self._article5_base = article5_covered(baseline)
        self.by_year = self._by_year()

    # ------------------------------------------------------------------ headline table (eager)
    def _by_year(self) -> pd.DataFrame:
        b, s, parties = self.baseline, self.panel, self._parties
        pop, gdp = s.values[POPULATION], s.values[GDP]
        pop_exp, pop_exp_missing = masked_sum(pop, self._exposed)
        gdp_exp, _ = masked_sum(gdp, self._exposed)
        pop_a5, _ = masked_sum(pop, self._article5)
        pop_a5_b, _ = masked_sum(b.values[POPULATION], self._article5_base)
        gdp_a5, _ = masked_sum(gdp, self._article5)
        gdp_a5_b, _ = masked_sum(b.values[GDP], self._article5_base)
        shares, shares_b = burden_shares(s), burden_shares(b)
        balance, balance_b = ratio_vs_russia(s), ratio_vs_russia(b)
        with np.errstate(invalid="ignore", divide="ignore"):
            of_old = shares["total_usd_mn"] / shares_b["total_usd_mn"] * 100.0
        by_guarantor, _ = covered_by_guarantor(s)
        by_guarantor_b, _ = covered_by_guarantor(b)
        usa = s.index("USA")
        projected = np.zeros(s.member.shape, dtype=bool)
        for mask in s.projected.values():
            projected |= mask
        frame = pd.DataFrame(
            {
                "year": np.asarray(self.years),
                "figures_year": s.figures_year,
                "members": s.member.sum(axis=1),
                "members_baseline": b.member.sum(axis=1),
                "left": _names(parties, b.member & ~s.member),
                "joined": _names(parties, s.member & ~b.member),
                "exposed": _names(parties, self._exposed),
                "exposed_count": self._exposed.sum(axis=1),
                "population_exposed_thousands": pop_exp,
                "gdp_exposed_bn": gdp_exp,
                "exposed_without_population": pop_exp_missing,
                "population_article5_thousands": pop_a5,
                "population_article5_baseline_thousands": pop_a5_b,
                # covered members whose population natosim does not have (e.g. a new member outside
                # NATO's tables): the sum above leaves them out, and says so here
                "article5_without_population": _names(parties, self._article5 & np.isnan(pop)),
                "gdp_article5_bn": gdp_a5,
                "gdp_article5_baseline_bn": gdp_a5_b,
                "population_covered_by_usa_thousands": by_guarantor[:, usa],
                "population_covered_by_usa_baseline_thousands": by_guarantor_b[:, usa],
                "total_spending_usd_mn": shares["total_usd_mn"],
                "total_spending_baseline_usd_mn": shares_b["total_usd_mn"],
                "share_of_baseline_total_pct": of_old,
                "members_without_spending_figure": shares["members_missing"],
                "us_share_pct": shares["us_share_pct"],
                "europe_canada_share_pct": shares["europe_canada_share_pct"],
                "us_share_baseline_pct": shares_b["us_share_pct"],
                "russia_usd_mn": balance["russia_usd_mn"],
                "russia_source": list(s.russia_source),
                # Russia's spending is never projected: no ratio of a projected total to a held one
                "ratio_vs_russia": np.where(projected.any(axis=1), np.nan, balance["ratio_vs_russia"]),
                "ratio_vs_russia_baseline": balance_b["ratio_vs_russia"],
                "projected": projected.any(axis=1),
                "editions": self._editions(),
                "non_nato_figures": _names(parties, s.member & ~np.isin(np.asarray(parties), self._allies())[None, :]),
            }
        )
        return frame

    def _allies(self) -> list[str]:
        return list(allies(dataset=self.panel.dataset)["iso3"])

    def _editions(self) -> list[str]:
        """Per year: the NATO editions the members' US$ and population figures came from (one entry
        when the sums use one edition; two, named, when they mix). A non-ally that joined is counted
        at World Bank / SIPRI figures (``non_nato_figures``)."""
        s = self.panel
        frame = s.base().frame
        out = []
        for fy, members in zip(s.figures_year, s.member, strict=True):
            codes = [p for p, m in zip(s.parties, members, strict=True) if m]
            rows = frame.loc[[(int(fy), c) for c in codes if (int(fy), c) in frame.index]]
            used = set()
            for measure in ("defence_exp_usd_current_mn", "population_thousands"):
                used |= set(rows[f"edition_{measure}"].dropna())
            out.append("+".join(sorted(used)) or "—")
        return out

    # ------------------------------------------------------------------ detail tables (lazy)
    @cached_property
    def allies(self) -> pd.DataFrame:
        """One row per party and year: membership, guarantors, exposure, figures (projected marked)."""
        b, s, parties = self.baseline, self.panel, self._parties
        shown = b.member | s.member | s.guarantee.any(axis=1) | b.guarantee.any(axis=1)
        y_idx, p_idx = np.nonzero(shown)
        lost = lost_guarantees(b, s)
        names = np.asarray([f"{p};" for p in s.parties], dtype=object)
        lost_text = np.where(lost, names[None, :, None], "").sum(axis=1)
        projected = np.full(s.member.shape, "", dtype=object)
        for measure, mask in s.projected.items():
            projected = np.where(mask, projected + measure + ";", projected)

        codes = parties[p_idx]
        display = {code: country_name(code) for code in s.parties}
        return pd.DataFrame(
            {
                "iso3": codes,
                "country": pd.Series(codes).map(display).to_numpy(),
                "year": np.asarray(self.years)[y_idx],
                "figures_year": s.figures_year[y_idx],
                "member": s.member[y_idx, p_idx],
                "member_baseline": b.member[y_idx, p_idx],
                "guarantors": s.guarantee.sum(axis=1)[y_idx, p_idx],
                "guarantors_baseline": b.guarantee.sum(axis=1)[y_idx, p_idx],
                "lost_guarantors": pd.Series(lost_text[y_idx, p_idx], dtype=str).str.rstrip(";").to_numpy(),
                "exposed": self._exposed[y_idx, p_idx],
                "article5": self._article5[y_idx, p_idx],
                PCT: s.values[PCT][y_idx, p_idx],
                POPULATION: s.values[POPULATION][y_idx, p_idx],
                GDP: s.values[GDP][y_idx, p_idx],
                SPENDING: s.values[SPENDING][y_idx, p_idx],
                "projected": pd.Series(projected[y_idx, p_idx], dtype=str).str.rstrip(";").to_numpy(),
            }
        )

    @cached_property
    def coverage(self) -> pd.DataFrame:
        """Per guarantor and year: how many parties, people and GDP it is committed to defend."""
        b, s = self.baseline, self.panel
        pop, pop_missing = covered_by_guarantor(s, POPULATION)
        pop_b, _ = covered_by_guarantor(b, POPULATION)
        gdp, _ = covered_by_guarantor(s, GDP)
        gdp_b, _ = covered_by_guarantor(b, GDP)
        count, count_b = s.guarantee.sum(axis=2), b.guarantee.sum(axis=2)
        y_idx, g_idx = np.nonzero((count > 0) | (count_b > 0))
        return pd.DataFrame(
            {
                "guarantor": self._parties[g_idx],
                "year": np.asarray(self.years)[y_idx],
                "major": np.isin(self._parties[g_idx], MAJOR_GUARANTORS),
                "parties_covered": count[y_idx, g_idx],
                "parties_covered_baseline": count_b[y_idx, g_idx],
                "population_covered_thousands": pop[y_idx, g_idx],
                "population_covered_baseline_thousands": pop_b[y_idx, g_idx],
                "gdp_covered_bn": gdp[y_idx, g_idx],
                "gdp_covered_baseline_bn": gdp_b[y_idx, g_idx],
                "covered_without_population": pop_missing[y_idx, g_idx],
            }
        )

    @cached_property
    def compliance(self) -> pd.DataFrame:
        """Per member and year: the pledge measured against, met or not, gap in points and US$."""
        return compliance_panel(self.panel, self.scenario.pledge)

    @cached_property
    def compliance_summary(self) -> pd.DataFrame:
        """Per year: the pledge, allies meeting it, below it, with no figure, and the total gap (mn US$)."""
        table = self.compliance
        columns = ["year", "pledge", "allies_meeting", "allies_below", "allies_no_figure", "gap_usd_mn"]
        if table.empty:
            return pd.DataFrame(columns=columns)
        met = table["met"].astype("boolean")
        known = met.notna().to_numpy()
        meeting = (met.fillna(False).to_numpy(dtype=bool)) & known
        below = ~met.fillna(True).to_numpy(dtype=bool) & known
        gap = np.where(below, table["gap_usd_mn"].to_numpy(dtype=float, na_value=np.nan), 0.0)
        years, position = np.unique(table["year"].to_numpy(), return_inverse=True)
        first = np.unique(position, return_index=True)[1]
        with np.errstate(invalid="ignore"):
            gap_total = np.bincount(position, weights=np.nan_to_num(gap), minlength=len(years))
        gap_total[np.bincount(position, weights=np.isnan(gap), minlength=len(years)) > 0] = np.nan
        return pd.DataFrame(
            {
                "year": years,
                "pledge": table["pledge"].to_numpy()[first],
                "allies_meeting": np.bincount(position, weights=meeting, minlength=len(years)).astype(int),
                "allies_below": np.bincount(position, weights=below, minlength=len(years)).astype(int),
                "allies_no_figure": np.bincount(position, weights=~known, minlength=len(years)).astype(int),
                "gap_usd_mn": gap_total,
            },
            columns=columns,
        )

    @cached_property
    def procedures(self) -> pd.DataFrame:
        rows = list(self.panel.extras.get("procedures", ()))
        return pd.DataFrame(rows)

    @cached_property
    def paths(self) -> pd.DataFrame:
        parts = list(self.panel.extras.get("paths", ()))
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()

    @cached_property
    def guarantees(self) -> pd.DataFrame:
        """Guarantees outside Article 5 (security guarantees, bilateral pacts), per year."""
        s = self.panel
        y_idx, g_idx, p_idx = np.nonzero(s.guarantee & (s.basis != ARTICLE_5))
        return pd.DataFrame(
            {
                "year": np.asarray(self.years)[y_idx],
                "guarantor": self._parties[g_idx],
                "protected": self._parties[p_idx],
                "basis": np.asarray(BASES, dtype=object)[s.basis[y_idx, g_idx, p_idx]],
                "troops": s.troops[y_idx, g_idx, p_idx],
                "condition": np.asarray(s.conditions, dtype=object)[s.condition[y_idx, g_idx, p_idx]],
            }
        )

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name (detail tables are computed on first use)."""
        out = {
            "by_year": self.by_year,
            "allies": self.allies,
            "coverage": self.coverage,
            "compliance": self.compliance,
            "compliance_summary": self.compliance_summary,
        }
        if len(self.procedures):
            out["procedures"] = self.procedures
        if len(self.paths):
            out["paths"] = self.paths
        if len(self.guarantees):
            out["guarantees"] = self.guarantees
        return out

    # ------------------------------------------------------------------ states
    def state(self, year: int) -> AllianceState:
        return self.panel.at(year)

    def baseline_state(self, year: int) -> AllianceState:
        return self.baseline.at(year)

    # ------------------------------------------------------------------ differences
    DIFF_METRICS: tuple[tuple[str, str, str], ...] = (
        ("members", "members_baseline", "members"),
        ("exposed allies", "", "exposed_count"),
        (
            "population under Article 5 (thousands)",
            "population_article5_baseline_thousands",
            "population_article5_thousands",
        ),
        ("GDP under Article 5 (bn US$)", "gdp_article5_baseline_bn", "gdp_article5_bn"),
        (
            "population the US defends (thousands)",
            "population_covered_by_usa_baseline_thousands",
            "population_covered_by_usa_thousands",
        ),
        ("defence spending of members (mn US$)", "total_spending_baseline_usd_mn", "total_spending_usd_mn"),
        ("US share (%)", "us_share_baseline_pct", "us_share_pct"),
        ("ratio to Russia", "ratio_vs_russia_baseline", "ratio_vs_russia"),
    )

    def diff(self, other: ScenarioResult | None = None) -> pd.DataFrame:
        """Scenario against its baseline (``other=None``), or this result against ``other``
        (``change`` = other − this), per year and headline metric."""
        frames = []
        for label, base_col, col in self.DIFF_METRICS:
            if other is None:
                before = self.by_year[base_col] if base_col else pd.Series(0, index=self.by_year.index)
                after = self.by_year[col]
                years = self.by_year["year"]
            else:
                joined = self.by_year[["year", col]].merge(
                    other.by_year[["year", col]], on="year", suffixes=("_a", "_b")
                )
                before, after, years = joined[f"{col}_a"], joined[f"{col}_b"], joined["year"]
            frames.append(
                pd.DataFrame(
                    {
                        "year": years.to_numpy(),
                        "metric": label,
                        "before": before.to_numpy(dtype=float),
                        "after": after.to_numpy(dtype=float),
                    }
                )
            )
        out = pd.concat(frames, ignore_index=True)
        out["change"] = out["after"] - out["before"]
        if other is None:
            out = out.rename(columns={"before": "baseline", "after": "scenario"})
        else:
            out = out.rename(columns={"before": self.scenario.name, "after": other.scenario.name})
        return out.sort_values(["year"], kind="stable", ignore_index=True)

    # ------------------------------------------------------------------ explanations
    def _data_rows(self, mask: np.ndarray, measure: str | None) -> pd.DataFrame:
        """The figure rows behind a sum: one row per (party, year) in ``mask``."""
        columns = ["iso3", "year", "figures_year", "measure", "value", "source", "edition", "projected"]
        if measure is None:
            y_idx, p_idx = np.nonzero(mask)
            in_baseline = self.baseline.member[y_idx, p_idx]
            return pd.DataFrame(
                {
                    "iso3": self._parties[p_idx],
                    "year": np.asarray(self.years)[y_idx],
                    "figures_year": self.panel.figures_year[y_idx],
                    "measure": "member",
                    "value": True,
                    "source": np.where(in_baseline, "facts-members", "policy (see policies)"),
                    "edition": "",
                    "projected": False,
                },
                columns=columns,
            )
        s = self.panel
        y_idx, p_idx = np.nonzero(mask)
        base = s.base()
        keys = pd.MultiIndex.from_arrays([s.figures_year[y_idx], self._parties[p_idx]], names=["year", "iso3"])
        prov = base.frame.reindex(keys)
        projected = s.projected.get(measure)
        flags = projected[y_idx, p_idx] if projected is not None else np.zeros(len(y_idx), dtype=bool)
        source = prov[f"source_{measure}"].to_numpy(dtype=object)
        edition = prov[f"edition_{measure}"].to_numpy(dtype=object)
        return pd.DataFrame(
            {
                "iso3": self._parties[p_idx],
                "year": np.asarray(self.years)[y_idx],
                "figures_year": s.figures_year[y_idx],
                "measure": measure,
                "value": s.values[measure][y_idx, p_idx],
                "source": np.where(flags, "projected", source),
                "edition": np.where(flags, "", edition),
                "projected": flags,
            },
            columns=columns,
        )

    def _policies(self) -> list[dict[str, Any]]:
        return [
            {k: v for k, v in r.items() if k not in ("rules",)} for r in self.panel.trace if r.get("step") == "policy"
        ]

    def _policy_rules(self) -> list[dict[str, Any]]:
        return [rule for r in self.panel.trace if r.get("step") == "policy" for rule in r.get("rules", [])]

    @staticmethod
    def _article5_rule() -> dict[str, Any]:
        treaty = rules.treaty()
        return {
            "rule": "North Atlantic Treaty, Article 5: an armed attack against one or more members is "
            "an attack against them all",
            "date": treaty.signed.isoformat(),
            "source": treaty.articles[5].source or treaty.source,
        }

    def explain(self, metric: str, year: int | None = None) -> Explanation:
        """The data rows, rules and policies behind a headline figure (``natosim scenario run --explain``)."""
        metric = ALIASES.get(metric, metric)
        if metric not in METRICS:
            raise ScenarioError(f"no metric {metric!r}; explainable: {', '.join(METRICS)}", field="metric")
        if year is not None:
            self.panel.year_index(year)  # an error naming the years evaluated
        selected = np.ones(len(self.years), dtype=bool) if year is None else np.asarray(self.years) == int(year)
        description, measure = METRICS[metric]
        s = self.panel
        rules = [self._article5_rule(), *self._policy_rules()]
        notes: list[str] = []
        column = {
            "exposed": "exposed",
            "population_exposed": "population_exposed_thousands",
            "gdp_exposed": "gdp_exposed_bn",
            "members": "members",
            "population_article5": "population_article5_thousands",
            "gdp_article5": "gdp_article5_bn",
            "total_spending": "total_spending_usd_mn",
            "us_share": "us_share_pct",
            "europe_canada_share": "europe_canada_share_pct",
            "ratio_vs_russia": "ratio_vs_russia",
        }.get(metric)
        values: dict[int, Any] = {}
        if column is not None:
            values = dict(
                zip(self.by_year["year"][selected].tolist(), self.by_year[column][selected].tolist(), strict=True)
            )
        if metric in ("exposed", "population_exposed", "gdp_exposed"):
            mask = self._exposed
        elif metric in ("members",):
            mask = s.member
        elif metric in ("population_article5", "gdp_article5"):
            mask = self._article5
        elif metric in ("total_spending", "us_share", "europe_canada_share", "ratio_vs_russia"):
            mask = s.member
            if metric == "ratio_vs_russia":
                notes.append(BALANCE_NOTE)
            if metric != "ratio_vs_russia":
                notes.append("members with no figure are left out of the total and counted in the summary")
        elif metric == "gap_usd":
            table = self.compliance
            below = table[table["met"].astype("boolean").eq(False).fillna(False)]
            if year is not None:
                below = below[below["year"] == int(year)]
            values = below.groupby("year")["gap_usd_mn"].sum().to_dict()
            mask = self._cells(below["year"], below["iso3"])
            rules += [self._pledge_rule(p) for p in dict.fromkeys(below["pledge"])]
        else:  # extra_spending
            paths = self.paths
            if year is not None and len(paths):
                paths = paths[paths["year"] == int(year)]
            values = paths.groupby("year")["extra_usd_mn"].sum().to_dict() if len(paths) else {}
            mask = self._cells(paths.get("year", pd.Series(dtype=int)), paths.get("iso3", pd.Series(dtype=str)))
            notes += [p["method"] for p in s.projections]
        mask = mask & selected[:, None]
        rows = self._data_rows(mask, measure)
        if metric == "gap_usd":
            rows = pd.concat([rows, self._data_rows(mask, GDP)], ignore_index=True)
        if metric == "extra_spending":
            rows = pd.concat([rows, self._data_rows(mask, GDP), self._start_rows(paths)], ignore_index=True)
        if metric == "ratio_vs_russia":
            russia = pd.DataFrame(
                {
                    "iso3": "RUS",
                    "year": np.asarray(self.years)[selected],
                    "figures_year": s.figures_year[selected],
                    "measure": "milex_usd_current_mn",
                    "value": s.russia_usd_mn[selected],
                    "source": np.asarray(s.russia_source, dtype=object)[selected],
                    "edition": "",
                    "projected": False,
                }
            )
            rows = pd.concat([rows, russia], ignore_index=True)
        held = sorted({int(y) for y, f in zip(rows["year"], rows["figures_year"], strict=True) if y != f})
        if held:
            notes.append(
                f"years {held} are after the last year of data: they carry the figures of "
                f"{self.scenario.baseline_year} (not a forecast)"
            )
        if rows["projected"].any():
            notes.append(
                "rows marked PROJECTED are computed by a policy, not data: "
                + "; ".join(p["method"] for p in s.projections)
            )
        return Explanation(
            metric=metric,
            description=description,
            values=values,
            rows=rows,
            rules=rules,
            policies=self._policies(),
            sources=self._sources(rows),
            notes=notes,
        )

    def _start_rows(self, paths: pd.DataFrame) -> pd.DataFrame:
        """The data a spending path starts from: share and GDP in its start year, and the real GDP of
        the growth window's two ends (for the default growth rate), with source ids and editions."""

        if not len(paths):
            return pd.DataFrame()
        base = self.panel.base()
        parts = []
        for from_year, group in paths.groupby("from_year"):
            codes = sorted(set(group["iso3"]))
            first = max(base.data_years[0], int(from_year) - GROWTH_WINDOW)
            for year, measure in (
                (from_year, PCT),
                (from_year, GDP),
                (first, "real_gdp_usd_constant_bn"),
                (from_year, "real_gdp_usd_constant_bn"),
            ):
                keys = pd.MultiIndex.from_product([[int(year)], codes], names=["year", "iso3"])
                prov = base.frame.reindex(keys)
                parts.append(
                    pd.DataFrame(
                        {
                            "iso3": codes,
                            "year": int(year),
                            "figures_year": int(year),
                            "measure": measure,
                            "value": prov[measure].to_numpy(dtype=float),
                            "source": prov[f"source_{measure}"].to_numpy(),
                            "edition": prov[f"edition_{measure}"].to_numpy(),
                            "projected": False,
                        }
                    )
                )
        return pd.concat(parts, ignore_index=True)

    def _cells(self, years: pd.Series, codes: pd.Series) -> np.ndarray:
        """A (years, parties) mask with the given (year, ISO3) cells set."""
        mask = np.zeros(self.panel.member.shape, dtype=bool)
        if len(years):
            positions = {code: i for i, code in enumerate(self.panel.parties)}
            rows = np.searchsorted(np.asarray(self.years), years.to_numpy(dtype=int))
            mask[rows, codes.map(positions).to_numpy(dtype=int)] = True
        return mask

    @staticmethod
    def _pledge_rule(pledge_id: str) -> dict[str, Any]:
        pledge = rules.pledge(pledge_id)
        return {
            "rule": pledge.name,
            "id": pledge.id,
            "date": pledge.adopted.isoformat(),
            "target_pct_gdp": pledge.target_pct_gdp,
            "source": pledge.source,
            "confidence": pledge.confidence,
        }

    @staticmethod
    def _sources(rows: pd.DataFrame) -> list[dict[str, Any]]:
        ids = sorted({s for s in rows["source"] if isinstance(s, str) and s and s != "projected"})
        table = sources().set_index("id")
        return [
            {"id": i, **{k: table.loc[i, k] for k in ("publication", "publisher", "published", "confidence")}}
            if i in table.index
            else {"id": i}
            for i in ids
        ]

    # ------------------------------------------------------------------ output
    @property
    def title(self) -> str:  # type: ignore[override]
        return self.scenario.headline()

    @property
    def summary(self) -> dict[str, Any]:
        """The headline of :meth:`headline_year`: exposed allies, people, GDP, money, vs the baseline."""
        return {"scenario": self.scenario.name, **self.headline()}

    def to_frame(self) -> pd.DataFrame:
        """One row per year (``by_year``)."""
        return self.by_year

    def headline(self, year: int | None = None) -> dict[str, Any]:
        """The one-screen answer for ``year`` (default: the scenario's baseline year if evaluated)."""
        if year is None:
            year = self.headline_year()
        row = self.by_year[self.by_year["year"] == int(year)].iloc[0]
        return {k: row[k] for k in self.by_year.columns}

    def changed(self) -> np.ndarray:
        """(years,): whether the scenario differs from the baseline in members, guarantees or figures."""
        b, s = self.baseline, self.panel
        differs = (b.member != s.member).any(axis=1) | (b.guarantee != s.guarantee).any(axis=(1, 2))
        for mask in s.projected.values():
            differs |= mask.any(axis=1)
        return np.asarray(differs)

    def headline_year(self) -> int:
        """The year a summary speaks of: the baseline year if the scenario changes it, else the first
        year it changes after it (a withdrawal takes effect later), else the baseline year."""
        years = np.asarray(self.years)
        if self.panel.projections:  # a path: its end is the point
            return int(years[-1])
        changed = self.changed()
        base_year = self.scenario.baseline_year
        if base_year in self.years and changed[self.years.index(base_year)]:
            return base_year
        later = years[changed & (years >= base_year)]
        if len(later):
            return int(later[0])
        return base_year if base_year in self.years else int(years[-1])

    def to_dict(self, explain: bool = False, explain_year: int | None = None) -> dict[str, Any]:
        scenario = self.scenario.model_dump(mode="json")
        out: dict[str, Any] = {
            "scenario": {k: scenario[k] for k in ("name", "title", "description", "sources", "confidence")},
            "policies": scenario["policies"],
            "years": list(self.years),
            "baseline_year": self.scenario.baseline_year,
            "edition": self.panel.edition,
            "notes": self.notes(),
            "summary": self.summary,
        }
        out.update({name: table for name, table in self.tables.items()})
        out["diff"] = self.diff()
        out["trace"] = list(self.panel.trace)
        if explain:
            out["explain"] = {m: self.explain(m, explain_year).to_dict() for m in self.explainable()}
        return dict(jsonable(out))

    def to_json(self, explain: bool = False, explain_year: int | None = None) -> str:
        return json.dumps(self.to_dict(explain=explain, explain_year=explain_year), indent=2, ensure_ascii=False)

    def explainable(self) -> list[str]:
        """The metrics worth explaining for this scenario (those with a figure)."""
        names = [
            "members",
            "exposed",
            "population_exposed",
            "gdp_exposed",
            "population_article5",
            "gdp_article5",
            "total_spending",
            "us_share",
            "ratio_vs_russia",
            "gap_usd",
        ]
        if len(self.paths):
            names.append("extra_spending")
        return names

    def notes(self) -> list[str]:
        s = self.panel
        notes = [BALANCE_NOTE]
        held = [y for y, f in zip(self.years, s.figures_year, strict=True) if y != f]
        if held:
            span = f"{held[0]}–{held[-1]} are" if len(held) > 1 else f"{held[0]} is"
            notes.append(
                f"{span} after the last year of data: figures are those of "
                f"{self.scenario.baseline_year}, held (not a forecast)"
            )
        notes += [f"projected ({p['policy']}): {p['method']}" for p in s.projections]
        if s.projections:
            notes.append("no ratio to Russia in projected years: Russia's spending is not projected")
        return notes


def __getattr__(name: str) -> Any:
    """``Result`` was renamed ``ScenarioResult`` (``natosim.Result`` is the result protocol)."""
    if name == "Result":
        warnings.warn(
            "natosim.scenario.Result is now natosim.scenario.ScenarioResult (natosim.ScenarioResult); "
            "the old name goes in the next release",
            FutureWarning,
            stacklevel=2,
        )
        return ScenarioResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
