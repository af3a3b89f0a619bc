"""Who is in the theatre of a crisis, with what, how far away: the fixed inputs of one simulation.

A :class:`Theatre` is built once per (target, year, state, params) from the alliance state
(``natosim.state``) and the bundled data, then drives every draw. It holds plain numpy arrays so
it pickles cheaply to Dask workers and can be stored with a run (``to_dict``/``from_dict``): a
resumed run uses exactly the inputs it started with, even if the data were updated in between.

Units are handled explicitly (never silently): allies' spending comes from NATO in constant 2015
US$; the aggressor's from SIPRI in constant 2023 US$, rebased to the NATO base year by its own
ratio current/constant in that base year (SIPRI's constant series is local currency at base-year
prices converted at the base-year exchange rate, so this rebasing is exact for that method). With
``money_basis="current"`` both sides are in current US$ of the crisis year instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from natosim.engines.crisis.params import CrisisError, CrisisParams
from natosim.state import AllianceState, baseline

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)

#: Russian active personnel (thousands) when capability="personnel": IISS Military Balance via
#: secondary sources, ../shared/data/russia_forces.yaml (confidence medium). Pre-war applies to
#: years before 2022; 2022-2024 have no figure (give aggressor_capability).
RUSSIA_ACTIVE_THOUSANDS = {
    "prewar": (900.0, "IISS Military Balance 2025 (pre-war estimate), via russia_forces.yaml"),
    2025: (1134.0, "IISS Military Balance 2025 (early 2025), via russia_forces.yaml"),
}


def haversine_km(lat1: np.ndarray | float, lon1: np.ndarray | float, lat2: float, lon2: float) -> np.ndarray:
    """Great-circle distance in km between points in degrees (haversine formula)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a)))


@dataclass(frozen=True)
class Theatre:
    """The fixed inputs of a crisis: guarantors (G) and their contingents (C ≥ G).

    Contingents ``0..G-1`` are each guarantor's forces at home (in guarantor order); contingents
    ``G..C-1`` are forces stationed abroad (``params.stationed``), owned by ``owner[c]``.
    """

    target: str
    year: int
    aggressor: str
    unit: str
    guarantors: tuple[str, ...]
    p_respond: np.ndarray  # (G,)
    basis: tuple[str, ...]  # (G,) legal basis of each guarantee
    condition: tuple[str, ...]  # (G,)
    owner: np.ndarray  # (C,) int index into guarantors
    origin: tuple[str, ...]  # (C,) ISO3 whose capital the contingent leaves from
    capability: np.ndarray  # (C,) capability in `unit` (0 where the figure is missing)
    distance_km: np.ndarray  # (C,)
    target_capability: float
    aggressor_capability: float
    missing: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    scenario: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def n_guarantors(self) -> int:
        return len(self.guarantors)

    def without(self, guarantors: list[str]) -> Theatre:
        """The same theatre with some guarantors' response probability set to 0 (same array shapes)."""
        p = self.p_respond.copy()
        for code in guarantors:
            p[self.guarantors.index(code)] = 0.0
        return _replace(self, p_respond=p)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            out[name] = (
                value.tolist()
                if isinstance(value, np.ndarray)
                else (list(value) if isinstance(value, tuple) else value)
            )
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Theatre:
        d = dict(data)
        for name in ("p_respond", "capability", "distance_km"):
            d[name] = np.asarray(d[name], dtype=float)
        d["owner"] = np.asarray(d["owner"], dtype=np.int64)
        for name in ("guarantors", "basis", "condition", "origin", "missing", "notes", "sources"):
            d[name] = tuple(d[name])
        return cls(**d)


def _replace(theatre: Theatre, **changes: Any) -> Theatre:
    import dataclasses

    return dataclasses.replace(theatre, **changes)


#: parameters that change the theatre's arrays (a sweep over them rebuilds the theatre per point)
THEATRE_FIELDS = ("aggressor", "capability", "money_basis", "aggressor_capability", "stationed")


def reliability_vector(guarantors: tuple[str, ...] | list[str], params: CrisisParams) -> np.ndarray:
    """p_g = reliability (or the guarantor's override); guarantors without a guarantee are not in G."""
    return np.array([params.reliability_overrides.get(g, params.reliability) for g in guarantors], dtype=float)


def _state_for(year: int, state: AllianceState | None) -> AllianceState:
    return state if state is not None else baseline(year)


