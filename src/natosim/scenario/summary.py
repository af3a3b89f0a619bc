"""A one-screen summary of each bundled scenario (``make demo`` prints them).

Each summary answers the scenario's own question first, with the year and the source of the
figures, and ends with the scenario's news source — the line a journalist would cite.
"""

from __future__ import annotations

import math
from typing import Any

from natosim.data import allies
from natosim.metrics.balance import per_capita_vs_russia
from natosim.scenario.evaluate import evaluate
from natosim.scenario.loader import library
from natosim.scenario.result import ScenarioResult


def _nato_reported() -> set[str]:
    """Allies NATO reports figures for (a joining non-ally's figures come from SIPRI instead)."""
    return set(allies()["iso3"])


def _num(value: Any, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "no figure"
    return f"{value:,.{digits}f}"


def summary_lines(result: ScenarioResult, year: int | None = None) -> list[str]:
    """The few lines that say what ``result`` shows (in its baseline year unless ``year``)."""
    s = result.scenario
    head = result.headline(year)
    y = int(head["year"])
    held = f" (figures of {int(head['figures_year'])})" if head["figures_year"] != y else ""
    lines = [f"▶ {s.headline()}  [{s.name}; confidence {s.confidence}]"]
    procedures = result.procedures
    if len(procedures):
        for row in procedures.to_dict("records"):
            if row["policy"] == "withdrawal":
                how = "assumed lawful" if row["assumed_lawful"] else ("lawful" if row["lawful"] else "NOT lawful")
                when = f"effective {row['effective_date']}" if row["leaves"] else "the member stays"
                lines.append(
                    f"  {row['country']} withdrawal by {row['path']}: {how} ({row['outcome']}); {when} "
                    f"[confidence {row.get('confidence') or 'n/a'}]"
                )
                if row.get("legal_question"):
                    lines.append(f"    contested: {row['legal_question']}")
                if row.get("notify_congress_by"):
                    lines.append(
                        f"    §1250A(c): written notice to Congress at least {row['notice_to_congress_days']} days "
                        f"before acting: by {row['notify_congress_by']} for a notice on {row['notice_date']}"
                    )
                if row.get("bills"):
                    lines.append(f"    bill (not law): {row['bills']}")
            else:
                when = (
                    f"joins {row['joins_on']} ({row['timing']})"
                    if row["completes"]
                    else f"blocked by {', '.join(row['blocked_by'])}"
                )
                lines.append(f"  {row['country']} accession: {row['outcome']}; {when}")
                if row.get("at_war"):
                    lines.append(f"    {row['country']} {row['at_war']}")
                if row.get("article5_reach"):
                    lines.append(f"    Article 5 over occupied territory: {row['article5_reach']}")
    if head["left"] or head["joined"]:
        change = ", ".join(
            filter(
                None,
                [
                    f"left: {', '.join(head['left'])}" if head["left"] else "",
                    f"joined: {', '.join(head['joined'])}" if head["joined"] else "",
                ],
            )
        )
        lines.append(f"  {y}{held}: {head['members']} members ({change})")
    if head["exposed_count"] and not head["left"]:
        lines.append(f"  {y}{held}: {head['exposed_count']} allies exposed: {', '.join(head['exposed'])}")
        lines.append(
            f"    {_num(head['population_exposed_thousands'] / 1000)} million people, "
            f"{_num(head['gdp_exposed_bn'])} bn US$ of GDP lose a guarantor"
        )
    if math.isnan(head["population_article5_thousands"]):
        lines.append(f"  {y}{held}: Article 5 covers {head['members']} members (no population figure for {y})")
    else:
        unknown = list(head.get("article5_without_population") or [])
        gap = f"; no population figure for {', '.join(unknown)}, not counted" if unknown else ""
        lines.append(
            f"  {y}{held}: Article 5 covers {_num(head['population_article5_thousands'] / 1000)} million "
            f"people (baseline {_num(head['population_article5_baseline_thousands'] / 1000)} million)"
            f"{gap}"
        )
    if not math.isnan(head["total_spending_usd_mn"]) and not len(result.paths):
        outside = [code for code in head["joined"] if code not in _nato_reported()]
        sipri = f" incl. {', '.join(outside)} at SIPRI's figure (SIPRI definition)" if outside else ""
        lines.append(
            f"  members spend {_num(head['total_spending_usd_mn'] / 1000)} bn US${sipri} "
            f"[NATO edition {head['editions']}] "
            f"({_num(head['share_of_baseline_total_pct'])}% of the baseline total); "
            f"{_num(head['ratio_vs_russia'])}× Russia (SIPRI; definitions differ)"
        )
        fy = int(head["figures_year"])
        russia = result.panel.russia_usd_mn[result.panel.years.index(y)]
        per = per_capita_vs_russia(
            head["total_spending_usd_mn"], head["population_article5_thousands"], float(russia), fy
        )
        if not math.isnan(per["ratio_per_capita"]):  # type: ignore[arg-type]
            lines.append(
                f"  per person: members {_num(per['alliance_usd_per_person'], 0)} US$, Russia "
                f"{_num(per['russia_usd_per_person'], 0)} US$ ({_num(per['ratio_per_capita'])}×; Russia's "
                f"population {per['russia_population_source']}, {fy})"
            )
    guarantees = result.guarantees
    if len(guarantees):
        at_year = guarantees[guarantees["year"] == y]
        for protected, rows in at_year.groupby("protected"):
            troops = "with troops" if rows["troops"].any() else "without troops"
            lines.append(
                f"  {protected} guaranteed by {len(rows)} countries outside Article 5 ({troops}); "
                f"not by: {', '.join(sorted({'USA'} - set(rows['guarantor'])) or '—')}"
            )
    paths = result.paths
    if len(paths):
        last = int(paths["year"].max())
        final = paths[paths["year"] == last]
        lines.append(
            f"  {last}: spending path adds {_num(final['extra_usd_mn'].sum() / 1000)} bn US$ a year; "
            f"members' total {_num(final['spending_usd_mn'].sum() / 1000)} bn US$ (projected, "
            f"{int(final['from_year'].iloc[0])} prices)"
        )
    source = s.sources[0]
    lines.append(f"  source: {source.title} ({source.publisher or 'n/a'}, {source.date.isoformat()}) {source.url}")
    return lines


def summaries() -> str:
    """Every bundled scenario, evaluated, in a few lines each (for ``make demo``)."""

    blocks = []
    for name in library():
        blocks.append("\n".join(summary_lines(evaluate(name))))
    return "\n\n".join(blocks)
