"""Forces as data: every entry sourced and dated; the theatre reads them for the year asked."""

from __future__ import annotations

import pytest

from natosim.engines.crisis import CrisisError, CrisisParams, Theatre, build_theatre, load_forces
from natosim.engines.crisis.scenario_link import scenario_state


def _entries(node: object) -> list[dict]:
    """Every mapping in the file that states a figure (troops, share or tiers)."""
    found: list[dict] = []
    if isinstance(node, dict):
        if {"troops", "share", "tiers"} & set(node) and "source" in node:
            found.append(node)
        for value in node.values():
            found += _entries(value)
    elif isinstance(node, list):
        for value in node:
            found += _entries(value)
    return found


def test_every_figure_carries_source_url_and_confidence() -> None:
    data = load_forces().data
    entries = _entries(data)
    assert len(entries) >= 20
    for entry in entries:
        assert entry["source"] and entry["confidence"], entry
        assert entry.get("urls"), entry
    assert data["missing"], "what was not found is listed"


def test_force_model_tiers_in_2024_and_the_enrf_in_2016(est2024: Theatre, est2016: Theatre) -> None:
    assert est2024.readiness == "nfm_madrid_2022" and est2016.readiness == "enrf_2015"
    # the guarantors' shares of each tier add up to the tier less the target's own share
    tier1 = est2024.c_troops[est2024.c_tier == 1].sum()
    assert 95_000 < tier1 < 100_000
    assert est2016.c_troops[est2016.c_tier == 1].sum() < 5_000
    usa = est2024.guarantors.index("USA")
    us_tiers = est2024.c_origin[int(next(i for i, o in enumerate(est2024.c_owner) if o == usa))]
    assert us_tiers == "DEU"  # US tier-1 forces leave from Germany


def test_forward_presence_is_dated(est2024: Theatre, est2016: Theatre) -> None:
    assert list(est2024.f_troops) == [1430.0]  # UK-led eFP battlegroup (NATO, June 2022)
    assert est2016.f_troops.size == 0  # eFP began in 2017
    lithuania_2027 = build_theatre("LTU", 2027)
    assert 5000.0 in list(lithuania_2027.f_troops)  # Panzerbrigade 45 at planned strength
    assert any("planned" in n for n in lithuania_2027.notes)


def test_russia_is_dated_and_the_axes_are_measured(est2024: Theatre, est2016: Theatre) -> None:
    assert est2016.ukraine_share == 0.0 and est2024.ukraine_share == 0.8
    assert est2024.russia_base == 30_000
    assert 190 < est2024.axis_km < 205  # Narva to Tallinn
    assert 25 < build_theatre("LTU", 2024).axis_km < 35  # Medininkai to Vilnius
    assert est2024.own_troops == pytest.approx(7456, abs=1)  # NATO Table 7, 2024


def test_a_withdrawn_guarantor_leaves_no_forward_forces() -> None:
    state, label = scenario_state("us-withdrawal-act-of-congress", 2027)
    theatre = build_theatre("POL", 2027, state, CrisisParams(), scenario=label)
    assert "USA" not in theatre.guarantors and theatre.f_troops.size == 0
    assert any("USA's forces in POL are not counted" in n for n in theatre.notes)


def test_targets_without_a_border_are_refused() -> None:
    with pytest.raises(CrisisError, match=r"no land border with Russia or Belarus.*EST, LVA, LTU, POL, FIN, NOR"):
        build_theatre("ESP", 2024)
    with pytest.raises(CrisisError, match="no readiness-tier data before 2015"):
        build_theatre("EST", 2014)


def test_a_theatre_round_trips_through_json(est2024: Theatre) -> None:
    import json

    again = Theatre.from_dict(json.loads(json.dumps(est2024.to_dict())))
    assert again.guarantors == est2024.guarantors
    assert (again.c_troops == est2024.c_troops).all() and again.axis_km == est2024.axis_km


def test_an_ally_missing_from_the_years_table_keeps_its_latest_figure(est2024: Theatre) -> None:
    """NATO's 2025 estimates give no personnel for France, the UK and the US: their 2024 figures are
    held (said in the notes), so the US still brings its share of each tier."""
    est2025 = build_theatre("EST", 2025)
    us = est2025.guarantors.index("USA")
    us_tier1 = est2025.c_troops[(est2025.c_owner == us) & (est2025.c_tier == 1)].sum()
    assert us_tier1 == pytest.approx(est2024.c_troops[(est2024.c_owner == us) & (est2024.c_tier == 1)].sum(), rel=0.05)
    assert any("their 2024 figures are held" in note and "USA" in note for note in est2025.notes)
    assert any("no personnel figure for ISL" in note for note in est2025.notes)  # no armed forces: stays missing
