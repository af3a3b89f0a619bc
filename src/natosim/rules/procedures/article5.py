"""If a country is attacked, does Article 5 apply, who is bound, and what must be decided?

Rules applied (``rules/parameters/treaty.yaml``):
- Art. 6 scope: an armed attack on the territory of a party in Europe or North America (Turkey
  included since its accession), or on islands under a party's jurisdiction in the North Atlantic
  north of the Tropic of Cancer. An ally's home territory is in scope when its capital (allies
  table) lies north of the Tropic of Cancer (the latitude is a YAML parameter); the commonly
  cited exclusions (Hawaii, territories south of the Tropic of Cancer, Ceuta and Melilla) are
  interpretations, never tested, and are listed as caveats. A non-ally is not covered.
- Art. 5: every other party is bound to assist, each "by such action as it deems necessary" — no
  automatic military response. Collective NATO measures need a North Atlantic Council decision by
  consensus (Art. 9 practice; in 2001 the Council determined the attack was covered).
- Art. 4: any ally may ask for consultations first.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import ConfigDict

from natosim.data import allies as allies_table
from natosim.data import country_name, resolve_country
from natosim.dates import parse_date
from natosim.rules import aspirants
from natosim.rules.errors import ProcedureError
from natosim.rules.in_force import at
from natosim.rules.models import Invocation, Outcome
from natosim.rules.procedures.steps import ProcedureResult, Step, overall, today

TREATY_SOURCE = "North Atlantic Treaty, Arts. 4-6, 9 (https://www.nato.int/archives/1st5years/annexes/a.htm)"


class Article5Result(ProcedureResult):
    """Collective defence of ``target`` on ``date``."""

    model_config = ConfigDict(frozen=True)

    title: ClassVar[str] = "Article 5: collective defence"

    target: str
    date: dt.date
    ally: bool
    covered: bool
    outcome: Outcome
    #: allies bound to assist (every ally but the target), each acting as it deems necessary
    bound: list[str]
    #: allies whose consensus a collective NATO decision needs (all allies)
    consensus_of: list[str]
    automatic_military_response: bool
    form_of_assistance: str
    covered_territory: list[str]
    #: what the scope check rests on (the ally's capital from the allies table)
    territory_evidence: str
    caveats: list[str]
    reason: str
    precedents: list[Invocation]
    steps: list[Step]


def article5(target: str, date: str | dt.date | None = None) -> Article5Result:
    """Evaluate an armed attack on ``target`` (a country name or code) on ``date`` (default today)."""

    day = parse_date(date, "date") if date is not None else today()
    rules = at(day)
    if not rules.treaty_in_force:
        raise ProcedureError(f"the treaty was not in force on {day.isoformat()}", field="date")
    iso3 = resolve_country(target)
    name = f"{country_name(iso3)} ({iso3})"
    allies = rules.allies
    scope = rules.articles[6].rule
    defence = rules.articles[5].rule
    territory = [item["item"] for item in scope["covered_territory"]]
    caveats = [str(item) for item in scope["commonly_cited_exclusions_interpretation"]]
    is_ally = iso3 in allies
    tropic = float(scope["tropic_of_cancer_latitude_deg"])
    evidence = ""
    covered = False
    if is_ally:
        # The allies table gives each ally's capital: north of the Tropic of Cancer (Art. 6, YAML
        # parameter) and on the ally's own territory, so its home territory is in the Art. 6 area.
        capital = allies_table().set_index("iso3").loc[iso3]
        covered = float(capital["capital_lat"]) >= tropic
        evidence = (
            f"capital {capital['capital']} at {float(capital['capital_lat']):.2f}°N, "
            f"{float(capital['capital_lon']):.2f}°E (Tropic of Cancer {tropic}°N)"
        )
    if covered:
        reason = (
            f"{name} is an ally on {day.isoformat()}; its home territory ({evidence}) is in the Art. 6 area; "
            "overseas territories may not be (see caveats)"
        )
    elif is_ally:
        reason = f"{name} is an ally but its home territory is outside the Art. 6 area ({evidence})"
    else:
        aspirant = aspirants().set_index("iso3")
        status = f" ({aspirant.loc[iso3, 'status']})" if iso3 in aspirant.index else ""
        reason = (
            f"{name}{status} is not an ally on {day.isoformat()}: Art. 5 covers only parties' territory "
            "(Art. 6); any help would rest on other commitments, not Art. 5"
        )
    bound = [code for code in allies if code != iso3] if covered else []
    scope_outcome: Outcome = "possible" if covered else "blocked"
    steps = [
        Step(
            actor="Any ally",
            action="request consultations (optional, no vote, no obligation to act)",
            rule="Art. 4",
            source=TREATY_SOURCE,
            outcome="possible",
            earliest_date=day,
            note=f"{len(rules.article_4_requests)} Art. 4 requests up to this date",
        ),
        Step(
            actor="North Atlantic Council",
            action=f"check the Art. 6 scope: is {name} a party's territory in the area?",
            rule="Art. 6",
            source=TREATY_SOURCE,
            outcome=scope_outcome,
            note=reason,
        ),
        Step(
            actor=f"North Atlantic Council ({len(allies)} allies, consensus)",
            action="determine that an armed attack covered by Art. 5 has occurred",
            rule=f"Art. 5; {defence['determination']}",
            source=TREATY_SOURCE,
            outcome=scope_outcome,
            earliest_date=day if covered else None,
            note="precedent: 12 Sept 2001 (confirmed 2 Oct 2001)",
        ),
        Step(
            actor=f"Each of the {len(bound)} other allies" if covered else "—",
            action=f"assist {name} by {defence['form_of_assistance']}",
            rule="Art. 5 (individual action: no consensus needed, no automatic military response)",
            source=TREATY_SOURCE,
            outcome=scope_outcome,
            earliest_date=day if covered else None,
        ),
        Step(
            actor=f"North Atlantic Council ({len(allies)} allies, consensus)",
            action="decide collective NATO measures (operations, forces under NATO command)",
            rule=f"Art. 9 practice: {defence['collective_measures_decision']}",
            source=TREATY_SOURCE,
            outcome=scope_outcome,
            note="any single ally can withhold consensus on collective measures",
        ),
        Step(
            actor="Allies acting under Art. 5",
            action="report the attack and all measures taken to the UN Security Council",
            rule="Art. 5, second paragraph; measures end when the Security Council has acted",
            source=TREATY_SOURCE,
            outcome=scope_outcome,
        ),
    ]
    return Article5Result(
        target=iso3,
        date=day,
        ally=is_ally,
        covered=covered,
        outcome=overall(steps),
        bound=bound,
        consensus_of=list(allies) if covered else [],
        automatic_military_response=bool(defence["automatic_military_response"]),
        form_of_assistance=str(defence["form_of_assistance"]),
        covered_territory=territory,
        territory_evidence=evidence,
        caveats=caveats,
        reason=reason,
        precedents=rules.article_5_invocations,
        steps=steps,
    )
