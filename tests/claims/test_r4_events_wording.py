"""Art. 4/5, summits and the founding in other words (issue 17, round 4, r4-events): a relative
clause ties a count to the article named before it; "that article" carries Art. 5 on; consultations
"convened" are an Art. 4 request; summits by date alone, by year and city in either order, by their
pledge or declaration; the treaty named by its year; "It was founded in ..." in an article about NATO.
Sentences written for these tests in the style of news reports."""

from __future__ import annotations

import pytest

from natosim.engines.claims import check


def _events(text: str, date: str = "2025-09-20") -> list[tuple[str, str]]:
    return [(c.text, c.verdict) for c in check(text, date=date).claims if c.kind == "event_date"]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # Art. 5: invoked once (12 September 2001); Art. 4 requests: several
        (
            "Article 4 opens talks, but it is not Article 5, the mutual defence clause, which has been used only once.",
            "supported",
        ),
        (
            "Article 4 opens talks, but it is not Article 5, the defence clause, which has been used four times.",
            "contradicted",
        ),
    ],
)
def test_a_relative_clause_ties_the_count_to_the_article_before_it(text: str, verdict: str) -> None:
    assert [v for _, v in _events(text)] == [verdict]


def test_that_article_carries_article_5_on() -> None:
    text = "The alliance rests on Article 5: an attack on one is an attack on all. That article was invoked once."
    assert [v for _, v in _events(text)] == ["supported"]


def test_consultations_convened_under_article_4_on_a_day() -> None:
    text = "Allies convened urgent consultations on September 10 under Article 4 after drones crossed into Poland."
    assert _events(text) == [("on September 10", "supported")]  # Poland's request of 10 September 2025


@pytest.mark.parametrize(
    ("text", "date", "verdict"),
    [
        (
            "The pledge was reaffirmed during the NATO summit in 2014, after the annexation of Crimea.",
            "2024-01-10",
            "supported",
        ),
        ("The upcoming NATO summit in June 2025 will weigh a higher goal.", "2025-03-01", "supported"),
        ("In 2014, during a summit in Wales, leaders agreed to move towards 2%.", "2024-01-10", "supported"),
        ("In 2016, during a summit in Wales, leaders agreed to move towards 2%.", "2024-01-10", "contradicted"),
        ("At a June 2025 summit in The Hague, allies agreed a new goal.", "2025-09-01", "supported"),
        ("At a May 2025 summit in The Hague, allies agreed a new goal.", "2025-09-01", "contradicted"),
        ("Allies stand by their 2014 Wales Defence Investment Pledge.", "2019-04-04", "supported"),
        ("The Bucharest Summit Declaration said on April 3, 2008 that Ukraine will join.", "2024-01-10", "supported"),
        # a summit lasts days: a neighbouring day is imprecise, not false
        ("The Bucharest Summit Declaration said on April 4, 2008 that Ukraine will join.", "2024-01-10", "imprecise"),
    ],
)
def test_summits_by_date_year_and_city_pledge_or_declaration(text: str, date: str, verdict: str) -> None:
    assert [v for _, v in _events(text, date)] == [verdict]


def test_a_summit_by_date_natosim_does_not_hold_is_not_judged() -> None:
    # (London 2019 is held since round 5, r5-summits: tests/claims/test_r5_summits.py; Istanbul 2004 is not)
    assert _events("Leaders met again at the NATO summit in 2004 in Istanbul.", "2005-01-10") == []
    assert _events("Leaders met again at the NATO summit in December 2019.", "2020-01-10") == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The ministers quoted the signatories of the 1949 North Atlantic Treaty.", "supported"),
        ("The ministers quoted the signatories of the 1950 North Atlantic Treaty.", "contradicted"),
        ("NATO is a military alliance. It was established in 1949.", "supported"),
        # "it" may be another body: not accused
        ("NATO is a military alliance. It was established in 1951.", "not checkable"),
        ("More allies joined the Washington Treaty, which was signed in April 1949.", "supported"),
    ],
)
def test_the_founding_named_by_the_treaty_or_a_pronoun(text: str, verdict: str) -> None:
    assert [v for _, v in _events(text)] == [verdict]


