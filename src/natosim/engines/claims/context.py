"""The reading context of one sentence: the article's date, the years and countries it names, and
a helper that turns a finding into a ``Claim`` with offsets in the original text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import NamedTuple, cast

from natosim.engines.claims.article import Sentence
from natosim.engines.claims.gazetteer import Mention, mentions
from natosim.engines.claims.model import VERDICTS, Claim, Evidence, Verdict, YearSource
from natosim.engines.claims.numbers import Quantity, quantities, words_to_number

#: a year in a sentence (not the year of a stored page's leading date line, "date 2017-02 ...")
YEAR = re.compile(r"(?<![\w.,$€£-])(?<!date )(19[4-9]\d|20[0-4]\d)(?![\w%]|\.\d|,\d{3})")
#: the twelve month names, for patterns that take a month written out in full
MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
#: a month as the press writes it, in full or abbreviated ("Jan", "Sept")
MONTH_OR_ABBREVIATION = MONTH_NAMES + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
#: the days of the week, capitalised as written
WEEKDAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
MONTH_YEAR = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?({_MONTHS})\.?\s+(?:(\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?"
    r"(19[4-9]\d|20[0-4]\d)\b",
    re.IGNORECASE,
)
_MONTH_NUMBER = {
    name: index
    for index, names in enumerate(
        [
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ],
        start=1,
    )
    for name in names.split()
}


def month_number(name: str) -> int:
    return _MONTH_NUMBER[name.casefold().rstrip(".")]


#: same-length spellings news sites use, read as the finders' patterns expect: British "Nato",
#: typographic apostrophes and quotes, non-breaking and thin spaces. Each replacement keeps the
#: length, so every offset still maps to the original text (claims quote the text as published).
_SAME_LENGTH = (
    (re.compile(r"\bNato\b"), "NATO"),
    (re.compile(r"[\u2019\u2018\u02bc]"), "'"),
    (re.compile(r"[\u201c\u201d\u201e]"), '"'),
    (re.compile(r"[\u00a0\u2009\u202f\u2007]"), " "),
)


def normalise(text: str) -> str:
    """``text`` with news spellings made regular, character for character (same length)."""
    for pattern, replacement in _SAME_LENGTH:
        text = pattern.sub(replacement, text)
    return text


_UNRESOLVED_YEAR = re.compile(
    r"\b(?:the (?:following|next|previous|preceding|same) year|that year|a year (?:later|earlier|before)|"
    r"the year (?:after|before))\b"
)
#: "five years ago", "a decade ago", "two decades ago"
_YEARS_AGO = re.compile(
    r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(years?|decades?)\s+ago\b"
)
#: a clause that brings in an earlier figure: its year dates that figure, not the one before it
_EARLIER_CLAUSE = re.compile(
    r"\b(?:up|down|rising|risen|falling|fallen)\s+from\b|\bcompared (?:to|with)\b|\bfrom (?:just|only)\b", re.IGNORECASE
)


def _count_of(word: str) -> float | None:
    return float(word) if word.isdigit() else words_to_number(word)


@dataclass
class ArticleContext:
    """What the reader knows beyond one sentence: the article's date and the latest country named."""

    date: dt.date | None
    edition: str
    #: the edition was chosen by the caller (``check(edition=...)``), not inferred from the date
    edition_pinned: bool = False
    last_country: Mention | None = None
    last_paragraph: int = -1
    last_year: int | None = None
    #: the article mentions NATO/the alliance somewhere (a topic for sentences that do not repeat it)
    about_nato: bool = False
    #: an earlier sentence stated defence spending as a share of GDP (a country's, a count's or a
    #: target's): later bare percentages said of a country are read as the same measure
    spending_topic: bool = False
    #: the % of GDP target the article stated last ("the 2% target"): what "the target" means later
    last_target: float | None = None
    #: the year of a table of % of GDP figures whose header was just read ("... for 2024, as a
    #: percentage of their GDP:"), while its rows follow
    table_year: int | None = None
    #: topics read so far ("constitution:UKR"), for sentences that continue a story
    topics: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    #: the allies the latest sentence listing two or more named ("Bulgaria, Estonia, ... and Slovenia"),
    #: for a next sentence that says "These nations joined ..."
    listed_allies: list[str] = field(default_factory=list)
    #: the year the latest sentence stating exactly one year wrote, and its paragraph, for a next sentence
    #: that says "In that year, Poland ... joined"
    event_year: tuple[int, int] | None = None
    #: rows of a member list ("Italy 1949") read so far whose year was the ally's accession: a list that agrees
    #: with natosim is one of accessions, so a row that does not is a false claim (``standing``)
    accession_rows: int = 0


