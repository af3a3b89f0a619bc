"""``natosim compliance``, ``natosim rules`` and ``natosim procedure``: the rules as code.

Only parsing and rendering live here; every answer comes from ``natosim.rules`` and
``natosim.metrics.compliance``. Dates are parsed strictly (YYYY-MM-DD) by the library, so a bad
date, pledge or country is one line on stderr and exit status 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from natosim.cli.render import Format, FormatOption, PlotOption, check_plot, dumps, render_frame, render_mapping

rules_app = typer.Typer(help="The treaty, the pledges and national law as dated rules.", no_args_is_help=True)
procedure_app = typer.Typer(help="Accession, withdrawal and collective defence, step by step.", no_args_is_help=True)

COMPLIANCE_COLUMNS = [
    "iso3",
    "country",
    "value",
    "target",
    "met",
    "gap_pp",
    "gap_usd_mn",
    "gap_pp_upper",
    "edition_value",
    "edition_base",
    "gap_usd_mixed_editions",
    "equipment_pct",
    "equipment_met",
    "trend_slope_pp_per_year",
    "years_to_reach",
    "reach_year",
    "on_track",
]
STEP_COLUMNS = ["actor", "action", "rule", "outcome", "earliest_date"]


def _steps_frame(steps: list[Any]) -> Any:
    import pandas as pd

    return pd.DataFrame([step.model_dump() for step in steps])


def _csv_value(value: Any) -> Any:
    return "; ".join(map(str, value)) if isinstance(value, list | tuple) else value


def _render_result(result: Any, fmt: Format, title: str, headline: dict[str, Any]) -> None:
    """JSON: the whole typed result. csv: the headline repeated on each step row. table/md: the
    headline, then the steps."""
    if fmt is Format.json:
        typer.echo(dumps(result))
        return
    steps = _steps_frame(result.steps)
    if fmt is Format.csv:
        # one tidy table: the result (lawful, outcome, dates...) on every row, then the step
        import re

        steps = steps.add_prefix("step_")
        for position, (key, value) in enumerate(headline.items()):
            steps.insert(position, re.sub(r"[^a-z0-9]+", "_", key.lower()).strip("_"), _csv_value(value))
        render_frame(steps, fmt)
        return
    if fmt is Format.md:
        lines = [f"**{title}**", ""] + [f"- {key}: {value}" for key, value in headline.items()] + [""]
        typer.echo("\n".join(lines))
        render_frame(steps, fmt, columns=STEP_COLUMNS)
        return
    render_mapping(headline, fmt, title=title)
    render_frame(steps, fmt, columns=STEP_COLUMNS)


def compliance_command(
    year: int | None = typer.Option(None, "--year", "-y", help="Year (default: latest year with % of GDP)."),
    pledge: str | None = typer.Option(
        None, "--pledge", help="Pledge id (natosim rules pledges). Default: the headline pledge in force."
    ),
    edition: str | None = typer.Option(
        None, "--edition", "-e", help="Pin one NATO edition (YYYY-MM). Default: latest having each figure."
    ),
    all_allies: bool = typer.Option(False, "--all-allies", help="Include allies that were not yet members."),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Only the editions published by this date (YYYY-MM-DD) are in play. Default: today."
    ),
    fmt: Format = FormatOption,
    plot: Path | None = PlotOption,
) -> None:
    """Who meets a pledge in a year: figure, target, gap in points and US$, equipment test, trend.

    ``--plot FILE``: every ally's figure and the count meeting the pledge over every year up to YEAR."""
    check_plot(plot)
    from natosim.data import latest_year
    from natosim.metrics.compliance import compliance

    chosen_year = year if year is not None else latest_year(as_of=as_of)
    result = compliance(chosen_year, pledge, edition=edition, members_only=not all_allies, as_of=as_of)
    if plot is not None:
        from natosim.cli.progress import progress
        from natosim.plots import compliance_history, plot_compliance_history
        from natosim.state import data_years

        years = [y for y in data_years(edition, as_of) if y <= chosen_year]
        with progress("compliance over the years", len(years), unit=" years") as advance:
            history = compliance_history(
                chosen_year, pledge, edition, members_only=not all_allies, as_of=as_of, on_year=advance
            )
        name = pledge or "the headline pledge in force each year"
        plot_compliance_history(history, plot, f"Allies against {name}, to {chosen_year}")
        typer.echo(f"chart written to {plot}", err=True)
    if fmt is Format.json:
        typer.echo(dumps(result.to_dict()))
        return
    summary = result.summary
    total = summary["total_gap_usd_mn"]
    caption = (
        f"{result.pledge.name} (adopted {result.pledge.adopted}, source: {result.pledge.source}). "
        f"Met: {summary['met']}, not met: {summary['not_met']}, unknown: {', '.join(summary['unknown']) or 'none'}. "
        f"Short of the target: {summary['short']} allies"
        + (f", closing their gaps: US${total:,.0f} mn (current)" if total is not None else ", US$ not available")
        + (
            f"; unknown band ({', '.join(summary['unknown_band'])}): "
            f"up to US${summary['total_gap_usd_upper_mn']:,.0f} mn"
            if summary.get("total_gap_usd_upper_mn")
            else ""
        )
        + f". Figures from edition(s) {', '.join(summary['editions_value']) or '—'}; GDP from "
        f"{', '.join(summary['editions_base']) or '—'}"
        + (" (mixed editions)" if summary["gap_usd_mixed_editions"] else "")
        + ("" if result.in_force else f". Not yet adopted in {result.year}: shown for comparison")
        + ". — = missing."
    )
    columns = [column for column in COMPLIANCE_COLUMNS if column in result.table.columns]
    render_frame(
        result.table, fmt, title=f"Compliance with {result.pledge.id}, {result.year}", caption=caption, columns=columns
    )


