"""Numbers as news writes them: "3.3%", "$1.47 trillion", "950 million", "two-thirds", "over 30",
"nearly three-year-old", "thirty-two", each with its qualifier (over / nearly / about / at least...).

A qualifier changes what the claim asserts ("over 30" is a lower bound, "about 30" an approximation),
so it is kept beside the value and the verifier compares accordingly (docs/claims.md, Tolerances).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "k": 1e3,
}
_FRACTIONS = {
    "half": 0.5,
    "one-half": 0.5,
    "a half": 0.5,
    "a third": 1 / 3,
    "one-third": 1 / 3,
    "one third": 1 / 3,
    "two-thirds": 2 / 3,
    "two thirds": 2 / 3,
    "a quarter": 0.25,
    "one-quarter": 0.25,
    "one quarter": 0.25,
    "three-quarters": 0.75,
    "three quarters": 0.75,
    "three-fourths": 0.75,
    "a fifth": 0.2,
    "one-fifth": 0.2,
    "two-fifths": 0.4,
    "three-fifths": 0.6,
    "four-fifths": 0.8,
    "a tenth": 0.1,
    "one-tenth": 0.1,
    "one in three": 1 / 3,
    "one in four": 0.25,
    "one in five": 0.2,
    "two in three": 2 / 3,
}

#: Qualifier spellings → canonical qualifier. Order matters: longer phrases first.
QUALIFIERS: dict[str, str] = {
    "just over": "more than",
    "just above": "more than",
    "slightly more than": "more than",
    "a little over": "more than",
    "a little above": "more than",
    "a little more than": "more than",
    "slightly over": "more than",
    "slightly above": "more than",
    "a little under": "nearly",
    "a little below": "nearly",
    "slightly under": "nearly",
    "slightly below": "nearly",
    "well over": "more than",
    "well above": "more than",
    "more than": "more than",
    "over": "more than",
    "above": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "north of": "more than",
    "exceeding": "more than",
    "exceeds": "more than",
    "exceeded": "more than",
    "exceed": "more than",
    "beyond": "more than",
    "at least": "at least",
    "no less than": "at least",
    "no fewer than": "at least",
    "a minimum of": "at least",
    "just under": "nearly",
    "just below": "nearly",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "approaching": "nearly",
    "not quite": "nearly",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "below": "less than",
    "at most": "at most",
    "up to": "at most",
    "no more than": "at most",
    "a maximum of": "at most",
    "about": "about",
    "as much as": "about",
    "as many as": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "circa": "about",
    "approx.": "about",
    "~": "about",
}
_QUALIFIER_RE = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))

_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
)
_WORD_NUMBER = rf"{_WORD}(?:[- ]{_WORD})*(?:[- ]hundred(?:[- ](?:and[- ])?{_WORD}(?:[- ]{_WORD})?)?)?"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:hundred|thousand|million|billion|trillion|mn|mln|bn|tn|trn|m|b|k)"
_FRACTION_RE = "|".join(re.escape(f) for f in sorted(_FRACTIONS, key=len, reverse=True))

#: A quantity: optional qualifier, then digits or words, then an optional scale word.
QUANTITY = re.compile(
    rf"(?:(?P<qual>{_QUALIFIER_RE})\"?\s+)?"
    rf"(?P<currency>US\$|\$|USD\s?|€|EUR\s?|£)?\s?"
    rf"(?:(?P<fraction>\b(?:{_FRACTION_RE})\b)|(?P<digits>(?<![\w.,]){_DIGITS})|(?P<words>\b{_WORD_NUMBER}\b)"
    rf"|(?P<article>\ba\b)(?=[ -](?:hundred|thousand|million|billion|trillion|dozen)\b))"
    rf"(?:[ -]?(?P<scale>{_SCALE})\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A number read from text: value, the qualifier, how precisely it was written, and where."""

    value: float
    qualifier: str | None  # canonical: "more than", "at least", "nearly", "less than", "at most", "about"
    decimals: int  # decimals as written ("3.30" → 2); words and fractions → 0
    is_word: bool  # written in words ("thirty", "two-thirds")
    is_fraction: bool  # a fraction word ("two-thirds")
    currency: str | None  # "USD", "EUR", "GBP" or None
    start: int
    end: int
    text: str
    #: the value of one unit in the last written digit ("3.3%" → 0.1; "$1.47 trillion" → 1e10)
    unit: float = 1.0

    @property
    def is_bound(self) -> bool:
        return self.qualifier in {"more than", "at least", "less than", "at most"}


