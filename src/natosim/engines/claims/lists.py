"""Allies named in a list, each judged against its own NATO figure (one claim per ally).

Reporters name the allies that meet (or miss) a target in a list that grammar ties to something said
elsewhere: to a count in the sentence ("only five member countries ... contribute 2 percent of their
GDP to NATO: Greece, Estonia, ..."), to a count in the sentence before ("Only five of NATO's 29
members spend 2 per cent. The countries that do are the U.S., the U.K., ..."), or to an ordinal
("the sixth NATO member, alongside the United States, ..., to hit the benchmark"). Each reading here
is a reading of English list grammar, not of one sentence:

* list joiners are commas, "and", "&", "as well as", "alongside", "along with", "together with",
  "followed by" and "plus"; a relative clause (", which is by far the largest contributor,") or a
  bracketed aside after a name does not end the list;
* a list continues a count when the next sentence opens with the count's noun phrase taken up again
  ("These countries are", "The countries that do are", "Those that did were", "They are", "The others
  were"): each ally meets (or misses) the count's threshold, for the count's year when it wrote one;
* a list after a colon or dash closing the clause of a count is the count's allies.

Nothing here guesses a threshold: it is the count's own (from its claim), or the percentage written
in the sentence, or the target the article stated last (``ArticleContext.last_target``).
"""

from __future__ import annotations

import dataclasses
import re

from natosim.engines.claims import facts, spending
from natosim.engines.claims.context import SentenceView, YearChoice, normalise
from natosim.engines.claims.gazetteer import Mention
from natosim.engines.claims.model import Claim
from natosim.engines.claims.numbers import Quantity
from natosim.engines.claims.pledges import TARGET_NOUN

#: words between two names of a list: "A, B", "A and B", "A, as well as B", "A alongside B"
_JOIN = re.compile(
    r"\s*(?:,|,?\s+(?:and|&|as well as|alongside|along with|together with|followed by|plus))\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?",
    re.IGNORECASE,
)
#: an aside after a name that does not end the list: ", which is by far the largest contributor,"
#: (the joiner after it may then be a bare comma's absence: "..., alongside Poland") or "(3.4%)"
_ASIDE = re.compile(r"\s*(?:,\s*(?:which|who|whose)\b[^,;:.()]{1,80},|\([^()]{0,40}\))", re.IGNORECASE)
#: a joiner right after an aside: "the US, which is ..., alongside Poland", "the US (3.4%), and Poland"
_JOIN_AFTER_ASIDE = re.compile(
    r"\s*(?:,\s*)?(?:(?:and|&|as well as|alongside|along with|together with|followed by|plus)\s+)?"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?",
    re.IGNORECASE,
)
#: at most two words before the first name ("the U.S.", "debt-laden Greece")
_LEAD = re.compile(r"\s*(?:the\s+)?(?:[\w-]+\s+){0,2}?", re.IGNORECASE)


def allies_listed(view: SentenceView, start: int, end: int | None = None) -> list[Mention]:
    """The names of a list starting at ``start`` (two or more, joined as ``_JOIN`` and ``_ASIDE`` read);
    an empty list when fewer than two names are joined so."""
    found: list[Mention] = []
    position = start
    for mention in view.countries:
        if mention.start < position or (end is not None and mention.start >= end):
            continue
        gap = view.text[position : mention.start]
        if not found:
            if not _LEAD.fullmatch(gap):
                break
        elif not _JOIN.fullmatch(gap):
            aside = _ASIDE.match(gap)
            if aside is None or not _JOIN_AFTER_ASIDE.fullmatch(gap[aside.end() :]):
                break
        found.append(mention)
        position = mention.end
    return found if len(found) >= 2 else []


#: the year of a claim chosen without one written in its sentence
_UNWRITTEN = ("article date", "inferred")

#: the threshold and direction of a count of allies, from its claim's unit ("allies at ≥2% of GDP")
_COUNT_UNIT = re.compile(r"at\s*(?P<sign>[≥<])\s*(?P<n>\d+(?:\.\d+)?)%")


def _count_reading(count: Claim) -> tuple[float, bool] | None:
    match = _COUNT_UNIT.search(count.unit or "")
    return (float(match.group("n")), match.group("sign") == "<") if match else None


