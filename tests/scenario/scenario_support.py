"""Helpers for the scenario tests: independent computations straight from natosim.figures."""

from __future__ import annotations

import pandas as pd


def members_figures(year: int) -> pd.DataFrame:
    """The figures of the members of ``year``, by the data layer alone (no state, no policy)."""
    import natosim

    table = natosim.figures(year=year)
    return table[table["iso3"].isin(natosim.members(year))].set_index("iso3")


def below(year: int, threshold: float) -> list[str]:
    """Members of ``year`` with a % of GDP figure below ``threshold`` (missing figures excluded)."""
    table = members_figures(year)
    value = table["defence_exp_pct_gdp"]
    return sorted(value[value.notna() & (value < threshold)].index)
