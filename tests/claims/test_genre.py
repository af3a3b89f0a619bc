"""How news actually phrases NATO claims (held-out batch 5): British "Nato", a measure named once
then a list of countries, dates without a year, ordinal counts, "turns 75", founding members,
"N of the M allies", shares "of that", notice "in advance". Expected values come from the
bundled data and rules, never from the checker."""

from __future__ import annotations

import datetime as dt

import natosim
from natosim.engines.claims import check
from natosim.engines.claims.facts import members_on


def _claims(text: str, kind: str, **kwargs: object) -> list:
    return [c for c in check(text, **kwargs).claims if c.kind == kind]  # type: ignore[arg-type]


def _pct(iso3: str, year: int, edition: str) -> float:
    row = natosim.figures(year=year, countries=[iso3], edition=edition).iloc[0]
    return round(float(row["defence_exp_pct_gdp"]), 2)


def _article4_before(day: dt.date) -> list[dt.date]:
    return [i.date for i in natosim.rules.invocations().article_4 if i.date <= day]


def test_british_nato_spelling_is_read_and_quoted_as_written() -> None:
    original = "Nato, founded in 1949 to face down the Soviet Union, met in The Hague."
    [claim] = _claims(original, "event_date")
    assert claim.verdict == "supported" and claim.text == "founded in 1949"
    assert original[claim.span[0] : claim.span[1]] == claim.text


def test_countries_listed_after_the_measure_was_named_are_read_as_share_of_gdp() -> None:
    text = (
        "Germany spent 2.12% of GDP on defence in 2024. "
        "Italy managed only 1.5 per cent and Canada trails at 1.37 per cent."
    )
    found = {c.country: c for c in _claims(text, "spending_pct_gdp", edition="2024-06")}
    assert set(found) == {"DEU", "ITA", "CAN"}
    assert found["ITA"].year == 2024 and found["ITA"].expected == _pct("ITA", 2024, "2024-06")
    assert found["CAN"].expected == _pct("CAN", 2024, "2024-06") and found["CAN"].verdict == "supported"


def test_other_percentages_of_a_country_are_not_defence_spending() -> None:
    text = "Germany spent 2.12% of GDP on defence in 2024. Inflation in Italy reached 1.5 per cent last year."
    assert [c.country for c in _claims(text, "spending_pct_gdp")] == ["DEU"]
    # a bare percentage with no earlier defence figure is not read either
    assert _claims("Italy managed only 1.5 per cent.", "spending_pct_gdp") == []


def test_article4_dated_without_a_year_reads_the_latest_such_day() -> None:
    day = dt.date(2025, 9, 11)
    requested = [d for d in _article4_before(day) if d.month == 9 and d.year == 2025]
    assert requested == [dt.date(2025, 9, 10)]
    [claim] = _claims("Poland invoked Article 4 on 10 September.", "event_date", date=day)
    assert claim.verdict == "supported" and claim.country == "POL" and claim.expected == "2025-09-10"
    [wrong] = _claims("Poland invoked Article 4 on 12 September.", "event_date", date=day)
    assert wrong.verdict == "contradicted"
    assert _claims("Poland invoked Article 4 on 31 September.", "event_date", date=day) == []


def test_ordinal_count_of_article4_requests() -> None:
    text = "It was only the eighth time that an ally had requested Article 4 consultations."
    day = dt.date(2025, 9, 11)
    assert len(_article4_before(day)) == 8
    [claim] = _claims(text, "event_date", date=day)
    assert claim.verdict == "supported" and claim.expected == 8
    # one request apart: sources count joint or same-year requests differently, so no accusation
    [later] = _claims(text, "event_date", date=dt.date(2025, 10, 1))
    assert later.verdict == "not checkable" and "off by one request" in later.note
    assert len(_article4_before(dt.date(2025, 10, 1))) == 9
    [wrong] = _claims(text.replace("eighth", "fifth"), "event_date", date=dt.date(2025, 10, 1))
    assert wrong.verdict == "contradicted" and wrong.expected == 9
    # a count within a period is not the total
    assert _claims("It was the second time this month that an ally triggered Article 4.", "event_date") == []


def test_nato_turns_75_and_its_76_year_history() -> None:
    signed = natosim.rules.treaty().signed
    [claim] = _claims("NATO turns 75", "event_date", date="2024-07-10")
    assert claim.verdict == "supported" and signed == dt.date(1949, 4, 4)
    [late] = _claims("NATO turns 75", "event_date", date="2026-01-01")
    assert late.verdict == "contradicted"
    [history] = _claims("It is a first in the alliance's 76-year history.", "event_date", date="2025-09-11")
    assert history.verdict == "supported" and history.subject == "age:alliance"


