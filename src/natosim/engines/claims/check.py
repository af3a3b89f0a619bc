"""``check(text)``: find the checkable claims in a news text and verify each against natosim.

The article's date matters (which NATO edition a journalist could read, how many allies there
were, how old a war is): it is taken from ``date=`` when given, else from the page's metadata
(HTML) or a dateline ("Published 12 July 2024"), else left unknown and each claim says what it
assumed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Literal, cast

from natosim import rules
from natosim.data import Dataset, as_of_date, editions, load
from natosim.data.query import check_edition
from natosim.engines.claims import abstain as abstain_rules
from natosim.engines.claims import dating, facts, lists, restated, spending
from natosim.engines.claims.abstain import abstain
from natosim.engines.claims.article import MAX_ARTICLE_CHARACTERS, NewsArticle, read
from natosim.engines.claims.context import MONTH_YEAR, ArticleContext, SentenceView, month_number, normalise
from natosim.engines.claims.kinds import finders
from natosim.engines.claims.model import CheckResult, Claim, ClaimsInputError
from natosim.errors import UnknownEdition

#: a wire dateline before the date: "OTTAWA, ", "WASHINGTON (AP) — ", "BRUSSELS (Reuters) - "
_WIRE_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,30}(?:\s*\([A-Za-z. ]{1,20}\))?\s*(?:,|[—–-])\s*$")
_DATELINE = re.compile(
    r"\b(?:published|updated|posted|last updated|date|first published|date of publication)\s*(?:on|:)?\s*",
    re.IGNORECASE,
)
#: a date written day/month/year or month/day/year ("27/12/2021", "12/27/2021"): read only when one of
#: the first two numbers is above 12, so that the order is not in doubt
_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(19[5-9]\d|20[0-4]\d)(?![\d/])")
_ABOUT_NATO = re.compile(r"\b(?:NATO|North Atlantic|[Aa]lliance|Article 5)\b")
#: an ISO date, alone or starting an ISO datetime ("2024-07-09", "2024-07-09T10:42:00Z")
#: a date written day.month.year ("28.08.2025"), as European pages print their datelines
_DOTTED_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(19[5-9]\d|20[0-4]\d)(?![\d.])")
#: a stored page's leading date line giving the month only: "date 2017-02"
_DATE_MONTH = re.compile(r"^\s*date\s+(19[5-9]\d|20[0-4]\d)-(0[1-9]|1[0-2])(?![-\d])", re.IGNORECASE)
_ISO_DATE = re.compile(r"\b(19[5-9]\d|20[0-4]\d)-(\d{2})-(\d{2})(?!\d)")

#: kinds whose stated year carries to the next sentence of the paragraph ("In 2023 the US spent
#: 3.4%. Germany spent 1.6%." — both about 2023)
_CARRIES_YEAR = {"spending_pct_gdp", "spending_money", "alliance_total", "allies_meeting_target"}

#: kinds after which a bare "2.1 per cent" said of a country reads as defence spending (% of GDP)
_SETS_SPENDING_TOPIC = {"spending_pct_gdp", "allies_meeting_target", "alliance_total", "pledge_value"}

#: the header of a table of % of GDP figures ("Here are the defence expenditures for 2024, as a
#: percentage of their GDP:")
_TABLE_HEADER = re.compile(
    r"\b(?:GDP|gross domestic product)\b[^.]{0,40}:\s*$|\b(?:per ?cent|percentage)\b[^.]{0,40}:\s*$", re.I
)

#: a list's header in an article already about spending ("A breakdown, based on 2016 figures provided by
#: NATO:", "Here is how the allies rank for 2024:")
_LIST_HEADER = re.compile(
    r"\b(?:figures|breakdown|estimates|data|ranking|rank|list|table|how (?:the|each|every)\b[^.]{0,30})\b"
    r"[^.]{0,60}:\s*$"
    # "Here is a list of how much was spent ... in 2023 as a proportion of their national GDP, ranked ..."
    r"|^\W*(?:here (?:is|are)|below (?:is|are)|the following (?:is|are))\b[^.]{0,40}\b(?:list|breakdown|ranking|"
    r"table|figures)\b[^:]{0,160}$",
    re.I,
)

#: finders in priority order (from the registry of claim kinds): a quantity taken by one is not read
#: again by the next
FINDERS = finders()


def parse_article_date(value: str | dt.date | dt.datetime | None) -> dt.date | None:
    """A date from ``YYYY-MM-DD`` (or a date object); ``ClaimsInputError`` otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError as error:
        raise ClaimsInputError(
            f"invalid date {value!r}: give the article's date as YYYY-MM-DD", field="date"
        ) from error


