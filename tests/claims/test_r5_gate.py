"""The precision gate (engines/claims/alternatives.py): a claim about to be "contradicted" becomes
"not checkable" when another reading the text names makes it true, and stays "contradicted" when
no named reading does. Every sentence is written for this test, in the shapes of the first-run
false alarms of batches 10-24 (/work/wt/r5_first_run_false_alarms.txt) and of real false claims."""

from __future__ import annotations

import dataclasses
import datetime as dt

from natosim.engines.claims import check, facts
from natosim.engines.claims.alternatives import alternative_reason
from natosim.engines.claims.model import Claim


def _claims(text: str, date: str) -> list[Claim]:
    return check(text, date=date).claims


def _one(claims: list[Claim], kind: str, country: str | None = None, text: str | None = None) -> Claim:
    found = [
        c
        for c in claims
        if c.kind == kind and (country is None or c.country == country) and (text is None or text in c.text)
    ]
    assert len(found) == 1, [(c.kind, c.text, c.country, c.verdict) for c in claims]
    return found[0]


def _contradicted(kind: str, text: str, sentence: str, value: float, **fields: object) -> Claim:
    """A claim as a finder hands it to the gate: contradicted, with the figure it was judged on."""
    at = sentence.find(text)
    assert at >= 0
    base: dict[str, object] = {
        "kind": kind,
        "text": text,
        "sentence": sentence,
        "span": (at, at + len(text)),
        "sentence_span": (0, len(sentence)),
        "value": value,
        "verdict": "contradicted",
        "note": "off by some, beyond the tolerance",
    }
    base.update(fields)
    return Claim(**base)  # type: ignore[arg-type]


# --- % of GDP: another country the sentence names ----------------------------------------------------


def test_a_figure_of_the_subject_named_in_a_list_is_not_called_false_for_another_listed_ally() -> None:
    """Greece spent 3.08% in 2024 (NATO, June 2024): the finder also reads the figure as Poland's."""
    claims = _claims(
        "Next to the United States, Poland, Latvia and Estonia, Greece devoted approximately 3.1% of its GDP "
        "to defence in 2024.",
        "2025-06-20",
    )
    # the finder no longer reads the fronted phrase's allies as the subject (r5-spending); if it ever did,
    # the gate must still not call the figure false for Poland
    poland = [c for c in claims if c.kind == "spending_pct_gdp" and c.country == "POL"]
    assert all(c.verdict == "not checkable" and "GRC's figure for 2024" in c.note for c in poland)
    assert _one(claims, "spending_pct_gdp", "GRC").verdict == "supported"


def test_the_gate_gives_a_listed_allys_figure_to_the_ally_it_belongs_to() -> None:
    """The claim as a finder that reads the fronted list as the subject hands it over (first runs did)."""
    sentence = "Next to the United States, Poland and Estonia, Greece devoted approximately 3.1% of its GDP in 2024."
    fields = {"country": "POL", "unit": "% of GDP", "year": 2024, "year_source": "stated", "qualifier": "about"}
    claim = _contradicted("spending_pct_gdp", "approximately 3.1%", sentence, 3.1, expected=4.12, **fields)
    reason = _gate(claim, dt.date(2025, 6, 20))
    assert reason is not None and "GRC's figure for 2024" in reason
    greece = _contradicted("spending_pct_gdp", "approximately 3.9%", sentence.replace("3.1", "3.9"), 3.9, **fields)
    assert _gate(dataclasses.replace(greece, country="GRC"), dt.date(2025, 6, 20)) is None


def test_an_allys_rank_in_the_order_of_accession_has_no_count_reading() -> None:
    sentence = "In 2022, Sweden applied to become the 30th member."
    claim = _contradicted("member_count", "30th member", sentence, 30, country="SWE", expected=32)
    assert _gate(claim) is None


