"""Events and membership: general readings of English added in round 5 (issue 17, r5-events).
Sentences written for these tests in the style of news reports, none copied from the corpus."""

from __future__ import annotations

import pytest

from natosim.engines.claims import check


def _kind(text: str, kind: str, date: str | None = "2024-07-10") -> list[tuple[str, str]]:
    return [(c.text, c.verdict) for c in check(text, date=date).claims if c.kind == kind]


# --- the treaty's signing, dated in any sentence shape -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("On April 4, 1949, twelve governments signed the North Atlantic Treaty in Washington.", "On April 4, 1949"),
        ("It all began on 4 April 1949, when the Washington Treaty was signed.", "on 4 April 1949"),
        (
            "Congress may not leave the North Atlantic Treaty, done at Washington April 4, 1949, by decree.",
            "April 4, 1949",
        ),
        ("Dean Acheson signs the Atlantic defense treaty, April 4, 1949.", "April 4, 1949"),
        ("The Treaty of Washington was signed in April 1949 by the founders.", "in April 1949"),
    ],
)
def test_the_date_of_the_signing_is_read_wherever_it_stands(text: str, quoted: str) -> None:
    assert (quoted, "supported") in _kind(text, "event_date")


def test_a_wrong_date_of_the_signing_is_contradicted() -> None:
    assert ("on 14 April 1949", "contradicted") in _kind(
        "The North Atlantic Treaty was signed on 14 April 1949.", "event_date"
    )


def test_the_day_of_that_year_takes_the_year_of_the_sentence_before() -> None:
    text = "The alliance goes back to 1949. On 4 April of that year, twelve countries signed the North Atlantic Treaty."
    assert ("On 4 April of that year", "supported") in _kind(text, "event_date")
    wrong = "The alliance goes back to 1949. On 18 March of that year, the North Atlantic Treaty was signed."
    assert ("On 18 March of that year", "contradicted") in _kind(wrong, "event_date")


def test_other_acts_on_the_treaty_are_not_its_signing() -> None:
    # an accession protocol and an anniversary dated in a sentence naming the treaty
    assert _kind(
        "On 5 July 2022, the allies signed accession protocols to the North Atlantic Treaty.", "event_date"
    ) == [] or all(
        "signing" not in c.note
        for c in check("On 5 July 2022, the allies signed accession protocols to the North Atlantic Treaty.").claims
    )
    anniversary = "On 4 April 2024 the allies marked the anniversary of the signing of the Washington Treaty."
    assert all("the treaty's signing" not in c.note for c in check(anniversary, date="2024-07-10").claims)


# --- the order of accession ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sweden is now the 32nd member of the alliance.",
        "Sweden has officially become NATO's 32nd member.",
        "Sweden formally joined on Thursday. It became the 32nd member of NATO.",
        "Sweden formally joined on Thursday. The Nordic country is now the 32nd ally.",
        "Sweden became the 32nd member of NATO, a shift to protect the Baltic.",
    ],
)
def test_the_order_of_accession_is_read_after_adverbs_pronouns_and_appositions(text: str) -> None:
    found = [c for c in check(text, date="2024-03-09").claims if c.subject == "accession-order"]
    assert [(c.country, c.verdict) for c in found] == [("SWE", "supported")]


def test_a_wrong_rank_after_a_pronoun_is_contradicted() -> None:
    found = [
        c
        for c in check("Sweden joined. It became the 31st member.", date="2024-03-09").claims
        if c.subject == "accession-order"
    ]
    assert [(c.country, c.verdict) for c in found] == [("SWE", "contradicted")]


def test_a_rank_restricted_by_what_follows_is_not_the_order_of_accession() -> None:
    text = "Croatia became the 14th country to join NATO after the end of the Cold War."
    assert [c for c in check(text, date="2024-03-09").claims if c.subject == "accession-order"] == []