def test_founding_members_are_the_allies_when_the_treaty_entered_into_force() -> None:
    founders = members_on(natosim.rules.treaty().entered_into_force)
    assert len(founders) == 12
    [claim] = _claims("NATO was founded on April 4, 1949, by 12 countries.", "member_count")
    assert claim.verdict == "supported" and claim.expected == 12
    [wrong] = _claims("The alliance was created by 10 nations.", "member_count")
    assert wrong.verdict == "contradicted"


def test_n_of_the_m_allies_names_the_membership() -> None:
    day = dt.date(2024, 2, 12)  # before Sweden joined (7 March 2024)
    assert len(members_on(day)) == 31
    text = "Only 11 of the 31 allies met the alliance's guideline of spending two percent of GDP last year."
    [claim] = _claims(text, "member_count", date=day)
    assert claim.text == "31 allies" and claim.verdict == "supported"


def test_earlier_count_in_the_same_sentence_uses_its_own_year() -> None:
    text = "Twenty-three of the 32 allies will meet the 2% target this year, up from just three in 2014."
    counts = {c.year: c for c in _claims(text, "allies_meeting_target", date="2024-07-10")}
    assert set(counts) == {2024, 2014}
    row = natosim.figures(year=2014, edition="2024-06", members_only=True)
    assert counts[2014].expected == int((row["defence_exp_pct_gdp"].round(2) >= 2).sum()) == 3
    assert counts[2014].verdict == "supported"


def test_shares_of_allied_spending_in_quotes_and_of_that() -> None:
    share = natosim.aggregates()
    us_2023 = float(
        share.query("aggregate == 'NATO Total' and year == 2023 and edition == '2024-06'").iloc[0][
            "us_share_of_usd_current_pct"
        ]
    )
    [quoted] = _claims('Trump has claimed that America pays "90 percent" of NATO\'s costs in 2023.', "alliance_share")
    assert quoted.verdict == "contradicted" and quoted.expected == round(us_2023, 2)
    text = (
        "Together the allies will spend roughly $1.47tn on defence in 2024, "
        "and the US accounts for about two-thirds of that."
    )
    [of_that] = _claims(text, "alliance_share")
    assert of_that.verdict == "supported" and of_that.year == 2024
    [before] = _claims("The US share of the allied total has slipped to about 65 per cent.", "alliance_share")
    assert before.country == "USA" and before.verdict == "supported"
    assert _claims("The US share of NATO's population is about 35 per cent.", "alliance_share") == []


def test_notice_to_congress_in_advance() -> None:
    law = natosim.rules.us_withdrawal_law()
    text = "To leave NATO, the president must notify Congress at least 180 days in advance."
    [claim] = _claims(text, "legal_threshold")
    assert law.notice_to_congress_days == 180 and claim.verdict == "supported"
    [wrong] = _claims("To leave NATO, the president must notify Congress 30 days in advance.", "legal_threshold")
    assert wrong.verdict == "contradicted"


def test_application_after_the_amendment_in_one_sentence() -> None:
    text = (
        "Kyiv wrote NATO membership into its constitution in February 2019, and formally applied to "
        "join NATO in September 2022."
    )
    found = {c.subject: c for c in _claims(text, "event_date")}
    assert found["constitution:UKR"].verdict == "supported"
    assert found["application:UKR"].verdict == "supported" and found["application:UKR"].year == 2022


def test_month_with_last_year() -> None:
    [claim] = _claims("Finland, which joined in April last year, hosts the meeting.", "event_date", date="2024-03-08")
    assert claim.verdict == "supported" and claim.text.endswith("April last year")
    [wrong] = _claims("Finland, which joined in May last year, hosts the meeting.", "event_date", date="2024-03-08")
    assert wrong.verdict == "contradicted"


def test_a_figure_said_of_a_list_or_of_the_baltic_states_is_one_claim_per_ally() -> None:
    for text in (
        "Latvia, Lithuania and Estonia all spend over 3% of GDP on defence.",
        "The Baltic states spend more than 3 per cent of GDP on defence.",
    ):
        found = {c.country: c for c in _claims(text, "spending_pct_gdp", date="2025-03-01")}
        assert set(found) == {"EST", "LVA", "LTU"}
        for iso3, claim in found.items():
            assert claim.expected == _pct(iso3, 2024, "2024-06")
            assert claim.verdict == ("supported" if claim.expected > 3 else "imprecise")  # LTU: 3.09 in 2025-08


def test_a_ratification_date_is_not_the_accession_date() -> None:
    text = "Ankara's parliament ratified Sweden's accession in January 2024 after 20 months."
    assert _claims(text, "event_date", date="2024-03-08") == []
    [joined] = _claims("Sweden's accession in March 2024 ended two centuries of neutrality.", "event_date")
    assert joined.verdict == "supported"


def test_a_plan_without_a_year_is_not_read_as_this_years_figure() -> None:
    text = "NATO allies agreed to 5% of GDP. Mr Sanchez said Spain would spend 2.1 per cent."
    assert _claims(text, "spending_pct_gdp", date="2025-03-01") == []


