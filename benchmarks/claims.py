"""The claim checker's speed on a long text: time per claim and per 1,000 characters, as a ratio to
reading the same text (sentence splitting and cleaning only) in the same run.

Run: ``.venv/bin/python benchmarks/claims.py [--copies 7]``. The text is the real-article corpus
(tests/claims/real) repeated ``--copies`` times (7 copies ≈ 290,000 characters, the size of the
article that took 116 s before the lookups were cached: issue 13).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import best_of

from natosim.engines.claims import check
from natosim.engines.claims.article import read
from natosim.engines.claims.evaluate import article_text

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "claims" / "real"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [article_text(path).decode() for path in sorted(CORPUS.glob("*.txt"))]
    text = ("\n\n".join(texts) + "\n\n") * args.copies
    claims = len(check(text, date="2025-01-01", max_characters=len(text)).claims)  # warms the data caches
    reading = best_of(lambda: read(text, max_characters=len(text)), args.repeat)
    checking = best_of(lambda: check(text, date="2025-01-01", max_characters=len(text)), args.repeat)
    print(f"{len(text):,} characters, {claims} claims")
    print(f"read  {reading:.3f} s")
    print(
        f"check {checking:.3f} s  ({checking / claims * 1000:.1f} ms per claim, "
        f"{checking / len(text) * 1e6:.1f} ms per 1,000 characters)"
    )
    print(f"check / read = {checking / reading:.1f}")


if __name__ == "__main__":
    main()