def test_a_false_figure_of_the_clauses_subject_stays_contradicted() -> None:
    """Greece's 2024 figure is 3.08%; 3.9% is near Poland's, but Greece is the subject of the clause."""
    claims = _claims(
        "Next to the United States, Poland and Estonia, Greece devoted approximately 3.9% of its GDP to "
        "defence in 2024.",
        "2025-06-20",
    )
    greece = _one(claims, "spending_pct_gdp", "GRC")
    assert greece.verdict == "contradicted"
    assert greece.expected == 3.08


def test_a_list_where_each_ally_has_its_own_figure_lends_no_figure_to_another_row() -> None:
    claims = _claims("In 2023, Greece spent 3.5% of GDP on defence, Estonia 2.9% and Poland 3.9%.", "2024-07-01")
    assert _one(claims, "spending_pct_gdp", "GRC").verdict == "contradicted"
    assert _one(claims, "spending_pct_gdp", "POL").verdict == "contradicted"


def test_a_bound_or_a_whole_number_never_names_another_reading() -> None:
    """ "2%" stands for 1.5-2.5 once rounded: true of too many allies to name the one meant."""
    sentence = "Canada, like Germany, spent 2% of GDP on defence in 2023."
    claim = _contradicted("spending_pct_gdp", "2%", sentence, 2.0, country="CAN", year=2023, year_source="stated")
    assert alternative_reason(claim, dt.date(2024, 7, 1)) is None


# --- member counts -----------------------------------------------------------------------------------


def test_a_count_of_allies_that_fulfilled_a_target_is_not_the_membership() -> None:
    """23 allies were at 2% of GDP in 2024 in NATO's June 2024 estimates."""
    found = facts.allies_at_or_above(2024, 2.0, "2024-06")
    assert found is not None and found[0] == 23
    sentence = "As of today, 23 member states have fulfilled this commitment."
    claim = _contradicted("member_count", "23 member", sentence, 23, unit="allies", expected=32)
    reason = alternative_reason(claim, dt.date(2024, 7, 1), "Leaders agreed to the 2% guideline years ago.")
    assert reason is not None and "23 allies were at 2% of GDP in 2024" in reason
    # the whole checker: no membership count of 23 is called false
    claims = _claims(f"Leaders agreed to the 2% guideline years ago. {sentence}", "2024-07-01")
    assert not [c for c in claims if c.kind == "member_count" and c.verdict == "contradicted"]


def test_an_ally_and_n_other_countries_achieving_something_is_a_subset_not_the_membership() -> None:
    sentence = "Belgium and 21 other countries have now achieved the guideline."
    claim = _contradicted("member_count", "21 other countries", sentence, 21, unit="allies", expected=31)
    reason = alternative_reason(claim, dt.date(2024, 7, 1), "Defence spending keeps rising.")
    assert reason is not None and "not the membership" in reason


def test_the_alliances_own_count_before_a_predicate_stays_a_membership_count() -> None:
    """ "NATO's 30 members have met ..." in 2024 is a stale count of the whole alliance."""
    sentence = "NATO's 30 members have met the spending guideline in Brussels."
    claim = _contradicted("member_count", "30 members", sentence, 30, unit="allies", expected=32)
    assert alternative_reason(claim, dt.date(2024, 7, 1)) is None


def test_a_stale_membership_count_stays_contradicted() -> None:
    claims = _claims("NATO's 30 members met in Brussels on Tuesday.", "2024-05-01")
    assert _one(claims, "member_count").verdict == "contradicted"


def test_the_founders_are_a_reading_of_twelve_when_the_sentence_speaks_of_the_start() -> None:
    claims = _claims("NATO started with 12 members and now counts 32.", "2024-05-01")
    count = _one(claims, "member_count", text="12")
    assert count.verdict == "not checkable"
    assert "12 founding members" in count.note


def test_the_membership_on_the_eve_of_an_accession_the_text_speaks_of() -> None:
    """Before Sweden joined (7 March 2024) there were 31 allies; Hungary ratified last."""
    sentence = (
        "Its membership became official once Hungary, the last country among the 31 members to give its "
        "approval, deposited the protocol."
    )
    claim = _contradicted("member_count", "31 members", sentence, 31, unit="allies", expected=32)
    reason = alternative_reason(claim, dt.date(2024, 3, 11), "Sweden is now the 32nd member of NATO.")
    assert reason is not None and "SWE's accession (2024-03-07)" in reason


