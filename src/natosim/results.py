"""The one result protocol every natosim answer follows (issue 14).

A user who learns one result type has learnt them all: each has a ``summary`` *attribute* (a
plain dict of the headline figures, JSON-ready), ``to_frame()`` (the tidy table behind it),
``to_dict()`` (everything, JSON-ready through :func:`natosim.jsonable.jsonable`), ``explain()``
where an explanation applies, and a notebook display (``_repr_markdown_``/``_repr_html_``) that
shows the summary and the first rows instead of ``<object at 0x…>`` or a 10,000-character repr.

Result types subclass :class:`ResultMixin` and provide ``summary`` and ``to_frame()``; they may
override ``to_dict()`` and ``title``. :class:`Result` is the structural protocol the tests and
type checkers use.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

import pandas as pd

from natosim.jsonable import jsonable

#: rows shown in a notebook display; the full table is ``to_frame()``
DISPLAY_ROWS = 12


@runtime_checkable
class Result(Protocol):
    """What every natosim result offers."""

    @property
    def summary(self) -> dict[str, Any]: ...

    def to_frame(self) -> pd.DataFrame: ...

    def to_dict(self) -> dict[str, Any]: ...

    def _repr_markdown_(self) -> str: ...

    def _repr_html_(self) -> str: ...


def _scalar(value: Any) -> str:

    plain = jsonable(value)
    if plain is None:
        return "—"
    if isinstance(plain, float):
        return f"{plain:,.4g}" if abs(plain) < 1e4 else f"{plain:,.0f}"
    if isinstance(plain, list):
        text = ", ".join(str(v) for v in plain[:12])
        return text + (f", … ({len(plain)} in all)" if len(plain) > 12 else "")
    if isinstance(plain, dict):
        return f"{{{len(plain)} keys}}"
    return str(plain)


class ResultMixin:
    """Shared notebook display, ``to_dict`` and a short ``repr`` for result types."""

    #: a human title for displays; subclasses override it (a property works too)
    title: ClassVar[str] = "natosim result"

    if TYPE_CHECKING:  # provided by the subclass (attribute, dataclass field or property); no
        summary: Any  # runtime annotation, so pydantic and dataclass subclasses do not take it for a field

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Keep the short ``repr`` even on dataclass subclasses (``@dataclass`` would write its own,
        thousands of characters long, unless the class already defines one)."""
        super().__init_subclass__(**kwargs)
        if "__repr__" not in cls.__dict__:
            cls.__repr__ = ResultMixin.__repr__  # type: ignore[method-assign]

    def to_frame(self) -> pd.DataFrame:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        return {"summary": jsonable(self.summary), "rows": jsonable(self.to_frame())}

    def _summary_items(self) -> list[tuple[str, str]]:
        summary = self.summary if isinstance(self.summary, dict) else {}
        return [(str(k), _scalar(v)) for k, v in summary.items()]

    def _repr_markdown_(self) -> str:
        lines = [f"**{self.title}**", ""]
        lines += [f"- {k}: {v}" for k, v in self._summary_items()]
        frame = self.to_frame()
        if len(frame):
            lines += ["", _md_table(frame)]
            if len(frame) > DISPLAY_ROWS:
                lines.append(f"\n… {len(frame) - DISPLAY_ROWS} more rows: `.to_frame()`")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(k)}: {html.escape(v)}</li>" for k, v in self._summary_items())
        frame = self.to_frame()
        table = frame.head(DISPLAY_ROWS).to_html(index=False, na_rep="—", border=0) if len(frame) else ""
        more = (
            f"<p>… {len(frame) - DISPLAY_ROWS} more rows: <code>.to_frame()</code></p>"
            if len(frame) > DISPLAY_ROWS
            else ""
        )
        return f"<div><strong>{html.escape(self.title)}</strong><ul>{items}</ul>{table}{more}</div>"

    def __repr__(self) -> str:
        head = ", ".join(f"{k}={v}" for k, v in self._summary_items()[:6])
        return f"<{type(self).__name__} {self.title!r}: {head}>"


def _md_table(frame: pd.DataFrame) -> str:
    shown = frame.head(DISPLAY_ROWS)
    header = "| " + " | ".join(map(str, shown.columns)) + " |"
    rule = "|" + "---|" * len(shown.columns)
    body = ["| " + " | ".join(_scalar(v) for v in row) + " |" for row in shown.itertuples(index=False)]
    return "\n".join([header, rule, *body])
