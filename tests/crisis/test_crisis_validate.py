"""`crisis validate`: RAND 2016 at both points and Shlapak 2017, each with expected, got, passed."""

from __future__ import annotations

from natosim.engines.crisis import validate_crisis


def test_every_published_benchmark_passes() -> None:
    result = validate_crisis(draws=4_000, seed=0)
    checks = result.checks.set_index(["name", "target"])
    assert result.passed and len(checks) == 5
    rand = checks.loc[("RAND 2016 posture: capital reached within 60 h", "EST")]
    assert rand["expected"] == "<= 0.1" and rand["got"] <= 0.1
    brigades = checks.loc[("RAND 2016: seven brigades (three heavy) at the outset prevent a rapid overrun", "EST")]
    assert brigades["got"] >= 0.9
    assert set(result.checks.columns) >= {"name", "expected", "got", "passed", "source"}
    assert result.summary["failed"] == 0
    # each check's standard error is that of its own measure (binomial), not of the 30-day P(hold)
    for _, row in result.checks.iterrows():
        assert abs(row["se"] - (row["got"] * (1 - row["got"]) / 4_000) ** 0.5) < 2e-4