# --- dates with a weekday, and dates that open the sentence ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("On Thursday, 7 March, Sweden officially joined the alliance.", "supported"),
        ("On 7 March, Sweden joined NATO.", "supported"),
        ("On Friday, 8 March, Sweden joined NATO.", "contradicted"),
        ("Sweden joined NATO on Thursday, March 7.", "supported"),
        ("Sweden joined NATO on Thursday (7 March).", "supported"),
    ],
)
def test_an_accession_date_with_a_weekday(text: str, verdict: str) -> None:
    found = [c for c in check(text, date="2024-03-09").claims if c.kind == "event_date"]
    assert [(c.country, c.verdict) for c in found] == [("SWE", verdict)]


def test_a_bracketed_date_is_quoted_closed() -> None:
    found = _kind("Sweden became NATO's newest member on Thursday (7 March 2024), in Washington.", "event_date")
    assert found and found[0][0].endswith("(7 March 2024)")


def test_a_fronted_date_of_another_act_is_not_an_accession() -> None:
    text = "On Monday, 26 February, Hungary's parliament approved Sweden's accession."
    assert _kind(text, "event_date", "2024-03-09") == []


# --- counts that are not the membership ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Denmark and 22 other countries now spend at least 2% of GDP on defence.",
        "Poland, along with 10 other allies, spends more than 2%.",
        "As of this year, 23 member nations have fulfilled the commitment.",
        "So far 20 allies have reached the target.",
    ],
)
def test_some_allies_doing_something_are_not_the_membership(text: str) -> None:
    assert [v for _, v in _kind(text, "member_count")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Germany and the 31 other allies signed the declaration.",
        "All 32 allies have met the target, the summit declared.",
        "The leaders of the 32 NATO nations met in The Hague.",
    ],
)
def test_the_whole_membership_is_still_read(text: str) -> None:
    assert [v for _, v in _kind(text, "member_count")] == ["supported"]


@pytest.mark.parametrize(
    "text",
    [
        "Turkey was the last country among the 31 members of NATO to approve the accession.",
        "Hungary, the last of the alliance's 31 members to ratify, voted on Monday.",
    ],
)
def test_a_count_ranked_for_an_act_is_the_membership_at_that_act(text: str) -> None:
    # the ratifications of Sweden's accession were made by 31 allies, before Sweden joined (7 March 2024)
    found = [c for c in check(text, date="2024-03-09").claims if c.kind == "member_count"]
    assert [c.verdict for c in found] == ["supported"]
    assert "when the act ranked was done" in found[0].note
    # ten years later the count is no longer one at a recent act
    later = [c for c in check(text, date="2034-03-09").claims if c.kind == "member_count"]
    assert [c.verdict for c in later] != ["supported"]


# --- NATO's age told as a span ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted", "verdict"),
    [
        ("For seven decades, this remarkable alliance has kept Europe at peace.", "seven decades", "imprecise"),
        ("The organisation has endured for three quarters of a century.", "three quarters of a century", "supported"),
        ("For more than half a century, NATO has deterred aggression.", "more than half a century", "supported"),
        ("For close to 75 years, our alliance has protected its people.", "close to 75 years", "imprecise"),
        ("NATO has guaranteed peace in Europe for a century.", "a century", "contradicted"),
    ],
)
def test_the_alliance_s_age_told_as_a_span(text: str, quoted: str, verdict: str) -> None:
    # treaty signed 1949-04-04: 75.27 years before 2024-07-10
    assert (quoted, verdict) in _kind(text, "event_date")


def test_a_span_understated_with_nearly_is_imprecise_not_false() -> None:
    assert ("nearly 70 years", "imprecise") in _kind(
        "For nearly 70 years, the alliance has kept the peace.", "event_date"
    )


