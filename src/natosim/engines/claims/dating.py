"""When was an article written, judging by its own words? A window of plausible dates and the
evidence it rests on, for the many pages that print no date (``check.detect_date`` finds none).

Why this reading holds on unseen text: news is written after what it reports. The latest year (or
month, or day) an article states as past or present — "spent 2.1% in 2023", "Finland joined in April
2023", "on 11 July 2024" — is a lower bound on its date. Years of targets, plans and forecasts ("by
2035", "the 2030 goal", "will reach 3% in 2027") say nothing about when the article was written and
are left out. An upper bound exists only where the text announces a dated event as still to come ("the
summit to be held in July 2025", "the upcoming summit in June 2025"); otherwise the window stays open
up to the last date natosim's data reach. The most likely date is the lower bound itself, moved on by
a few months when only the year is known (an article naming 2024 as its latest year is most often
written in 2024 or early 2025).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from natosim.engines.claims.article import NewsArticle
from natosim.engines.claims.context import MONTH_YEAR, YEAR, month_number, normalise
from natosim.results import ResultMixin

if TYPE_CHECKING:
    import pandas as pd

#: how far past the start of the latest year stated the most likely date lies, when only a year is
#: known (calibrated on the development batches 1-36: the median article naming year Y as its latest
#: past or present year was published in the second half of Y)
YEAR_ONLY_OFFSET_DAYS = 365

#: a year that is a deadline, a target or the end of a period ("by 2035", "until 2030", "to 2027",
#: "through 2028", "before 2030", "ahead of 2026", "in time for 2025"), read from the words before it
_TARGET_BEFORE = re.compile(
    r"(?:\b(?:by|until|till|through|thru|up to|towards?|before|ahead of|in time for|into|deadline|target|"
    r"goal|aim|aims|plan|plans|budget|fiscal|FY|projected|forecast|expected|beyond|the end of|end of|"
    r"starting|effective|(?:targets?|goals?|objectives?|aims?|deadlines?)\s+(?:for|of|in))"
    r"(?:\s+(?:the\s+)?(?:end|middle|start|beginning|close)\s+of)?\s+(?:(?:early|mid|late)[- ])?"
    r"(?:(?:[A-Z][a-z]+\.?|\d{1,2})\s+){0,2})$",
    re.IGNORECASE,
)
#: a year followed by a word that makes it a target or a plan's name ("the 2030 target", "2035 goal",
#: "Vision 2030", "the 2025 budget")
_TARGET_AFTER = re.compile(
    r"^\s*(?:-|–)?\s*(?:target|goal|deadline|benchmark|objective|budget|plan|agenda|strategy|vision|"
    r"compass|horizon|aim|pledge|commitment|timeline|timeframe|time frame|horizon|fiscal|financial year|"
    r"onwards?|and beyond|elections?|presidential|(?:Republican|Democratic) (?:primar|nomination|race)\w*|"
    r"race|campaign|National Defen[cs]e|NDAA|(?:NATO )?summit|(?:-|–|/)\d{2}\b)",
    re.IGNORECASE,
)
#: future or conditional wording shortly before a year: the year is one still to come ("will reach 2%
#: in 2027", "is set to spend ... in 2026", "plans to ... in 2029")
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|'ll|going to|set to|due to|plans? to|planned|planning|aims? to|intends? to|"
    r"expects?|expected|projected|forecasts?|forecasted|scheduled|upcoming|forthcoming|next|could|should|"
    r"may|might|hopes? to|pledged? to|promised? to|committed to|commits? to|wants? to|seeks? to|"
    r"proposed|proposes?|would be|is to|are to|from now)\b[^.;:!?]{0,60}$",
    re.IGNORECASE,
)
#: wording that makes a whole sentence about the future or a plan: none of its years dates the article
#: ("Germany will spend 2% in 2025", "The allies are expected to reach the goal in 2026")
_FUTURE_SENTENCE = re.compile(
    r"\b(?:will|would|shall|won't|'ll|going to|set to|plans?|planned|planning|aims?|expect(?:s|ed)?|"
    r"projects?|projected|projections?|forecasts?|forecasted|estimates? for|pledge[sd]? to|"
    r"promised? to|commit(?:s|ted)? to|agreed to|agreement to|agree to|vowed to|increase to|achieve|"
    r"intends?|hopes?|should|could|must|needs? to|on (?:track|course)|"
    r"deadline|by the end of|in the coming|next year|outlook|scenario)\b",
    re.IGNORECASE,
)
#: a dated event announced as still to come: its date is an upper bound on the article's
_SCHEDULED = re.compile(
    r"\b(?:upcoming|forthcoming|next|(?:will|to) be held|(?:is|are) scheduled|(?:is|are) due to (?:be held|take "
    r"place|meet|convene)|will (?:meet|gather|convene|take place|host))\b[^.;:!?]{0,60}$",
    re.IGNORECASE,
)
#: words of a spending target: a year after them is the target's, not an event's
_SPENDING = re.compile(r"\b(?:targets?|goals?|spend\w*|GDP|budget)\b|%", re.IGNORECASE)
#: a year in a title of a stored page, a URL or a file name (".../2025/06/..."): no statement
_IN_PATH = re.compile(r"[/_]\s*$")


@dataclass(frozen=True, repr=False)
class InferredDate(ResultMixin):
    """The window of dates an article was plausibly written in, read from its content.

    ``earliest`` comes from the latest past or present date the text states, ``latest`` from a dated
    event it announces (or, without one, the last date natosim's data reach), ``estimate`` is the most
    likely date; ``evidence`` says what each bound rests on (the words as written)."""

    title: ClassVar[str] = "Article date inferred from its text"

    estimate: dt.date
    earliest: dt.date
    latest: dt.date
    evidence: tuple[str, ...]
    #: True when the upper end was read in the text, False when it is only natosim's data horizon
    bounded: bool = False

    @property
    def summary(self) -> dict[str, Any]:
        return {
            "estimate": self.estimate,
            "earliest": self.earliest,
            "latest": self.latest,
            "bounded": self.bounded,
            "evidence": list(self.evidence),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "estimate": self.estimate.isoformat(),
            "earliest": self.earliest.isoformat(),
            "latest": self.latest.isoformat(),
            "bounded": self.bounded,
            "evidence": list(self.evidence),
        }

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame({"evidence": list(self.evidence)}, columns=["evidence"])

    def describe(self) -> str:
        """One line for a claim's note: the date assumed and what it rests on."""
        upper = f"{self.latest.isoformat()}" if self.bounded else f"{self.latest.isoformat()} (natosim's data)"
        rests = "; ".join(self.evidence[:2])
        return (
            f"the article's date is not printed: inferred from its text as about {self.estimate.isoformat()} "
            f"(window {self.earliest.isoformat()} to {upper}; {rests})"
        )


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _quote(text: str, start: int, end: int) -> str:
    """The words around a date, whole words only, as the note quotes them."""
    left = text.rfind(" ", 0, max(0, start - 30)) + 1 if start > 30 else 0
    right = text.find(" ", end + 10)
    return " ".join(text[left : right if right > 0 else len(text)].split())


def _is_target(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 80) : start]
    return bool(
        _TARGET_BEFORE.search(before)
        or _TARGET_AFTER.match(text[end : end + 30])
        or _FUTURE_BEFORE.search(before)
        or _IN_PATH.search(before)
        # a plan's or a programme's name: "NATO 2030", "Agenda 2030"
        or re.search(r"\b(?:NATO|Agenda|Vision|Strategy|Horizon|Plan|Compass)\s*$", before)
    )


