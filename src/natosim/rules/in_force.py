"""What was in force on a date: the pledges, the treaty articles (as amended), the national law,
the allies, and the invocations made so far.

Every date comes from the YAML parameters (``adopted``, ``in_force_from``/``in_force_until``,
``enacted``, ``entered_into_force``) or the allies table; this module only compares a date with
them, so adding or amending a rule never needs a code change.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from pydantic import BaseModel, ConfigDict

from natosim.data import allies as allies_table
from natosim.dates import parse_date
from natosim.rules.errors import UnknownPledge
from natosim.rules.loader import load_invocations, load_national_law, load_pledges, load_treaty
from natosim.rules.models import Amendment, Article, Invocation, Pledge, UsWithdrawalLaw
from natosim.rules.targets import headline_pledge


def _in_force(item: dict[str, Any], day: dt.date) -> bool:
    start = item.get("in_force_from")
    end = item.get("in_force_until")
    return (start is None or start <= day) and (end is None or day < end)


def dated(value: Any, day: dt.date) -> Any:
    """``value`` with every list item that carries ``in_force_from``/``in_force_until`` kept only
    if it was in force on ``day`` (the end date is exclusive: 'stopped applying from')."""
    if isinstance(value, dict):
        return {key: dated(item, day) for key, item in value.items()}
    if isinstance(value, list):
        return [dated(item, day) for item in value if not (isinstance(item, dict) and not _in_force(item, day))]
    return value


def unknown_pledge(name: str, valid: list[str], extra: str = "") -> UnknownPledge:
    close = difflib.get_close_matches(name, valid, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    return UnknownPledge(f"unknown pledge {name!r}{extra}.{hint} Valid ids: {', '.join(valid)}", field="pledge")


class RulesInForce(BaseModel):
    """The rules as they stood on ``date``."""

    model_config = ConfigDict(frozen=True)

    date: dt.date
    treaty_in_force: bool
    #: pledges adopted on or before the date (and not expired), oldest first
    pledges: list[Pledge]
    #: the 14 articles with their dated rule items as in force that day (empty before 1949-08-24)
    articles: dict[int, Article]
    amendments: list[Amendment]
    #: ISO3 of the allies on that date (accession date on or before it)
    allies: list[str]
    us_withdrawal_law: UsWithdrawalLaw | None
    article_5_invocations: list[Invocation]
    article_4_requests: list[Invocation]

    def pledge(self, pledge_id: str) -> Pledge:
        """The pledge ``pledge_id`` if it was in force on this date; ``UnknownPledge`` otherwise."""
        for item in self.pledges:
            if item.id == pledge_id:
                return item
        every = [item.id for item in load_pledges()]
        if pledge_id in every:
            adopted = next(item.adopted for item in load_pledges() if item.id == pledge_id)
            raise UnknownPledge(
                f"pledge {pledge_id!r} was not in force on {self.date.isoformat()} (adopted "
                f"{adopted.isoformat()}); in force then: {', '.join(p.id for p in self.pledges) or 'none'}",
                field="pledge",
            )
        raise unknown_pledge(pledge_id, every)

    def headline_pledge(self) -> Pledge | None:
        """The latest pledge marked ``headline`` in force (the default of ``natosim compliance``)."""
        return headline_pledge(self.pledges)


def at(date: str | dt.date) -> RulesInForce:
    """The rules in force on ``date`` (a ``date`` or ``YYYY-MM-DD``).

    >>> [p.id for p in at("2024-12-31").pledges if (p.target_pct_gdp or 0) >= 5]
    []
    >>> [p.id for p in at("2025-07-01").pledges if (p.target_pct_gdp or 0) >= 5]
    ['hague-2025-total']
    """

    day = parse_date(date)
    treaty = load_treaty()
    in_force = treaty.entered_into_force <= day
    articles = (
        {
            number: article.model_copy(update={"rule": dated(article.rule, day)})
            for number, article in treaty.articles.items()
        }
        if in_force
        else {}
    )
    table = allies_table()
    members = sorted(table.loc[table["accession_date"].dt.date <= day, "iso3"])
    law = load_national_law().us_withdrawal_law
    invocations = load_invocations()
    return RulesInForce(
        date=day,
        treaty_in_force=in_force,
        pledges=[item for item in load_pledges() if item.in_force_on(day)],
        articles=articles,
        amendments=[item for item in treaty.amendments if item.date <= day],
        allies=members,
        us_withdrawal_law=law if law.enacted <= day else None,
        article_5_invocations=[item for item in invocations.article_5 if item.date <= day],
        article_4_requests=[item for item in invocations.article_4 if item.date <= day],
    )