def _labelled(line: str, start: int) -> bool:
    """The date at ``start`` follows a dateline word at once ("Published: 12 June 2024", "Updated on
    Wednesday, 12 June 2024"), not a "published" or "to date" earlier in a sentence that merely
    mentions a date ("... a message published on social media ... since joining on Feb. 18, 1952")."""
    return any(start - 12 <= m.end() <= start for m in _DATELINE.finditer(line[: start + 1]))


def _slash_date(line: str) -> dt.date | None:
    """A day/month/year (or month/day/year) date on a line that is little more than the date and a
    time ("10:08 - 28/03/2023"), or after a dateline word ("DATE OF PUBLICATION: 27/12/2021")."""
    match = _SLASH_DATE.search(line)
    if match is None:
        return None
    rest = line[: match.start()] + line[match.end() :]
    if not (_labelled(line, match.start()) or len(re.findall(r"[A-Za-z]{3,}", rest)) <= 2):
        return None
    first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        return None  # 03/04/2024: March or April, the page does not say
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def detect_date(article: NewsArticle) -> tuple[dt.date | None, str]:
    """The article's date from HTML metadata or a dateline near the top or bottom of the text."""
    source = article.original
    if article.input_format == "html":
        try:
            from trafilatura import extract_metadata

            # only dates the page states (meta tags, JSON-LD, time elements): no guessing from
            # copyright lines or URLs, which htmldate's extensive search would do
            metadata = extract_metadata(source, date_config={"extensive_search": False, "original_date": True})
            found = getattr(metadata, "date", None) if metadata is not None else None
            if found:
                return dt.date.fromisoformat(str(found)[:10]), "page metadata"
        except Exception:  # metadata is a convenience: an unreadable page simply has no date
            pass
    lines = [line for line in source.splitlines() if line.strip()]
    for line in lines[:12] + lines[-6:]:
        wire = MONTH_YEAR.search(line[:60])
        if wire and (wire.group(1) or wire.group(3)) and _WIRE_DATELINE.match(line[: wire.start()]):
            # a wire dateline opening the first paragraph: "OTTAWA, June 9, 2025 — ..."
            try:
                day = int(wire.group(1) or wire.group(3))
                return dt.date(int(wire.group(4)), month_number(wire.group(2)), day), "dateline"
            except ValueError:
                pass
        if len(line) > 200 and not _DATELINE.search(line[:40]):
            continue
        dotted = _DOTTED_DATE.match(line)
        if dotted and len(line.strip()) <= len(dotted.group(0)) + 12:
            # a European dateline on its own line: "28.08.2025 18:30"
            try:
                return dt.date(int(dotted.group(3)), int(dotted.group(2)), int(dotted.group(1))), "dateline"
            except ValueError:
                pass
        slashed = _slash_date(line)
        if slashed is not None:
            return slashed, "dateline"
        month_only = _DATE_MONTH.match(line)
        if month_only:
            # a stored page's date line with the month only ("date 2017-02"): its first day, so that the
            # edition of the article's day is never one published later in the month
            try:
                return dt.date(int(month_only.group(1)), int(month_only.group(2)), 1), "dateline"
            except ValueError:
                pass
        iso = _ISO_DATE.search(line)
        # "Published 2024-07-09", or a line that is the date itself ("2024-07-09T10:42:00Z")
        alone = iso is not None and (
            len(line.strip()) <= len(iso.group(0)) + 20
            # a line opening with the date, then a time or an update ("2023-03-21 21:58 update: 2023-03-22")
            or (iso.start() <= 2 and len(re.findall(r"[A-Za-z]{3,}", line)) <= 3)
        )
        if iso and (_labelled(line, iso.start()) or alone):
            try:
                return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))), "dateline"
            except ValueError:
                continue
        match = MONTH_YEAR.search(line)
        # a dateline: "Published ..." or a line that is little more than the date ("July 9, 2024 10:42 AM")
        rest = (line[: match.start()] + line[match.end() :]) if match else ""
        bare = len(re.findall(r"[A-Za-z]{3,}", rest)) <= 4
        if match and (_labelled(line, match.start()) or bare) and (match.group(1) or match.group(3)):
            try:
                day = int(match.group(1) or match.group(3))
                return dt.date(int(match.group(4)), month_number(match.group(2)), day), "dateline"
            except ValueError:
                continue
    return None, "none"