@rules_app.command("at")
def at_command(date: str = typer.Argument(..., help="Date YYYY-MM-DD."), fmt: Format = FormatOption) -> None:
    """What was in force on a date: pledges, treaty articles (as amended), US law, allies, invocations."""
    import pandas as pd

    from natosim.rules import at

    rules = at(date)
    if fmt is Format.json:
        typer.echo(dumps(rules))
        return
    pledges = pd.DataFrame(
        [
            {
                "id": p.id,
                "adopted": p.adopted,
                "target_pct_gdp": p.target_pct_gdp,
                "equipment_share_pct": p.equipment_share_pct,
                "deadline": p.deadline,
                "review_year": p.review_year,
                "confidence": p.confidence,
            }
            for p in rules.pledges
        ]
    )
    law = rules.us_withdrawal_law
    headline = {
        "date": rules.date.isoformat(),
        "treaty in force": rules.treaty_in_force,
        "allies": f"{len(rules.allies)}: {', '.join(rules.allies)}",
        "articles in force": len(rules.articles),
        "Art. 6 covered territory": [item["item"] for item in rules.articles[6].rule["covered_territory"]]
        if rules.articles
        else [],
        "US withdrawal law": law.short if law else "none in force",
        "Art. 5 invocations so far": len(rules.article_5_invocations),
        "Art. 4 requests so far": len(rules.article_4_requests),
    }
    title = f"Rules in force on {rules.date.isoformat()}"
    if fmt is Format.csv:  # one field,value table: the headline, then each pledge's fields
        render_mapping({**headline, "pledges": pledges.to_dict("records")}, fmt, title=title)
        return
    render_mapping(headline, fmt, title=title)
    if len(pledges):
        render_frame(pledges, fmt, title="Pledges in force")


@rules_app.command("pledges")
def pledges_command(fmt: Format = FormatOption) -> None:
    """Every spending pledge with its date, target, deadline, review year, source and confidence."""
    import pandas as pd

    from natosim.rules import pledges

    table = pd.DataFrame([pledge.model_dump() for pledge in pledges()])
    render_frame(
        table,
        fmt,
        title="Pledges (political commitments, not treaty obligations)",
        columns=[
            "id",
            "adopted",
            "target_pct_gdp",
            "equipment_share_pct",
            "deadline",
            "review_year",
            "measure",
            "confidence",
            "source",
        ],
    )


@rules_app.command("treaty")
def treaty_command(fmt: Format = FormatOption) -> None:
    """The 14 articles of the North Atlantic Treaty with their machine-readable rule types."""
    import pandas as pd

    from natosim.rules import treaty

    articles = treaty().articles
    table = pd.DataFrame(
        [
            {
                "article": a.number,
                "title": a.title,
                "type": a.rule.get("type"),
                "summary": a.summary,
                "source": a.source,
            }
            for a in articles.values()
        ]
    )
    if fmt is Format.json:
        typer.echo(dumps(treaty()))
        return
    render_frame(table, fmt, title="North Atlantic Treaty (1949)", columns=["article", "title", "type"])


