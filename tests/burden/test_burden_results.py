"""Every burden result follows natosim's one result protocol and says what kind of result it is."""

from __future__ import annotations

import pytest

from natosim.results import Result, ResultMixin


def _results() -> list[tuple[object, str]]:
    from natosim.engines.burden import (
        baseline_game,
        benefit_burden_test,
        burden_share_table,
        conditional_guarantee,
        estimate_spending_model,
        free_rider_test,
        replace_us,
        validate_spending_model,
    )

    return [
        (free_rider_test(2024), "estimate"),
        (benefit_burden_test(2024), "estimate"),
        (burden_share_table(2024), "estimate"),
        (estimate_spending_model(), "estimate"),
        (validate_spending_model(2022), "estimate"),
        (replace_us(), "estimate"),
        (conditional_guarantee(2.0, horizon=1, draws=50), "illustration"),
        (baseline_game(2024), "illustration"),
    ]


def test_protocol_and_kind() -> None:
    from natosim.jsonable import jsonable

    for result, kind in _results():
        assert isinstance(result, ResultMixin) and isinstance(result, Result), type(result).__name__
        assert isinstance(result.summary, dict) and len(result.to_frame()) > 0
        assert jsonable(result.to_dict())["kind"] == kind, type(result).__name__
        assert result._repr_markdown_().startswith("**")


def test_deprecated_names_warn_and_still_work() -> None:
    import natosim.engines.burden as burden
    from natosim.engines.burden import burden_share_table, exclusion_sweep

    with pytest.warns(FutureWarning, match="burden_share_table"):
        old = burden.burden_shares([2024])
    assert old.by_year.equals(burden_share_table([2024]).by_year)
    with pytest.warns(FutureWarning, match="exclusion_sweep"):
        table = burden.sweep(2024, [2.0], [0.0])
    assert table.equals(exclusion_sweep(2024, [2.0], [0.0]))


def test_a_benefit_test_on_an_edition_without_gdp_says_so_instead_of_failing() -> None:
    """NATO's August 2025 edition publishes no US$ GDP: no year can be tested, and the result says so."""
    from natosim.engines.burden import benefit_burden_test

    result = benefit_burden_test(edition="2025-08")
    assert result.summary["year_benefit_pairs_not_rejected"] == 0
    assert set(result.tests["note"]) == {"fewer than 3 allies with figures"}
    assert result.tests["wilcoxon_p"].isna().all()
