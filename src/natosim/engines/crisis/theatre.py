"""Who is in the theatre of a crisis, with how many troops, how far away: the fixed inputs of a run.

A :class:`Theatre` is built once per (target, year, state, params) from the alliance state
(``natosim.state``: who guarantees the target), NATO's military personnel figures (Table 7) and the
dated forces data in ``forces.yaml`` (readiness tiers, forward presence, US forces in Europe,
Russia's Baltic-facing forces and the attack axis). It holds plain numpy arrays so it pickles
cheaply to Dask workers and is stored with a run (``to_dict``/``from_dict``): a resumed run uses
exactly the inputs it started with, even if the data changed in between.

**Contingents** (C): each guarantor sends, for each readiness tier, a share of the tier's troops
equal to its share of NATO military personnel (per-ally Force Model commitments are classified).
**Forward forces** (F): troops stationed in the target, which fight from hour 0, plus any posture
the question adds (``outset_brigades``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from natosim.data import allies, country_name, resolve_country
from natosim.data import figures as data_figures
from natosim.engines.crisis.forces import Forces, load_forces
from natosim.engines.crisis.params import CrisisError, CrisisParams
from natosim.state import baseline, data_years

if TYPE_CHECKING:  # pragma: no cover
    from natosim.state import AllianceState

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
UNIT = "troops (personnel)"


def haversine_km(lat1: np.ndarray | float, lon1: np.ndarray | float, lat2: float, lon2: float) -> np.ndarray:
    """Great-circle distance in km between points in degrees (haversine formula)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a)))


_ARRAYS = {
    "override": float,
    "is_us": bool,
    "c_owner": np.int64,
    "c_tier": np.int64,
    "c_troops": float,
    "c_days_min": float,
    "c_days_max": float,
    "c_distance_km": float,
    "f_owner": np.int64,
    "f_troops": float,
    "f_heavy": bool,
}
_TUPLES = ("guarantors", "basis", "condition", "c_origin", "f_label", "missing", "notes", "sources")


@dataclass(frozen=True)
class Theatre:
    """The fixed inputs of a crisis: G guarantors, C reinforcing contingents, F forward forces."""

    target: str
    year: int
    aggressor: str
    guarantors: tuple[str, ...]
    basis: tuple[str, ...]
    condition: tuple[str, ...]
    override: np.ndarray  # (G,) reliability override, NaN where none
    is_us: np.ndarray  # (G,) bool
    c_owner: np.ndarray  # (C,) guarantor index
    c_tier: np.ndarray  # (C,) readiness tier (1, 2, 3)
    c_troops: np.ndarray  # (C,) troops of the whole tier share (before reinforcement_share)
    c_days_min: np.ndarray  # (C,)
    c_days_max: np.ndarray  # (C,)
    c_distance_km: np.ndarray  # (C,) origin capital → target capital
    c_origin: tuple[str, ...]  # (C,)
    f_owner: np.ndarray  # (F,) guarantor index, -1 for a posture the question adds
    f_troops: np.ndarray  # (F,)
    f_heavy: np.ndarray  # (F,) bool: heavy armoured (combat value × heavy_factor)
    f_label: tuple[str, ...]
    own_troops: float  # the target's military personnel (NATO Table 7)
    axis_km: float  # border → capital along the attack axis
    axis_from: str
    russia_base: float  # Russia's Baltic-facing ground forces (troops) before any Ukraine commitment
    ukraine_share: float  # dated share committed in Ukraine
    readiness: str  # id of the readiness structure in force
    forces_edition: str
    missing: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    scenario: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def n_guarantors(self) -> int:
        return len(self.guarantors)

    @property
    def unit(self) -> str:
        return UNIT

    def dated(self) -> dict[str, float]:
        """Values parameters take from the data when not set."""
        return {"ukraine_committed_share": self.ukraine_share}

    def without(self, guarantors: list[str]) -> Theatre:
        """The same theatre with some guarantors' response probability set to 0 (same array shapes)."""
        override = self.override.copy()
        for code in guarantors:
            override[self.guarantors.index(code)] = 0.0
        return dataclasses.replace(self, override=override)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, np.ndarray):
                out[name] = [None if isinstance(v, float) and np.isnan(v) else v for v in value.tolist()]
            else:
                out[name] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Theatre:
        d = dict(data)
        for name, dtype in _ARRAYS.items():
            values = [np.nan if v is None else v for v in d[name]]
            d[name] = np.asarray(values, dtype=dtype)
        for name in _TUPLES:
            d[name] = tuple(d[name])
        return cls(**d)


def _state_for(year: int, state: AllianceState | None, notes: list[str]) -> AllianceState:
    if state is not None:
        return state

    years = data_years()
    if int(year) > max(years):
        notes.append(f"{year} is after the data: the alliance and figures of {max(years)} are held (not a forecast)")
        return baseline(int(year), hold_from=max(years))
    return baseline(int(year))


