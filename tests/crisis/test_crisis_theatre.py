"""The theatre: guarantors from the alliance state, capabilities in one stated unit, distances."""

from __future__ import annotations

import numpy as np
import pytest

import natosim
from natosim.engines.crisis import CrisisError, CrisisParams, Theatre, build_theatre, haversine_km
from natosim.errors import NatosimError, UnknownCountry


def test_haversine_on_bundled_capitals() -> None:
    a = natosim.allies().set_index("iso3")
    tallinn = a.loc["EST", ["capital_lat", "capital_lon"]].to_numpy(float)
    helsinki = a.loc["FIN", ["capital_lat", "capital_lon"]].to_numpy(float)
    km = float(haversine_km(helsinki[0], helsinki[1], tallinn[0], tallinn[1]))
    assert 75 < km < 90  # Helsinki–Tallinn across the Gulf of Finland is about 80 km
    # symmetric, zero on the diagonal
    assert float(haversine_km(tallinn[0], tallinn[1], tallinn[0], tallinn[1])) == 0.0
    assert km == pytest.approx(float(haversine_km(tallinn[0], tallinn[1], helsinki[0], helsinki[1])))


def test_guarantors_are_the_other_members(est2024: Theatre) -> None:
    members = natosim.members(2024)
    assert set(est2024.guarantors) == set(members) - {"EST"}
    assert est2024.n_guarantors == len(members) - 1
    assert set(est2024.basis) == {"article-5"}


def test_2016_has_no_finland_or_sweden(est2016: Theatre) -> None:
    assert "FIN" not in est2016.guarantors and "SWE" not in est2016.guarantors
    assert "MNE" not in est2016.guarantors  # joined 2017


def test_capabilities_are_nato_constant_2015_usd(est2024: Theatre) -> None:
    f = natosim.figures(year=2024).set_index("iso3")
    assert est2024.target_capability == f.loc["EST", "defence_exp_usd_constant_mn"]
    g = est2024.guarantors.index("DEU")
    assert est2024.capability[g] == f.loc["DEU", "defence_exp_usd_constant_mn"]
    assert est2024.unit == "US$ mn, constant 2015 prices"


def test_russia_is_rebased_from_sipri_2023_to_2015_dollars(est2024: Theatre) -> None:
    rus = natosim.comparators(countries=["RUS"]).set_index("year")
    ratio = rus.loc[2015, "milex_usd_current_mn"] / rus.loc[2015, "milex_usd_constant_mn"]
    assert est2024.aggressor_capability == pytest.approx(rus.loc[2024, "milex_usd_constant_mn"] * ratio)
    assert any("SIPRI constant 2023 US$" in note for note in est2024.notes)


def test_current_dollars_use_both_sources_current_figures() -> None:
    t = build_theatre("EST", 2024, None, CrisisParams(money_basis="current"))
    rus = natosim.comparators(countries=["RUS"], year=2024).iloc[0]
    f = natosim.figures(year=2024).set_index("iso3")
    assert t.aggressor_capability == rus["milex_usd_current_mn"]
    assert t.target_capability == f.loc["EST", "defence_exp_usd_current_mn"]


def test_missing_figures_stay_missing_and_are_reported(est2024: Theatre) -> None:
    assert est2024.missing == ("ISL",)  # Iceland has no armed forces and no NATO figures
    assert est2024.capability[est2024.guarantors.index("ISL")] == 0.0
    assert any("ISL" in note for note in est2024.notes)


def test_us_forces_in_europe_leave_from_germany(est2024: Theatre) -> None:
    f = natosim.figures(year=2024).set_index("iso3")
    us = est2024.guarantors.index("USA")
    abroad = [c for c in range(len(est2024.owner)) if est2024.owner[c] == us and est2024.origin[c] == "DEU"]
    assert len(abroad) == 1
    share = 100.0 / f.loc["USA", "military_personnel_thousands"]
    total = f.loc["USA", "defence_exp_usd_constant_mn"]
    assert est2024.capability[abroad[0]] == pytest.approx(total * share)
    assert est2024.capability[us] == pytest.approx(total * (1 - share))
    assert est2024.distance_km[abroad[0]] < est2024.distance_km[us] / 5


def test_theatre_round_trips_through_json(est2024: Theatre) -> None:
    import json

    back = Theatre.from_dict(json.loads(json.dumps(est2024.to_dict())))
    assert back.guarantors == est2024.guarantors
    assert np.array_equal(back.capability, est2024.capability)
    assert np.array_equal(back.distance_km, est2024.distance_km)


def test_bad_targets_and_years_are_clear_errors() -> None:
    with pytest.raises(NatosimError) as error:
        build_theatre("FIN", 2016)
    assert "FIN" in str(error.value) and "2016" in str(error.value)
    with pytest.raises(CrisisError, match="no defence_exp_usd_constant_mn figure for the target EST in 2025"):
        build_theatre("EST", 2025)
    with pytest.raises(UnknownCountry):
        build_theatre("Atlantis", 2024)


def test_personnel_capability_needs_a_russian_figure_for_2022_to_2024() -> None:
    with pytest.raises(CrisisError, match="aggressor_capability"):
        build_theatre("EST", 2023, None, CrisisParams(capability="personnel"))
    t = build_theatre("EST", 2016, None, CrisisParams(capability="personnel"))
    assert t.aggressor_capability == 900.0  # IISS pre-war active personnel, thousands
    assert t.unit.startswith("thousand")