def _overlaps(a: Claim, b: Claim) -> bool:
    return a.span[0] < b.span[1] and b.span[0] < a.span[1]


def check(
    text: str | bytes,
    *,
    date: str | dt.date | None = None,
    edition: str | None = None,
    max_characters: int = MAX_ARTICLE_CHARACTERS,
    dataset: Dataset | None = None,
    as_of: str | dt.date | None = None,
) -> CheckResult:
    """Find and verify the claims in ``text`` (plain text or HTML; str or UTF-8 bytes).

    ``date`` is the article's date (YYYY-MM-DD); ``edition`` pins a NATO edition ("YYYY-MM")
    instead of the one published last before the date. Empty input gives an empty result; binary
    or oversized input raises ``ClaimsInputError`` (a ``NatosimError``); ``max_characters`` raises
    or lowers the limit on the article's text (400,000 characters by default). ``dataset`` (default:
    the bundled data and any imported release) is the data the claims are checked against;
    ``as_of`` keeps only the editions published by that date (as if checked on that day).
    """
    cutoff = None if as_of is None else as_of_date(as_of)
    with facts.scope(dataset, cutoff):
        return _check(text, date, edition, max_characters, dataset or load(), cutoff)


def _check(
    text: str | bytes,
    date: str | dt.date | None,
    edition: str | None,
    max_characters: int,
    dataset: Dataset,
    cutoff: dt.date | None,
) -> CheckResult:
    day = parse_article_date(date)
    if not isinstance(max_characters, int) or max_characters < 1:
        raise ClaimsInputError(
            f"max_characters must be a positive whole number, not {max_characters!r}", field="max_characters"
        )
    article = read(text, max_characters=max_characters)
    date_source = "given" if day else "none"
    if day is None and article.sentences:
        day, date_source = detect_date(article)
    if edition is not None and edition not in editions(dataset=dataset):
        raise UnknownEdition(
            f"unknown edition {edition!r}; available: {', '.join(editions(dataset=dataset))}", field="edition"
        )
    check_edition(dataset, edition, cutoff)
    inferred = dating.infer_date(article, _horizon()) if day is None and article.sentences else None
    if inferred is None:
        claims, chosen = _read_claims(article, day, edition)
    else:
        claims, chosen = _over_window(article, inferred, edition)
        day, date_source = inferred.estimate, "inferred from the text"
    return CheckResult(
        claims=claims,
        input_format=cast(Literal["text", "html", "empty"], article.input_format),
        date=day,
        characters=len(article.original),
        sentences=len(article.sentences),
        removed=article.removed,
        date_source=date_source,
        edition=chosen,
        date_inferred=inferred,
    )