def test_a_membership_count_with_no_accession_in_sight_has_no_other_reading() -> None:
    sentence = "Hungary, one of the 31 members, hosted the talks."
    claim = _contradicted("member_count", "31 members", sentence, 31, unit="allies", expected=32)
    assert alternative_reason(claim, dt.date(2024, 5, 1), "The ministers met in Budapest.") is None


# --- pledges -----------------------------------------------------------------------------------------


def test_a_year_that_dates_the_other_pledge_the_sentence_names_does_not_date_this_one() -> None:
    claims = _claims(
        "At The Hague, allies committed to 5% of GDP by 2035, replacing the 2% target set in 2014.", "2025-07-01"
    )
    assert _one(claims, "pledge_value", text="5%").verdict != "contradicted"
    # the gate itself, on the claim as a finder that dates the 5% by the nearest year hands it over
    sentence = "Allies committed to 5% of GDP by 2035, replacing the 2% target set in 2014."
    claim = _contradicted(
        "pledge_value", "5%", sentence, 5.0, unit="% of GDP", year=2014, note="no 5% pledge was adopted in 2014"
    )
    reason = alternative_reason(claim, dt.date(2025, 7, 1))
    assert reason is not None and "wales-2014" in reason


def test_a_summit_that_dates_this_pledge_wrongly_stays_contradicted() -> None:
    """Vilnius (2023) set the 2%, not the 5%: "At Vilnius ... 5%" is a false date."""
    claims = _claims(
        "At the 2023 summit in Vilnius, allies committed to 5% of GDP by 2035, well above the 2% target.",
        "2025-07-01",
    )
    assert _one(claims, "pledge_value", text="5%").verdict == "contradicted"


# --- shares ------------------------------------------------------------------------------------------


def test_a_false_share_matching_nothing_named_stays_contradicted() -> None:
    claims = _claims("Trump said the United States pays 90 percent of NATO's costs.", "2024-05-01")
    assert _one(claims, "alliance_share").verdict == "contradicted"


# --- widened readings: each with a sentence where the reading fits and one where it must not -------


def _gate(claim: Claim, date: dt.date | None = dt.date(2024, 7, 1), before: str = "") -> str | None:
    return alternative_reason(claim, date, before)


def test_the_other_allies_combined_are_nato_europe_and_canada() -> None:
    """NATO Europe and Canada spent US$506.7 bn in 2024 (NATO, June 2024)."""
    figure = facts.aggregate("NATO Europe and Canada", 2024, "defence_exp_usd_current_mn", "2024-06")
    assert figure is not None and round(figure.value / 1e3, 1) == 506.7
    sentence = "Washington outspent all 31 other members together, which spent about $507 billion in 2024."
    fields = {"subject": "NATO Total", "unit": "US$ current", "year": 2024, "year_source": "stated"}
    claim = _contradicted("alliance_total", "about $507 billion", sentence, 507e9, qualifier="about", **fields)
    reason = _gate(claim)
    assert reason is not None and "NATO Europe and Canada" in reason
    false = _contradicted(
        "alliance_total", "about $300 billion", sentence.replace("$507", "$300"), 300e9, qualifier="about", **fields
    )
    assert _gate(false) is None


def test_an_allys_other_allies_are_the_membership_less_one() -> None:
    assert len(facts.members_on(dt.date(2024, 5, 1))) == 32
    sentence = "Canada trails most of its 31 other allies in spending."
    assert _gate(_contradicted("member_count", "31 other allies", sentence, 31, expected=32), dt.date(2024, 5, 1))
    stale = _contradicted("member_count", "30 other allies", sentence.replace("31", "30"), 30, expected=32)
    assert _gate(stale, dt.date(2024, 5, 1)) is None