def _on_name(view: SentenceView, mention: Mention, value: float) -> Quantity:
    """The threshold as a quantity placed on the ally's name (each claim quotes its ally's name)."""
    return Quantity(
        value, None, 0, False, False, None, mention.start, mention.end, view.text[mention.start : mention.end]
    )


def per_ally(
    view: SentenceView,
    allies: list[Mention],
    threshold: float,
    below: bool,
    year: YearChoice | None = None,
    count: Claim | None = None,
) -> list[Claim]:
    """One claim per ally of the list: it meets (or, ``below``, misses) ``threshold``% of GDP.

    A count and the allies listed with it come from one table of the day: when the count does not hold
    in the edition compared with (``count`` not supported: a count of a day whose edition is not held,
    or since revised), the allies that differ are explained by the same revision and are not accused."""
    claims = []
    for mention in dict((m.iso3, m) for m in allies).values():
        if not facts.is_ally(mention.iso3):
            continue
        q = _on_name(view, mention, threshold)
        threshold_word = "misses" if below else "meets"
        claim = spending.spending_pct(view, q, mention.end, mention.iso3, threshold=threshold_word, year_choice=year)
        if claim.verdict == "contradicted" and claim.year is not None and claim.year_source in _UNWRITTEN:
            # no year written ("Germany still misses the target"): the article may speak of the last year NATO
            # had published a full figure for; true for the year before, it is not accused
            earlier = YearChoice(claim.year - 1, f"{claim.year - 1}, the year before", "inferred")
            again = spending.spending_pct(
                view, q, mention.end, mention.iso3, threshold=threshold_word, year_choice=earlier
            )
            if again.verdict == "supported":
                note = f"no year written; holds for {claim.year - 1} ({again.note[:60]}); {claim.note}"
                claim = dataclasses.replace(claim, verdict="not checkable", note=note)
        if claim.verdict == "contradicted" and count is not None and count.verdict != "supported":
            held = f"({count.note[:80]})"
            note = f"one of the allies of a count that does not hold in the edition compared with {held}; {claim.note}"
            claim = dataclasses.replace(claim, verdict="not checkable", note=note)
        claims.append(claim)
    return claims


def _count_year(count: Claim) -> YearChoice | None:
    """The count's year when its sentence wrote it ("in 2017", "last year"); else the list's own reading."""
    if count.year is None or count.year_source not in ("stated", "relative"):
        return None
    return YearChoice(count.year, f"{count.year}, the year of the count the list names", count.year_source)


#: the count's noun phrase taken up again at the start of the next sentence: "These countries are",
#: "The countries that do are", "Those that did were", "They are", "The others were", "The rest are"
_CONTINUES = re.compile(
    r"^\W*(?:(?:these|those|the)\s+(?:(?:[\w-]+)\s+)?(?:countries|nations|allies|members|member states|states)"
    r"(?:\s+(?:that|which|who)\s+(?:do|did|does|have|had|are|were)(?:\s+so)?)?"
    r"|(?:those|the ones)\s+(?:that|which|who)\s+(?:do|did|have|had|are|were)(?:\s+so)?"
    r"|they|the others?|the rest|the other (?:ones|[\w-]+))"
    r"\s+(?:are|were|include|included|comprise|comprised)\s*:?\s*",
    re.IGNORECASE,
)


#: the allies of the count before joined by others, now: "Those nations are now joined by Estonia, ..."
_JOINED_BY = re.compile(r"^[^.;]{0,50}?\b(?:are|were|is|was|have been|has been)\s+(?:now\s+)?joined\s+by\s+", re.I)


def continued(view: SentenceView, counts_before: list[Claim]) -> list[Claim]:
    """The allies of a list continuing the count of the sentence before ("... only five of NATO's 29
    members spend 2 per cent. The countries that do are the U.S., the U.K., Greece, Estonia and Poland"),
    or joining its allies ("Those nations are now joined by Estonia, Poland and Latvia": the same
    threshold, in the sentence's own time, not the count's)."""
    if not counts_before:
        return []
    count = counts_before[-1]
    reading = _count_reading(count)
    if reading is not None:
        joining = _joining_them(view, *reading)
        if joining:
            return joining
    joined = _JOINED_BY.match(view.text)
    opening = _CONTINUES.match(view.text) if joined is None else None
    if reading is None or (opening is None and joined is None):
        return []
    start = opening.end() if opening is not None else joined.end() if joined is not None else 0
    allies = allies_listed(view, start)
    if not allies:
        return []
    threshold, below = reading
    if joined is not None:
        return per_ally(view, allies, threshold, below)
    return per_ally(view, allies, threshold, below, _count_year(count), count)