def _latest(entries: list[dict[str, Any]], year: int, key: str = "as_of") -> dict[str, Any] | None:
    """The entry with the latest ``key`` date whose year is not after ``year``."""
    dated = [e for e in entries if _year(e[key]) <= year]
    return max(dated, key=lambda e: str(e[key])) if dated else None


def _held_personnel(codes: list[str], year: int) -> list[tuple[int, dict[str, float]]]:
    """The latest military personnel (troops) published before ``year`` for each of ``codes``,
    grouped by the year held; allies with no figure at all (Iceland) stay out."""
    if not codes:
        return []
    table = data_figures(countries=codes)
    table = table[(table["year"] < year) & table["military_personnel_thousands"].notna()]
    latest = table.sort_values("year").groupby("iso3").tail(1)
    by_year: dict[int, dict[str, float]] = {}
    for row in latest.itertuples():
        by_year.setdefault(int(row.year), {})[str(row.iso3)] = float(row.military_personnel_thousands) * 1000.0
    return [(y, dict(sorted(by_year[y].items()))) for y in sorted(by_year)]


def _year(value: Any) -> int:
    return int(str(value)[:4])


def build_theatre(
    target: str,
    year: int,
    state: AllianceState | None = None,
    params: CrisisParams | None = None,
    scenario: str | None = None,
) -> Theatre:
    """Assemble the guarantors of ``target``, their contingents and the forces in place."""
    params = params or CrisisParams()
    forces: Forces = load_forces()
    target = resolve_country(target)
    notes: list[str] = []
    sources: set[str] = set()
    axes = {a["target"]: a for a in forces.data["attack_axes"]}
    if target not in axes:
        raise CrisisError(
            f"{country_name(target)} ({target}) has no land border with Russia or Belarus in the forces data; "
            f"the crisis model covers: {', '.join(axes)}",
            field="target",
        )
    state = _state_for(int(year), state, notes)
    year = int(state.year)
    data_year = int(state.figures_year or year)
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
    figures = state.figures
    if data_year != year:
        notes.append(f"the {year} state carries the personnel figures of {data_year} (held, not a forecast)")

    structure = _latest(forces.data["readiness_structures"], year, "valid_from")
    if structure is None:
        first = min(_year(s["valid_from"]) for s in forces.data["readiness_structures"])
        raise CrisisError(f"no readiness-tier data before {first}; choose a year from {first}", field="year")
    sources.add(structure["source"])

    personnel = figures.get("military_personnel_thousands", None)

    def troops_of(code: str) -> float:
        if personnel is None or code not in personnel.index:
            return np.nan
        value = personnel.get(code)
        return float(value) * 1000.0 if value is not None and np.isfinite(value) else np.nan

    all_troops = {code: troops_of(code) for code in parties if code in state.members}
    # an ally NATO did not report for the year (the 2025 estimates lack France, the UK and the US)
    # keeps its latest published figure, said in the notes: its share of each tier is not given away
    for held_year, codes in _held_personnel([c for c, v in all_troops.items() if not np.isfinite(v)], data_year):
        for code, value in codes.items():
            all_troops[code] = value
        notes.append(
            f"no {data_year} personnel figure for {', '.join(codes)}: their {held_year} figures are held "
            "(latest published, not a forecast)"
        )
    pool = sum(v for v in all_troops.values() if np.isfinite(v))
    own = troops_of(target)
    if not np.isfinite(own):
        raise CrisisError(f"no NATO military personnel figure for the target {target} in {data_year}", field="target")
    missing = tuple(g for g in guarantors if not np.isfinite(all_troops.get(g, troops_of(g))))
    if missing:
        notes.append(f"no personnel figure for {', '.join(missing)}: no readiness-tier troops counted for them")

    geo = allies().set_index("iso3")
    t_lat, t_lon = float(geo.loc[target, "capital_lat"]), float(geo.loc[target, "capital_lon"])
    axis = axes[target]
    axis_km = float(haversine_km(axis["lat"], axis["lon"], t_lat, t_lon))
    us_origin = str(forces.data["us_forces_europe"]["tier1_origin"])
    c_owner, c_tier, c_troops, c_min, c_max, c_origin = [], [], [], [], [], []
    for g, code in enumerate(guarantors):
        troops = all_troops.get(code, troops_of(code))
        if not np.isfinite(troops) or pool <= 0:
            troops = 0.0  # missing: contributes nothing (said in the notes); same shape for every guarantor
        for tier in structure["tiers"]:
            origin = us_origin if code == "USA" and tier["tier"] == 1 else code
            c_owner.append(g)
            c_tier.append(int(tier["tier"]))
            c_troops.append(float(tier["troops"]) * troops / pool)
            c_min.append(float(tier["days_min"]))
            c_max.append(float(tier["days_max"]))
            c_origin.append(origin)
    unknown = sorted({o for o in c_origin if o not in geo.index})
    if unknown:
        raise CrisisError(f"no bundled capital coordinates for {', '.join(unknown)}", field="guarantor")
    if c_origin:
        lat = geo.loc[c_origin, "capital_lat"].to_numpy(dtype=float)
        lon = geo.loc[c_origin, "capital_lon"].to_numpy(dtype=float)
        distance = haversine_km(lat, lon, t_lat, t_lon)
    else:
        distance = np.zeros(0)
    if "USA" in guarantors:
        notes.append(f"US tier-1 forces leave from {us_origin}, the largest host of US forces in Europe")

    f_owner, f_troops, f_heavy, f_label = _forward(forces, target, year, guarantors, params, notes, sources)

    russia = forces.data["russia"]
    committed = _latest(russia["committed_in_ukraine"], year)
    if committed is None:  # pragma: no cover - the data start before the model's first year
        raise CrisisError(f"no dated Russian commitment figure for {year}", field="year")
    latest = max(russia["committed_in_ukraine"], key=lambda e: str(e["as_of"]))
    if committed is latest and _year(latest["as_of"]) < year:
        notes.append(
            f"Russia's commitment in Ukraine: the latest figure ({latest['share']:.0%}, as of {latest['as_of']}) "
            f"is held for {year}; set ukraine_committed_share=0 to ask about an attack after a ceasefire"
        )
    notes.append(str(russia["base"]["note"]))
    sources.update([russia["base"]["source"], committed["source"]])
    notes.append(
        f"the target's own forces: {own:,.0f} military personnel (NATO Table 7, all services, {data_year}); "
        "reservists not counted"
    )
    return Theatre(
        target=target,
        year=year,
        aggressor=params.aggressor,
        guarantors=tuple(guarantors),
        basis=tuple(basis),
        condition=tuple(condition),
        override=np.array([params.reliability_overrides.get(g, np.nan) for g in guarantors], dtype=float),
        is_us=np.array([g == "USA" for g in guarantors], dtype=bool),
        c_owner=np.asarray(c_owner, dtype=np.int64),
        c_tier=np.asarray(c_tier, dtype=np.int64),
        c_troops=np.asarray(c_troops, dtype=float),
        c_days_min=np.asarray(c_min, dtype=float),
        c_days_max=np.asarray(c_max, dtype=float),
        c_distance_km=np.asarray(distance, dtype=float),
        c_origin=tuple(c_origin),
        f_owner=np.asarray(f_owner, dtype=np.int64),
        f_troops=np.asarray(f_troops, dtype=float),
        f_heavy=np.asarray(f_heavy, dtype=bool),
        f_label=tuple(f_label),
        own_troops=own,
        axis_km=axis_km,
        axis_from=str(axis["from"]),
        russia_base=float(russia["base"]["troops"]),
        ukraine_share=float(committed["share"]),
        readiness=str(structure["id"]),
        forces_edition=forces.edition,
        missing=missing,
        notes=tuple(notes),
        sources=tuple(sorted(sources)),
        scenario=scenario,
    )