_PAST = re.compile(r"\b(?:did|met|had|were|was|reached|spent|hit)\b")


class YearChoice(NamedTuple):
    """The year a figure is about, how it was chosen (words for the note) and its typed source
    (``model.YearSource``: what ``abstain`` and ``evidence`` read, never the words)."""

    year: int | None
    how: str
    source: YearSource | None


@dataclass
class SentenceView:
    """One sentence with its quantities, years and countries, read once and shared by all finders."""

    sentence: Sentence
    context: ArticleContext

    def __post_init__(self) -> None:
        text = normalise(self.sentence.text)
        self.text = text
        self.lower = text.casefold()
        self.years = [(int(m.group(1)), m.start(1), m.end(1)) for m in YEAR.finditer(text)]
        year_spans = {(start, end) for _, start, end in self.years}
        self.quantities: list[Quantity] = [
            q
            for q in quantities(text)
            if not any(start <= q.start and q.end <= end for start, end in year_spans)
            and not (q.is_word and q.value == 1 and q.text.casefold() in {"a", "an", "one"})
        ]
        self.countries: list[Mention] = mentions(text)

    def claim(
        self,
        *,
        kind: str,
        start: int,
        end: int,
        value: float | int | str | None,
        verdict: str,
        evidence: list[Evidence] | tuple[Evidence, ...] = (),
        expected: float | int | str | None = None,
        qualifier: str | None = None,
        unit: str | None = None,
        country: str | None = None,
        year: int | None = None,
        subject: str | None = None,
        note: str = "",
        year_source: YearSource | None = None,
    ) -> Claim:
        if verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {verdict!r}")
        start = max(0, start)
        end = min(len(self.text), max(end, start + 1))
        if self.text.count("(", start, end) > self.text.count(")", start, end) and self.text[end : end + 1] == ")":
            # "on Thursday (7 March 2024)": a claim that opens a bracket quotes it closed
            end += 1
        return Claim(
            kind=kind,
            text=self.sentence.text[start:end],
            sentence=self.sentence.text,
            span=self.sentence.original_span(start, end),
            sentence_span=(self.sentence.start, self.sentence.end),
            value=value,
            verdict=cast(Verdict, verdict),
            evidence=tuple(evidence),
            expected=expected,
            qualifier=qualifier,
            unit=unit,
            country=country,
            year=year,
            subject=subject,
            note=note,
            year_source=year_source if year is not None else None,
        )

    def country_near(self, position: int, *, window: int = 120, exclude: set[str] | None = None) -> Mention | None:
        """The country named closest before ``position`` (else just after it), within ``window`` chars."""
        before = [
            m
            for m in self.countries
            if m.end <= position and position - m.end <= window and (exclude is None or m.iso3 not in exclude)
        ]
        if before:
            return before[-1]
        after = [
            m
            for m in self.countries
            if m.start >= position and m.start - position <= 40 and (exclude is None or m.iso3 not in exclude)
        ]
        return after[0] if after else None

    def subject_of(self, mention: Mention | None, verb_at: int) -> Mention | None:
        """The country that does what the verb at ``verb_at`` says: the one named before a relative clause
        set off by commas when ``mention`` stands inside it ("Finland, which shares a border with Russia,
        joined NATO in 2023": Finland joined, not Russia)."""
        if mention is None or not re.fullmatch(r",\s*(?:\w+ly\s+)?", self.text[mention.end : verb_at]):
            return mention
        for earlier in reversed([m for m in self.countries if m.end <= mention.start]):
            if re.match(r",\s+(?:which|who|whose|a country that|a nation that)\b", self.text[earlier.end :]):
                return earlier
        return mention

    def year_near(self, position: int, *, carry: bool = True) -> YearChoice:
        """The year a figure at ``position`` is about, and how it was found.

        Prefers a year in the sentence (closest, after "in"/"for"/"by" or a possessive), then
        relative years ("last year") against the article date, then the year carried from the
        previous sentence of the paragraph, then the article's year. The one place a year's typed
        source is decided (``YearChoice.source``); finders that fall back to the latest year held
        say "inferred".
        """
        date = self.context.date
        relative = [m for m in re.finditer(r"\b(last|this|next|previous|past)\s+year\b", self.lower)]
        ago = [m for m in _YEARS_AGO.finditer(self.lower) if _count_of(m.group(1)) is not None]
        candidates: list[tuple[float, int | None, str, YearSource]] = []
        for year, start, _ in self.years:
            # a deadline ("by 2027") dates only the figure right before it ("2.5% by 2027")
            if (
                re.search(
                    r"\b(?:by|until|before|no later than)\s+(?:the end of\s+)?$",
                    self.text[max(0, start - 25) : start],
                    re.IGNORECASE,
                )
                and not 0 <= start - position <= 40
                # "By 2024, 23 of the 32 allies did": a sentence opening on a past year, no deadline
                and not (start <= 4 and self.text[start + 4 : start + 5] == "," and _PAST.search(self.lower))
            ):
                continue
            # a year after the figure reads closer than one before it ("3.3% in 2023"); "up from three in
            # 2014" after a comma belongs to another clause
            clause_break = bool(re.search(r"[,;(—–]", self.text[min(start, position) : max(start, position)]))
            # "18 countries will spend 2%, up from just three in 2014": the earlier figure's year
            if start > position and _EARLIER_CLAUSE.search(self.text[position:start]):
                continue
            candidates.append(
                (
                    abs(start - position) + (0 if start > position else 5) + (40 if clause_break else 0),
                    year,
                    "stated",
                    "stated",
                )
            )
        for match in re.finditer(r"\b(?:now|currently|today|at present)\b", self.lower):
            if 0 <= position - match.end() <= 40:
                candidates.append(
                    (0.0, date.year if date else None, f"'{match.group(0)}' from the article date", "relative")
                )
        for match in relative:
            offset = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[match.group(1)]
            candidates.append(
                (
                    abs(match.start() - position),
                    date.year + offset if date else None,
                    f"'{match.group(0)}' from the article date",
                    "relative",
                )
            )
        for match in ago:  # "five years ago", "a decade ago"
            back = int(_count_of(match.group(1)) or 0) * (10 if match.group(2).startswith("decade") else 1)
            candidates.append(
                (
                    abs(match.start() - position),
                    date.year - back if date else None,
                    f"'{match.group(0)}' from the article date",
                    "relative",
                )
            )
        if not candidates and _UNRESOLVED_YEAR.search(self.lower):
            return YearChoice(None, "a year relative to another ('the following year'), not resolved", None)
        usable = [c for c in candidates if c[1] is not None]
        if usable:
            _, chosen, how, source = min(usable, key=lambda c: c[0])
            return YearChoice(chosen, how, source)
        if self.context.table_year is not None:
            return YearChoice(self.context.table_year, "stated in the table's header", "stated")
        present = bool(
            self.context.last_year is not None
            and (date is None or self.context.last_year < date.year - 1)
            and re.search(
                r"\b(?:is|are|has|have|spends?|pays?|meets?|exceeds?|falls?|lags?|trails?|devotes?|allocates?|"
                r"remains|stands|now|currently|today)\b",
                self.lower,
            )
            and not re.search(r"\b(?:was|were|had|spent|stood)\b", self.lower)
        )
        if present and date is not None:
            # "... peaking at 1.86 percent in 2020. Türkiye, with 2.09 percent, has met the target": the
            # present tense speaks of the article's day, not the past year of the sentence before
            return YearChoice(date.year, "article date", "article date")
        if present:
            # the same without the article's date: the present is not the past year of the sentence before
            return YearChoice(None, "present tense (no year stated, no article date)", None)
        if carry and self.context.last_year is not None and self.context.last_paragraph == self.sentence.paragraph:
            return YearChoice(self.context.last_year, "carried from the previous sentence", "carried")
        if (
            carry
            and self.context.last_year is not None
            and self.context.last_paragraph == self.sentence.paragraph - 1
            and (date is None or self.context.last_year < date.year)
        ):
            # a list or a follow-up in the next paragraph ("... in 2022. // The other six leaders are ...")
            return YearChoice(self.context.last_year, "carried from the previous paragraph", "carried")
        if date is not None:
            return YearChoice(date.year, "article date", "article date")
        return YearChoice(None, "not stated", None)


def between(text: str, start: int, end: int) -> str:
    return text[max(0, start) : max(0, end)]