@pytest.mark.parametrize(
    ("text", "date", "verdict"),
    [
        # Russia's full-scale invasion: 24 February 2022
        ("The decision was shaped by Russia's invasion of Ukraine two years ago.", "2024-03-12", "supported"),
        (
            "The decision was shaped by Russia's full-scale invasion of Ukraine four years ago.",
            "2024-03-12",
            "contradicted",
        ),
        # "ten years ago" may be Crimea (2014): not accused unless the full-scale invasion is named
        ("The decision was shaped by Russia's invasion of Ukraine ten years ago.", "2024-03-12", "not checkable"),
        # Hungary acceded on 12 March 1999
        ("Hungary joined NATO 25 years ago, the minister recalled.", "2024-03-12", "supported"),
        ("Twenty years ago Hungary joined NATO.", "2024-03-12", "contradicted"),
        # the treaty was signed on 4 April 1949
        ("Seventy-five years ago, NATO's founding treaty was signed in Washington.", "2024-04-04", "supported"),
        ("Ministers hailed NATO's seventy-five years of peace.", "2024-04-04", "supported"),
    ],
)
def test_events_dated_years_ago_against_the_article_date(text: str, date: str, verdict: str) -> None:
    assert [v for _, v in _events(text, date)] == [verdict]


def test_years_ago_without_the_article_date_gives_no_claim() -> None:
    assert [c for c in check("Hungary joined NATO 25 years ago.").claims if c.kind == "event_date"] == []


def test_the_approval_of_the_senate_is_a_lawful_route_to_withdraw() -> None:
    text = (
        "A new bill bars any president from withdrawing the United States from NATO without the approval of the Senate."
    )
    found = [(c.kind, c.text, c.verdict) for c in check(text, date="2024-02-01").claims]
    assert ("legal_threshold", "approval of the Senate", "supported") in found


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("NATO invoked its collective defence clause for the first and only time after 9/11.", "supported"),
        # Art. 5 has one invocation: no joint or repeated requests make "twice" a matter of counting
        ("The collective defence clause has been triggered twice.", "contradicted"),
    ],
)
def test_article_5_counts_in_other_words(text: str, verdict: str) -> None:
    found = [c for c in check(text, date="2025-03-20").claims if c.kind == "event_date"]
    assert [c.verdict for c in found] == [verdict]
    assert found[0].evidence[0].rule == "article5"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Leaders gathered at last year's Washington summit.", "supported"),  # 2024-07-10
        ("Leaders met at the NATO summit in Vilnius last year.", "contradicted"),  # 2023-07-11
    ],
)
def test_a_summit_by_city_and_relative_year(text: str, verdict: str) -> None:
    assert [v for _, v in _events(text, "2025-03-20")] == [verdict]


@pytest.mark.parametrize(
    ("text", "date", "verdict"),
    [
        # The Hague: 24-25 June 2025 (natosim holds the 25th); Vilnius: 11-12 July 2023
        ("Leaders meet at The Hague summit on 24-25 June, officials said.", "2025-06-20", "supported"),
        ("The Hague summit, on June 24 and 25, will set new goals.", "2025-06-20", "supported"),
        ("The alliance's summit in the Dutch city on July 24-25 will set goals.", "2025-06-20", "contradicted"),
        ("NATO leaders will gather in The Hague on June 24-25 for a summit.", "2025-06-20", "supported"),
        ("Scholz spoke of the summit in the Lithuanian capital on July 11-12.", "2023-07-01", "supported"),
    ],
)
def test_a_summit_by_month_with_days_first_or_a_described_city(text: str, date: str, verdict: str) -> None:
    assert [v for _, v in _events(text, date)] == [verdict]


def test_a_meeting_in_a_summit_city_without_the_word_summit_is_not_a_summit() -> None:
    assert _events("Ministers will gather in Vilnius on July 20 for talks.", "2023-07-01") == []


def test_for_the_first_time_with_a_date_is_the_first_requests_date_not_a_count() -> None:
    # Türkiye's first Art. 4 request: 2003 (natosim's invocations); nine requests by September 2025
    found = [
        (c.text, c.verdict)
        for c in check("Article 4 was triggered for the first time in 2003 by Turkey.", date="2025-09-20").claims
    ]
    assert found == [("2003", "supported")]


def test_consultations_held_n_times_is_an_article_4_count() -> None:
    found = _events("Article 4 consultations have been held five times in NATO's history.", "2025-09-20")
    assert found == [("five times", "contradicted")]


@pytest.mark.parametrize(
    ("text", "date", "verdict"),
    [
        # Art. 5: invoked on 12 September 2001
        ("Article 5 has never been invoked.", "2025-03-20", "contradicted"),
        ("Article 5 has never been invoked.", "1999-03-20", "supported"),
        ("Article 5 has never been invoked.", None, "not checkable"),
        # Art. 4: Poland requested consultations (2014, 2022, 2025); Luxembourg never
        ("Article 4 has never been invoked by Poland.", "2025-03-20", "contradicted"),
        ("Article 4 has never been invoked by Luxembourg.", "2025-03-20", "supported"),
    ],
)
def test_never_invoked(text: str, date: str | None, verdict: str) -> None:
    assert [c.verdict for c in check(text, date=date).claims if c.kind == "event_date"] == [verdict]