def _measure(params: CrisisParams) -> tuple[str, str]:
    if params.capability == "personnel":
        return "military_personnel_thousands", "thousand military personnel (NATO Table 7)"
    if params.money_basis == "current":
        return "defence_exp_usd_current_mn", "US$ mn, current prices of the year"
    return "defence_exp_usd_constant_mn", "US$ mn, constant 2015 prices"


def _sipri(iso3: str, year: int, params: CrisisParams, base_year: int) -> tuple[float, str, str]:
    """A country's SIPRI spending in the unit of the allies' figures, with the conversion stated."""
    from natosim.data import comparators

    every = comparators()
    if iso3 not in set(every["iso3"]):
        raise CrisisError(
            f"no SIPRI comparator figures for {iso3}; available: {', '.join(sorted(set(every['iso3'])))}",
            field="country",
        )
    table = every[every["iso3"] == iso3].set_index("year")
    if year not in table.index or pd.isna(table.loc[year, "milex_usd_current_mn"]):
        raise CrisisError(
            f"no SIPRI military expenditure for {iso3} in {year}; years available: "
            f"{int(table.index.min())}–{int(table['milex_usd_current_mn'].dropna().index.max())}",
            field="year",
        )
    source = str(table.loc[year, "source"])
    if params.money_basis == "current":
        value = float(table.loc[year, "milex_usd_current_mn"])
        return value, source, f"{iso3}: SIPRI current US$ {year} (same basis as NATO current US$)"
    constant = table.loc[year, "milex_usd_constant_mn"]
    if pd.isna(constant):
        raise CrisisError(
            f"SIPRI has no constant-price figure for {iso3} in {year}; use "
            "--param money_basis=current or an earlier year",
            field="year",
        )
    ratio = float(table.loc[base_year, "milex_usd_current_mn"] / table.loc[base_year, "milex_usd_constant_mn"])
    sipri_base = int(table.loc[year, "constant_price_base_year"])
    note = (
        f"{iso3}: SIPRI constant {sipri_base} US$ × {ratio:.4f} (its current/constant ratio in {base_year}) "
        f"= constant {base_year} US$, NATO's base; SIPRI's definition includes paramilitary forces"
    )
    return float(constant) * ratio, source, note


def _aggressor_capability(params: CrisisParams, year: int, base_year: int) -> tuple[float, str, str]:
    if params.aggressor_capability is not None:
        return params.aggressor_capability, "user input (aggressor_capability)", "aggressor capability given"
    if params.capability == "personnel":
        if params.aggressor != "RUS":
            raise CrisisError(
                f"capability=personnel needs --param aggressor_capability=THOUSANDS for {params.aggressor}",
                field="aggressor_capability",
            )
        if year < 2022:
            value, source = RUSSIA_ACTIVE_THOUSANDS["prewar"]
        elif year >= 2025:
            value, source = RUSSIA_ACTIVE_THOUSANDS[2025]
        else:
            raise CrisisError(
                f"no bundled Russian personnel figure for {year} (IISS: 900k pre-war, 1.134m in "
                "2025); give --param aggressor_capability=THOUSANDS",
                field="aggressor_capability",
            )
        return (
            value,
            source,
            (
                "RUS: IISS 'active' personnel, a different definition from NATO's "
                "military personnel (russia_forces.yaml)"
            ),
        )
    return _sipri(params.aggressor, year, params, base_year)


