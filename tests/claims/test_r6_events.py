"""Event dates read in round 6 (issue 17, r6-events): an ally's standing (founder, newest), member-list rows,
accessions counted from another, the founding told in other words, "N years on", undated Art. 4 requests.
Sentences written for these tests, none copied from the corpus; verdicts asserted against natosim's data."""

from __future__ import annotations

import pytest

from natosim.engines.claims import check


def _events(text: str, date: str | None = "2024-05-20") -> list[tuple[str, str | None, str]]:
    return [(c.text, c.country, c.verdict) for c in check(text, date=date).claims if c.kind == "event_date"]


# --- founders ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "verdict"),
    [
        ("Denmark is a founding member of NATO and hosts the exercise.", "DNK", "supported"),
        ("Portugal, a small Atlantic state, was one of NATO's original signatories.", "PRT", "supported"),
        ("Spain is a founding member of NATO, the minister claimed.", "ESP", "contradicted"),
        ("Turkey, which borders Syria, is one of the founding members of the alliance.", "TUR", "contradicted"),
    ],
)
def test_a_founding_member_is_checked_against_the_founders(text: str, country: str, verdict: str) -> None:
    assert [(c, v) for _, c, v in _events(text)] == [(country, verdict)]


def test_a_founder_of_another_body_or_an_object_is_not_read() -> None:
    assert _events("Italy is a founding member of the European Union, and of NATO too.") == []
    assert _events("Joining the original signatories of NATO were Greece and Turkey.") == []
    assert _events("Spain was never a founding member of NATO.") == []


# --- the newest member ------------------------------------------------------------------------------------


def test_the_newest_member_is_judged_at_the_article_date() -> None:
    assert _events("Sweden is now the newest member of NATO.") == [
        ("Sweden is now the newest member", "SWE", "supported")
    ]
    assert _events("Finland is the newest member of NATO.", date="2024-05-20") == [
        ("Finland is the newest member", "FIN", "contradicted")
    ]
    assert _events("Finland is the newest member of NATO.", date="2023-06-01") == [
        ("Finland is the newest member", "FIN", "supported")
    ]


def test_an_ordinal_counts_accessions_from_the_latest() -> None:
    found = _events("NATO's second-newest member, Finland, shares a long border with Russia.")
    assert found == [("second-newest member, Finland", "FIN", "supported")]
    found = _events("NATO's second-newest member, Montenegro, joined some years ago.")
    assert [v for _, _, v in found] == ["contradicted"]


def test_the_newest_member_needs_a_date() -> None:
    assert [v for _, _, v in _events("Sweden is the newest member of NATO.", date=None)] == ["not checkable"]


def test_a_year_stated_places_the_newest_member() -> None:
    # Montenegro (June 2017) was the newest at the end of 2018; North Macedonia (March 2020) was by the end of 2020
    assert [v for _, _, v in _events("Montenegro was NATO's newest member in 2018, officials said.")] == ["supported"]
    assert [v for _, _, v in _events("Montenegro was NATO's latest addition in 2020, officials said.")] == [
        "contradicted"
    ]


# --- a member list of bare rows ---------------------------------------------------------------------------


def test_rows_of_a_member_list_are_accessions_once_the_list_agrees() -> None:
    text = "NATO's members and when they joined\n\nBelgium 1949\n\nGreece 1952\n\nPortugal 1949\n\nSpain 1986\n\n"
    text += "Hungary 1999"
    found = _events(text)
    assert ("Belgium 1949", "BEL", "supported") in found
    assert ("Greece 1952", "GRC", "supported") in found
    assert ("Spain 1986", "ESP", "contradicted") in found  # Spain joined in 1982
    assert ("Hungary 1999", "HUN", "supported") in found


def test_a_wrong_row_before_the_list_agrees_is_not_called_false() -> None:
    found = _events("Allies of NATO\n\nSpain 1986\n\nBelgium 1949")
    assert all(country != "ESP" for _, country, _ in found)


# --- an accession counted from another --------------------------------------------------------------------