def test_a_span_of_a_mission_in_a_country_is_not_the_alliance_s_age() -> None:
    assert _kind("For 20 years, NATO has been present in Kosovo.", "event_date") == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Seventy-five years of NATO: a look back at the alliance.", "supported"),
        ("An exhibition on 80 years of the alliance opened in Brussels.", "contradicted"),
        ("Marking 70 years of NATO, the leaders met.", "imprecise"),
    ],
)
def test_n_years_of_nato_is_its_age(text: str, verdict: str) -> None:
    assert [v for _, v in _kind(text, "event_date", "2024-04-05")] == [verdict]


def test_years_of_nato_membership_are_not_the_alliance_s_age() -> None:
    assert _kind("Poland celebrates 25 years of NATO membership.", "event_date", "2024-04-05") == [] or all(
        c.subject != "age:alliance"
        for c in check("Poland celebrates 25 years of NATO membership.", date="2024-04-05").claims
    )


def test_anniversary_forms() -> None:
    assert ("50th-anniversary", "supported") in _kind(
        "In 1999, the alliance held its 50th-anniversary summit.", "event_date"
    )
    text = "The ministers gathered on the 75th anniversary of the founding of NATO."
    assert ("75th anniversary", "supported") in _kind(text, "event_date", "2024-04-05")
    text = "The alliance celebrates 75 years since its creation."
    assert ("alliance celebrates 75 years since its creation", "supported") in _kind(text, "event_date", "2024-04-05")


# --- the founders counted in other words -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted", "verdict"),
    [
        ("The alliance was founded by twelve Western democracies.", "twelve Western democracies", "supported"),
        (
            "Ten European countries signed the North Atlantic Treaty with the US and Canada.",
            "Ten European countries",
            "supported",
        ),
        ("Eleven European nations signed the North Atlantic Treaty.", "Eleven European nations", "contradicted"),
        ("Two North American nations signed the North Atlantic Treaty.", "Two North American nations", "supported"),
        ("NATO was created by Canada and 11 other countries.", "11 other countries", "supported"),
        ("NATO was created by the United States and nine other countries.", "nine other countries", "contradicted"),
        ("A dozen nations founded NATO in 1949.", "A dozen nations", "supported"),
    ],
)
def test_the_founders_counted_in_other_words(text: str, quoted: str, verdict: str) -> None:
    assert (quoted, verdict) in _kind(text, "member_count")


def test_a_named_group_or_the_present_is_not_the_founders() -> None:
    assert _kind("Since 2004, nine Eastern European countries signed the North Atlantic Treaty.", "member_count") == []
    text = "NATO was originally formed of twelve founding members, now with 32 member states."
    assert ("32 member", "supported") in _kind(text, "member_count")


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("After Sweden's accession, 32 states belong to the transatlantic alliance.", "supported"),
        ("Its budget is paid by each of the 32 countries that are members of NATO.", "supported"),
        ("Its budget is paid by each of the 30 countries that are members of NATO.", "contradicted"),
    ],
)
def test_the_membership_named_by_belonging(text: str, verdict: str) -> None:
    assert [v for _, v in _kind(text, "member_count")] == [verdict]


# --- summits named by their place ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "verdict"),
    [
        ("The communiqué was adopted at the close of the NATO summit held in Vilnius.", "2023-07-13", "supported"),
        (
            "Reporters pressed the NATO chief at his end-of-summit news conference in the Lithuanian capital.",
            "2023-07-13",
            "supported",
        ),
        (
            "Allies will raise the NATO target at a summit in the Netherlands later this month.",
            "2025-06-05",
            "supported",
        ),
        ("Allies will raise the NATO target at a summit in Romania later this month.", "2025-06-05", "contradicted"),
        ("The president flies to Vilnius for the annual NATO summit next week.", "2023-07-05", "supported"),
        ("NATO leaders meet at a summit next week in Lithuania.", "2023-07-04", "supported"),
        ("Lithuania will host the 2023 NATO summit.", "2022-12-01", "supported"),
    ],
)
def test_a_summit_named_by_its_place(text: str, date: str, verdict: str) -> None:
    found = [c for c in check(text, date=date).claims if (c.subject or "").startswith("summit:")]
    assert [c.verdict for c in found] == [verdict]