def test_a_count_with_its_allies_listed_counts_those_allies() -> None:
    sentence = "Only two members, Poland and Greece, spent more than 3% of GDP."
    reason = _gate(_contradicted("member_count", "two members", sentence, 2, expected=32))
    assert reason is not None and "GRC, POL" in reason
    wrong = "Only three members, Poland and Greece, spent more than 3% of GDP."
    assert _gate(_contradicted("member_count", "three members", wrong, 3, expected=32)) is None


def test_at_that_time_points_to_the_year_named_just_before() -> None:
    """Three allies (GBR, GRC, USA) were at 2% of GDP in 2014 in both NATO editions held."""
    before = "In 2014 the allies pledged to spend 2% of GDP by 2024."
    fields = {"unit": "allies at ≥2% of GDP", "year": 2019, "year_source": "article date", "expected": 7}
    sentence = "At that time only three allies met the guideline."
    reason = _gate(_contradicted("allies_meeting_target", "three allies", sentence, 3, **fields), before=before)
    assert reason is not None and "2014" in reason
    wrong = sentence.replace("three", "six")
    assert _gate(_contradicted("allies_meeting_target", "six allies", wrong, 6, **fields), before=before) is None


def test_a_share_of_natos_common_budget_is_another_measure() -> None:
    fields = {"country": "USA", "unit": "% of allied defence spending", "expected": 66.0}
    sentence = "The United States pays 16 per cent of NATO's common budget, as much as Germany."
    assert _gate(_contradicted("alliance_share", "16 per cent", sentence, 16.0, **fields)) is not None
    false = "The United States pays 90 per cent of NATO's defence spending."
    assert _gate(_contradicted("alliance_share", "90 per cent", false, 90.0, **fields)) is None


def test_a_year_that_dates_the_pledge_the_clause_names() -> None:
    sentence = "The Baltic states long ago passed the 2% threshold, set in 2014."
    reason = _gate(_contradicted("event_date", "set in 2014", sentence, 2014, expected="1949-04-04"))
    assert reason is not None and "wales-2014" in reason
    other = "The Baltic states are nearing the 3.5% goal, set in 2014."
    assert _gate(_contradicted("event_date", "set in 2014", other, 2014, expected="1949-04-04")) is None


def test_a_day_the_event_followed_is_not_the_day_of_the_event() -> None:
    """Art. 5 was invoked on 12 September 2001, the day after the attacks."""
    sentence = "Article 5 has been used once, after September 11, 2001, when allies sent aircraft."
    assert _gate(_contradicted("event_date", "2001", sentence, 2001, expected="2001-09-12")) is not None
    on = "Article 5 was invoked on September 11, 2001, when allies sent aircraft."
    assert _gate(_contradicted("event_date", "2001", on, 2001, expected="2001-09-12")) is None


def test_invocations_by_the_ally_and_in_the_years_the_sentence_names() -> None:
    """Turkey requested Art. 4 consultations five times from 2003 to 2020 (rules: invocations)."""
    turkey = [i for i in facts.rules().invocations().article_4 if "TUR" in i.requesting]
    assert len(turkey) == 5
    sentence = "Turkey alone invoked Article 4 five times between 2003 and 2020."
    claim = _contradicted("event_date", "five times", sentence, 5, subject="article5-count", expected=1)
    reason = _gate(claim)
    assert reason is not None and "by TUR" in reason
    wrong = _contradicted(
        "event_date", "twenty times", sentence.replace("five", "twenty"), 20, subject="article4-count"
    )
    assert _gate(wrong) is None


def test_a_persons_own_target_is_not_a_nato_pledge() -> None:
    note = "no NATO pledge of 4% (% of GDP); pledges are 1.5%, 2%, 3.5%, 5%"
    sentence = "At the summit, Smith's preferred target of 4 percent drew little support."
    assert _gate(_contradicted("pledge_value", "4 percent", sentence, 4.0, note=note)) is not None
    nato = "At the summit, NATO's target of 4 percent drew little support."
    assert _gate(_contradicted("pledge_value", "4 percent", nato, 4.0, note=note)) is None