def test_an_accession_n_years_later_counts_from_the_year_before() -> None:
    text = "Poland and Hungary joined NATO in 1999, and Slovenia became a member five years later."
    assert ("Slovenia became a member five years later", "SVN", "supported") in _events(text)
    text = "Poland and Hungary joined NATO in 1999, and Slovenia became a member three years later."
    assert ("Slovenia became a member three years later", "SVN", "contradicted") in _events(text)


# --- the founding told in other words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("In 1949, ten European states and two North American ones founded the North Atlantic alliance.", "supported"),
        ("In 1949, diplomats of twelve nations gathered to sign the North Atlantic Treaty.", "supported"),
        ("In 1951, diplomats of twelve nations gathered to sign the North Atlantic Treaty.", "contradicted"),
    ],
)
def test_a_leading_date_dates_the_founding_act(text: str, verdict: str) -> None:
    assert [v for _, _, v in _events(text)] == [verdict]


def test_an_accession_told_as_signing_the_treaty_is_not_the_founding() -> None:
    assert all(
        v != "contradicted" for _, _, v in _events("In 1952, Greece and Turkey signed the North Atlantic Treaty.")
    )


def test_a_pronoun_is_nato_only_when_the_date_is_the_founding() -> None:
    text = "NATO is a defensive pact. It was set up on April 4, 1949 in Washington."
    assert [v for _, _, v in _events(text)] == ["supported"]
    text = "NATO works with many bodies. It was set up on June 5, 1961 in Paris."
    assert [v for _, _, v in _events(text)] == ["not checkable"]


def test_the_founding_day_without_its_year() -> None:
    assert _events("The alliance was founded on 4 April, in Washington.") == [
        ("The alliance was founded on 4 April", None, "supported")
    ]
    assert [v for _, _, v in _events("NATO was founded on April 9, in Washington.")] == ["contradicted"]
    text = "The treaty was signed in 1949 in Washington, the North Atlantic Treaty on April 4 of that year."
    assert ("Treaty on April 4 of that year", None, "supported") in _events(text)


def test_n_years_on_is_the_alliance_age_at_the_article_date() -> None:
    text = "The alliance, 50 years on, still guards Europe's security."
    assert _events(text, date="2024-05-20") == [("50 years on", None, "contradicted")]
    assert _events(text, date="1999-06-01") == [("50 years on", None, "supported")]
    # another event the years could be counted from: not read
    assert _events("The alliance, 30 years on from the fall of the Wall, still guards Europe.", date="2019-11-09") == []


def test_years_since_the_foundation() -> None:
    text = "It is 75 years since the foundation of NATO."
    assert [v for _, _, v in _events(text, date="2024-06-01")] == ["supported"]
    assert [v for _, _, v in _events(text, date="2019-06-01")] == ["contradicted"]


# --- undated Art. 4 requests by a named ally --------------------------------------------------------------


def test_an_ally_that_asked_for_article_4_consultations() -> None:
    assert _events("Lithuania has triggered NATO's Article 4 before, diplomats recall.") == [
        ("Lithuania has triggered NATO's Article 4", "LTU", "supported")
    ]
    found = _events("Romania and Slovakia have both invoked Article 4 of the treaty.")
    assert [(c, v) for _, c, v in found] == [("ROU", "supported"), ("SVK", "supported")]


def test_an_ally_that_never_asked_is_contradicted_only_within_the_record() -> None:
    assert [v for _, _, v in _events("Norway has invoked Article 4, the report says.", date="2024-05-20")] == [
        "contradicted"
    ]
    # after the last request held, a new one may simply be missing
    assert [v for _, _, v in _events("Norway has invoked Article 4, the report says.", date="2040-01-01")] == [
        "not checkable"
    ]
    assert _events("Norway has never invoked Article 4.") == []
    assert _events("Norway could invoke Article 4 soon.") == []


# --- accessions by decade, and NATO as the subject of an accession ----------------------------------------


def test_a_decade_of_joining_is_checked_for_each_ally_of_the_list() -> None:
    found = _events("Greece, Turkey and West Germany joined NATO as tensions grew in the 1950s.")
    assert [(c, v) for _, c, v in found] == [("GRC", "supported"), ("TUR", "supported"), ("DEU", "supported")]
    assert [v for _, _, v in _events("Spain joined the alliance in the late 1980s.")] == ["contradicted"]
    assert [v for _, _, v in _events("Spain joined the alliance in the early 1980s.")] == ["supported"]