def test_a_place_without_a_summit_near_the_article_gives_no_claim() -> None:
    # natosim holds a Vilnius summit in 2023 only: in 2026 "the summit in Vilnius" is another one, or history
    text = "NATO leaders praised the summit in Vilnius."
    assert [c for c in check(text, date="2026-06-01").claims if (c.subject or "").startswith("summit:")] == []


def test_a_time_of_another_act_does_not_date_the_summit() -> None:
    text = "Last week, NATO's chief said the summit in The Hague had changed the alliance."
    found = [c for c in check(text, date="2025-08-26").claims if (c.subject or "").startswith("summit:")]
    assert [c.verdict for c in found] == ["supported"]


# --- Art. 10's unanimity paraphrased ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Admitting a new country to NATO has to be approved by all existing member states.",
        "Any European state may apply to join NATO, provided all current members agree.",
        "The parliaments of all 32 NATO allies must ratify new applicants.",
        "Enlargement of NATO needs the backing of every single ally.",
        "Any single NATO member can block a candidate's accession.",
        "NATO accession requires the consent of each of the allies.",
    ],
)
def test_unanimity_for_joining_in_other_words(text: str) -> None:
    assert [v for _, v in _kind(text, "legal_threshold")] == ["supported"]


def test_a_majority_for_joining_is_still_contradicted() -> None:
    assert ("two-thirds of the allies", "contradicted") in _kind(
        "A country can join NATO once two-thirds of the allies approve its accession.", "legal_threshold"
    )


def test_a_summit_month_at_the_end_of_the_sentence_is_quoted_without_the_full_stop() -> None:
    found = _kind("Leaders agreed it at a NATO summit in the Hague in June.", "event_date", "2025-08-29")
    assert found == [("summit in the Hague in June", "supported")]


def test_a_count_reached_by_a_change_in_a_spending_sentence_is_not_the_membership() -> None:
    text = "In 2023, ten NATO allies met the 2% target, increasing to 18 countries in 2024."
    assert _kind(text, "member_count", "2025-09-08") == []
    assert ("32 countries", "supported") in _kind(
        "NATO's membership rose to 32 countries in 2024, and most now meet the 2% target.", "member_count", "2025-09-08"
    )


# --- the subject before a relative clause ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Finland, which shares a long border with Russia, joined NATO on April 4, 2023.", "supported"),
        ("Finland, whose army trains with Norway, became a member of NATO in 2023.", "supported"),
        ("Sweden, which borders Norway, joined NATO in 2023.", "contradicted"),
        ("Finland, which borders Russia, joined the alliance in April.", "supported"),
    ],
)
def test_the_joiner_is_the_subject_not_the_country_in_its_relative_clause(text: str, verdict: str) -> None:
    found = [c for c in check(text, date="2023-04-20").claims if c.kind == "event_date"]
    assert [(c.country, c.verdict) for c in found] == [(text.split(",")[0][:3].upper(), verdict)] or [
        (c.country, c.verdict) for c in found
    ] == [("FIN" if text.startswith("Finland") else "SWE", verdict)]


def test_a_rank_said_of_the_subject_before_a_relative_clause() -> None:
    found = [
        c
        for c in check("Finland, which borders Russia, became the 31st member of NATO.", date="2023-04-20").claims
        if c.subject == "accession-order"
    ]
    assert [(c.country, c.verdict) for c in found] == [("FIN", "supported")]


def test_a_span_with_a_demonym_is_still_the_alliance_s_age() -> None:
    text = "For more than half a century, NATO has been vital to American and European security."
    assert ("more than half a century", "supported") in _kind(text, "event_date")


