"""``natosim burden``: the Olson–Zeckhauser free-rider test, burden shares, and the spending game.

Only parses, calls ``natosim.engines.burden`` and renders; heavy imports stay inside the commands.
"""

from __future__ import annotations

from pathlib import Path

import typer

from natosim.cli.render import Format, FormatOption, render_frame, render_mapping

burden_app = typer.Typer(
    help="Burden sharing: the free-rider test, shares of the burden, the spending game.", no_args_is_help=True
)

EditionOption = typer.Option(
    None, "--edition", "-e", help="Pin one NATO edition (YYYY-MM). Default: latest edition having each figure."
)
PlotOption = typer.Option(None, "--plot", help="Also draw a chart to FILE.png or FILE.svg.")


def _years(spec: str, available: list[int]) -> list[int]:
    """The command line's year grammar ("2014..latest", "all", "2024,2019") → ints for the library."""
    from natosim.engines.burden import parse_years

    return parse_years(spec, available)


def _check_plot(plot: Path | None) -> None:
    if plot is not None:
        from natosim.plots import check_plot_path

        check_plot_path(plot)


@burden_app.command("test")
def test_command(
    year: str = typer.Option("all", "--year", "-y", help="2014..latest, all, 2024, or a list: 2014,2020..2022."),
    edition: str | None = EditionOption,
    fmt: Format = FormatOption,
    plot: Path | None = PlotOption,
) -> None:
    """Do bigger allies spend a larger share of GDP? Spearman, Kendall and the partial rank test, per year."""
    _check_plot(plot)
    from natosim.engines.burden import free_rider_test
    from natosim.engines.burden.free_riding import available_years

    result = free_rider_test(_years(year, available_years(edition)), edition=edition)
    if plot is not None:
        from natosim.engines.burden.plots import plot_rank_test

        plot_rank_test(result, plot)
    if fmt is Format.json:
        render_mapping(result.to_dict(), fmt)
        return
    render_frame(
        result.years,
        fmt,
        title="Olson–Zeckhauser test: GDP vs defence % of GDP (members of each year)",
        caption="rho: Spearman, p_greater: one-sided (rho > 0); tau: Kendall; partial_rho: holding GDP per "
        "capita fixed (Sandler & Murdoch 2000), one-sided p. — = not computed (see note).",
        columns=[
            "year",
            "n",
            "rho",
            "p_greater",
            "tau",
            "partial_rho",
            "partial_p_greater",
            "verdict",
            "partial_verdict",
            "edition_gdp",
            "note",
        ],
    )
    if fmt is Format.table or fmt is Format.md:
        trend = result.trend
        if trend.get("slope_per_year") is not None:
            ci = trend.get("bootstrap_ci95")
            typer.echo(
                f"Trend of rho: {trend['slope_per_year']:+.4f} per year (years {trend['years'][0]}–"
                f"{trend['years'][-1]}; 95% interval resampling allies: "
                + (f"{ci[0]:+.4f} to {ci[1]:+.4f})." if ci else "not computed).")
            )
        typer.echo(result.answer)
        for note in result.notes:
            typer.echo(f"Note: {note}")
    if plot is not None:
        typer.echo(f"chart written to {plot}", err=True)


@burden_app.command("benefits")
def benefits_command(
    year: str = typer.Option("all", "--year", "-y", help="2014..latest, all, 2024, or a list."),
    edition: str | None = EditionOption,
    fmt: Format = FormatOption,
) -> None:
    """Do allies pay in proportion to their benefits? Spending shares vs shares of GDP, people, exposed border."""
    from natosim.engines.burden import benefit_burden_test
    from natosim.engines.burden.free_riding import available_years

    result = benefit_burden_test(_years(year, available_years(edition)), edition=edition)
    if fmt is Format.json:
        render_mapping(result.to_dict(), fmt)
        return
    render_frame(
        result.tests,
        fmt,
        title="Benefit–burden test (Sandler & Murdoch 2000): spending share vs benefit share",
        caption="wilcoxon_p < 0.05: burdens do not match benefits; rho: Spearman of the shares (one-sided p).",
    )
    if fmt is Format.table or fmt is Format.md:
        for note in result.notes:
            typer.echo(f"Note: {note}")


