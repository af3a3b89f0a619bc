"""Would spaCy's token ``Matcher`` (blank English pipeline) read claims better than the checker's
regular expressions? Issue 17 asked to evaluate it where it makes patterns declarative.

Two patterns are written both ways and run over every sentence of the real and fixture corpora:
the summit named by month and city without a year (``events._SUMMIT_MONTH``) and the membership
named as a whole ("NATO's 32 members", "the 32-member alliance", "32 members of the alliance"). The
script prints, for each, how many sentences each reader matches, the sentences where they
disagree, and the time per 1,000 sentences of each reader in the same run (a ratio, not a timed test).

    pip install "spacy>=3.8,<3.9"      # not a natosim dependency (see docs/claims.md)
    python benchmarks/claims_matcher.py
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import spacy
from spacy.matcher import Matcher

from natosim.engines.claims.article import read
from natosim.engines.claims.context import normalise
from natosim.engines.claims.evaluate import article_text
from natosim.engines.claims.events import _SUMMIT_MONTH

ROOT = Path(__file__).resolve().parents[1] / "tests" / "claims"
MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]  # fmt: skip
CITIES = [[{"LOWER": "the"}, {"LOWER": "hague"}], [{"LOWER": "hague"}]] + [
    [{"LOWER": city}] for city in ("wales", "newport", "vilnius", "washington", "bucharest")
]
DAYS = [{"LIKE_NUM": True, "OP": "?"}, {"ORTH": {"IN": ["-", "–"]}, "OP": "?"}, {"LIKE_NUM": True, "OP": "?"}]
MEMBERSHIP = re.compile(
    r"(?:NATO's|[Aa]lliance's|bloc's)\s+\d+\s+(?:members|allies|member states|countries|nations)\b"
    r"|\b\d+-(?:member|nation|strong)\b"
    r"|\b\d+\s+(?:members|allies|member states|countries|nations)\s+of\s+(?:the\s+)?(?:NATO|[Aa]lliance)\b"
)


def sentences() -> list[str]:
    found = []
    for path in sorted(ROOT.glob("*/*.txt")) + sorted(ROOT.glob("*/*.html")):
        found += [normalise(s.text) for s in read(article_text(path)).sentences]
    return found


def matcher(nlp: spacy.language.Language) -> Matcher:
    match = Matcher(nlp.vocab)
    month = {"LOWER": {"IN": MONTHS}}
    summit = {"LOWER": "summit"}
    for city in CITIES:
        match.add("summit", [[month, *DAYS, {"LOWER": {"IN": ["nato", "alliance"]}, "OP": "?"}, summit,
                              {"LOWER": {"IN": ["in", "at"]}}, *city]])  # fmt: skip
        match.add("summit", [[*city, {"LOWER": "nato", "OP": "?"}, summit, {"LOWER": {"IN": ["in", "on"]}}, month]])
        match.add("summit", [[summit, {"LOWER": "in"}, *city, {"ORTH": ",", "OP": "?"},
                              {"LOWER": {"IN": ["in", "on"]}}, month]])  # fmt: skip
    nouns = {"LOWER": {"IN": ["members", "allies", "countries", "nations"]}}
    match.add(
        "membership", [[{"LOWER": {"IN": ["nato", "alliance", "bloc"]}}, {"ORTH": "'s"}, {"LIKE_NUM": True}, nouns]]
    )
    match.add("membership", [[{"LIKE_NUM": True}, {"ORTH": "-"}, {"LOWER": {"IN": ["member", "nation", "strong"]}}]])
    match.add("membership", [[{"LIKE_NUM": True}, nouns, {"LOWER": "of"}, {"LOWER": "the", "OP": "?"},
                              {"LOWER": {"IN": ["nato", "alliance"]}}]])  # fmt: skip
    return match


def main() -> None:
    texts = sentences()
    nlp = spacy.blank("en")
    match = matcher(nlp)
    start = time.perf_counter()
    regex = {
        "summit": {i for i, t in enumerate(texts) if _SUMMIT_MONTH.search(t)},
        "membership": {i for i, t in enumerate(texts) if MEMBERSHIP.search(t)},
    }
    regex_time = time.perf_counter() - start
    start = time.perf_counter()
    tokens: dict[str, set[int]] = {"summit": set(), "membership": set()}
    for i, doc in enumerate(nlp.pipe(texts)):
        for label, _, _ in match(doc):
            tokens[nlp.vocab.strings[label]].add(i)
    token_time = time.perf_counter() - start
    print(f"{len(texts)} sentences")
    for name in regex:
        print(f"{name}: regex {len(regex[name])}, matcher {len(tokens[name])}, both {len(regex[name] & tokens[name])}")
        for i in sorted(regex[name] ^ tokens[name])[:8]:
            print(f"   {'regex only' if i in regex[name] else 'matcher only'}: {texts[i][:140]}")
    per = 1000 / len(texts)
    print(f"time per 1,000 sentences: regex {regex_time * per * 1e3:.1f} ms, matcher {token_time * per * 1e3:.1f} ms "
          f"(ratio {token_time / regex_time:.0f}x)")  # fmt: skip


if __name__ == "__main__":
    main()