#: an ally (or a list) joining the count's allies, or expected to: "Romania has joined them this year, and
#: Latvia and Lithuania are expected to do so in 2018"
_JOINS_THEM = re.compile(
    r"\s+(?:(?:has|have|had|also|now|since|then)\s+)*(?:joined|joins|join)\s+(?:them|their ranks|that group|"
    r"the group|the club|the list)\b|\s+(?:is|are|was|were)\s+(?:also\s+)?(?:expected|forecast|projected|set|due|"
    r"likely|on track|poised)\s+to\s+(?:do so|do the same|follow(?: suit)?|join them|get there)\b",
    re.IGNORECASE,
)


def _joining_them(view: SentenceView, threshold: float, below: bool) -> list[Claim]:
    """Each ally said to join the allies of the count before (or expected to: a forecast, whose year and
    verdict the figure rules and the abstention rules decide as for any other)."""
    claims: list[Claim] = []
    for mention in view.countries:
        if not _JOINS_THEM.match(view.text, mention.end):
            continue
        allies = spending._listed_before(view, mention) or [mention]
        claims += per_ally(view, allies, threshold, below)
    return claims


#: an ally named as one of the allies at a threshold: "The UK is proud to be one of five NATO countries that
#: meet the commitment to spend 2%", "Slovakia is also among the 23 countries meeting NATO's requirement",
#: "Bulgaria has now joined a list of nine member countries that respect that target"
_ONE_OF = re.compile(
    r"(?P<gap>[^.;,]{0,30}?)\b(?:one of|among|part of|joins|joined|joining)\s+"
    r"(?:(?:the|a)\s+(?:list|group|club|handful|ranks)\s+of\s+|the\s+)?(?:(?:only|just|few|[\w-]+)\s+){0,2}?"
    r"(?:NATO\s+|alliance\s+|European\s+|other\s+|member\s+)*(?:allies|members|countries|nations|states)\s+"
    r"(?:that\s+|which\s+|who\s+|to\s+)?(?:(?:currently|now|already|still|actually|consistently)\s+)?"
    r"(?:(?:are|were|have|had)\s+)?(?P<verb>"
    + spending.MISSES.pattern[5:-3]
    + r"|"
    + spending.MEETS.pattern[5:-3]
    + r"|spen[dt]\w*\s+(?:at least|more than|over|above|less than|below|under))\b(?P<object>[^.;]{0,60})",
    re.IGNORECASE,
)


def one_of(view: SentenceView, threshold: float | None) -> list[Claim]:
    """An ally said to be one of (among) the allies meeting (or missing) a target meets (misses) it; the
    target is the percentage written after the verb, else the one the article stated last."""
    claims: list[Claim] = []
    for ally in view.countries:
        match = _ONE_OF.match(view.text, ally.end)
        if match is None or re.search(r"\b(?:not|never)\b|n't\b", match.group("gap"), re.IGNORECASE):
            continue
        if re.search(r"\b(?:will|would|aims?|plans?|hopes?|expects?|set to|on track)\b", match.group("gap")):
            continue
        value = threshold
        # the figure in the object (its quantity may begin with the verb's "at least")
        written = next((q for q in view.quantities if match.start("object") < q.end <= match.end("object")), None)
        if written is not None and spending.PERCENT.match(view.text[written.end :]):
            value = written.value
        elif not re.search(TARGET_NOUN, match.group("object"), re.IGNORECASE):
            continue
        if value is None or value > 10:
            continue
        verb = match.group("verb")
        below = bool(spending.MISSES.fullmatch(verb) or re.search(r"less than|below|under", verb, re.IGNORECASE))
        claims += per_ally(view, [ally], value, below)
    return claims


#: a list of allies falling short with no object, after a sentence about meeting a target: "France and
#: Croatia fell short, with Germany, Türkiye and Canada lagging further behind"
_BARE_SHORT = re.compile(
    r"\s*(?:(?:also|still|just|narrowly|slightly)\s+)?(?:fell|fall|falls|falling)\s+(?:just\s+|narrowly\s+|slightly\s+)?"
    r"short\b(?!\s+of)|\s*(?:,\s*)?(?:are\s+|were\s+)?(?:lagging|lagged|lag|lags|trailing|trailed)\s+"
    r"(?:(?:further|far|well|even further)\s+)?behind\b(?!\s+\w)",
    re.IGNORECASE,
)