@burden_app.command("shares")
def shares_command(
    year: str = typer.Option("all", "--year", "-y", help="2014..latest, all, 2024, or a list."),
    edition: str | None = EditionOption,
    us_only: bool = typer.Option(False, "--us", help="Only the US share per year."),
    fmt: Format = FormatOption,
    plot: Path | None = PlotOption,
) -> None:
    """Each ally's share of allied spending vs its share of GDP and population; the US share."""
    _check_plot(plot)
    from natosim.data import figures
    from natosim.engines.burden import burden_share_table

    table = figures(edition=edition, members_only=True)
    result = burden_share_table(_years(year, sorted(int(y) for y in table["year"].unique())), edition=edition)
    if plot is not None:
        from natosim.engines.burden.plots import plot_shares

        plot_shares(result, plot)
    if fmt is Format.json:
        render_mapping(result.to_dict(), fmt)
    elif us_only:
        render_frame(result.by_year, fmt, title="US share of the allies' spending, GDP and population (%)")
    else:
        render_frame(
            result.table,
            fmt,
            title="Burden shares (% of the allies' total, members of each year)",
            caption="spending_to_gdp_share > 1: the ally carries more than its share of GDP. — = no figure.",
            columns=[
                "iso3",
                "year",
                "spending_share_pct",
                "gdp_share_pct",
                "population_share_pct",
                "spending_to_gdp_share",
                "edition_spending",
            ],
        )
        if fmt is not Format.csv:
            render_frame(
                result.by_year,
                fmt,
                title="US share per year",
                columns=[
                    "year",
                    "members",
                    "us_spending_share_pct",
                    "us_gdp_share_pct",
                    "us_population_share_pct",
                    "us_spending_to_gdp_share",
                    "note",
                ],
            )
    if plot is not None:
        typer.echo(f"chart written to {plot}", err=True)


def _parse_exclusion(text: str) -> tuple[str, float]:
    from natosim.engines.burden import BurdenError

    guarantor, separator, threshold = text.partition(":")
    if not guarantor.strip():
        raise BurdenError(f"--exclusion {text!r}: expected GUARANTOR:THRESHOLD, e.g. USA:2.0", field="exclusion")
    if not separator:
        return guarantor.strip(), 2.0
    try:
        value = float(threshold)
    except ValueError:
        raise BurdenError(
            f"--exclusion {text!r}: threshold {threshold!r} is not a number (% of GDP, e.g. 2.0)", field="exclusion"
        ) from None
    return guarantor.strip(), value


@burden_app.command("game")
def game_command(
    base_year: int = typer.Option(2024, "--base-year", "-y", help="Year whose spending calibrates the game."),
    exclusion: str | None = typer.Option(
        None,
        "--exclusion",
        help="GUARANTOR:THRESHOLD — the guarantor protects only allies at or above THRESHOLD % of GDP (e.g. USA:2.0).",
    ),
    without: list[str] | None = typer.Option(None, "--without", help="An ally that leaves altogether; repeatable."),
    private_share: float = typer.Option(
        0.0, "--private-share", help="Share of each ally's spending that protects only itself (0–1)."
    ),
    edition: str | None = typer.Option(
        None, "--edition", "-e", help="Edition with GDP for the base year. Default: the latest such."
    ),
    fmt: Format = FormatOption,
    plot: Path | None = PlotOption,
) -> None:
    """The spending game calibrated to a base year, with a conditional guarantee or an ally leaving."""
    from natosim.engines.burden import BurdenError, baseline_game, exclusion_equilibrium, guarantor_leaves

    _check_plot(plot)
    if exclusion and without:
        raise BurdenError("choose one counterfactual: --exclusion or --without, not both", field="exclusion")
    if exclusion:
        guarantor, threshold = _parse_exclusion(exclusion)
        result = exclusion_equilibrium(base_year, guarantor, threshold, private_share, edition)
    elif without:
        result = guarantor_leaves(base_year, without, private_share, edition)
    else:
        result = baseline_game(base_year, private_share, edition)
    if plot is not None:
        from natosim.engines.burden.plots import plot_game

        plot_game(result, plot)
    if fmt is Format.json:
        render_mapping(result.to_dict(), fmt)
        return
    summary = result.summary
    render_frame(
        result.table,
        fmt,
        title=f"Spending game, base year {summary['base_year']} ({summary['counterfactual']})",
        caption="% of GDP; complies = at or above the threshold; free_rides = stays below it.",
        columns=["iso3", "observed_pct_gdp", "predicted_pct_gdp", "change_usd_bn", "complies", "free_rides", "beta"],
    )
    if fmt is not Format.csv:
        shown = {k: v for k, v in summary.items() if k not in {"complying"}}
        render_mapping(shown, fmt, title="Summary")
    if plot is not None:
        typer.echo(f"chart written to {plot}", err=True)


@burden_app.command("model")
def model_command(
    year: str = typer.Option("all", "--year", "-y", help="Years to estimate on: all, 2015..2021, ..."),
    edition: str | None = typer.Option(None, "--edition", "-e", help="Edition with GDP. Default: the latest such."),
    fmt: Format = FormatOption,
) -> None:
    """The estimated spending model: burden on income, spill-ins, the US, threat and pledges (clustered SEs)."""
    from natosim.engines.burden import estimate_spending_model, spending_panel

    panel_years = sorted(int(y) for y in spending_panel(edition)["year"].unique())
    result = estimate_spending_model(_years(year, panel_years), edition=edition)
    if fmt is Format.json:
        render_mapping(result.to_dict(), fmt)
        return
    render_frame(
        result.coefficients,
        fmt,
        title="Spending model: burden (% of GDP) of the allies other than the US",
        caption="OLS, standard errors clustered by ally; ci95 = 95% interval. See docs/model/burden.md §9.",
    )
    if fmt is not Format.csv:
        render_mapping(result.summary, fmt, title="Summary")


