"""Precision and recall of the claim checker over a labelled corpus.

A corpus is a folder of articles (``.txt`` / ``.html``) each with a ``.yaml`` of the claims a
careful reader finds in it and their verdicts::

    article: 01-seed.txt
    date: 2025-01-01            # optional: the article's date if the page does not show one
    claims:
      - {kind: spending_pct_gdp, text: "3.3%", country: USA, verdict: contradicted}

A found claim matches a labelled one when the kinds agree, the labelled text is inside the found
claim's text (or the other way round, case-insensitive) and, when labelled, the country agrees.
Precision = matched found claims / all found claims; recall = matched labels / all labels;
verdict accuracy = matched claims with the labelled verdict / matched claims.

    python -m natosim.engines.claims.evaluate tests/claims/corpus
"""

from __future__ import annotations

import re
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from natosim.engines.claims.check import check
from natosim.engines.claims.model import Claim, ClaimsInputError


@dataclass
class ArticleScore:
    name: str
    labels: int
    found: int
    matched: int
    verdicts_right: int
    missed: list[dict[str, Any]] = field(default_factory=list)
    extra: list[Claim] = field(default_factory=list)
    wrong_verdicts: list[tuple[dict[str, Any], Claim]] = field(default_factory=list)
    #: labelled false claims (verdict "contradicted") and how many of them the checker called contradicted
    false_claims: int = 0
    false_caught: int = 0
    #: claims the checker called contradicted whose label says otherwise (true statements flagged),
    #: plus unlabelled claims it called contradicted (every labelled article lists all its false claims)
    false_alarms: list[Claim] = field(default_factory=list)
    #: claims with a verdict other than "not checkable" (the denominator of false alarms per 100)
    checked: int = 0


@dataclass
class CorpusScore:
    articles: list[ArticleScore]

    @property
    def labels(self) -> int:
        return sum(a.labels for a in self.articles)

    @property
    def found(self) -> int:
        return sum(a.found for a in self.articles)

    @property
    def matched(self) -> int:
        return sum(a.matched for a in self.articles)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.labels if self.labels else 1.0

    @property
    def false_claims(self) -> int:
        return sum(a.false_claims for a in self.articles)

    @property
    def false_caught(self) -> int:
        return sum(a.false_caught for a in self.articles)

    @property
    def false_alarms(self) -> int:
        return sum(len(a.false_alarms) for a in self.articles)

    @property
    def checked(self) -> int:
        return sum(a.checked for a in self.articles)

    @property
    def false_alarms_per_100(self) -> float:
        return 100 * self.false_alarms / self.checked if self.checked else 0.0

    @property
    def verdict_accuracy(self) -> float:
        right = sum(a.verdicts_right for a in self.articles)
        return right / self.matched if self.matched else 1.0

    def summary(self) -> dict[str, float | int]:
        return {
            "articles": len(self.articles),
            "labelled_claims": self.labels,
            "found_claims": self.found,
            "matched": self.matched,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "verdict_accuracy": round(self.verdict_accuracy, 3),
            "checked": self.checked,
            "false_alarms": self.false_alarms,
            "false_alarms_per_100": round(self.false_alarms_per_100, 2),
            "false_claims": self.false_claims,
            "false_caught": self.false_caught,
        }


def _matches(label: dict[str, Any], claim: Claim) -> bool:
    if label.get("kind") != claim.kind:
        return False
    wanted = str(label.get("text", "")).casefold()
    got = claim.text.casefold()
    if wanted and wanted not in got and not re.search(rf"(?<![\w.]){re.escape(got)}(?!\w)", wanted):
        return False
    return not (label.get("country") and label["country"] != claim.country)