def _forward(
    forces: Forces,
    target: str,
    year: int,
    guarantors: list[str],
    params: CrisisParams,
    notes: list[str],
    sources: set[str],
) -> tuple[list[int], list[float], list[bool], list[str]]:
    """Forward forces in the target in ``year``: the latest figure per sending nation, plus any posture."""
    owner: list[int] = []
    troops: list[float] = []
    heavy: list[bool] = []
    label: list[str] = []
    entries = [e for e in forces.data["forward_presence"] if e["host"] == target and int(e["since"]) <= year]
    for nation in sorted({e["nation"] for e in entries}):
        mine = [e for e in entries if e["nation"] == nation]
        entry = _latest(mine, year)
        if entry is None:  # the presence began before its first published figure
            entry = min(mine, key=lambda e: str(e["as_of"]))
            notes.append(
                f"{nation} in {target}: no figure before {entry['as_of']}; its {entry['troops']:,} troops are "
                f"used from {entry['since']}"
            )
        if nation not in guarantors:
            notes.append(f"{nation}'s forces in {target} are not counted: {nation} does not guarantee {target} here")
            continue
        if entry.get("planned"):
            notes.append(f"{nation} in {target}: planned strength ({entry['what']})")
        owner.append(guarantors.index(nation))
        troops.append(float(entry["troops"]))
        heavy.append(bool(entry.get("heavy", False)))
        label.append(f"{nation}: {entry['what']} ({entry['as_of']})")
        sources.add(str(entry["source"]))
    if params.outset_brigades:
        light = params.outset_brigades - params.outset_heavy_brigades
        for count, is_heavy in ((params.outset_heavy_brigades, True), (light, False)):
            if count:
                owner.append(-1)
                troops.append(count * params.brigade_troops)
                heavy.append(is_heavy)
                label.append(f"posture: {count} {'heavy armoured ' if is_heavy else ''}brigade(s) at the outset")
    return owner, troops, heavy, label