@burden_app.command("validate")
def validate_command(
    cutoff: list[int] | None = typer.Option(
        None,
        "--cutoff",
        help="Train on years up to CUTOFF, predict the later years; repeatable. Default: every cut-off.",
    ),
    edition: str | None = typer.Option(None, "--edition", "-e", help="Edition with GDP. Default: the latest such."),
    fmt: Format = FormatOption,
) -> None:
    """Out-of-sample test of the spending model against "no change" (MAE in percentage points of GDP)."""
    from natosim.engines.burden import validate_spending_model

    result = validate_spending_model(cutoff or None, edition=edition)
    if fmt is Format.json:
        render_mapping(result.to_dict(), fmt)
        return
    render_frame(
        result.by_cutoff,
        fmt,
        title="Spending model vs 'no change', out of sample",
        caption="MAE over every ally and predicted year, pp of GDP; predictions are recursive from the cut-off.",
    )
    if fmt is not Format.csv:
        summary = result.summary
        typer.echo(
            f"Pooled: model {summary['model_mae_pp']:.3f} pp, no change {summary['no_change_mae_pp']:.3f} pp "
            f"({summary['n_predictions']} predictions). Used for predictions: "
            + ("yes." if summary["used_for_prediction"] else "no — the game's outputs are illustrations.")
        )


@burden_app.command("counterfactual")
def counterfactual_command(
    us_exit: bool = typer.Option(False, "--us-exit", help="The US leaves: no ally counts its spending."),
    threshold: float | None = typer.Option(
        None, "--threshold", help="The US protects only allies at or above THRESHOLD % of GDP (e.g. 2.0)."
    ),
    horizon: int = typer.Option(5, "--horizon", help="Years after the last year with data."),
    edition: str | None = typer.Option(None, "--edition", "-e", help="Edition with GDP. Default: the latest such."),
    fmt: Format = FormatOption,
) -> None:
    """Counterfactuals on the estimated model, with ranges over its coefficients (5th–95th percentile)."""
    from natosim.engines.burden import BurdenError, conditional_guarantee
    from natosim.engines.burden import us_exit as exit_counterfactual

    if us_exit == (threshold is not None):
        raise BurdenError("choose one counterfactual: --us-exit or --threshold T", field="counterfactual")
    result = (
        exit_counterfactual(horizon, edition=edition)
        if us_exit
        else conditional_guarantee(float(threshold or 0.0), horizon, edition=edition)
    )
    if fmt is Format.json:
        render_mapping(result.to_dict(), fmt)
        return
    summary = result.summary
    label = "ESTIMATE" if summary["kind"] == "estimate" else "ILLUSTRATION (the model does not beat 'no change')"
    render_frame(
        result.table,
        fmt,
        title=f"{summary['counterfactual']} after {summary['horizon_years']} years — {label}",
        caption="change_pp_low/high: 5th–95th percentile over coefficient draws.",
    )
    if fmt is not Format.csv:
        render_mapping(summary, fmt, title="Summary")


@burden_app.command("replace-us")
def replace_us_command(
    assumptions: str = typer.Option(
        "bruegel_kiel_2025",
        "--assumptions",
        "-a",
        help="Assumption set: bruegel_kiel_2025 (default), iiss_2025, or the path of your own YAML file.",
    ),
    fmt: Format = FormatOption,
) -> None:
    """Extra yearly spending Europe and Canada would need to replace the US contribution, by component."""
    from natosim.engines.burden import replace_us

    result = replace_us(assumptions)
    if fmt is Format.json:
        render_mapping(result.to_dict(), fmt)
        return
    summary = result.summary
    render_frame(
        result.components,
        fmt,
        title=f"Replacing the US contribution ({summary['assumptions']} assumptions), US$ bn a year",
        caption="low/high: the range of each component's assumptions; every component names its source.",
        columns=["id", "usd_bn_per_year", "usd_bn_per_year_low", "usd_bn_per_year_high", "computation", "source"],
    )
    if fmt is not Format.csv:
        low, high = summary["additional_eur_bn_per_year_range"]
        typer.echo(
            f"Extra spending: €{summary['additional_eur_bn_per_year']:,.0f} bn a year "
            f"(US${summary['additional_usd_bn_per_year']:,.0f} bn; range €{low:,.0f}–{high:,.0f} bn) at "
            f"US${summary['usd_per_eur']} per €."
        )
        published = summary.get("published")
        if published:
            typer.echo(
                f"Published ({published['label']}): €{published['eur_bn_per_year']:,.0f} bn a year; "
                f"natosim/published = {published['ratio_natosim_to_published']:.2f}. "
                "Differences: docs/model/burden.md §11."
            )


def register(app: typer.Typer) -> None:
    app.add_typer(burden_app, name="burden")
