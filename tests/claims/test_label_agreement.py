"""Two people labelling the same 20 real articles independently (round 5): how far they agree is the
ceiling the checker's accuracy is read against (docs/claims.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from natosim.engines.claims.agreement import _main as agreement_main
from natosim.engines.claims.agreement import label_agreement
from natosim.engines.claims.model import ClaimsInputError

REAL = Path(__file__).parent / "real"
SECOND = REAL / "second-labels"


def test_two_readers_agree_on_most_verdicts_but_not_all() -> None:
    score = label_agreement(REAL, SECOND)
    assert score.articles == 20
    assert (score.first, score.second, score.matched) == (150, 165, 134)
    assert score.found_by_second == pytest.approx(134 / 150)
    assert score.same_verdict == 125  # 0.933: below the 95 % for the checker
    assert (score.first_false, score.second_false, score.both_false) == (18, 18, 15)
    assert score.pairs[("supported", "supported")] == 100


def test_every_second_label_file_names_an_article_of_the_corpus() -> None:
    for path in SECOND.glob("*.yaml"):
        assert (REAL / path.name).exists(), path.name


def test_a_folder_that_is_not_there_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ClaimsInputError, match="must both be folders"):
        label_agreement(REAL, tmp_path / "missing")
    assert agreement_main([str(REAL)]) == 2
    assert "usage" in capsys.readouterr().err