def bare_short(view: SentenceView, before: list[Claim]) -> list[Claim]:
    """Allies that "fell short" or are "lagging behind", said right after a sentence naming allies that
    met a target (or a count at it): they miss that target."""
    reached = [c for c in before if c.kind == "allies_meeting_target" or c.qualifier == "at least"]
    if not reached:
        return []
    source = reached[-1]
    threshold = _count_reading(source) if source.kind == "allies_meeting_target" else None
    value = threshold[0] if threshold else (float(source.value) if isinstance(source.value, int | float) else None)
    if value is None:
        return []
    claims: list[Claim] = []
    for mention in view.countries:
        if not _BARE_SHORT.match(view.text, mention.end):
            continue
        allies = spending._listed_before(view, mention)
        if not allies:
            continue
        claims += per_ally(view, allies, value, True)
    # "..., with Germany, Türkiye and Canada lagging further behind" (one ally or a list after "with")
    for match in re.finditer(r"\bwith\s+(?:the\s+)?", view.text):
        allies = allies_listed(view, match.end()) or [m for m in view.countries if m.start == match.end()]
        if allies and _BARE_SHORT.match(view.text, allies[-1].end):
            claims += per_ally(view, allies, value, True)
    return claims


#: the rest of a count's clause, then a colon or a dash before its list: "... contribute 2 percent of
#: their GDP to NATO: Greece, Estonia, ..."
_TO_COLON = re.compile(r"[^.;:!?%\d]{0,50}?(?::|\s[—–-])\s*")


def after_count_clause(view: SentenceView, found: list[Claim]) -> list[Claim]:
    """The allies listed after a colon (or a dash) that closes the clause of a count of this sentence."""
    claims: list[Claim] = []
    named = {c.country for c in found if c.kind == "spending_pct_gdp"}
    for count in (c for c in found if c.kind == "allies_meeting_target"):
        reading = _count_reading(count)
        at = view.sentence.text.find(count.text)
        if reading is None or at < 0:
            continue
        colon = _TO_COLON.match(view.text, at + len(count.text))
        if colon is None:
            continue
        allies = [m for m in allies_listed(view, colon.end()) if m.iso3 not in named]
        if len(allies) >= 2:
            claims += per_ally(view, allies, *reading, _count_year(count), count)
    return claims


_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th)|"
    r"only|last|latest)"
)
#: "the sixth NATO member alongside the United States, ... and Poland to hit the benchmark": the
#: allies named with an ordinal's noun did what the ordinal counts ("the Nth member to V")
_NTH_WITH = re.compile(
    rf"\b{_ORDINAL}\s+(?:[\w-]+\s+){{0,2}}?(?:member|ally|country|nation|state)s?(?:\s+(?:state|country|nation))?"
    r"\s*,?\s+(?:alongside|along with|with|after|joining|besides|together with)\s+",
    re.IGNORECASE,
)
_TO_VERB = re.compile(
    r"\s*,?\s+to\s+(?P<verb>meet|hit|reach|achieve|exceed|surpass|fulfil|fulfill|cross|clear|pass)\s+"
    r"(?:the|that|this|its|their|NATO's|the alliance's)\s+(?:[\w'-]+\s+){0,3}?" + TARGET_NOUN + r"\b",
    re.IGNORECASE,
)


def nth_alongside(view: SentenceView, threshold: float | None) -> list[Claim]:
    """Each ally named with "the Nth member ... to meet the target" met it too."""
    claims: list[Claim] = []
    if threshold is None:
        return claims
    for match in _NTH_WITH.finditer(view.text):
        allies = allies_listed(view, match.end())
        if not allies:
            continue
        verb = _TO_VERB.match(view.text, allies[-1].end)
        if verb is None:
            continue
        claims += per_ally(view, allies, threshold, False)
    return claims