def load_labels(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ClaimsInputError(f"{path}: invalid YAML ({error})") from error
    if not isinstance(data, dict) or "article" not in data:
        raise ClaimsInputError(f"{path}: expected a mapping with 'article' and 'claims'")
    data.setdefault("claims", [])
    return data


def article_text(path: Path) -> bytes:
    """The article as stored, without the corpus's own ``SOURCE: url (publisher, date)`` header line
    (bibliographic metadata for the reader of the corpus, not part of the page)."""
    raw = path.read_bytes()
    if raw.startswith(b"SOURCE:"):
        raw = raw.split(b"\n", 1)[1] if b"\n" in raw else b""
    return raw


def score_article(folder: Path, labels: dict[str, Any], *, give_date: bool = False) -> ArticleScore:
    """Score one labelled article. ``date`` in the labels is given to the checker (as ``--date``);
    ``published`` is the true date, given only with ``give_date=True`` (otherwise the checker must
    find the date in the page, as it must for a user who does not pass ``--date``)."""
    article = folder / str(labels["article"])
    date = labels.get("date") or (labels.get("published") if give_date else None)
    result = check(article_text(article), date=str(date) if date else None)
    wanted: list[dict[str, Any]] = list(labels.get("claims") or [])
    unmatched = list(result.claims)
    score = ArticleScore(article.name, len(wanted), len(result.claims), 0, 0)
    for label in wanted:
        hit = next((claim for claim in unmatched if _matches(label, claim)), None)
        if label.get("verdict") == "contradicted":
            score.false_claims += 1
            score.false_caught += hit is not None and hit.verdict == "contradicted"
        if hit is None:
            score.missed.append(label)
            continue
        unmatched.remove(hit)
        score.matched += 1
        if hit.verdict == label.get("verdict"):
            score.verdicts_right += 1
        else:
            score.wrong_verdicts.append((label, hit))
            if hit.verdict == "contradicted":
                score.false_alarms.append(hit)
    score.extra = unmatched
    score.false_alarms += [claim for claim in unmatched if claim.verdict == "contradicted"]
    score.checked = sum(claim.verdict != "not checkable" for claim in result.claims)
    return score


def evaluate_corpus(folder: str | Path, *, batch: int | None = None, give_date: bool = False) -> CorpusScore:
    """Score every labelled article in ``folder`` (only those of ``batch`` when given)."""
    root = Path(folder)
    if not root.is_dir():
        raise ClaimsInputError(f"{root} is not a folder of labelled articles")
    labels = [load_labels(path) for path in sorted(root.glob("*.yaml"))]
    if batch is not None:
        labels = [item for item in labels if item.get("batch") == batch]
    return CorpusScore([score_article(root, item, give_date=give_date) for item in labels])


def report(score: CorpusScore, *, verbose: bool = True) -> str:
    lines = []
    for article in score.articles:
        lines.append(
            f"{article.name}: {article.matched}/{article.labels} found, {article.found} claims, "
            f"{article.verdicts_right}/{article.matched} verdicts right"
        )
        if verbose:
            lines += [f"   missed   {m}" for m in article.missed]
            lines += [
                f"   extra    {c.kind} {c.text!r} {c.country or ''} → {c.verdict}"
                + (f" ({c.note[:120]})" if c.verdict == "contradicted" else "")
                for c in article.extra
            ]
            lines += [
                f"   verdict  {label.get('text')!r}: labelled {label.get('verdict')}, got {c.verdict} ({c.note[:100]})"
                for label, c in article.wrong_verdicts
            ]
    summary = score.summary()
    lines.append(
        f"precision {summary['precision']:.3f}  recall {summary['recall']:.3f}  verdict accuracy "
        f"{summary['verdict_accuracy']:.3f}  ({summary['matched']} matched of {summary['labelled_claims']} "
        f"labelled, {summary['found_claims']} found, {summary['articles']} articles)"
    )
    lines.append(
        f"false alarms {summary['false_alarms']} in {summary['checked']} claims checked "
        f"({summary['false_alarms_per_100']:.1f} per 100); false claims caught {summary['false_caught']} "
        f"of {summary['false_claims']}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    positional = [arg for arg in args if not arg.startswith("-")]
    folder = positional[0] if positional else "tests/claims/corpus"
    batch = next((int(arg.split("=", 1)[1]) for arg in args if arg.startswith("--batch=")), None)
    try:
        score = evaluate_corpus(folder, batch=batch, give_date="--give-date" in args)
        print(report(score, verbose="-q" not in args))
    except ClaimsInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def __getattr__(name: str) -> Any:
    """``evaluate`` was renamed ``evaluate_corpus`` (``natosim.evaluate`` evaluates a scenario)."""
    if name == "evaluate":
        warnings.warn("natosim.engines.claims.evaluate.evaluate is now evaluate_corpus", FutureWarning, stacklevel=2)
        return evaluate_corpus
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
