"""What natosim accepts: the calendar range it models, finite numbers, and size limits.

One home for every bound, so the CLI, the API and the file loaders refuse the same inputs with the
same message. Why bounds at all: one typo (a year 9999, ``--threshold nan``, a 20 GB file) must give
one clear line, never a traceback, a wrong answer or an exhausted machine.

Limits have defaults sized for a laptop and can be raised per call (an option, named in the error)
or for good (an environment variable, also named in the error).
"""

from __future__ import annotations

import datetime as dt
import math
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from natosim.errors import LimitExceeded, OutOfRange

MODEL_RANGE_FILE = Path(__file__).parent / "rules" / "parameters" / "model_range.yaml"


@cache
def model_range() -> tuple[dt.date, dt.date]:
    """First and last calendar date natosim models (rules/parameters/model_range.yaml)."""
    import yaml

    data = yaml.safe_load(MODEL_RANGE_FILE.read_text(encoding="utf-8"))
    first, last = data["first_date"], data["last_date"]
    if not (isinstance(first, dt.date) and isinstance(last, dt.date) and first < last):
        raise OutOfRange(f"{MODEL_RANGE_FILE}: first_date and last_date must be dates, first before last")
    return first, last


def check_date(value: dt.date, field: str = "date") -> dt.date:
    """``value`` if it lies in the modelled range, else ``OutOfRange`` naming the field and the range."""
    first, last = model_range()
    if isinstance(value, dt.datetime):
        value = value.date()
    if not first <= value <= last:
        raise OutOfRange(
            f"{field}: {value.isoformat()} is outside the dates natosim models "
            f"({first.isoformat()} to {last.isoformat()})",
            field=field,
        )
    return value


def check_year(value: int, field: str = "year") -> int:
    """A year inside the modelled range."""
    first, last = model_range()
    if not first.year <= value <= last.year:
        raise OutOfRange(
            f"{field}: {value} is outside the years natosim models ({first.year}–{last.year})", field=field
        )
    return value


def check_number(
    value: float,
    field: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    what: str = "a number",
) -> float:
    """A finite number within [minimum, maximum]; NaN, infinity and out-of-range values are refused."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise OutOfRange(f"{field}: {value!r} is not a finite number; give {what}", field=field)
    low = minimum is not None and value < minimum
    high = maximum is not None and value > maximum
    if low or high:
        span = (
            f"between {minimum:g} and {maximum:g}"
            if minimum is not None and maximum is not None
            else (f"at least {minimum:g}" if minimum is not None else f"at most {maximum:g}")
        )
        raise OutOfRange(f"{field}: {value:g} is out of range; give {what} {span}", field=field)
    return value


@dataclass(frozen=True)
class Limit:
    """A size limit: its default, the environment variable that changes it, the option that raises it."""

    name: str
    default: int
    unit: str
    env: str
    option: str

    def value(self, override: int | None = None) -> int:
        """The limit in force: ``override`` (the option), else the environment variable, else the default."""
        if override is not None:
            return int(check_number(override, self.option, minimum=1, what=f"a positive number of {self.unit}"))
        text = os.environ.get(self.env)
        if text:
            try:
                number = int(text)
            except ValueError:
                raise OutOfRange(f"{self.env}={text!r}: give a whole number of {self.unit}", field=self.env) from None
            return int(check_number(number, self.env, minimum=1, what=f"a positive number of {self.unit}"))
        return self.default

    def check(self, amount: float, override: int | None = None, what: str = "") -> None:
        """Refuse ``amount`` above the limit, naming the option and the variable that raise it."""
        allowed = self.value(override)
        if amount > allowed:
            shown = f"{amount:,.0f}" if amount >= 10 else f"{amount:.2f}"
            how = f"{self.option} N or {self.env}=N" if self.option != self.env else f"{self.env}=N"
            raise LimitExceeded(
                f"{what or self.name}: {shown} {self.unit} is above the limit of {allowed:,} {self.unit}; "
                f"raise it with {how}",
                field=self.option.lstrip("-").replace("-", "_"),
            )


#: every limit natosim enforces outside the crisis engine (which keeps its own, engines/crisis)
LIMITS: dict[str, Limit] = {
    "import_mb": Limit("import", 64, "MB", "NATOSIM_MAX_IMPORT_MB", "--max-size-mb"),
    "scenario_kb": Limit("scenario file", 512, "KB", "NATOSIM_MAX_SCENARIO_KB", "NATOSIM_MAX_SCENARIO_KB"),
}


def limit(name: str) -> Limit:
    return LIMITS[name]


def describe() -> list[dict[str, Any]]:
    """Every limit with its value in force (for docs and ``natosim data paths``)."""
    return [
        {"limit": lim.name, "value": lim.value(), "unit": lim.unit, "option": lim.option, "env": lim.env}
        for lim in LIMITS.values()
    ]