#: auxiliaries and adverbs between an ally and its verb of meeting or missing: "is still well short of",
#: "has long failed to meet", "spends well above", "does not meet", "has consistently exceeded"
_AUXILIARIES = (
    r"(?:(?:is|are|was|were|has|have|had|does|do|did|remains?|remained|stays?|stayed|still|also|now|already|"
    r"well|far|long|comfortably|consistently|clearly|again|been|even|so far|spends?|spent|spending|sits?|sat|"
    r"continues to|continued to)\s+)*"
)
#: a verb of meeting or missing and its object, a target named in words ("this benchmark", "NATO's goal")
_VERB_TARGET = re.compile(
    r"(?P<verb>"
    + spending.MISSES.pattern[5:-3]
    + r"|"
    + spending.MEETS.pattern[5:-3]
    + r")\s+(?:of\s+)?(?:the|that|this|its|their|NATO's|the alliance's)\s+(?:[\w'-]+\s+){0,3}?"
    + TARGET_NOUN
    + r"\b",
    re.IGNORECASE,
)
#: the ally as the subject: "Germany", "Many, including Germany,", "Germany, like most allies,"
_ASIDE_AFTER_SUBJECT = re.compile(r"\s*(?:,\s*(?:like|unlike|as with)\b[^,;]{1,40},)?\s*", re.IGNORECASE)
#: a time put before the subject: "In 2023 Poland ...", "Last year, Spain ...", "Today Italy ..."
_FRONTED_TIME = (
    r"\W*(?:(?:(?:in|by|as of|during|since|throughout)\s+(?:(?:early|late|mid-?)\s*)?(?:\w+\s+)?(?:19|20)\d\d|"
    r"last year|this year|now|today|currently|still|so far|to date)\s*,?\s+)?"
)
_INCLUDING_SUBJECT = re.compile(r",?\s*(?:including|among them|notably|such as)\s+$", re.IGNORECASE)
#: a plan, not a fact: "Germany will meet the target", "Italy hopes to reach the goal by 2028"
_FUTURE = re.compile(
    r"\b(?:will|would|won't|wouldn't|could|should|may|might|must|plans?|aims?|hopes?|expects?|intends?|"
    r"pledged|promised|vowed|set to|on track|on course|by (?:the end of )?(?:19|20)\d\d|next year|soon|"
    r"in the future|eventually|yet)\b",
    re.IGNORECASE,
)


def ally_at_stated_target(view: SentenceView, threshold: float | None) -> list[Claim]:
    """An ally said to meet or miss a target named in words, the value stated earlier in the article:
    "Germany has long failed to meet the target", "Many, including Germany, are still well short of this
    target", "The United States spends well above this benchmark"."""
    claims: list[Claim] = []
    if threshold is None or any(spending.PERCENT.match(view.text[q.end :]) for q in view.quantities):
        return claims  # a sentence with its own percentage is the spending finder's
    if _FUTURE.search(view.text):
        return claims
    for match in _VERB_TARGET.finditer(view.text):
        before = [m for m in view.countries if m.end <= match.start()]
        if not before:
            continue
        ally = before[-1]
        gap = view.text[ally.end : match.start()]
        opening = view.text[: ally.start]
        including = _INCLUDING_SUBJECT.search(opening)
        aside = _ASIDE_AFTER_SUBJECT.match(gap)
        rest = gap[aside.end() :] if aside else gap
        if including:
            rest = re.sub(r"^\s*,\s*", "", rest)  # "Many, including Germany, are still well short of it"
        if not re.fullmatch(_AUXILIARIES, rest, re.IGNORECASE):
            continue
        # the subject opens the sentence (or its clause), or is named with "including"
        if not (
            re.fullmatch(
                _FRONTED_TIME + r"(?:the\s+)?|.*[;:]\s*(?:the\s+)?|.*,\s*(?:but|and|while|whereas)\s+(?:the\s+)?",
                opening,
                re.IGNORECASE,
            )
            or including
        ):
            continue
        below = bool(spending.MISSES.fullmatch(match.group("verb")))
        claims += per_ally(view, [ally], threshold, below)
    return claims


#: "Lithuania and Latvia (both 2.8%)": one figure said of every ally of the list before the bracket
_BOTH = re.compile(r"\(\s*(?:both|each|all)\s+(?:at\s+|on\s+|with\s+)?$", re.IGNORECASE)