@rules_app.command("invocations")
def invocations_command(fmt: Format = FormatOption) -> None:
    """Article 5 (once, 2001) and every Article 4 request."""
    import pandas as pd

    from natosim.rules import invocations

    record = invocations()
    table = pd.DataFrame(
        [
            {**item.model_dump(), "requesting": ",".join(item.requesting)}
            for item in [*record.article_5, *record.article_4]
        ]
    )
    render_frame(
        table,
        fmt,
        title="Invocations of Articles 5 and 4",
        columns=["article", "date", "requesting", "context", "confidence"],
    )


@rules_app.command("ratifications")
def ratifications_command(fmt: Format = FormatOption) -> None:
    """Past enlargements: protocol signed, last ratification, accession, days elapsed."""
    from natosim.rules import ratification_history

    render_frame(
        ratification_history(),
        fmt,
        title="Ratification of accession protocols",
        columns=[
            "invitees",
            "protocol_signed",
            "last_ratifying_ally",
            "last_ratification_date",
            "accession_date",
            "days_elapsed",
            "confidence",
        ],
    )


@procedure_app.command("accession")
def accession_command(
    country: str = typer.Argument(..., help="Candidate country (name or code)."),
    veto: list[str] | None = typer.Option(None, "--veto", help="An ally that withholds consent; repeatable."),
    invited: str | None = typer.Option(None, "--invited", help="Invitation date YYYY-MM-DD (default: today)."),
    fmt: Format = FormatOption,
) -> None:
    """Accession: unanimous invitation, protocol, ratification by every ally, deposit; duration from history."""
    from natosim.data import country_name
    from natosim.rules.procedures import accession

    result = accession(country, invited=invited, vetoes=veto or [])
    days = result.duration_days
    headline = {
        "country": result.country,
        "invited": result.invited.isoformat(),
        "outcome": result.outcome,
        "blocked by": ", ".join(f"{country_name(code)} ({code})" for code in result.blocked_by) or "nobody",
        "veto players": f"{len(result.veto_players)} allies: {', '.join(result.veto_players)}",
        "expected completion": (
            f"{result.expected_range[0]} to {result.expected_range[1]} (median {result.expected_median_date})"
            if result.expected_range
            else "none"
        ),
        "historic duration (days)": f"min {days['min']:.0f}, median {days['median']:.0f}, max {days['max']:.0f} "
        f"over {days['rounds']:.0f} rounds",
    }
    _render_result(result, fmt, f"Accession of {result.country}", headline)


@procedure_app.command("withdrawal")
def withdrawal_command(
    country: str = typer.Argument(..., help="The ally that leaves (name or code)."),
    path: str | None = typer.Option(
        None, "--path", help="executive | senate | act-of-congress (USA); national (other allies)."
    ),
    notice: str | None = typer.Option(None, "--notice", help="Date of the notice YYYY-MM-DD (default: today)."),
    fmt: Format = FormatOption,
) -> None:
    """Withdrawal: Art. 13 one year after notice; for the US the §1250A requirements."""
    from natosim.rules.procedures import withdrawal

    result = withdrawal(country, path=path, notice_date=notice)
    headline = {
        "country": result.country,
        "path": result.path,
        "notice": result.notice_date.isoformat(),
        "lawful": result.lawful,
        "outcome": result.outcome,
        "effective date": result.effective_date.isoformat() if result.effective_date else "none (not lawful)",
        "lawful paths": ", ".join(result.lawful_paths),
        "reason": result.reason,
    }
    _render_result(result, fmt, f"Withdrawal of {result.country} ({result.path})", headline)


@procedure_app.command("article5")
def article5_command(
    target: str = typer.Argument(..., help="The attacked country (name or code)."),
    date: str | None = typer.Option(None, "--date", help="Date of the attack YYYY-MM-DD (default: today)."),
    fmt: Format = FormatOption,
) -> None:
    """Collective defence: Art. 6 scope, who is bound, what the North Atlantic Council must decide."""
    from natosim.rules.procedures import article5

    result = article5(target, date=date)
    headline = {
        "target": result.target,
        "date": result.date.isoformat(),
        "covered by Art. 5": result.covered,
        "reason": result.reason,
        "bound to assist": f"{len(result.bound)} allies",
        "form of assistance": result.form_of_assistance,
        "automatic military response": result.automatic_military_response,
        "caveats": result.caveats,
    }
    _render_result(result, fmt, f"Article 5: attack on {result.target}", headline)


def register(app: typer.Typer) -> None:
    app.command("compliance")(compliance_command)
    app.add_typer(rules_app, name="rules")
    app.add_typer(procedure_app, name="procedure")