def test_an_undated_total_is_the_total_of_the_articles_day() -> None:
    text = "The alliance's combined defence spending is nearly $1.5 trillion."
    [early] = _claims(text, "alliance_total", date="2025-03-01")  # the 2025 total was not yet published
    total_2024 = natosim.aggregates().query("aggregate == 'NATO Total' and year == 2024 and edition == '2024-06'")
    assert early.year == 2024 and early.expected == round(float(total_2024.iloc[0]["defence_exp_usd_current_mn"]) * 1e6)
    assert early.verdict == "supported"


def test_a_record_since_a_year_is_not_the_pledges_adoption_year() -> None:
    [claim] = _claims("Germany will hit Nato's 2pc target this year for the first time since 1991.", "pledge_value")
    assert claim.verdict == "supported"


def test_n_of_natos_members_met_the_target() -> None:
    text = "Only eight of Nato's members hit the 2 per cent target in 2021."
    [count] = _claims(text, "allies_meeting_target", date="2025-03-01")
    rows = natosim.figures(year=2021, edition="2024-06", members_only=True)
    assert count.year == 2021 and count.expected == int((rows["defence_exp_pct_gdp"].round(2) >= 2).sum())


def test_europes_nato_members_and_canada_is_the_aggregate_not_canada() -> None:
    [claim] = _claims(
        "Europe's Nato members and Canada spent $507bn on defence last year.", "alliance_total", date="2025-03-01"
    )
    assert claim.subject == "NATO Europe and Canada" and claim.verdict == "supported"
    assert _claims("Europe's Nato members and Canada spent $507bn on defence last year.", "spending_money") == []


def test_only_an_ally_requests_article4() -> None:
    text = "Article 4 was invoked by eight allies on the day Russia invaded Ukraine in February 2022."
    [claim] = _claims(text, "event_date")
    assert claim.country is None and claim.verdict == "supported" and claim.expected == "2022-02-24"


def test_a_founding_year_does_not_date_the_population() -> None:
    [claim] = _claims("The alliance, created in 1949, now covers almost one billion people.", "population_covered")
    assert claim.year == max(natosim.figures(members_only=True).dropna(subset=["population_thousands"])["year"])
    assert claim.verdict == "supported"


def test_allies_falling_short_of_the_target() -> None:
    text = "In 2024, two allies fell short of the 2% target."
    [claim] = _claims(text, "allies_meeting_target", date="2025-09-15")
    rows = natosim.figures(year=2024, edition="2025-08", members_only=True).dropna(subset=["defence_exp_pct_gdp"])
    below = int((rows["defence_exp_pct_gdp"].round(2) < 2).sum())
    assert claim.expected == below and claim.verdict == "contradicted" and "<2%" in claim.unit


def test_a_growth_rate_is_not_a_share_of_gdp() -> None:
    text = "Germany's defence budget rose 23 per cent last year to 2.1 per cent of GDP."
    assert [c.text for c in _claims(text, "spending_pct_gdp", date="2025-09-15")] == ["2.1 per cent"]


def test_founded_n_years_ago() -> None:
    [claim] = _claims("Nato was formed 76 years ago.", "event_date", date="2025-09-15")
    assert claim.verdict == "supported" and 76 <= claim.expected < 77
    [wrong] = _claims("NATO was founded 80 years ago.", "event_date", date="2025-09-15")
    assert wrong.verdict == "contradicted"


def test_a_pull_quote_is_furniture_not_a_second_claim() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2025-06-26"></head><body><article>'
        "<h1>Deal struck</h1><p>Leaders of the 32-member alliance agreed to spend 5pc of GDP on defence by 2035, "
        "the summit declaration says.</p>"
        '<blockquote class="pull-quote">Allies will spend 5pc of GDP by 2035</blockquote>'
        "<p>The deal was struck in The Hague after long talks between the allies and the secretary general.</p>"
        "</article></body></html>"
    )
    assert [c.text for c in check(html).claims if c.kind == "pledge_value"] == ["5pc"]


def test_a_cost_share_of_natos_common_budget_is_not_a_share_of_defence_spending() -> None:
    for text in (
        "The US contributes about 16% of NATO's common budget.",
        "The US share of NATO's direct funding fell to 16 per cent.",
        "Washington provides about 70% of NATO's military capabilities.",
    ):
        assert check(text, date="2025-09-15").claims == [], text


def test_a_deadline_is_not_an_adoption_year() -> None:
    text = "The new target, agreed in The Hague, is 5% by 2035, of which 3.5% is for core defence."
    found = {c.text: c for c in _claims(text, "pledge_value", date="2025-09-15")}
    assert {k: c.verdict for k, c in found.items()} == {"5%": "supported", "3.5%": "supported"}
    core = next(p for p in natosim.rules.pledges() if p.id == "hague-2025-core")
    assert core.target_pct_gdp == 3.5 and core.deadline is not None and core.deadline.year == 2035