def infer_date(article: NewsArticle, horizon: dt.date) -> InferredDate | None:
    """The window the article was plausibly written in, or None when its text states no past year.

    ``horizon`` is the last date natosim's data reach: the open upper end of the window."""
    lower: tuple[dt.date, bool, str] | None = None  # the date, whether only its year is known, the words
    upper: tuple[dt.date, str] | None = None
    for sentence in article.sentences:
        text = normalise(sentence.text)
        if len(text) > 5000:  # a table or a dump, not prose
            continue
        future = bool(_FUTURE_SENTENCE.search(text))
        dated: list[tuple[int, int]] = []
        for match in MONTH_YEAR.finditer(text):
            year, month = int(match.group(4)), month_number(match.group(2))
            day_text = match.group(1) or match.group(3)
            dated.append(match.span())
            before = text[max(0, match.start() - 80) : match.start()]
            if _SCHEDULED.search(before) and not _SPENDING.search(before):
                end = _month_end(year, month)
                if upper is None or end < upper[0]:
                    upper = (end, f"'{_quote(text, *match.span())}' (an event still to come)")
                continue
            if future or _is_target(text, *match.span()):
                continue
            try:
                day = dt.date(year, month, int(day_text)) if day_text else dt.date(year, month, 1)
            except ValueError:
                continue
            if lower is None or day > lower[0]:
                lower = (day, not day_text, f"'{_quote(text, *match.span())}' (the latest date stated as past)")
        for match in YEAR.finditer(text):
            if any(start <= match.start() < end for start, end in dated):
                continue
            year = int(match.group(1))
            before = text[max(0, match.start() - 80) : match.start()]
            if _SCHEDULED.search(before) and not _SPENDING.search(before):
                end = dt.date(year, 12, 31)
                if upper is None or end < upper[0]:
                    upper = (end, f"'{_quote(text, *match.span())}' (an event still to come)")
                continue
            if future or _is_target(text, *match.span()):
                continue
            day = dt.date(year, 1, 1)
            if lower is None or day > lower[0]:
                lower = (day, True, f"'{_quote(text, *match.span())}' (the latest year stated as past or present)")
    if lower is None:
        return None
    earliest, vague, why = lower
    evidence = [why]
    latest, bounded = max(horizon, earliest), False
    if upper is not None and upper[0] >= earliest:
        latest, bounded = upper[0], True
        evidence.append(upper[1])
    if not vague:
        estimate = earliest
    elif earliest.month == 1 and earliest.day == 1 and "latest year" in why:
        estimate = earliest + dt.timedelta(days=YEAR_ONLY_OFFSET_DAYS)
    else:  # a month: what the article reports happened in it, so the article is of its end at the earliest
        estimate = _month_end(earliest.year, earliest.month)
    return InferredDate(
        estimate=min(estimate, latest), earliest=earliest, latest=latest, evidence=tuple(evidence), bounded=bounded
    )