def test_nato_admitting_allies_dates_their_accession() -> None:
    found = _events("In 2009, NATO formally admitted Albania and Croatia.")
    assert [(c, v) for _, c, v in found] == [("ALB", "supported"), ("HRV", "supported")]
    assert [(c, v) for _, c, v in _events("The alliance took in the Baltic states in 2003.")] == [
        ("EST", "contradicted"),
        ("LVA", "contradicted"),
        ("LTU", "contradicted"),
    ]
    # "welcomed" may be an invitation's welcome: a year that is not the accession's is left unread
    assert _events("NATO welcomed Finland in 2022, at the Madrid summit.") == []
    assert _events("NATO welcomed Finland's application in 2022.") == []


# --- an age reached at a time named relative to the article's date ----------------------------------------


def test_turning_n_on_a_weekday_is_the_birthday_in_that_week() -> None:
    # the article of Tuesday 2 April 2024: the 75th birthday (4 April) is on Thursday
    assert _events("NATO turns 75 on Thursday, with a ceremony in Brussels.", date="2024-04-02") == [
        ("NATO turns 75 on Thursday", None, "supported")
    ]
    assert _events("The alliance turns 75 this week.", date="2024-04-02") == [
        ("alliance turns 75 this week", None, "supported")
    ]
    assert [v for _, _, v in _events("NATO turns 80 on Thursday.", date="2024-04-02")] == ["contradicted"]


# --- a count of invocations quoted with its verb -----------------------------------------------------------


def test_a_count_of_invocations_is_quoted_with_its_verb() -> None:
    assert _events("Article 5 has only been invoked once in the history of the alliance.") == [
        ("has only been invoked once", None, "supported")
    ]


# --- a summit named by its month alone --------------------------------------------------------------------


def test_a_summit_named_by_its_month_alone_is_the_one_held_within_a_year() -> None:
    # the Brussels summit of 25 May 2017, before an article of August 2017
    text = "The president was criticised at a NATO summit in May for his remarks."
    assert _events(text, date="2017-08-01") == [("a NATO summit in May", None, "supported")]
    # no held summit in March within a year: natosim may lack it, so no claim
    assert _events("The president was criticised at a NATO summit in March for his remarks.", date="2017-08-01") == []
    # a future verb looks ahead: the Washington summit of July 2024
    assert _events("Leaders will gather at their summit in July.", date="2024-03-01") == [
        ("their summit in July", None, "supported")
    ]


# --- later allies of a sentence of accessions, and how long NATO has lasted --------------------------------


def test_later_allies_dated_by_their_own_year_after_one_verb_of_joining() -> None:
    found = _events("Poland and Hungary joined in 1999, followed by Slovakia in 2004 and Croatia in 2010.")
    assert ("Slovakia in 2004", "SVK", "supported") in found
    assert ("Croatia in 2010", "HRV", "contradicted") in found
    found = _events("Spain joined in 1982, while Greece and Turkey did so in 1952.")
    assert [(c, v) for _, c, v in found if c in ("GRC", "TUR")] == [("GRC", "supported"), ("TUR", "supported")]
    # another act, or another event after "after": no accession read
    assert all(c != "FIN" for _, c, _ in _events("Sweden joined in 2024, two years after Finland in 2022."))
    assert all(c != "SWE" for _, c, _ in _events("Finland joined in 2023, while Sweden applied in 2022."))


def test_how_long_nato_has_lasted() -> None:
    # the day before the 75th birthday: "75 years" holds
    assert _events("Having lasted for 75 years, NATO is the longest-lived alliance.", date="2024-04-03") == [
        ("75 years", None, "supported")
    ]
    assert [v for _, _, v in _events("NATO has lasted for 60 years.", date="2024-04-03")] == ["contradicted"]


def test_a_century_of_joining_by_thirds() -> None:
    assert [v for _, _, v in _events("Romania joined the alliance in the early 21st century.")] == ["supported"]
    assert [v for _, _, v in _events("Portugal joined the alliance in the early 21st century.")] == ["contradicted"]
    assert [v for _, _, v in _events("Spain joined NATO in the mid to late 20th century.")] == ["supported"]
