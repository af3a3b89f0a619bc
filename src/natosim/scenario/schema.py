"""What a scenario file may say: a pydantic schema, strict about names and types.

A scenario is a named, documented, sourced list of policies over a period::

    name: us-conditional-guarantee-2pct
    title: The US defends only allies at 2% of GDP
    description: ...
    sources:
      - {title: ..., url: ..., date: 2024-02-10, publisher: ..., confidence: high}
    period: {start: 2014, end: 2025}
    baseline_year: 2024
    policies:
      - type: conditional-guarantee
        guarantor: USA
        min_pct_gdp: 2.0

``period``: the years evaluated (a year after the last year of data carries the figures of
``baseline_year``, flagged). ``baseline_year``: the headline year of summaries, and the data year
held for later years. ``pledge``: the pledge compliance is measured against (default: the latest
headline pledge in force each year). Unknown keys are errors (a misspelt key never silently does
nothing).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from natosim.data import editions
from natosim.policies import PolicySpec
from natosim.state import data_years

Confidence = Literal["high", "medium", "low"]
NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class SourceRef(BaseModel):
    """The news report or statement a scenario models (what a journalist would cite)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str = Field(min_length=1)
    url: str = Field(min_length=1)
    date: dt.date
    publisher: str = ""
    #: how sure we are the source says what the scenario models (see FACTS_README's labels)
    confidence: Confidence = "medium"
    note: str = ""


class Period(BaseModel):
    """First and last year evaluated (inclusive)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=1949, le=2100)
    end: int = Field(ge=1949, le=2100)

    @model_validator(mode="before")
    @classmethod
    def _pair(cls, value: Any) -> Any:
        if isinstance(value, list | tuple) and len(value) == 2:
            return {"start": value[0], "end": value[1]}
        if isinstance(value, int) and not isinstance(value, bool):
            return {"start": value, "end": value}
        return value

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self

    def years(self) -> list[int]:
        return list(range(self.start, self.end + 1))


class Scenario(BaseModel):
    """A named what-if: policies applied in order to the baseline of each year of ``period``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    title: str = ""
    description: str = Field(min_length=1)
    sources: list[SourceRef] = Field(min_length=1)
    edition: str | None = None
    period: Period
    baseline_year: int
    pledge: str | None = None
    confidence: Confidence = "medium"
    #: what the scenario is meant to show (one line each; shown by ``natosim scenario show``)
    questions: list[str] = Field(default_factory=list)
    policies: list[PolicySpec] = Field(min_length=1)

    _path: str | None = PrivateAttr(default=None)
    _policy_lines: list[int | None] = PrivateAttr(default_factory=list)

    @field_validator("name")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not NAME.match(value):
            raise ValueError(
                f"{value!r} is not a name: use lower-case letters, digits and '-' (e.g. us-withdrawal-executive)"
            )
        return value

    @field_validator("period")
    @classmethod
    def _period_in_data(cls, value: Period, info: ValidationInfo) -> Period:
        years = data_years(info.data.get("edition"))
        if value.start < years[0]:
            raise ValueError(f"period starts in {value.start}, before the first year of data ({years[0]})")
        return value

    @field_validator("baseline_year")
    @classmethod
    def _baseline_in_data(cls, value: int, info: ValidationInfo) -> int:
        years = data_years(info.data.get("edition"))
        if value not in years:
            raise ValueError(f"baseline_year {value} has no figures; allowed: {years[0]}–{years[-1]}")
        return value

    @field_validator("edition")
    @classmethod
    def _edition(cls, value: str | None) -> str | None:
        known = editions()
        if value is not None and value not in known:
            raise ValueError(f"unknown edition {value!r}; allowed: {', '.join(known)}")
        return value

    @property
    def path(self) -> str | None:
        """The file the scenario was read from (None if built in code)."""
        return self._path

    def years(self) -> list[int]:
        return self.period.years()

    def policy_line(self, index: int) -> int | None:
        """The line of the file where policy ``index`` starts (None if not read from a file)."""
        return self._policy_lines[index] if index < len(self._policy_lines) else None

    def headline(self) -> str:
        return self.title or self.name