def _read_claims(article: NewsArticle, day: dt.date | None, edition: str | None) -> tuple[list[Claim], str]:
    """Every claim of ``article`` judged as of ``day`` (None: the article's date is unknown), and the
    NATO edition its figures were compared with."""
    chosen = edition or facts.edition_at(day)  # among the editions published by as_of (facts.scope)
    context = ArticleContext(
        last_target=facts.headline_target(day),
        date=day,
        edition=chosen,
        edition_pinned=edition is not None,
        about_nato=any(_ABOUT_NATO.search(normalise(s.text)) for s in article.sentences),
    )
    claims: list[Claim] = []
    before: list[str] = []  # the three sentences before this one (a measure named once, then used)
    table_header = ""  # a list's header names the measure of every row under it ("... as a proportion of GDP")
    found_before: list[Claim] = []  # the previous sentence's claims (a list may continue its count)
    for sentence in article.sentences:
        if len(sentence.text) > 5000:  # a "sentence" this long is a table or a dump, not prose
            continue
        view = SentenceView(sentence, context)
        used: set[int] = set()
        found: list[Claim] = []
        for finder in FINDERS:
            for claim in finder(view, used):
                # one claim per quantity and kind (finders may read the same figure); a figure said of
                # several allies ("Latvia, Lithuania and Estonia all spend over 3%") is one claim each
                if not any(
                    _overlaps(claim, other) and claim.kind == other.kind and claim.country == other.country
                    for other in found
                ):
                    found.append(claim)
        # allies listed with a count (here or in the sentence before) or an ordinal: one claim per ally
        found = lists.find_continued(view, found, found_before, " ".join(before))
        found_before = found
        if sentence.text.rstrip(" \"'”’)").endswith("?"):
            found = []  # a question asserts nothing ("Could a president leave NATO on his own?")
        read_before = " ".join([table_header, *before]) if context.table_year is not None else " ".join(before)
        here = [restated.whatever_the_year(abstain(claim, day, read_before), view) for claim in found]
        here += restated.referred_back(view, claims, here)
        claims.extend(sorted(here, key=lambda c: c.span))
        before = [*before[-2:], sentence.text]
        if any(c.kind in _SETS_SPENDING_TOPIC and c.unit != "US$ current" for c in found):
            context.spending_topic = True
        # a percentage merely near target words ("averages 2.71% of GDP, exceeding the target") is no target
        targets = [
            c.value
            for c in found
            if c.kind == "pledge_value"
            and c.unit == "% of GDP"
            and (c.verdict != "not checkable" or c.value in facts.pledge_targets())
        ] + [
            float(m.group(1))
            for c in found
            if c.kind == "allies_meeting_target" and (m := re.search(r"(\d+(?:\.\d+)?)% of GDP", c.unit or ""))
        ]
        if targets and isinstance(targets[-1], int | float):
            context.last_target = float(targets[-1])
        if view.countries:
            context.last_country = view.countries[-1]
        header = _TABLE_HEADER.search(view.text) or (context.spending_topic and _LIST_HEADER.search(view.text))
        if header and view.years:
            context.table_year, context.spending_topic = view.years[-1][0], True
            table_header = view.text
        elif not (context.table_year is not None and spending.TABLE_ROW.match(view.text)) and view.quantities:
            # a sentence with figures of its own ends the list; one without ("All data comes from the latest
            # NATO annual report.") does not
            context.table_year = None
        if sentence.paragraph != context.last_paragraph:
            context.last_year = None
        stated = [c.year for c in found if c.kind in _CARRIES_YEAR and c.year is not None and c.year_source == "stated"]
        if stated:
            context.last_year = stated[-1]
        context.last_paragraph = sentence.paragraph
    return claims, chosen


def _horizon() -> dt.date:
    """The last date natosim's data reach (the latest edition published, Article 4 or 5 request,
    summit or event recorded, within ``as_of``): the open upper end of a window of dates inferred from
    an article's text (an article may report the latest thing natosim knows)."""
    invocations = rules.invocations()
    known = [
        *facts.edition_dates().values(),
        *(item.date for item in [*invocations.article_4, *invocations.article_5]),
        *(item.date for item in rules.events().events),
    ]
    cutoff = facts.as_of()
    return max(day for day in known if cutoff is None or day <= cutoff)


