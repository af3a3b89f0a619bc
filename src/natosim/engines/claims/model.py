"""What a checked claim is: the statement found, where it stands in the original text, the verdict
and the evidence natosim holds (a figure with its source id and edition, or a rule with its source).

One ``CheckResult`` renders the same way everywhere (CLI table, JSON, Markdown, HTTP): ``to_dict()``
is the stable JSON contract, ``to_frame()`` the tidy table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from natosim.errors import NatosimError
from natosim.results import ResultMixin

if TYPE_CHECKING:
    import pandas as pd

    from natosim.engines.claims.dating import InferredDate

Verdict = Literal["supported", "contradicted", "imprecise", "not checkable"]

#: How the year a figure is about was chosen: written in the sentence ("in 2023"), relative to the
#: article date ("last year"), carried from the previous sentence, the article's own year, or
#: inferred (the latest year natosim holds, no year stated) — the weakest, and never the ground for
#: a "contradicted" verdict when the article's date is unknown.
YearSource = Literal["stated", "relative", "carried", "article date", "inferred"]


VERDICTS: tuple[str, ...] = ("supported", "contradicted", "imprecise", "not checkable")

#: Kinds of claim the checker finds are declared once, in ``kinds.REGISTRY`` (``natosim.engines.claims.KINDS``).


class ClaimsInputError(NatosimError):
    """The text to check cannot be read (binary, too large, wrong type); says what is accepted."""

    kind = "claims_input_error"


@dataclass(frozen=True)
class Evidence:
    """One thing natosim holds: a figure (``value`` with ``source`` id and ``edition``) or a rule
    (``rule`` naming it, ``source`` its citation)."""

    statement: str
    source: str
    value: float | int | str | None = None
    edition: str | None = None
    rule: str | None = None


@dataclass(frozen=True)
class Claim:
    """A checkable statement found in the text, with its verdict.

    ``span`` and ``sentence_span`` are character offsets into the ORIGINAL input (HTML included), so
    ``original[span[0]:span[1]]`` is the claim as the reader saw it in the source.
    """

    kind: str
    text: str
    sentence: str
    span: tuple[int, int]
    sentence_span: tuple[int, int]
    value: float | int | str | None
    verdict: Verdict
    evidence: tuple[Evidence, ...] = ()
    expected: float | int | str | None = None
    qualifier: str | None = None
    unit: str | None = None
    country: str | None = None
    year: int | None = None
    subject: str | None = None
    note: str = ""
    #: how ``year`` was chosen (see ``YearSource``); None for claims without a year
    year_source: YearSource | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span)
        data["sentence_span"] = list(self.sentence_span)
        data["evidence"] = [asdict(item) for item in self.evidence]
        return data


@dataclass(frozen=True, repr=False)
class CheckResult(ResultMixin):
    """Every claim found in one text, in reading order, plus how the text was read.

    The result protocol (``natosim.results``): ``summary`` (verdict counts, date, edition),
    ``to_frame()`` (one row per claim), ``to_dict()`` and a notebook display."""

    title: ClassVar[str] = "Claims checked"

    claims: list[Claim]
    input_format: Literal["text", "html", "empty"]
    date: dt.date | None
    characters: int
    sentences: int
    removed: list[tuple[int, int]] = field(default_factory=list)
    #: where the date came from: "given", "page metadata", "dateline", "inferred from the text" or "none"
    date_source: str = "none"
    #: the NATO edition figures were compared with (latest published on or before ``date``)
    edition: str | None = None
    #: when no date was given or printed: the window of dates the text places the article in, its most
    #: likely date (``date``) and the words it rests on (``date_source`` is then "inferred from the text")
    date_inferred: InferredDate | None = None

    @property
    def summary(self) -> dict[str, Any]:
        return {
            "claims": len(self.claims),
            **self.counts(),
            "date": self.date,
            "date_source": self.date_source,
            "edition": self.edition,
            "input_format": self.input_format,
        }

    def counts(self) -> dict[str, int]:
        """How many claims got each verdict."""
        return {verdict: sum(claim.verdict == verdict for claim in self.claims) for verdict in VERDICTS}

    def to_dict(self) -> dict[str, Any]:
        return {
            "input_format": self.input_format,
            "date": self.date.isoformat() if self.date else None,
            "date_source": self.date_source,
            "date_inferred": self.date_inferred.to_dict() if self.date_inferred else None,
            "edition": self.edition,
            "characters": self.characters,
            "sentences": self.sentences,
            "removed_spans": [list(span) for span in self.removed],
            "counts": self.counts(),
            "claims": [claim.to_dict() for claim in self.claims],
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per claim; evidence joined as 'statement [source, edition]'."""
        import pandas as pd

        columns = [
            "kind",
            "text",
            "value",
            "qualifier",
            "unit",
            "country",
            "year",
            "subject",
            "verdict",
            "expected",
            "evidence",
            "sources",
            "note",
            "start",
            "end",
        ]
        rows = []
        for claim in self.claims:
            rows.append(
                {
                    "kind": claim.kind,
                    "text": claim.text,
                    "value": claim.value,
                    "qualifier": claim.qualifier,
                    "unit": claim.unit,
                    "country": claim.country,
                    "year": claim.year,
                    "subject": claim.subject,
                    "verdict": claim.verdict,
                    "expected": claim.expected,
                    "evidence": "; ".join(item.statement for item in claim.evidence),
                    "sources": ";".join(dict.fromkeys(item.source for item in claim.evidence)),
                    "note": claim.note,
                    "start": claim.span[0],
                    "end": claim.span[1],
                }
            )
        return pd.DataFrame(rows, columns=columns)
