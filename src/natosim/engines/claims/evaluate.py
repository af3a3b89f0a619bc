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


def score_article(folder: Path, labels: dict[str, Any]) -> ArticleScore:
    article = folder / str(labels["article"])
    date = labels.get("date")
    result = check(article.read_bytes(), date=str(date) if date else None)
    wanted: list[dict[str, Any]] = list(labels.get("claims") or [])
    unmatched = list(result.claims)
    score = ArticleScore(article.name, len(wanted), len(result.claims), 0, 0)
    for label in wanted:
        hit = next((claim for claim in unmatched if _matches(label, claim)), None)
        if hit is None:
            score.missed.append(label)
            continue
        unmatched.remove(hit)
        score.matched += 1
        if hit.verdict == label.get("verdict"):
            score.verdicts_right += 1
        else:
            score.wrong_verdicts.append((label, hit))
    score.extra = unmatched
    return score


def evaluate(folder: str | Path) -> CorpusScore:
    """Score every labelled article in ``folder``."""
    root = Path(folder)
    if not root.is_dir():
        raise ClaimsInputError(f"{root} is not a folder of labelled articles")
    return CorpusScore([score_article(root, load_labels(path)) for path in sorted(root.glob("*.yaml"))])


def report(score: CorpusScore, *, verbose: bool = True) -> str:
    lines = []
    for article in score.articles:
        lines.append(
            f"{article.name}: {article.matched}/{article.labels} found, {article.found} claims, "
            f"{article.verdicts_right}/{article.matched} verdicts right"
        )
        if verbose:
            lines += [f"   missed   {m}" for m in article.missed]
            lines += [f"   extra    {c.kind} {c.text!r} → {c.verdict}" for c in article.extra]
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
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = args[0] if args else "tests/claims/corpus"
    try:
        print(report(evaluate(folder), verbose="-q" not in args))
    except ClaimsInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
