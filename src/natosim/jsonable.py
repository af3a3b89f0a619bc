"""Library results → plain JSON values: ISO3 codes, ISO dates, numbers as numbers, missing as null.

One conversion for every place that writes JSON — ``--format json``, the HTTP API, the run store,
``Result.to_json()`` — so a figure reads the same in the terminal, the API and the dashboard.
Missing stays missing: NaN becomes ``null``, never 0.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from enum import Enum
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd


def jsonable(value: Any) -> Any:
    """Turn numpy/pandas scalars, frames, pydantic models, dataclasses, dates and NaN into JSON values."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, pd.DataFrame):
        return records(value)
    if isinstance(value, pd.Series):
        return [jsonable(v) for v in value.tolist()]
    if isinstance(value, np.ndarray):
        return [jsonable(v) for v in value.tolist()]
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if hasattr(value, "model_dump"):
        return jsonable(value.model_dump(mode="json"))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """One JSON object per row; NaN/NA/NaT → null."""
    return [{str(k): jsonable(v) for k, v in row.items()} for row in frame.to_dict("records")]