def test_a_non_allys_spending_is_not_the_alliances_total() -> None:
    fields = {"subject": "NATO Total", "unit": "US$ current", "year": 2024, "year_source": "article date"}
    sentence = "The defence spending of China reached about $300 billion last year."
    reason = _gate(_contradicted("alliance_total", "about $300 billion", sentence, 300e9, **fields))
    assert reason is not None and "CHN" in reason
    own = "The defence spending of the alliance reached about $300 billion last year."
    assert _gate(_contradicted("alliance_total", "about $300 billion", own, 300e9, **fields)) is None


def test_a_pledge_value_an_ally_commits_to_is_a_target_not_its_spending() -> None:
    fields = {"country": "EST", "unit": "% of GDP", "year": 2024, "year_source": "article date"}
    sentence = "Estonia has pledged to spend 5% of GDP on defence."
    assert _gate(_contradicted("spending_pct_gdp", "5%", sentence, 5.0, **fields)) is not None
    spends = "Estonia spends 5% of GDP on defence."
    assert _gate(_contradicted("spending_pct_gdp", "5%", spends, 5.0, **fields)) is None
    not_a_pledge = "Estonia has pledged to spend 4% of GDP on defence."
    assert _gate(_contradicted("spending_pct_gdp", "4%", not_a_pledge, 4.0, **fields)) is None


def test_the_membership_at_the_end_of_a_past_year_the_sentence_names() -> None:
    """28 allies at the end of 2016; 31 at the start of 2024 but 32 by its end (Sweden, March)."""
    sentence = "In 2016, the 28 members agreed to spend more."
    reason = _gate(_contradicted("member_count", "28 members", sentence, 28, expected=32))
    assert reason is not None and "2016" in reason
    joined = "In 2024, the 31 members agreed to spend more."
    assert _gate(_contradicted("member_count", "31 members", joined, 31, expected=32), dt.date(2025, 3, 1)) is None
    deadline = "The 28 members must spend 2% by 2016."
    assert _gate(_contradicted("member_count", "28 members", deadline, 28, expected=32), dt.date(2015, 3, 1)) is None


def test_a_share_that_is_the_other_sides_or_of_another_measure() -> None:
    """The US share of allied defence spending in 2024: 65.63% (NATO); of allied GDP about 53%."""
    fields = {"country": "USA", "subject": "USA", "unit": "% of allied defence spending", "year": 2024}
    europe = "The US share is falling: European allies and Canada now pay 34 percent of the total."
    assert _gate(_contradicted("alliance_share", "34 percent", europe, 34.0, **fields)) is not None
    economy = "The US economy makes up 53 percent of allied GDP."
    reason = _gate(_contradicted("alliance_share", "53 percent", economy, 53.0, **fields))
    assert reason is not None and "allied GDP" in reason
    trump = "The United States pays 90 percent of the total, while European allies pay little."
    assert _gate(_contradicted("alliance_share", "90 percent", trump, 90.0, **fields)) is None


# --- readings added after batches 27-28 (scored with the gate's first version) ------------------------


def test_a_percentage_followed_by_a_noun_of_change_is_a_rate() -> None:
    fields = {"subject": "NATO Europe and Canada", "unit": "% of GDP", "year": 2022, "year_source": "stated"}
    sentence = "European allies and Canada recorded a 4.1% increase in real terms in 2022."
    reason = _gate(_contradicted("alliance_total", "4.1%", sentence, 4.1, **fields))
    assert reason is not None and "rate of change" in reason
    level = "European allies and Canada spent 4.1% of GDP in 2022."
    assert _gate(_contradicted("alliance_total", "4.1%", level, 4.1, **fields)) is None


def test_a_count_that_continues_a_count_of_allies_meeting_the_target() -> None:
    """18 allies were at 2% of GDP in 2024 in NATO's August 2025 figures."""
    sentence = "In 2023, eleven allies met the guideline, rising to 18 countries in 2024."
    reason = _gate(_contradicted("member_count", "18 countries", sentence, 18, expected=32), dt.date(2025, 9, 1))
    assert reason is not None and "18 allies were at 2% of GDP in 2024" in reason


