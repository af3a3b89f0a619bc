"""Round 6: the article's date inferred from its own text when no date is given or printed
(``engines/claims/dating.py``, used by ``check``). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from natosim.engines.claims.article import read
from natosim.engines.claims.check import check, detect_date
from natosim.engines.claims.dating import InferredDate, infer_date

HORIZON = dt.date(2025, 9, 19)


def _window(text: str) -> InferredDate | None:
    return infer_date(read(text), HORIZON)


def test_latest_past_year_is_the_lower_bound_not_a_target_year() -> None:
    found = _window(
        "Ministers agreed in 2014 to move towards 2% by 2024. In 2019, nine allies met the guideline. "
        "The 2030 target is far off."
    )
    assert found is not None
    assert found.earliest == dt.date(2019, 1, 1) and found.latest == HORIZON and not found.bounded
    assert found.earliest < found.estimate < found.latest
    assert "2019" in found.evidence[0]


def test_a_sentence_about_the_future_dates_nothing() -> None:
    found = _window("Spending rose by a tenth in 2021. Berlin says it will spend 3% of output in 2029.")
    assert found is not None and found.earliest == dt.date(2021, 1, 1)


def test_a_full_date_reported_as_past_is_the_estimate() -> None:
    found = _window("The envoys met on 3 February 2022 and agreed nothing.")
    assert found is not None and found.earliest == found.estimate == dt.date(2022, 2, 3)


def test_an_event_still_to_come_bounds_the_window_above() -> None:
    found = _window("Budgets grew in 2021. Leaders will meet at the upcoming summit in June 2023 to review them.")
    assert found is not None and found.bounded
    assert (found.earliest, found.latest) == (dt.date(2021, 1, 1), dt.date(2023, 6, 30))
    assert any("still to come" in item for item in found.evidence)


def test_no_past_year_no_window() -> None:
    assert _window("The alliance has a Secretary General and a council of ambassadors.") is None


def test_a_claim_true_on_the_inferred_date_is_supported_with_a_note() -> None:
    result = check("The alliance, which Finland entered in April 2023, now counts 31 members.")
    assert result.date_source == "inferred from the text"
    assert result.date_inferred is not None and result.date_inferred.earliest == dt.date(2023, 4, 1)
    assert result.date == result.date_inferred.estimate
    count = next(c for c in result.claims if c.kind == "member_count")
    assert count.value == 31 and count.verdict == "supported"
    assert "inferred from its text" in count.note and "April 2023" in count.note
    data = result.to_dict()
    assert data["date_source"] == "inferred from the text"
    assert data["date_inferred"]["earliest"] == "2023-04-01" and data["date_inferred"]["evidence"]


def test_a_claim_false_on_the_estimate_but_true_later_in_the_window_is_not_checkable() -> None:
    # most likely 2020-01 (29 allies), but the window runs on to natosim's last date (30, then 32)
    result = check("Spending across Europe rose sharply in 2019. NATO has 30 members.")
    count = next(c for c in result.claims if c.kind == "member_count")
    # round 6 (r6-verdicts): a membership of some day in the window is supported for that period
    # (abstain.membership_of_some_day), which the note names; the inferred date does not overrule it
    assert count.verdict == "supported"
    assert "NATO had 30 allies from 2020-03-27 to 2023-04-03" in count.note


def test_a_claim_false_on_every_date_of_the_window_is_contradicted() -> None:
    result = check("Spending across Europe rose sharply in 2021. Today NATO has 25 members.")
    count = next(c for c in result.claims if c.kind == "member_count")
    assert count.verdict == "contradicted" and count.expected == 32


def test_a_printed_or_given_date_wins_over_an_inferred_one() -> None:
    text = "Spending across Europe rose sharply in 2019. NATO has 30 members."
    given = check(text, date="2021-05-01")
    assert given.date_source == "given" and given.date_inferred is None
    assert next(c for c in given.claims if c.kind == "member_count").verdict == "supported"
    printed = check("Published 12 May 2021\n" + text)
    assert printed.date_source == "dateline" and printed.date == dt.date(2021, 5, 12)
    assert printed.date_inferred is None


def test_inferred_date_is_a_result() -> None:
    found = _window("In 2022 the council met twice.")
    assert found is not None
    assert found.summary["earliest"] == dt.date(2022, 1, 1)
    assert list(found.to_frame()["evidence"]) == list(found.evidence)


def test_detect_date_unchanged_for_a_page_without_a_dateline() -> None:
    assert detect_date(read("Spending across Europe rose sharply in 2019.")) == (None, "none")


def test_detect_date_reads_a_slash_date_only_when_its_order_is_certain() -> None:
    assert detect_date(read("PUBLICATION DATE: 23/11/2020\nThe ministers met again.")) == (
        dt.date(2020, 11, 23),
        "dateline",
    )
    assert detect_date(read("09:41 - 14/05/2021 Friday\nThe ministers met again.")) == (
        dt.date(2021, 5, 14),
        "dateline",
    )
    assert detect_date(read("Posted 05/04/2021\nThe ministers met again.")) == (None, "none")  # May or April


def test_detect_date_needs_the_date_right_after_the_dateline_word() -> None:
    text = "A statement published on its website recalled that the country joined on Feb. 18, 1952, with a neighbour."
    assert detect_date(read(text)) == (None, "none")
    timeline = "* Jan 3, 1996 - The largest operation to date starts in support of the peace deal."
    assert detect_date(read(timeline)) == (None, "none")
    assert detect_date(read("Last updated: Wednesday, 14 July 2021\nThe ministers met.")) == (
        dt.date(2021, 7, 14),
        "dateline",
    )
    assert detect_date(read("2021-07-14 09:12 update: 2021-07-15, 10:00\nThe ministers met.")) == (
        dt.date(2021, 7, 14),
        "dateline",
    )
