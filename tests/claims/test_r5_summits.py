"""NATO summits by place, days, length and host (issue 17, round 5, r5-summits): a summit named by
its city or host country without a year is the one held there nearest the article; its days and
length are judged against the days NATO announced (rules/parameters/events.yaml); an earlier summit
in Europe disproves "the first time a European city hosts". Sentences written for these tests."""

from __future__ import annotations

import pytest

from natosim import rules
from natosim.engines.claims import check


def _summits(text: str, date: str | None = "2025-06-20") -> list[tuple[str, str]]:
    return [(c.text, c.verdict) for c in check(text, date=date).claims if c.kind == "event_date"]


def test_every_summit_holds_its_days_host_and_source() -> None:
    held = {s.id: s for s in rules.events().summits}
    hague, washington, brussels = held["hague-2025"], held["washington-2024"], held["brussels-2021"]
    assert (hague.first.isoformat(), hague.last.isoformat(), hague.days, hague.host) == (
        "2025-06-24",
        "2025-06-25",
        2,
        "NLD",
    )
    assert (washington.days, brussels.days) == (3, 1)
    assert all(s.url.startswith("http") and s.publisher and s.confidence for s in held.values())
    assert {"madrid-2022", "warsaw-2016", "london-2019", "brussels-2018", "vilnius-2023"} <= set(held)


@pytest.mark.parametrize(
    "text",
    [
        "Alliance leaders will gather at a NATO summit in the Netherlands later this month.",
        "The prime minister flies to The Hague next week for the annual NATO summit meeting.",
        "Ministers finished the text before the NATO summit held in The Hague.",
    ],
)
def test_a_summit_named_by_its_place_without_a_year_is_the_one_held_there(text: str) -> None:
    assert [v for _, v in _summits(text)] == ["supported"]


def test_a_summit_place_without_an_article_date_is_the_only_one_held_there() -> None:
    assert [v for _, v in _summits("NATO's summit in Vilnius drew 40 leaders.", date=None)] == ["supported"]
    # Washington hosted two summits: without a date or a year, its days are not judged
    assert _summits("NATO's summit in Washington on 9-11 July drew 40 leaders.", date=None) in (
        [],
        [("summit in Washington", "supported")],
    )


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("NATO heads of government meet in The Hague on 24 and 25 June.", "supported"),
        ("The NATO summit in The Hague takes place June 24-25, 2025.", "supported"),
        ("The NATO summit in The Hague is scheduled for 24 to 26 June.", "contradicted"),
        ("NATO leaders open a two-day summit starting June 21 in The Hague.", "contradicted"),
        # leaders dine on the eve: a start one day early is imprecise, not false
        ("NATO's summit in Madrid took place on 28-30 June 2022.", "imprecise"),
    ],
)
def test_the_days_written_are_judged_against_the_days_held(text: str, verdict: str) -> None:
    # the claim that quotes the days (the place alone may be another claim, events.py's)
    assert [v for t, v in _summits(text) if any(ch.isdigit() for ch in t)] == [verdict]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "Allied leaders met at a NATO summit in The Hague. The two-day gathering ended with a short text.",
            "supported",
        ),
        (
            "Allied leaders met at a NATO summit in The Hague. The three-day meeting ended with a short text.",
            "contradicted",
        ),
        # Washington 2024 ran three days (9-11 July): "two-day" counts its main days only
        ("NATO allies came to the Washington summit in July 2024 for a two-day meeting.", "imprecise"),
    ],
)
def test_a_length_is_judged_against_the_summit_spoken_of(text: str, verdict: str) -> None:
    got = _summits(text, date="2025-06-26" if "Hague" in text else "2024-07-12")
    assert [v for _, v in got][-1] == verdict


def test_a_meeting_of_ministers_is_not_a_summit() -> None:
    text = "NATO defence ministers met in Brussels for a three-day meeting of defence ministers."
    assert _summits(text, date="2025-06-05") == []


def test_another_bodys_summit_is_not_natos() -> None:
    assert _summits("NATO watched as the EU summit in Brussels lasted three days.", date="2021-06-20") == []


def test_a_place_naming_no_summit_held_near_the_article_is_another_summit() -> None:
    # Vilnius hosted in 2023, two years before the article: not The Hague summit of the week
    assert _summits("NATO leaders recalled the three-day summit in Vilnius.", date="2025-06-24") == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("For the first time, a European city will host the NATO summit.", "contradicted"),
        ("For the first time ever, a Spanish city hosts the NATO summit.", "contradicted"),
    ],
)
def test_a_first_host_is_false_when_an_earlier_summit_was_held_there(text: str, verdict: str) -> None:
    assert [v for _, v in _summits(text)] == [verdict]


def test_a_first_host_natosim_cannot_disprove_is_not_judged() -> None:
    # natosim holds no earlier Dutch summit, but it does not hold every summit: not judged
    assert _summits("For the first time, a Dutch city will host the NATO summit.") == []


def test_a_weekday_of_the_summit_week_is_dated_from_the_article() -> None:
    text = "THE HAGUE - NATO allies agreed on Wednesday to raise their spending target."
    assert [v for _, v in _summits(text, date="2025-06-26")] == ["supported"]


def test_the_same_year_is_the_year_of_the_sentence_before() -> None:
    text = "Russia annexed Crimea in 2014. At a NATO summit in Wales the same year, leaders set a spending goal."
    assert ("At a NATO summit in Wales the same year", "supported") not in _summits(text)
    assert any(t.startswith("summit in Wales") and v == "supported" for t, v in _summits(text))


def test_a_summit_natosim_now_holds_is_judged_by_its_year_and_place() -> None:
    assert _summits("Leaders met again at the NATO summit in 2019 in London.", "2020-01-10") == [
        ("summit in 2019 in London", "supported")
    ]


def test_a_relative_time_without_the_article_date_is_not_judged() -> None:
    assert _summits("Leaders met at the NATO summit in Vilnius last July.", date=None) == []
    assert [v for _, v in _summits("Leaders met at the NATO summit in Vilnius last July.", "2024-03-01")] == [
        "supported"
    ]


def test_the_year_written_picks_the_citys_summit() -> None:
    # Washington hosted in 1999 and 2024: the year in the sentence names the 1999 summit, not the nearest one
    found = [
        c
        for c in check("In 1999, NATO's 50th-anniversary summit was held in Washington.", date="2024-01-24").claims
        if c.kind == "event_date" and "Washington" in c.text
    ]
    assert [(c.text, c.verdict, c.year) for c in found] == [("summit was held in Washington", "supported", 1999)]


def test_ministers_meeting_after_a_summit_is_not_the_summit() -> None:
    text = (
        "Allied leaders met at a NATO summit in Brussels in June 2021. "
        "Defence ministers met in Brussels for a two-day meeting on 5 June."
    )
    assert [t for t, _ in _summits(text, date="2021-06-20")] == ["summit in Brussels in June 2021"]