def test_a_pledge_value_called_natos_target_is_not_an_allys_spending() -> None:
    fields = {"country": "ESP", "unit": "% of GDP", "year": 2024, "year_source": "inferred"}
    sentence = "The president attacked Spain for not meeting NATO's 5% spending target."
    assert _gate(_contradicted("spending_pct_gdp", "5%", sentence, 5.0, **fields)) is not None
    level = "Spain spent 5% of GDP on defence last year."
    assert _gate(_contradicted("spending_pct_gdp", "5%", level, 5.0, **fields)) is None


def test_spending_the_target_named_just_before_reads_as_meeting_it() -> None:
    """Greece: 2.80% of GDP in 2023 (NATO); Germany: 1.64%."""
    before = "In Wales the allies committed to a goal of spending at least 2 percent of GDP."
    fields = {"unit": "% of GDP", "year": 2023, "year_source": "inferred"}
    greece = _contradicted(
        "spending_pct_gdp", "2 percent", "Greece does spend 2 percent.", 2.0, country="GRC", **fields
    )
    assert _gate(greece, None, before) is not None
    germany = _contradicted(
        "spending_pct_gdp", "2 percent", "Germany does spend 2 percent.", 2.0, country="DEU", **fields
    )
    assert _gate(germany, None, before) is None
    assert _gate(greece, None, "Defence budgets are rising.") is None


def test_a_year_written_for_the_comparison_is_not_the_figures_year() -> None:
    """7 allies at 2% in 2022, 6 in 2021 (both editions)."""
    fields = {"unit": "allies at ≥2% of GDP", "year": 2021, "year_source": "stated", "expected": 6}
    sentence = "Only seven allies met the guideline last year, one more than in 2021."
    reason = _gate(_contradicted("allies_meeting_target", "seven allies", sentence, 7, **fields), None)
    assert reason is not None and "2022" in reason
    plain = "Only seven allies met the guideline in 2021."
    assert _gate(_contradicted("allies_meeting_target", "seven allies", plain, 7, **fields), None) is None


def test_every_country_of_a_coordinated_subject_owns_the_figure() -> None:
    """ "Poland, Germany and France spend 4.1%": false for Germany, whatever Poland spends; in a fronted
    phrase ("Alongside Poland, Germany spent ...") only the last country is the subject."""
    fields = {"unit": "% of GDP", "year": 2024, "year_source": "stated"}
    listed = "Poland, Germany and France spend 4.1% of GDP on defence in 2024."
    assert _gate(_contradicted("spending_pct_gdp", "4.1%", listed, 4.1, country="DEU", **fields)) is None
    fronted = "Alongside Poland and Estonia, Germany spent 4.1% of GDP on defence in 2024."
    assert _gate(_contradicted("spending_pct_gdp", "4.1%", fronted, 4.1, country="DEU", **fields)) is None
    reason = _gate(_contradicted("spending_pct_gdp", "4.1%", fronted, 4.1, country="EST", **fields))
    assert reason is not None and "POL's figure for 2024" in reason


def test_all_n_allies_is_the_membership_even_before_a_spending_verb() -> None:
    claims = _claims("All 30 allies meet the 2% target.", "2024-07-01")
    assert _one(claims, "member_count").verdict == "contradicted"


def test_a_count_of_the_day_after_an_accession_stays_a_stale_count() -> None:
    """Finland joined in April 2023 (31 allies); in 2025 "today NATO's 31 members" is stale (32)."""
    sentence = "Today NATO's 31 members meet in Brussels."
    claim = _contradicted("member_count", "31 members", sentence, 31, expected=32)
    assert _gate(claim, dt.date(2025, 5, 1), "Finland joined the alliance in 2023.") is None
    joined = "Finland joined in 2023, when the alliance grew to 31 members."
    reason = _gate(_contradicted("member_count", "31 members", joined, 31, expected=32), dt.date(2025, 5, 1))
    assert reason is not None and "FIN's accession" in reason