def build_theatre(
    target: str,
    year: int,
    state: AllianceState | None = None,
    params: CrisisParams | None = None,
    scenario: str | None = None,
) -> Theatre:
    """Assemble the guarantors of ``target`` and their capability, distance and response probability."""
    from natosim.data import allies, country_name, figures, resolve_country

    params = params or CrisisParams()
    target = resolve_country(target)
    aggressor = resolve_country(params.aggressor)
    state = _state_for(int(year), state)
    year = int(state.year)
    data_year = int(getattr(state, "figures_year", None) or year)
    parties = list(state.parties)
    if target not in parties:
        raise CrisisError(
            f"{country_name(target)} ({target}) is not a party of the {year} state; parties: {', '.join(parties)}",
            field="target",
        )
    t = parties.index(target)
    column = np.asarray(state.guarantee[:, t], dtype=bool).copy()
    column[t] = False
    rows = np.flatnonzero(column)
    guarantors = [parties[i] for i in rows]
    basis = [str(state.basis[i, t]) for i in rows]
    condition = [str(state.condition[i, t]) for i in rows]
    frame = state.figures
    if aggressor in guarantors or aggressor == target:
        raise CrisisError(f"the aggressor {aggressor} cannot be the target or one of its guarantors", field="aggressor")
    column_name, unit = _measure(params)
    base_year = 2015
    if "constant_price_base_year" in frame and frame["constant_price_base_year"].notna().any():
        base_year = int(pd.to_numeric(frame["constant_price_base_year"], errors="coerce").dropna().iloc[0])
    notes: list[str] = []
    sources: set[str] = set()
    if data_year != year:
        notes.append(
            f"the {year} state carries the figures of {data_year} (held, not a forecast); "
            f"the aggressor's figure is of {data_year} too"
        )

    def capability_of(code: str) -> float:
        value = frame[column_name].get(code, np.nan) if column_name in frame else np.nan
        if pd.notna(value):
            if "sources" in frame and isinstance(frame["sources"].get(code), str):
                sources.update(s for s in str(frame["sources"][code]).split(";") if s)
            return float(value)
        if params.capability == "spending":
            try:
                v, src, note = _sipri(code, data_year, params, base_year)
            except CrisisError:
                return math.nan
            sources.add(src)
            notes.append(f"no NATO figure for {code}; used {note}")
            return v
        return math.nan

    own = capability_of(target)
    if not np.isfinite(own):
        available = (
            figures(countries=[target]).dropna(subset=[column_name])["year"]
            if column_name in frame
            else pd.Series(dtype=int)
        )
        years = f"{int(available.min())}–{int(available.max())}" if len(available) else "none"
        raise CrisisError(
            f"no {column_name} figure for the target {target} in {data_year} (years with it: "
            f"{years}); choose one of those years",
            field="target",
        )
    agg, agg_source, agg_note = _aggressor_capability(params, data_year, base_year)
    sources.add(agg_source)
    notes.append(agg_note)

    geo = allies().set_index("iso3")
    if target not in geo.index:
        raise CrisisError(f"no bundled capital coordinates for {target}", field="target")
    t_lat, t_lon = float(geo.loc[target, "capital_lat"]), float(geo.loc[target, "capital_lon"])
    home_cap = np.array([capability_of(g) for g in guarantors], dtype=float)
    missing = tuple(g for g, c in zip(guarantors, home_cap, strict=True) if not np.isfinite(c))
    if missing:
        notes.append(f"no capability figure for {', '.join(missing)}: counted as contributing nothing")
    owner = list(range(len(guarantors)))
    origin = list(guarantors)
    capability = list(np.nan_to_num(home_cap, nan=0.0))
    for posting in params.stationed:
        if posting.guarantor not in guarantors:
            continue
        g = guarantors.index(posting.guarantor)
        personnel = (
            frame["military_personnel_thousands"].get(posting.guarantor, np.nan)
            if "military_personnel_thousands" in frame
            else np.nan
        )
        if not np.isfinite(personnel) or personnel <= 0:
            notes.append(f"{posting.guarantor}: no personnel figure, forces abroad ignored")
            continue
        share = min(1.0, posting.personnel_thousands / float(personnel))
        total = capability[g]
        capability[g] = total * (1 - share)
        owner.append(g)
        origin.append(posting.host)
        capability.append(total * share)
        notes.append(
            f"{posting.guarantor}: {share:.1%} of its forces ({posting.personnel_thousands:g}k of "
            f"{float(personnel):,.0f}k personnel) start from {posting.host} ({posting.source})"
        )
    unknown = [o for o in origin if o not in geo.index]
    if unknown:
        raise CrisisError(f"no bundled capital coordinates for {', '.join(unknown)}", field="guarantor")
    lat = geo.loc[origin, "capital_lat"].to_numpy(dtype=float)
    lon = geo.loc[origin, "capital_lon"].to_numpy(dtype=float)
    distance = haversine_km(lat, lon, t_lat, t_lon) if origin else np.zeros(0)
    return Theatre(
        target=target,
        year=int(year),
        aggressor=aggressor,
        unit=unit,
        guarantors=tuple(guarantors),
        p_respond=reliability_vector(guarantors, params),
        basis=tuple(basis),
        condition=tuple(condition),
        owner=np.asarray(owner, dtype=np.int64),
        origin=tuple(origin),
        capability=np.asarray(capability, dtype=float),
        distance_km=np.asarray(distance, dtype=float),
        target_capability=float(own),
        aggressor_capability=float(agg),
        missing=missing,
        notes=tuple(notes),
        sources=tuple(sorted(sources)),
        scenario=scenario,
    )
