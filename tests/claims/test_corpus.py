"""The labelled corpus: every labelled claim is found with the labelled verdict, and the corpus-wide
precision and recall stay at the figures documented in docs/claims.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from natosim.engines.claims.evaluate import evaluate_corpus, load_labels, report, score_article

CORPUS = Path(__file__).parent / "corpus"
LABELS = sorted(CORPUS.glob("*.yaml"))


def test_corpus_is_big_enough_and_mixed() -> None:
    articles = [CORPUS / str(load_labels(path)["article"]) for path in LABELS]
    assert len(articles) >= 15
    assert all(path.exists() for path in articles)
    assert {path.suffix for path in articles} == {".txt", ".html"}
    kinds = {claim["kind"] for path in LABELS for claim in load_labels(path)["claims"]}
    from natosim.engines.claims import KINDS

    assert kinds == set(KINDS), f"claim kinds without a labelled example: {set(KINDS) - kinds}"
    verdicts = {claim["verdict"] for path in LABELS for claim in load_labels(path)["claims"]}
    assert verdicts == {"supported", "contradicted", "imprecise", "not checkable"}


@pytest.mark.parametrize("labels", LABELS, ids=[path.stem for path in LABELS])
def test_article_claims_found_with_labelled_verdicts(labels: Path) -> None:
    score = score_article(CORPUS, load_labels(labels))
    assert not score.missed, f"labelled claims not found: {score.missed}"
    wrong = [
        (label.get("text"), label.get("verdict"), claim.verdict, claim.note) for label, claim in score.wrong_verdicts
    ]
    assert not wrong, f"wrong verdicts: {wrong}"


def test_precision_and_recall_over_corpus() -> None:
    score = evaluate_corpus(CORPUS)
    print(report(score, verbose=False))
    assert score.recall >= 0.95
    assert score.precision >= 0.95
    assert score.verdict_accuracy >= 0.95


def test_every_verdict_carries_sourced_evidence() -> None:
    """Data is sacred: a supported, contradicted or imprecise claim always names a figure or rule and its
    source (a natosim source id or the rule's citation), and a contradiction says what natosim holds."""
    from natosim.data import sources
    from natosim.engines.claims import check

    known_ids = set(sources()["id"]) | {"facts-members"}
    for labels in LABELS:
        result = check(
            (CORPUS / str(load_labels(labels)["article"])).read_bytes(), date=load_labels(labels).get("date")
        )
        for claim in result.claims:
            if claim.verdict == "not checkable":
                assert claim.note, claim
                continue
            assert claim.evidence, claim
            for item in claim.evidence:
                assert item.source and (item.source in known_ids or "." in item.source), item
            if claim.verdict == "contradicted":
                assert claim.expected is not None, claim
