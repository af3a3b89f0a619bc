"""The claims named in issue 9, checked against the real bundled data and rules."""

from __future__ import annotations

import natosim
from natosim.engines.claims import check


def _one(text: str, kind: str, **kwargs: object):
    claims = [c for c in check(text, **kwargs).claims if c.kind == kind]  # type: ignore[arg-type]
    assert len(claims) == 1, claims
    return claims[0]


def test_us_3_3_percent_2023_against_latest_edition() -> None:
    claim = _one("The US spent 3.3% of its GDP on defence in 2023.", "spending_pct_gdp")
    figure = natosim.figures(year=2023, countries=["USA"]).iloc[0]
    assert claim.country == "USA" and claim.year == 2023 and claim.value == 3.3
    assert claim.verdict == "contradicted"
    assert claim.expected == round(float(figure["defence_exp_pct_gdp"]), 2) == 3.10
    primary = claim.evidence[0]
    assert primary.source == "nato-2025-08" and primary.edition == "2025-08"
    # the June 2024 edition's 3.23% is reported beside it, with its own source
    older = [e for e in claim.evidence if e.edition == "2024-06"]
    june = natosim.figures(year=2023, countries=["USA"], edition="2024-06").iloc[0]["defence_exp_pct_gdp"]
    assert older and older[0].source == "nato-2024-06" and abs(float(older[0].value) - float(june)) < 1e-9


def test_us_3_3_percent_2023_against_june_2024_edition() -> None:
    claim = _one("The US spent 3.3% of its GDP on defence in 2023.", "spending_pct_gdp", edition="2024-06")
    assert claim.expected == 3.23
    assert claim.verdict == "imprecise"  # 0.07 pp off: within the 0.1 pp tolerance
    assert claim.evidence[0].edition == "2024-06"


def test_article_date_picks_the_edition_then_published() -> None:
    result = check("The US spent 3.3% of its GDP on defence in 2023.", date="2024-10-01")
    assert result.edition == "2024-06"
    result = check("The US spent 3.3% of its GDP on defence in 2023.", date="2025-09-01")
    assert result.edition == "2025-08"


def test_60_senators_contradicted_by_section_1250a() -> None:
    claim = _one("Leaving NATO would need the support of 60 senators.", "legal_threshold")
    assert claim.verdict == "contradicted"
    law = natosim.rules.us_withdrawal_law()
    assert claim.evidence[0].rule == "us_withdrawal_law"
    assert claim.evidence[0].source == law.source
    assert "1250A" in claim.evidence[0].statement
    assert "two-thirds" in claim.note or "2/3" in str(claim.expected)


def test_67_senators_or_act_of_congress_supported() -> None:
    result = check("A president cannot leave NATO without 67 senators or an Act of Congress.")
    verdicts = {c.text: c.verdict for c in result.claims if c.kind == "legal_threshold"}
    assert verdicts == {"67 senators": "supported", "Act of Congress": "supported"}


def test_over_30_countries_is_imprecise_for_32() -> None:
    claim = _one("The alliance now comprises over 30 countries.", "member_count")
    assert claim.expected == len(natosim.allies()) == 32
    assert claim.verdict == "imprecise"
    assert _one("The alliance now comprises 32 countries.", "member_count").verdict == "supported"
    assert _one("NATO has 31 members.", "member_count", date="2024-01-15").verdict == "supported"
    # undated: 31 was the number of allies from April 2023 to March 2024, so the claim is supported for that
    # period (round 6, abstain.membership_of_some_day; it was "not checkable" before)
    claim = _one("NATO has 31 members.", "member_count")
    assert claim.verdict == "supported" and "2023-04-04" in claim.note
    assert _one("NATO has 35 members.", "member_count").verdict == "contradicted"  # never the count


def test_population_950_million() -> None:
    claim = _one("NATO protects more than 950 million people.", "population_covered")
    total = natosim.figures(year=2024, edition="2024-06", members_only=True)["population_thousands"].sum() * 1000
    assert claim.year == 2024 and abs(float(claim.expected) - round(total, -6)) < 1
    assert claim.verdict == "supported"
    assert _one("NATO protects more than 1.2 billion people.", "population_covered").verdict == "contradicted"


def test_founding_and_ukraine_amendment() -> None:
    assert _one("NATO was founded in 1949.", "event_date").verdict == "supported"
    assert _one("NATO was founded in 1950.", "event_date").verdict == "contradicted"
    claim = _one("Ukraine amended its constitution in 2018 to seek membership.", "event_date")
    assert claim.verdict == "contradicted" and claim.expected == "2019-02-07"
    assert "2018-11-22" in claim.evidence[0].statement  # first reading named in the evidence
    assert _one("Ukraine amended its constitution in February 2019.", "event_date").verdict == "supported"


def test_pledge_values_and_deadlines() -> None:
    result = check("Allies were asked to raise spending from 2% to 5% of GDP by 2035.")
    assert [(c.value, c.verdict) for c in result.claims] == [(2.0, "supported"), (5.0, "supported")]
    claim = _one("NATO allies agreed to spend 5% of GDP on defence by 2030.", "pledge_value")
    assert claim.verdict == "contradicted" and claim.expected == "2035"
    claim = _one("NATO's 3% spending target is out of reach for many allies.", "pledge_value")
    assert claim.verdict == "contradicted"
    assert (
        _one(
            "Allies should put 20% of defence spending into major equipment, the Wales target.", "pledge_value"
        ).subject
        == "wales-2014-equipment"
    )


def test_missing_figure_is_not_checkable_never_zero() -> None:
    claim = _one("Germany spent 3% of GDP on defence in 2025.", "spending_pct_gdp", edition="2025-08")
    assert claim.verdict == "not checkable" and claim.expected is None


def test_allies_meeting_target_by_edition() -> None:
    text = "In 2024, 23 allies met the 2% target."
    assert _one(text, "allies_meeting_target", edition="2024-06").verdict == "supported"
    later = _one(text, "allies_meeting_target", edition="2025-08")
    assert later.expected == 18 and later.verdict == "imprecise" and "2024-06" in later.note


def test_public_api_exports_check() -> None:
    result = natosim.check("NATO was founded in 1949.")
    assert result.to_dict()["claims"][0]["verdict"] == "supported"
    frame = result.to_frame()
    assert list(frame["verdict"]) == ["supported"] and frame.loc[0, "sources"].startswith("https://")


def test_fraction_of_allies_and_national_plans() -> None:
    claim = _one("Only a third of NATO members met the 2% target in 2022.", "allies_meeting_target", edition="2024-06")
    members_2022 = len(natosim.members(2022))
    meeting = int(
        (natosim.figures(year=2022, edition="2024-06", members_only=True)["defence_exp_pct_gdp"].round(2) >= 2).sum()
    )
    assert claim.expected == round(meeting / members_2022 * 100, 1) and claim.verdict == "contradicted"
    national = _one("Germany has pledged to spend 3.5% of its GDP on core defence by 2029.", "spending_pct_gdp")
    assert national.country == "DEU" and national.year == 2029 and national.verdict == "not checkable"