def both_at(view: SentenceView) -> list[Claim]:
    """Each ally of a list followed by "(both 2.8%)" spends that share of GDP (in an article about it)."""
    claims: list[Claim] = []
    if not (view.context.spending_topic or spending.GDP.search(view.text)):
        return claims
    if spending.SHARES_IN_SENTENCE.search(view.text) or spending.OTHER_MEASURE.search(view.text):
        return claims  # "followed by Britain (6 pct), ... and Spain and Poland (each around 1 pct)": shares
    for q in view.quantities:
        percent = spending.PERCENT.match(view.text[q.end :])
        opening = _BOTH.search(view.text[max(0, q.start - 20) : q.start])
        if percent is None or opening is None or q.value > 10:
            continue
        bracket = q.start - len(opening.group(0))
        last = next((m for m in reversed(view.countries) if m.end <= bracket), None)
        if last is None or view.text[last.end : bracket].strip():
            continue
        for mention in spending._listed_before(view, last):
            claims.append(spending.spending_pct(view, q, q.end + percent.end(), mention.iso3))
    return claims


#: a row of a table or a chart in plain text: a country's name and a figure alone on a line
#: ("Estonia 2.16%", "Italy - 1.51", "Poland: 4.12")
def table_row(view: SentenceView, before: str, rows_before: bool = False) -> list[Claim]:
    """A row without a header year, under sentences naming defence and GDP (or right after such a row: a
    chart's rows run on): the ally's share of GDP, its year read as any figure's (the article's, or the
    latest NATO had published by then)."""
    named = spending.GDP.search(before) and spending.DEFENCE.search(before)
    if view.context.table_year is not None or not (named or rows_before):
        return []
    row = spending.TABLE_ROW.match(view.text)
    if row is None or "\n" in view.text.strip():
        return []
    mention = next((m for m in view.countries if m.start == row.start("name")), None)
    figure = next((q for q in view.quantities if q.start == row.start("n")), None)
    if mention is None or figure is None or figure.value > 10 or not facts.is_ally(mention.iso3):
        return []
    claim = spending.spending_pct(view, figure, figure.end, mention.iso3)
    if claim.verdict == "contradicted" and claim.year is not None and claim.year_source in _UNWRITTEN:
        # a chart's year is not written: the figure may be the year before's (the latest full year)
        earlier = YearChoice(claim.year - 1, f"{claim.year - 1}, the year before", "inferred")
        again = spending.spending_pct(view, figure, figure.end, mention.iso3, year_choice=earlier)
        if again.verdict != "contradicted":
            note = f"no year written; {again.verdict} for {claim.year - 1}; {claim.note}"
            claim = dataclasses.replace(claim, verdict="not checkable", note=note)
    return [claim]


#: a list joiner right before a name: "..., Estonia", "... and Lithuania", "..., followed by Latvia"
_JOINER_BEFORE = re.compile(
    r"(?:[,;]|,?\s+(?:and|&|followed by|as well as|then|ahead of|before|with))\s+(?:by\s+)?(?:the\s+)?$", re.IGNORECASE
)
#: what may stand between a figure and the next name of its list: its measure, year, bracket
_FIGURE_TAIL = re.compile(
    r"\s*\)?\s*(?:of\s+(?:its\s+|their\s+|the\s+)?(?:GDP|gross domestic product|economic output)\s*)?"
    r"(?:(?:in|for)\s+(?:19|20)\d\d\s*)?\)?\s*",
    re.IGNORECASE,
)
#: between a name and its figure: "Estonia at 3.0%", "Estonia with 3.0%", "Estonia (3.0%)", "Estonia's 3.0%"
_NAME_TO_FIGURE = re.compile(r"(?:'s)?\s*(?:,\s*)?(?:(?:at|with|on)\s+|:\s*|[–—-]\s*)?\(?\s*", re.IGNORECASE)


def paired_figures(view: SentenceView) -> list[Claim]:
    """Each "ALLY at X%" of a list that continues a figure of the sentence ("Poland leads with 3.9% of GDP,
    followed by Estonia at 3.0% and Lithuania at 2.7%", "NATO puts Poland at 3.9% of GDP, Estonia at 3.0%,
    and Lithuania at 2.7%"): the same measure, each ally's own figure."""
    claims: list[Claim] = []
    if not (spending.GDP.search(view.text) or view.context.spending_topic):
        return claims
    if spending.SHARES_IN_SENTENCE.search(view.text) or spending.OTHER_MEASURE.search(view.text):
        return claims
    figures = [(q, m) for q in view.quantities if (m := spending.PERCENT.match(view.text[q.end :])) is not None]
    for mention in view.countries:
        if not facts.is_ally(mention.iso3):
            continue
        own = next((qm for qm in figures if qm[0].start >= mention.end), None)
        if own is None or not _NAME_TO_FIGURE.fullmatch(view.text[mention.end : own[0].start]) or own[0].value > 10:
            continue
        joiner = _JOINER_BEFORE.search(view.text[: mention.start])
        if joiner is None:
            continue
        before = [qm for qm in figures if qm[0].end + qm[1].end() <= joiner.start()]
        if not before:
            continue
        previous, percent = before[-1]
        if not _FIGURE_TAIL.fullmatch(view.text[previous.end + percent.end() : joiner.start()]):
            continue
        q, sign = own
        claims.append(spending.spending_pct(view, q, q.end + sign.end(), mention.iso3))
    return claims


