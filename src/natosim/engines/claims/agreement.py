"""How often two careful people labelling the same real articles agree: the ceiling a checker is
measured against.

The labels of the real corpus (``tests/claims/real``) are one reader's. A second reader labelled a
sample of those articles again, independently, with the same guide and without seeing the first
labels (``tests/claims/real/second-labels``, round 5). If two people agree on 93 % of verdicts, a
checker's "95 % of verdicts right" is measured against labels that are themselves uncertain by about
that much; and the share of the first reader's claims the second also finds is what "recall" means
for a person.

Two labels are the same claim when they are of the same kind and their texts overlap in the article:
labellers cut spans differently ("23 allies" and "23 allies will meet the 2% target"), so the
containment test of ``evaluate`` would undercount agreement.

    python -m natosim.engines.claims.agreement tests/claims/real tests/claims/real/second-labels
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from natosim.engines.claims.evaluate import article_text, load_labels
from natosim.engines.claims.model import ClaimsInputError


@dataclass
class LabelAgreement:
    """Counts over the claims of the articles both readers labelled."""

    articles: int = 0
    first: int = 0  # labels of the first reader (the corpus)
    second: int = 0  # labels of the second reader
    matched: int = 0  # claims both labelled (same kind, overlapping text)
    same_verdict: int = 0
    first_false: int = 0  # claims the first reader labelled contradicted
    second_false: int = 0
    both_false: int = 0  # claims both readers labelled contradicted
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def found_by_second(self) -> float:
        """Share of the first reader's labels the second also labelled (a person's "recall")."""
        return self.matched / self.first if self.first else 1.0

    @property
    def verdicts_agree(self) -> float:
        return self.same_verdict / self.matched if self.matched else 1.0

    def summary(self) -> dict[str, float | int]:
        return {
            "articles": self.articles,
            "first_labels": self.first,
            "second_labels": self.second,
            "matched": self.matched,
            "found_by_second": round(self.found_by_second, 3),
            "verdicts_agree": round(self.verdicts_agree, 3),
            "first_false": self.first_false,
            "second_false": self.second_false,
            "both_false": self.both_false,
        }


def _spans(claims: list[dict[str, Any]], text: str) -> list[tuple[dict[str, Any], tuple[int, int] | None]]:
    low = text.casefold()
    out: list[tuple[dict[str, Any], tuple[int, int] | None]] = []
    for claim in claims:
        wanted = str(claim.get("text", "")).casefold()
        start = low.find(wanted) if wanted else -1
        out.append((claim, (start, start + len(wanted)) if start >= 0 else None))
    return out


def label_agreement(first: str | Path, second: str | Path) -> LabelAgreement:
    """Compare every ``.yaml`` in ``second`` with the label file of the same name in ``first``."""
    first_dir, second_dir = Path(first), Path(second)
    if not first_dir.is_dir() or not second_dir.is_dir():
        raise ClaimsInputError(f"{first_dir} and {second_dir} must both be folders of label files")
    score = LabelAgreement()
    for path in sorted(second_dir.glob("*.yaml")):
        if not (first_dir / path.name).exists():
            raise ClaimsInputError(f"{path.name}: no label file of that name in {first_dir}")
        theirs, ours = load_labels(path), load_labels(first_dir / path.name)
        text = article_text(first_dir / str(ours["article"])).decode("utf-8", errors="replace")
        a = _spans(list(ours.get("claims") or []), text)
        b = _spans(list(theirs.get("claims") or []), text)
        score.articles += 1
        score.first += len(a)
        score.second += len(b)
        score.first_false += sum(claim.get("verdict") == "contradicted" for claim, _ in a)
        score.second_false += sum(claim.get("verdict") == "contradicted" for claim, _ in b)
        taken: set[int] = set()
        for claim, span in a:
            if span is None:
                continue
            hit = next(
                (
                    j
                    for j, (other, other_span) in enumerate(b)
                    if j not in taken
                    and other_span is not None
                    and other.get("kind") == claim.get("kind")
                    and span[0] < other_span[1]
                    and other_span[0] < span[1]
                ),
                None,
            )
            if hit is None:
                continue
            taken.add(hit)
            pair = (str(claim.get("verdict")), str(b[hit][0].get("verdict")))
            score.matched += 1
            score.same_verdict += pair[0] == pair[1]
            score.both_false += pair == ("contradicted", "contradicted")
            score.pairs[pair] += 1
    return score


def _main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m natosim.engines.claims.agreement FIRST_LABELS SECOND_LABELS", file=sys.stderr)
        return 2
    try:
        score = label_agreement(args[0], args[1])
    except ClaimsInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    s = score.summary()
    print(
        f"{s['articles']} articles: the second reader found {s['matched']} of the first's {s['first_labels']} "
        f"labels ({s['found_by_second']:.3f}) and labelled {s['second_labels']}; verdicts agree on "
        f"{score.same_verdict} of {s['matched']} ({s['verdicts_agree']:.3f}); false claims: first {s['first_false']}, "
        f"second {s['second_false']}, both {s['both_false']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