def _window_dates(inferred: dating.InferredDate) -> list[dt.date]:
    """The dates of the window at which a verdict may change: its ends, every edition published and
    every accession deposited inside it, and the first day of each year (a year's figures and the
    article's "this year" turn over then), latest first (where a claim true today is found true soonest)."""
    inside = {inferred.earliest, inferred.latest}
    inside |= {d for d in facts.edition_dates().values() if inferred.earliest <= d <= inferred.latest}
    inside |= {
        d
        for iso3 in facts.members_on(None)
        if (d := facts.accession_date(iso3)) is not None and inferred.earliest <= d <= inferred.latest
    }
    inside |= {dt.date(y, 1, 1) for y in range(inferred.earliest.year + 1, inferred.latest.year + 1)}
    return sorted(inside - {inferred.estimate}, reverse=True)


def _stands_undated(claim: Claim) -> bool:
    """A verdict reached without any date that holds whatever the date: true, or false about a year the
    sentence states (the reading for an unknown date compares it with every edition)."""
    return claim.verdict in ("supported", "imprecise") or (False)


def _key(claim: Claim) -> tuple[str, tuple[int, int], str | None]:
    return claim.kind, claim.span, claim.country


def _over_window(article: NewsArticle, inferred: dating.InferredDate, edition: str | None) -> tuple[list[Claim], str]:
    """The claims of an undated article: each judged as for an unknown date first; where that reading gives
    up for lack of a date, judged again on the date inferred from the text.

    Why: a date read from the text is a range, not a day. A claim true on the window's most likely day is
    reported true (with a note saying the date was inferred and from what); calling a claim false needs
    it to be false on every date of the window (its ends, and each edition, accession and new year in
    it), since the article may have been written on any of them; otherwise it stays "not checkable"."""
    undated, chosen = _read_claims(article, None, edition)
    estimated = {_key(c): c for c in _read_claims(article, inferred.estimate, edition)[0]}
    # a verdict given for lack of a date (true on some day the article may date from) is judged again too
    given_up = {_key(c) for c in undated if c.verdict == "not checkable" or c.note.startswith(abstain_rules.SOME_DAY)}
    given_up |= estimated.keys() - {_key(c) for c in undated}  # found only once a date is known
    doubtful = {key for key in given_up if key in estimated and estimated[key].verdict == "contradicted"}
    rescued: dict[tuple[str, tuple[int, int], str | None], tuple[dt.date, Claim | None]] = {}
    for other_day in _window_dates(inferred) if doubtful else []:
        others = {_key(c): c for c in _read_claims(article, other_day, edition)[0]}
        for key in doubtful - rescued.keys():
            other = others.get(key)
            if other is None or other.verdict != "contradicted":
                rescued[key] = (other_day, other)
        if rescued.keys() >= doubtful:
            break
    where = inferred.describe()
    undated_by_key = {_key(c): c for c in undated}
    judged: list[Claim] = []
    # reading order: the undated claims, then those found only once a date is known (a stable sort by span)
    for key in [*undated_by_key, *(k for k in estimated if k not in undated_by_key)]:
        before = undated_by_key.get(key)
        kept = before if before is not None else estimated[key]
        if key not in given_up or key not in estimated:
            judged.append(kept)
            continue
        claim = estimated[key]
        if key in rescued and kept.note.startswith(abstain_rules.SOME_DAY):
            claim = kept  # false on the likeliest day, true on another: the undated reading already says when
        elif key in rescued:
            other_day, other = rescued[key]
            then = "not found" if other is None else other.verdict
            claim = replace(
                kept,
                verdict="not checkable",
                note=f"false as of {inferred.estimate.isoformat()} but {then} as of {other_day.isoformat()}, and "
                f"{where}; {kept.note}",
            )
        elif claim.verdict != "not checkable":
            claim = replace(claim, note=f"{claim.note}; {where}" if claim.note else where)
        else:
            claim = kept
        judged.append(claim)
    return sorted(judged, key=lambda c: c.span), chosen