#: a figure, then the ally it is said of: "3.04% for Estonia", "2.78% of GDP in Lithuania"
_FOR_ALLY = re.compile(
    r"(?:\s+of\s+(?:its\s+|their\s+|the\s+)?(?:GDP|gross domestic product|economic output))?\s+(?:for|in|by)\s+"
    r"(?:the\s+)?",
    re.IGNORECASE,
)


def figure_then_ally(view: SentenceView, found: list[Claim]) -> tuple[list[Claim], list[Claim]]:
    """A list of figures each followed by its ally ("3.26% of GDP for Poland, 3.04% for Estonia and 2.78%
    for Lithuania"): each figure is the ally's named after it, not the one named before it. Returns the
    sentence's claims that gave such a figure to another ally (misread: the subject before the figure)
    and the claims that give each figure to its own ally. Two pairs at least: a list, not one phrase."""
    if not (spending.GDP.search(view.text) or view.context.spending_topic):
        return [], []
    if spending.SHARES_IN_SENTENCE.search(view.text) or spending.OTHER_MEASURE.search(view.text):
        return [], []
    pairs: list[tuple[Quantity, int, Mention]] = []
    for q in view.quantities:
        percent = spending.PERCENT.match(view.text[q.end :])
        if percent is None or q.value > 10:
            continue
        after = _FOR_ALLY.match(view.text, q.end + percent.end())
        mention = next((m for m in view.countries if after and m.start == after.end()), None)
        if mention is None or not re.match(r"\s*(?:[,;.)]|(?:,\s*)?and\b|$)", view.text[mention.end :]):
            continue
        pairs.append((q, q.end + percent.end(), mention))
    if len(pairs) < 2:
        return [], []
    misread = [
        c
        for c in found
        if c.kind == "spending_pct_gdp"
        and any(c.value == q.value and q.text in c.text and c.country != m.iso3 for q, _, m in pairs)
    ]
    right = {(c.country, c.value) for c in found if c.kind == "spending_pct_gdp" and c not in misread}
    claims = [
        spending.spending_pct(view, q, end, m.iso3)
        for q, end, m in pairs
        if facts.is_ally(m.iso3) and (m.iso3, q.value) not in right
    ]
    return misread, claims


def find_continued(view: SentenceView, found: list[Claim], found_before: list[Claim], before: str = "") -> list[Claim]:
    """The sentence's claims after every list reading of this module, given the claims its finders made,
    the claims of the sentence before and the text of the sentences before: a figure the finders gave to
    the ally before it in a list of "figure for ally" pairs is given to its own ally; allies already
    claimed in the sentence are not read again."""
    misread, own = figure_then_ally(view, found)
    found = [c for c in found if c not in misread] + own
    named = {c.country for c in found if c.kind == "spending_pct_gdp"}
    counts_before = [c for c in found_before if c.kind == "allies_meeting_target"]
    claims = continued(view, counts_before) + after_count_clause(view, found)
    claims += nth_alongside(view, view.context.last_target)
    claims += ally_at_stated_target(view, view.context.last_target)
    claims += one_of(view, view.context.last_target)
    claims += bare_short(view, found_before)
    claims += both_at(view)
    taken = {(c.country, c.value) for c in found}
    claims += [c for c in paired_figures(view) if (c.country, c.value) not in taken]
    if not found:
        rows_before = any(
            c.kind == "spending_pct_gdp" and spending.TABLE_ROW.match(normalise(c.sentence)) for c in found_before
        )
        claims += table_row(view, before, rows_before)
    kept: list[Claim] = list(found)
    for claim in claims:
        if claim.country in named:
            continue
        named.add(claim.country)
        kept.append(claim)
    return kept
