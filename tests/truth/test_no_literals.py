"""No year, date or edition literal in the code: they live in rules/parameters (YAML) and the data.

The pattern is the one the project's pre-stop hook uses (HELPERS.md): ``range(20xx``, a quoted
``"20xx-xx"``, ``year >= 20xx``, ``date(20xx``, and ``except ImportError`` (code that tolerates a
missing layer). Tests and the YAML parameters may hold dates; the code may not.
"""

from __future__ import annotations

import re
from pathlib import Path

import natosim

SRC = Path(natosim.__file__).parent
LITERAL = re.compile(
    r'range\(20[0-9]{2}|"20[0-9]{2}-[0-9]{2}"|year *[<>]=? *20[0-9]{2}|date\(20[0-9]{2}'
    r"|except \(?(ImportError|ModuleNotFoundError)"
)


def test_no_year_date_or_edition_literal_in_src() -> None:
    found = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if LITERAL.search(line)
    ]
    assert not found, "literals in src (move them to rules/parameters or the data):\n" + "\n".join(found)


def test_event_dates_are_structured_and_match_the_aspirants_table() -> None:
    import natosim.rules as rules

    table = rules.aspirants().set_index("iso3")
    dated = rules.events()
    bucharest, hague, wales = (dated.summit(name) for name in ("Bucharest", "The Hague", "Wales"))
    assert bucharest is not None and hague is not None and wales is not None
    assert str(bucharest.date) == table.loc["UKR", "bucharest_2008_pledge_date"]
    assert str(dated.event("ukraine-membership-application").date) == table.loc["UKR", "membership_application_date"]
    assert "2022-02-24" in table.loc["UKR", "other_key_dates"]
    assert str(dated.event("russia-full-scale-invasion-of-ukraine").date) == "2022-02-24"
    assert hague.date == rules.pledge("hague-2025-total").adopted
    assert wales.date == rules.pledge("wales-2014").adopted


def test_edition_ids_and_year_ranges_come_from_the_data() -> None:
    from natosim.data import edition_table

    table = edition_table()
    assert list(table["edition"]) == sorted(
        table["edition"], key=lambda e: table.set_index("edition").loc[e, "published"]
    )
    assert table["published"].notna().all()