@pytest.mark.parametrize(
    "text",
    [
        "Poland says Article 4 has never been invoked lightly.",  # an ally named, not as the requester
        "Article 5 has never been invoked in response to a cyberattack.",  # a count within a topic
    ],
)
def test_never_invoked_with_an_uncertain_subject_is_not_read(text: str) -> None:
    assert [c for c in check(text, date="2025-03-20").claims if c.kind == "event_date"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The Baltic states had long exceeded the alliance's threshold of 2%, established in 2014.",
        "The NATO-Ukraine Council, established in 2023, met in Brussels.",
    ],
)
def test_something_else_founded_is_not_natos_founding(text: str) -> None:
    assert _events(text, "2025-04-25") == []


def test_a_day_after_the_attacks_dates_the_attacks_not_the_invocation() -> None:
    text = "Article 5 is the core of NATO. The only time it has been triggered was after Sept. 11, 2001."
    assert ("2001", "supported") in _events(text, "2024-04-04")


def test_an_article_4_sentence_after_an_article_5_one_counts_article_4() -> None:
    text = (
        "An attack on one is an attack on all under Article 5. Article 4 gets invoked rarely; Turkey alone "
        "invoked it five times between 2003 and 2020."
    )
    assert _events(text, "2025-09-10") == [("five times", "supported")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Poland acceded 1999-03-12, Romania 2004-03-29, the Baltic states 2004-03-29
        ("Poland marks the 25th anniversary of its NATO membership.", [("POL", "supported")]),
        ("Germany congratulated Poland on the 20th anniversary of its NATO membership.", [("POL", "contradicted")]),
        ("NATO marked the 20th anniversary of Romania's accession.", [("ROU", "supported")]),
        (
            "The Baltic states celebrate the 20th anniversary of their accession to NATO.",
            [("EST", "supported"), ("LVA", "supported"), ("LTU", "supported")],
        ),
        (
            "Ministers marked their 25th (Czechia, Hungary) and 15th (Albania) accession anniversaries at NATO.",
            [("CZE", "supported"), ("HUN", "supported"), ("ALB", "supported")],
        ),
    ],
)
def test_an_allys_accession_anniversary(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(c.country, c.verdict) for c in check(text, date="2024-03-12").claims if c.kind == "event_date"]
    assert found == expected


def test_an_accession_anniversary_is_not_natos() -> None:
    # before round 4: "the 25th anniversary of its NATO membership" was NATO's 25th (1974): contradicted
    found = [c for c in check("Poland marks the 25th anniversary of its NATO membership.", date="2024-03-12").claims]
    assert [c.subject for c in found] == ["anniversary:POL"]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Ministers met to mark 75 years since the signing of the North Atlantic Treaty.", "supported"),
        ("It is 74 years since NATO was founded.", "contradicted"),
        ("NATO has served its members since its inception in 1949.", "supported"),
    ],
)
def test_the_alliances_age_since_its_signing_or_inception(text: str, verdict: str) -> None:
    assert [v for _, v in _events(text, "2024-04-04")] == [verdict]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the treaty was signed on 4 April 1949: 75.2 years before 20 June 2024
        ("Over the past 75 years, NATO has played a vital role in safeguarding peace.", "supported"),
        ("The alliance has helped to prevent war in Europe for over 70 years.", "supported"),
        ("NATO has kept the peace for 70 years.", "imprecise"),  # a round duration is a lower bound
        ("NATO has kept the peace for 80 years.", "contradicted"),  # longer than NATO has existed
    ],
)
def test_natos_existence_as_a_duration(text: str, verdict: str) -> None:
    assert [v for _, v in _events(text, "2024-06-20")] == [verdict]


@pytest.mark.parametrize(
    "text",
    [
        "NATO has had peacekeepers in Kosovo for 25 years.",  # a mission somewhere: a country is named
        "NATO has been discussing this reform for 10 years.",  # not its mission
    ],
)
def test_other_durations_are_not_natos_age(text: str) -> None:
    assert _events(text, "2024-06-20") == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # natosim's first Art. 4 request: Türkiye, 10 February 2003
        ("The first time Article 4 was invoked in NATO's history was on February 10.", "supported"),
        ("The first time Article 4 was invoked in NATO's history was on February 12.", "not checkable"),
    ],
)
def test_the_first_request_dated_by_month_and_day(text: str, verdict: str) -> None:
    assert [v for _, v in _events(text, "2022-11-20")] == [verdict]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Since 1949, the Alliance has ensured peace for its members.", "supported"),
        ("Since 1945, NATO has kept the peace in Europe.", "contradicted"),  # the treaty: 4 April 1949
        ("Since 1991, NATO has expanded eastward.", None),  # a later year bounds something else
    ],
)
def test_since_a_year_natos_existence(text: str, verdict: str | None) -> None:
    assert [v for _, v in _events(text, "2024-04-04")] == ([verdict] if verdict else [])
