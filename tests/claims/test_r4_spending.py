"""Round 4 (issue 17), spending and shares: the US share in words and in odd word order, shares of
NATO's running costs, figures denied or refused, an earlier pledge named beside a newer one. The
sentences are written in the style of news copy for these tests; expected values come from the
bundled data and rules, never from the checker."""

from __future__ import annotations

import natosim
from natosim.engines.claims import check


def _claims(text: str, kind: str, **kwargs: object) -> list:
    return [c for c in check(text, **kwargs).claims if c.kind == kind]  # type: ignore[arg-type]


def _us_share(year: int) -> float:
    rows = natosim.aggregates()
    row = rows[(rows["aggregate"] == "NATO Total") & (rows["year"] == year) & (rows["edition"] == "2024-06")]
    return float(row["us_share_of_usd_current_pct"].iloc[0])


def test_the_us_named_after_the_share_is_the_subject() -> None:
    text = "The Kremlin's line is simple: 90 per cent of NATO is the United States, so talk to Washington."
    [claim] = _claims(text, "alliance_share", date="2022-01-10")
    assert claim.country == "USA" and claim.value == 90
    assert claim.verdict == "contradicted"
    assert claim.expected == round(_us_share(2022), 2)
    assert claim.evidence[0].edition == "2024-06"


def test_a_share_verb_names_the_measure_without_other_money_words() -> None:
    text = "America makes up 68% of NATO, the senator said in 2023."
    [claim] = _claims(text, "alliance_share")
    assert claim.country == "USA" and claim.year == 2023
    assert claim.verdict == ("supported" if abs(_us_share(2023) - 68) <= 2.5 else "imprecise")


def test_almost_all_is_at_least_ninety_per_cent_and_false_on_any_year() -> None:
    text = "He told the rally that America was paying for almost all of NATO before he took office."
    [claim] = _claims(text, "alliance_share", date="2026-03-01")
    assert claim.text == "almost all" and claim.qualifier == "at least" and claim.value == 90
    assert claim.verdict == "contradicted"
    assert "does not hold" in claim.note
    top = max(_us_share(year) for year in range(2014, 2025))
    assert top < 90


def test_most_of_the_allied_spending_is_above_half() -> None:
    text = "The United States still pays the lion's share of NATO's defence spending, the report said in 2024."
    [claim] = _claims(text, "alliance_share")
    assert claim.qualifier == "more than" and claim.value == 50
    assert claim.verdict == ("supported" if _us_share(2024) > 50 else "contradicted")


def test_a_share_of_nato_running_costs_is_common_funding_not_spending() -> None:
    text = (
        "Washington covers only 16 per cent of NATO's running costs, the same as Germany, "
        "despite its huge military budget."
    )
    assert _claims(text, "alliance_share", date="2022-01-10") == []
    text = "The US provided about 16% of NATO's organisational budget in 2025."
    assert _claims(text, "alliance_share") == []


def test_a_denied_share_is_not_accused() -> None:
    text = "The fact-checkers found the United States does not pay anywhere near 100% of NATO's costs."
    claims = _claims(text, "alliance_share", date="2024-07-15")
    assert all(c.verdict != "contradicted" for c in claims)


def test_a_level_a_country_refused_is_not_its_figure() -> None:
    text = "Italy, which alone resisted allocating 5% of its GDP to defence, was singled out by the president."
    claims = _claims(text, "spending_pct_gdp", date="2025-06-27")
    assert claims and all(c.verdict == "not checkable" for c in claims)
    text = "Portugal opposed spending 5% of GDP on its armed forces at the summit."
    claims = _claims(text, "spending_pct_gdp", date="2025-06-27")
    assert all(c.verdict != "contradicted" for c in claims)


def test_a_level_set_aside_with_rather_than_is_not_accused() -> None:
    text = "Belgium said it could do the job with 2.5% of its GDP rather than the 5% sought by Washington."
    claims = _claims(text, "spending_pct_gdp", date="2025-07-01")
    assert all(c.verdict != "contradicted" for c in claims)


def test_an_earlier_pledge_beside_a_newer_summit_is_not_dated_by_it() -> None:
    text = "At the summit in The Hague, leaders backed a goal of 5% of GDP by 2035, far above the previous 2% target."
    pledges = {c.value: c for c in _claims(text, "pledge_value")}
    assert pledges[5].verdict == "supported"
    assert pledges[2].verdict == "supported"
    assert "earlier NATO pledge" in pledges[2].note
