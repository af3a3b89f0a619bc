"""The Olson–Zeckhauser test: per-year figures, recomputed independently from the raw bundled table."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import natosim

BUNDLED = Path(natosim.__file__).parent / "data" / "bundled"


def raw_year(year: int, edition: str | None = None) -> pd.DataFrame:
    """Members of ``year`` with % of GDP and GDP, read straight from the CSVs (not through natosim.data).

    Default resolution by hand: each measure from the newest edition that has it.
    """
    raw = pd.read_csv(BUNDLED / "figures.csv")
    allies = pd.read_csv(BUNDLED / "allies.csv", parse_dates=["accession_date"])
    members = set(allies.loc[allies["accession_date"].dt.year <= year, "iso3"])
    rows = raw[(raw["year"] == year) & raw["iso3"].isin(members)]
    if edition is not None:
        rows = rows[rows["edition"] == edition]
    newest_first = rows.sort_values("edition", ascending=False)
    pct = newest_first.dropna(subset=["defence_exp_pct_gdp"]).groupby("iso3")["defence_exp_pct_gdp"].first()
    gdp = newest_first.dropna(subset=["gdp_usd_current_bn"]).groupby("iso3")["gdp_usd_current_bn"].first()
    pop = newest_first.dropna(subset=["population_thousands"]).groupby("iso3")["population_thousands"].first()
    return pd.concat({"pct": pct, "gdp": gdp, "pop": pop}, axis=1).dropna(subset=["pct", "gdp"])


@pytest.fixture(scope="module")
def all_years(request: pytest.FixtureRequest) -> dict:
    from natosim.engines.burden import free_rider_test

    return free_rider_test(None).to_dict()


def test_cli_json_gives_n_rho_p_tau_for_every_year(cli) -> None:
    result = cli("burden", "test", "--year", "all", "--format", "json")
    assert result.code == 0, result.err
    payload = result.json()
    years = {row["year"]: row for row in payload["years"]}
    assert sorted(years) == list(range(2014, 2026))
    for year in range(2014, 2025):
        row = years[year]
        assert row["n"] == len(natosim.members(year)) - 1  # every member but Iceland has both figures
        assert -1 <= row["rho"] <= 1 and 0 <= row["p"] <= 1 and -1 <= row["tau"] <= 1
        assert row["edition_pct_gdp"] == "2025-08" and row["edition_gdp"] == "2024-06"
        assert "ISL" in row["note"]
    assert years[2025]["n"] == 0 and years[2025]["rho"] is None
    assert "no GDP figure" in years[2025]["note"]
    assert payload["trend"]["slope_per_year"] is not None


@pytest.mark.parametrize("year", [2014, 2019, 2024])
def test_one_year_recomputed_from_the_raw_table(year: int, all_years: dict) -> None:
    raw = raw_year(year)
    row = next(r for r in all_years["years"].to_dict("records") if r["year"] == year)
    assert row["n"] == len(raw)
    rho = stats.spearmanr(raw["gdp"], raw["pct"])
    tau = stats.kendalltau(raw["gdp"], raw["pct"])
    assert row["rho"] == pytest.approx(rho.statistic, abs=1e-12)
    assert row["p"] == pytest.approx(rho.pvalue, rel=1e-9)
    assert row["tau"] == pytest.approx(tau.statistic, abs=1e-12)
    per_capita = raw["gdp"] * 1e9 / (raw["pop"] * 1e3)
    assert row["rho_per_capita"] == pytest.approx(stats.spearmanr(per_capita, raw["pct"]).statistic, abs=1e-12)


def test_pinned_edition_recomputed_from_the_raw_table() -> None:
    from natosim.engines.burden import free_rider_test

    result = free_rider_test(2014, edition="2024-06").years.iloc[0]
    raw = raw_year(2014, edition="2024-06")
    assert result["rho"] == pytest.approx(stats.spearmanr(raw["gdp"], raw["pct"]).statistic, abs=1e-12)
    assert result["edition_pct_gdp"] == "2024-06"


def test_edition_without_gdp_reports_every_year_with_a_reason() -> None:
    from natosim.engines.burden import free_rider_test

    years = free_rider_test(None, edition="2025-08").years
    assert (years["n"] == 0).all()
    assert years["note"].str.contains("no GDP figure").all()


def test_trend_is_the_regression_of_rho_on_year(all_years: dict) -> None:
    frame = all_years["years"].dropna(subset=["rho"])
    fit = stats.linregress(frame["year"], frame["rho"])
    assert all_years["trend"]["slope_per_year"] == pytest.approx(fit.slope, rel=1e-12)
    assert all_years["trend"]["p"] == pytest.approx(fit.pvalue, rel=1e-9)
    assert all_years["trend"]["years"] == list(range(2014, 2025))
    # the answer quotes the computed numbers
    assert f"{frame['rho'].iloc[0]:+.2f}" in all_years["answer"]
    significant = int(((frame["rho"] > 0) & (frame["p_greater"] < 0.05)).sum())
    assert f"in {significant} of {len(frame)} years" in all_years["answer"]


def test_points_carry_ranks_and_editions() -> None:
    from natosim.engines.burden import free_rider_test

    points = free_rider_test(2024).points
    assert np.isclose(points["gdp_rank"].min(), 1) and points.loc[points["gdp_rank"].idxmin(), "iso3"] == "USA"
    assert set(points["edition_gdp_usd_current_bn"]) == {"2024-06"}


def test_bad_input_exit_2(cli, tmp_path: Path) -> None:
    for args, fragment in [
        (("--year", "2014..20"), "bad year"),
        (("--year", "2030"), "years available"),
        (("--edition", "1999-01"), "unknown edition"),
        (("--plot", str(tmp_path / "chart.pdf")), ".png or .svg"),
        (("--plot", str(tmp_path / "missing" / "chart.png")), "does not exist"),
    ]:
        result = cli("burden", "test", *args)
        assert result.code == 2, args
        assert fragment in result.err and "Traceback" not in result.err


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_plot_is_written(cli, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"rank{suffix}"
    result = cli("burden", "test", "--year", "2014..2024", "--plot", str(target))
    assert result.code == 0, result.err
    head = target.read_bytes()[:64]
    assert head.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in target.read_bytes()[:2000]
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def _independent_partial(raw: pd.DataFrame) -> tuple[float, float]:
    """Partial Spearman of GDP and % of GDP given GDP per capita, written out by hand (no natosim code)."""
    per_capita = raw["gdp"] * 1e9 / (raw["pop"] * 1e3)
    r_xy = stats.spearmanr(raw["gdp"], raw["pct"]).statistic
    r_xz = stats.spearmanr(raw["gdp"], per_capita).statistic
    r_yz = stats.spearmanr(raw["pct"], per_capita).statistic
    partial = (r_xy - r_xz * r_yz) / np.sqrt((1 - r_xz**2) * (1 - r_yz**2))
    n = len(raw)
    t = partial * np.sqrt((n - 3) / (1 - partial**2))
    return float(partial), float(stats.t.sf(t, n - 3))


def test_partial_rank_correlation_2014_cli_matches_independent_recomputation(cli) -> None:
    """Done-when of issue 16: burden test --year 2014 --edition 2024-06 reports the partial rho."""
    result = cli("burden", "test", "--year", "2014", "--edition", "2024-06", "--format", "json")
    assert result.code == 0, result.err
    row = result.json()["years"][0]
    partial, p_one_sided = _independent_partial(raw_year(2014, edition="2024-06"))
    assert abs(row["partial_rho"] - partial) < 0.03
    assert row["partial_rho"] == pytest.approx(partial, abs=1e-12)
    assert row["partial_p_greater"] == pytest.approx(p_one_sided, rel=1e-9)
    # the figures: about +0.39, one-sided p about 0.02 — significant where the simple test is not
    assert round(row["partial_rho"], 2) == 0.39 and 0.015 < row["partial_p_greater"] < 0.03
    assert row["partial_verdict"] == "supports" and row["verdict"] == "not significant"


@pytest.mark.parametrize("year", [2015, 2020, 2024])
def test_partial_rho_other_years_recomputed(year: int) -> None:
    from natosim.engines.burden import free_rider_test

    row = free_rider_test(year, edition="2024-06").years.iloc[0]
    partial, p_one_sided = _independent_partial(raw_year(year, edition="2024-06"))
    assert row["partial_rho"] == pytest.approx(partial, abs=1e-12)
    assert row["partial_p_greater"] == pytest.approx(p_one_sided, rel=1e-9)


def test_partial_with_two_controls_is_the_recursive_formula() -> None:
    from natosim.engines.burden import partial_spearman

    rng = np.random.default_rng(3)
    x, y, z, w = rng.normal(size=(4, 40))
    ranks = [stats.rankdata(v) for v in (x, y, z, w)]
    r = np.corrcoef(ranks)

    def first(i: int, j: int, k: int) -> float:
        return (r[i, j] - r[i, k] * r[j, k]) / np.sqrt((1 - r[i, k] ** 2) * (1 - r[j, k] ** 2))

    r_xy_z, r_xw_z, r_yw_z = first(0, 1, 2), first(0, 3, 2), first(1, 3, 2)
    expected = (r_xy_z - r_xw_z * r_yw_z) / np.sqrt((1 - r_xw_z**2) * (1 - r_yw_z**2))
    assert partial_spearman(x, y, [z, w]) == pytest.approx(expected, abs=1e-12)


def test_bootstrap_trend_interval_is_reproducible_and_spans_zero(all_years: dict) -> None:
    from natosim.engines.burden import free_rider_test

    trend = all_years["trend"]
    low, high = trend["bootstrap_ci95"]
    assert low < trend["slope_per_year"] < high
    assert low < 0 < high  # resampling allies: the fall of rho is not established (issue 16)
    again = free_rider_test(None).trend
    assert again["bootstrap_ci95"] == trend["bootstrap_ci95"]
    assert "spans 0" in all_years["answer"]


def test_years_as_text_still_work_with_a_future_warning() -> None:
    from natosim.engines.burden import free_rider_test

    with pytest.warns(FutureWarning, match="deprecated"):
        text = free_rider_test("2014", edition="2024-06")
    assert text.years["rho"].iloc[0] == free_rider_test(2014, edition="2024-06").years["rho"].iloc[0]


def test_benefit_burden_recomputed() -> None:
    from natosim.engines.burden import benefit_burden_test

    result = benefit_burden_test(2024, edition="2024-06")
    raw = raw_year(2024, edition="2024-06")
    spending = raw["pct"] / 100 * raw["gdp"]
    diff = 100 * spending / spending.sum() - 100 * raw["gdp"] / raw["gdp"].sum()
    row = result.tests.set_index("benefit").loc["gdp"]
    assert row["n"] == len(raw)
    assert row["wilcoxon_p"] == pytest.approx(stats.wilcoxon(diff).pvalue, rel=1e-9)
    border = result.tests.set_index("benefit").loc["exposed_border"]
    assert border["n"] == len(raw) and -1 <= border["rho"] <= 1
    assert result.summary["kind"] == "estimate"