def words_to_number(text: str) -> float | None:
    """'thirty-two' → 32, 'one hundred and five' → 105, 'a' → 1; None if it is not a number."""
    total = 0.0
    current = 0.0
    seen = False
    for token in re.split(r"[\s-]+", text.casefold()):
        if not token or token == "and":
            continue
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * _SCALES[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _currency(symbol: str | None) -> str | None:
    if not symbol:
        return None
    symbol = symbol.strip().upper()
    return {"$": "USD", "US$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP"}.get(symbol)


def quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, left to right, never overlapping."""
    found: list[Quantity] = []
    for match in QUANTITY.finditer(text):
        scale_word = (match.group("scale") or "").casefold()
        if match.group("fraction"):
            value = _FRACTIONS[match.group("fraction").casefold().replace("  ", " ")]
            is_word, is_fraction, decimals = True, True, 0
        elif match.group("digits"):
            raw = match.group("digits").replace(",", "")
            value = float(raw)
            decimals = len(raw.split(".")[1]) if "." in raw else 0
            is_word, is_fraction = False, False
        elif match.group("words") or match.group("article"):
            parsed = words_to_number(match.group("words") or "a")
            if parsed is None:
                continue
            value, decimals, is_word, is_fraction = parsed, 0, True, False
        else:
            continue
        # single letters are scales only straight after digits ("$1.5bn", "950m"), never in prose
        end = match.end()
        if scale_word in {"m", "b", "k"} and not (match.group("digits") and text[match.start("scale") - 1].isdigit()):
            scale_word = ""
            end = (
                match.end("digits")
                if match.group("digits")
                else match.end("words")
                if match.group("words")
                else match.end()
            )
        unit = 10.0**-decimals
        if scale_word:
            value *= _SCALES[scale_word]
            unit *= _SCALES[scale_word]
        qualifier = match.group("qual")
        start = match.start()
        while start < end and text[start].isspace():
            start += 1
        found.append(
            Quantity(
                value=value,
                qualifier=QUALIFIERS.get(qualifier.casefold()) if qualifier else None,
                decimals=decimals,
                is_word=is_word,
                is_fraction=is_fraction,
                currency=_currency(match.group("currency")),
                start=start,
                end=end,
                text=text[start:end],
                unit=unit,
            )
        )
    return _mixed_numbers(text, found)


#: a whole number and a fraction: "one and a quarter percent", "1-and-a-quarter percent", "3 and a half"
_MIXED = re.compile(
    r"[- ](?:and|&)[- ](?P<frac>a[- ]half|a[- ]quarter|a[- ]third|three[- ]quarters|two[- ]thirds)\b", re.IGNORECASE
)
_PERCENT_AFTER = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)


def _mixed_numbers(text: str, found: list[Quantity]) -> list[Quantity]:
    """Join "one and a quarter" into 1.25, and read a fraction before "percent" ("a quarter percent",
    "half a percent" is not read) as a number of percent, not a share: a percentage's unit is written."""
    out: list[Quantity] = []
    skip_until = -1
    for index, q in enumerate(found):
        if q.start < skip_until:
            continue
        q = _trailing_bound(text, q)
        compound = _compound(text, q, found[index + 1] if index + 1 < len(found) else None)
        if compound is not None:
            out.append(compound)
            skip_until = compound.end
            continue
        mixed = _MIXED.match(text, q.end) if not q.is_fraction and not q.currency else None
        if mixed is not None:
            part = _FRACTIONS[
                mixed.group("frac")
                .casefold()
                .replace("-", " ")
                .replace("three quarters", "three-quarters")
                .replace("two thirds", "two-thirds")
            ]
            out.append(
                Quantity(q.value + part, q.qualifier, 1, True, False, None, q.start, mixed.end(),
                         text[q.start : mixed.end()], 0.05)
            )  # fmt: skip
            skip_until = mixed.end()
            continue
        if q.is_fraction and _PERCENT_AFTER.match(text, q.end):
            q = Quantity(q.value, q.qualifier, 2, True, False, q.currency, q.start, q.end, q.text, 0.01)
        out.append(q)
    return out


#: a scale word closing a quantity ("$1 trillion", "200 billion")
_SCALE_AT_END = re.compile(rf"[ -]?(?P<scale>{_SCALE})$", re.IGNORECASE)
#: a lower bound written after the number: "about $1.2 trillion at least," (a bound, not an estimate)
_BOUND_AFTER = re.compile(r"\s+at\s+least\b(?=\s*(?:[,.;:)\"”’]|$))", re.IGNORECASE)


def _trailing_bound(text: str, q: Quantity) -> Quantity:
    """ "$1.2 trillion at least": the qualifier written after the number is the claim's bound."""
    bound = _BOUND_AFTER.match(text, q.end)
    if bound is None or q.qualifier not in (None, "about"):
        return q
    return dataclasses.replace(q, qualifier="at least", end=bound.end(), text=text[q.start : bound.end()])


def _compound(text: str, q: Quantity, following: Quantity | None) -> Quantity | None:
    """ "$1 trillion 200 billion": a larger and a smaller scale written one after the other are one
    amount (1.2 trillion), as spoken Russian and Chinese figures are often translated."""
    if following is None or following.qualifier or following.currency or following.is_fraction:
        return None
    if not re.fullmatch(r"\s", text[q.end : following.start]):
        return None
    big = _SCALE_AT_END.search(q.text)
    small = _SCALE_AT_END.search(following.text)
    if big is None or small is None or q.is_fraction:
        return None
    big_scale, small_scale = _SCALES[big.group("scale").casefold()], _SCALES[small.group("scale").casefold()]
    if small_scale >= big_scale or following.value >= big_scale:
        return None
    tail = _trailing_bound(text, following)
    return dataclasses.replace(
        q,
        value=q.value + following.value,
        unit=following.unit,
        end=tail.end,
        text=text[q.start : tail.end],
        qualifier=tail.qualifier if tail.qualifier == "at least" else q.qualifier,
    )


_ORDINAL_UNITS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50}
_ORDINAL_TENS_PREFIX = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}

#: an ordinal as news writes it: "8th", "eighth", "thirty-second", "32nd"
ORDINAL = (
    r"(?:\d{1,3}(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty)-)?(?:"
    + "|".join(_ORDINAL_UNITS)
    + r")|"
    + "|".join(_ORDINAL_TENS)
    + ")"
)


def ordinal(text: str) -> int | None:
    """The number an ordinal stands for ("eighth" → 8, "32nd" → 32, "thirty-first" → 31), else None."""
    word = text.casefold().strip()
    digits = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", word)
    if digits:
        return int(digits.group(1))
    if word in _ORDINAL_UNITS:
        return _ORDINAL_UNITS[word]
    if word in _ORDINAL_TENS:
        return _ORDINAL_TENS[word]
    tens, _, unit = word.partition("-")
    if tens in _ORDINAL_TENS_PREFIX and unit in _ORDINAL_UNITS and _ORDINAL_UNITS[unit] < 10:
        return _ORDINAL_TENS_PREFIX[tens] + _ORDINAL_UNITS[unit]
    return None