def test_a_summit_s_relative_time_is_not_taken_from_another_act_s_year() -> None:
    text = "The NATO target, agreed in 2014, will rise at a summit in the Netherlands later this month."
    found = [c for c in check(text, date="2025-06-09").claims if (c.subject or "").startswith("summit:")]
    assert [c.verdict for c in found] == ["supported"]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Since joining NATO in 2004, Lithuania has hosted allied troops.", "supported"),
        ("After joining the alliance in 2023, Sweden sent jets to the Baltic.", "contradicted"),
    ],
)
def test_since_joining_dates_the_subject_that_follows(text: str, verdict: str) -> None:
    found = [c for c in check(text, date="2025-07-01").claims if c.kind == "event_date"]
    assert [c.verdict for c in found] == [verdict]
    assert _kind("Since joining the EU in 2004, Lithuania has grown.", "event_date", "2025-07-01") == []


def test_accession_told_with_last_month_and_ranks_set_off_by_dashes() -> None:
    assert [v for _, v in _kind("Sweden, which joined NATO last March, sent troops.", "event_date", "2025-07-01")] == [
        "supported"
    ]
    found = [c for c in check("Sweden — NATO's 32nd member — sent troops.", date="2025-07-01").claims]
    assert [(c.text, c.verdict) for c in found if c.subject == "accession-order"] == [
        ("Sweden — NATO's 32nd member", "supported")
    ]


def test_a_count_that_makes_up_nato_is_the_membership() -> None:
    assert _kind("Today 32 countries make up NATO.", "member_count", "2025-07-01") == [("32 countries", "supported")]
    assert _kind("Today 30 countries make up NATO.", "member_count", "2025-07-01") == [("30 countries", "contradicted")]


@pytest.mark.parametrize(
    "text",
    [
        "Some 30 countries signed the declaration in 2024, NATO said.",
        "NATO allies signed a defence pact in 2023.",
        "The allies signed new accession protocols in 2022, the alliance said.",
    ],
)
def test_another_document_signed_is_not_the_founding(text: str) -> None:
    assert [c for c in check(text, date="2025-07-01").claims if c.subject == "founding"] == []


def test_the_treaty_signed_in_a_wrong_year_is_still_contradicted() -> None:
    assert ("signed in 1950", "contradicted") in _kind("The North Atlantic Treaty was signed in 1950.", "event_date")


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # 12 founders in force 1949-08-24; 30 allies on 2022-04-10 (18 joined since); 2004: 7 joined that year
        ("Since its founding in 1949, 18 more nations have joined the alliance.", "supported"),
        ("Since its creation, 20 more countries have joined NATO.", "contradicted"),
        ("NATO has added 18 members since 1949.", "supported"),
        ("Since 2004, four more countries have joined NATO.", "supported"),
        ("Since 2004, eleven more countries have joined NATO.", "supported"),
        ("Since 2004, six more countries have joined NATO.", "contradicted"),
    ],
)
def test_allies_joined_since_a_point(text: str, verdict: str) -> None:
    found = [c for c in check(text, date="2022-04-10").claims if c.subject == "joined-since"]
    assert [c.verdict for c in found] == [verdict]


def test_allies_joined_without_a_point_are_not_counted() -> None:
    assert [
        c
        for c in check("Eighteen more nations have joined NATO.", date="2022-04-10").claims
        if c.subject == "joined-since"
    ] == []


def test_the_allies_flags_count_the_membership_at_the_article_date() -> None:
    assert _kind("At NATO headquarters, 31 flags flying together mark the day.", "member_count", "2023-04-04") == [
        ("31 flags flying", "supported")
    ]
    assert _kind("Now 30 flags fly outside NATO headquarters.", "member_count", "2023-04-04") == [
        ("30 flags fly", "contradicted")
    ]
    assert _kind("Until today, 30 flags stood outside NATO headquarters.", "member_count", "2023-04-04") == []
    assert _kind("Fans waved 31 flags at the NATO-themed match.", "member_count", "2023-04-04") == []
