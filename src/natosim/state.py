"""The alliance in a year: who is a member, their figures, the pledges in force, and who defends whom.

The central object is the **guarantee matrix** ``G[guarantor, protected]``: ``True`` when the
guarantor is committed to defend the protected party. Each cell carries its legal basis
(``article-5`` | ``bilateral-pact`` | ``security-guarantee``), a condition (text, empty if none)
and whether the commitment includes troops. The baseline of a year is Article 5 of the North
Atlantic Treaty (1949): "an armed attack against one or more of them ... shall be considered an
attack against them all", i.e. all-to-all among the members of that year. The diagonal is empty:
defending oneself is not a guarantee.

**Dates.** The state of year ``Y`` is the alliance as it stands on 31 December ``Y`` (so
``natosim.members(Y)`` — every ally whose accession year is ``Y`` or earlier — is its member set),
with the figures NATO published for ``Y``. A year after the last year of data uses the figures of a
year the caller names (``hold_from``), flagged in ``figures_year``; natosim never fills a year
silently.

Two shapes of the same thing:

- :class:`AllianceState` — one year, the contract every engine consumes.
- :class:`StatePanel` — several years at once as aligned arrays of shape (years, parties[, parties]),
  so a scenario over every year of data is a handful of numpy operations, not a loop per ally or
  per year. ``panel.at(year)`` gives the :class:`AllianceState` of one year.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
import pandas as pd

from natosim import rules
from natosim.data import (
    MEASURES,
    allies,
    as_of_date,
    comparators,
    country_name,
    editions_as_of,
    figures,
    load,
    nonmember_figures,
)
from natosim.data.loader import Dataset
from natosim.errors import NatosimError, YearOutOfRange

#: legal bases of a guarantee, by code (the panel stores codes; the state shows the text)
BASES: tuple[str, ...] = ("", "article-5", "bilateral-pact", "security-guarantee")
ARTICLE_5 = 1
BILATERAL_PACT = 2
SECURITY_GUARANTEE = 3
BASIS_CODE: dict[str, int] = {name: code for code, name in enumerate(BASES)}

#: the Russian comparator column (SIPRI, current US$): the same price basis as NATO's current US$
RUSSIA = "RUS"


class StateError(NatosimError):
    """A state was asked for something it does not hold (a party, a year)."""

    kind = "state_error"


def year_end(year: int) -> dt.date:
    """The reference date of a year's state (see the module docstring)."""
    return dt.date(int(year), 12, 31)


# --------------------------------------------------------------------------------------------
# the one-year state (the contract)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AllianceState:
    """The alliance at the end of one year. Arrays are read-only: policies return a new state."""

    year: int
    members: tuple[str, ...]
    parties: tuple[str, ...]
    figures: pd.DataFrame
    guarantee: np.ndarray
    basis: np.ndarray
    troops: np.ndarray
    condition: np.ndarray
    pledges: list[Any] = field(default_factory=list)
    trace: list[dict[str, Any]] = field(default_factory=list)
    edition: str | None = None
    #: the year whose figures the state carries (``year`` unless held from an earlier year)
    figures_year: int | None = None

    def index(self, iso3: str) -> int:
        """Position of ``iso3`` on the parties axis."""
        try:
            return self.parties.index(iso3)
        except ValueError:
            raise StateError(
                f"{iso3} is not a party of the {self.year} state; parties: {', '.join(self.parties)}",
                field="country",
            ) from None

    def guarantors_of(self, iso3: str) -> list[str]:
        """Who is committed to defend ``iso3`` (any legal basis), in parties order."""
        column = self.guarantee[:, self.index(iso3)]
        return [self.parties[i] for i in np.flatnonzero(column)]

    def protected_by(self, iso3: str) -> list[str]:
        """Whom ``iso3`` is committed to defend."""
        row = self.guarantee[self.index(iso3), :]
        return [self.parties[i] for i in np.flatnonzero(row)]

    def guarantees(self) -> pd.DataFrame:
        """Every guarantee as a tidy table: guarantor, protected, basis, troops, condition."""
        g, p = np.nonzero(self.guarantee)
        parties = np.asarray(self.parties, dtype=object)
        return pd.DataFrame(
            {
                "guarantor": parties[g],
                "protected": parties[p],
                "basis": self.basis[g, p],
                "troops": self.troops[g, p],
                "condition": self.condition[g, p],
            }
        )

    def replace(self, **changes: Any) -> AllianceState:
        return dataclasses.replace(self, **changes)


# --------------------------------------------------------------------------------------------
# the cached, per-edition arrays every panel is cut from
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Base:
    """Figures of every ally and every data year as arrays, plus the tidy frame they came from."""

    data_years: tuple[int, ...]
    allies: tuple[str, ...]
    accession_year: np.ndarray  # (A,)
    values: dict[str, np.ndarray]  # measure -> (Ydata, A)
    frame: pd.DataFrame  # figures() rows, with source_<measure>, indexed by (year, iso3)
    russia_usd_mn: np.ndarray  # (Ydata,) SIPRI current US$, NaN where missing
    russia_source: tuple[str, ...]


def _cache(dataset: Dataset) -> dict[object, Any]:
    return cast(dict[object, Any], dataset.cache)


def _base(edition: str | None, dataset: Dataset | None = None, as_of: str | dt.date | None = None) -> _Base:
    dataset = dataset or load()
    in_play = tuple(editions_as_of(as_of, dataset))
    key = ("natosim.state._base", edition, in_play)
    cache = _cache(dataset)
    if key in cache:
        return cast(_Base, cache[key])
    frame = figures(edition=edition, dataset=dataset, as_of=as_of)
    long = dataset.figures[["iso3", "year", "edition", "source"]]
    for measure in MEASURES:
        lookup = long.rename(columns={"edition": f"edition_{measure}", "source": f"source_{measure}"})
        frame = frame.merge(lookup, on=["iso3", "year", f"edition_{measure}"], how="left")
    table = allies(dataset=dataset)
    codes = tuple(table["iso3"])
    years = tuple(int(y) for y in sorted(frame["year"].unique()))
    grid = pd.MultiIndex.from_product([years, codes], names=["year", "iso3"])
    frame = frame.set_index(["year", "iso3"]).reindex(grid)
    values = {m: frame[m].to_numpy(dtype=float, na_value=np.nan).reshape(len(years), len(codes)) for m in MEASURES}
    for array in values.values():
        array.setflags(write=False)
    russia = comparators(countries=[RUSSIA], dataset=dataset).set_index("year")
    rus_usd = russia["milex_usd_current_mn"].reindex(list(years)).to_numpy(dtype=float, na_value=np.nan)
    rus_source = tuple(str(s) if isinstance(s, str) else "" for s in russia["source"].reindex(list(years)))
    base = _Base(
        data_years=years,
        allies=codes,
        accession_year=table["accession_date"].dt.year.to_numpy(dtype=int),
        values=values,
        frame=frame,
        russia_usd_mn=rus_usd,
        russia_source=rus_source,
    )
    cache[key] = base
    return base


def data_years(
    edition: str | None = None, as_of: str | dt.date | None = None, *, dataset: Dataset | None = None
) -> tuple[int, ...]:
    """The years with figures (in ``edition``, or in any edition published by ``as_of``)."""
    return _base(edition, dataset, as_of).data_years


# --------------------------------------------------------------------------------------------
# the multi-year panel
# --------------------------------------------------------------------------------------------


def _readonly(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


@dataclass(frozen=True)
class StatePanel:
    """Several yearly states as aligned arrays; axis 0 is the year, then the parties.

    ``values[measure]`` is (years, parties); ``guarantee``, ``basis`` (codes into :data:`BASES`),
    ``troops`` and ``condition`` (codes into ``conditions``) are (years, parties, parties).
    ``projected[measure]`` marks the cells a policy projected (never data); ``projections``
    says how. ``extras`` holds what policies report beside the state (procedure outcomes, paths).
    """

    years: tuple[int, ...]
    parties: tuple[str, ...]
    figures_year: np.ndarray
    values: Mapping[str, np.ndarray]
    member: np.ndarray
    guarantee: np.ndarray
    basis: np.ndarray
    troops: np.ndarray
    condition: np.ndarray
    conditions: tuple[str, ...]
    projected: Mapping[str, np.ndarray]
    projections: tuple[dict[str, Any], ...]
    pledges: tuple[tuple[Any, ...], ...]
    trace: tuple[dict[str, Any], ...]
    edition: str | None
    russia_usd_mn: np.ndarray
    russia_source: tuple[str, ...]
    extras: Mapping[str, Any] = field(default_factory=dict)
    #: the date whose published editions are in play (None: today)
    as_of: dt.date | None = None
    #: the data the panel was built from (None: the bundled data); policies read their figures here
    dataset: Dataset | None = field(default=None, compare=False, repr=False)

    def base(self) -> _Base:
        """The yearly figures behind this panel: same edition, same ``as_of``, same dataset."""
        return _base(self.edition, self.dataset, self.as_of)

    # -- lookups ------------------------------------------------------------------------------
    def index(self, iso3: str) -> int:
        try:
            return self.parties.index(iso3)
        except ValueError:
            raise StateError(
                f"{iso3} is not a party of this state; parties: {', '.join(self.parties)}", field="country"
            ) from None

    def indices(self, codes: Iterable[str]) -> np.ndarray:
        return np.fromiter((self.index(c) for c in codes), dtype=np.intp)

    def year_index(self, year: int) -> int:
        try:
            return self.years.index(int(year))
        except ValueError:
            raise YearOutOfRange(
                f"no state for {year}; years evaluated: {self.years[0]}–{self.years[-1]}", field="year"
            ) from None

    def year_ends(self) -> np.ndarray:
        """The reference date of each year, as numpy datetime64[D] (for date comparisons)."""
        return np.array([f"{y}-12-31" for y in self.years], dtype="datetime64[D]")

    # -- edits (policies return new panels) ------------------------------------------------------
    def replace(self, **changes: Any) -> StatePanel:
        return dataclasses.replace(self, **changes)

    def with_trace(self, record: dict[str, Any]) -> StatePanel:
        return self.replace(trace=(*self.trace, record))

    def condition_code(self, text: str) -> tuple[StatePanel, int]:
        """The code of a condition text, adding it to the table if new."""
        if text in self.conditions:
            return self, self.conditions.index(text)
        return self.replace(conditions=(*self.conditions, text)), len(self.conditions)

    def with_extra(self, key: str, item: Any) -> StatePanel:
        extras = dict(self.extras)
        extras[key] = (*extras.get(key, ()), item)
        return self.replace(extras=extras)

    # -- one year -------------------------------------------------------------------------------
    def at(self, year: int) -> AllianceState:
        """The :class:`AllianceState` of one year: members first, then protected non-members, then
        non-members that guarantee someone (e.g. a non-allied provider of a security guarantee)."""
        y = self.year_index(year)
        member = self.member[y]
        protected = self.guarantee[y].any(axis=0) & ~member
        guarantors = self.guarantee[y].any(axis=1) & ~member & ~protected
        order = np.concatenate([np.flatnonzero(member), np.flatnonzero(protected), np.flatnonzero(guarantors)])
        parties = tuple(self.parties[i] for i in order)
        square = np.ix_(order, order)
        basis = np.asarray(BASES, dtype=object)[self.basis[y][square]]
        condition = np.asarray(self.conditions, dtype=object)[self.condition[y][square]]
        return AllianceState(
            year=int(year),
            members=tuple(self.parties[i] for i in np.flatnonzero(member)),
            parties=parties,
            figures=self._figures_frame(y, order),
            guarantee=_readonly(self.guarantee[y][square].copy()),
            basis=_readonly(basis),
            troops=_readonly(self.troops[y][square].copy()),
            condition=_readonly(condition),
            pledges=list(self.pledges[y]),
            trace=list(self.trace),
            edition=self.edition,
            figures_year=int(self.figures_year[y]),
        )

    def _figures_frame(self, y: int, order: np.ndarray) -> pd.DataFrame:
        base = self.base()
        fy = int(self.figures_year[y])
        codes = [self.parties[i] for i in order]
        rows = base.frame.reindex(pd.MultiIndex.from_product([[fy], codes], names=["year", "iso3"]))
        frame = rows.reset_index().set_index("iso3")
        if frame["country"].isna().any():
            frame["country"] = [c if isinstance(c, str) else country_name(i) for i, c in frame["country"].items()]
        frame["year"] = int(self.years[y])
        frame["figures_year"] = fy
        frame["member"] = self.member[y][order]
        notes = [""] * len(order)
        for measure, values in self.values.items():
            frame[measure] = values[y][order]
        for measure, mask in self.projected.items():
            cells = mask[y][order]
            if cells.any():
                for k in np.flatnonzero(cells):
                    notes[k] = ";".join(filter(None, [notes[k], measure]))
        frame["projected"] = notes
        if any(notes):
            methods = "; ".join(p["method"] for p in self.projections)
            frame["projection_method"] = np.where(np.asarray(notes) != "", methods, "")
        return frame


#: a non-ally's figures a scenario can add to an alliance sum: panel measure -> nonmember_figures column
NONMEMBER_MEASURES = {
    "population_thousands": "population_thousands",
    "defence_exp_usd_current_mn": "milex_usd_current_mn",
    "gdp_usd_current_bn": "gdp_usd_current_bn",
}


def _nonmember_values(parties: Sequence[str], data_years: np.ndarray, dataset: Dataset) -> dict[str, np.ndarray]:
    """(years, parties) arrays of the non-allies' population (World Bank WDI), military spending
    (SIPRI, current US$) and GDP (derived from SIPRI); NaN where a figure is missing. Spending is
    SIPRI's definition, not NATO's: results that add it to the allies' say so."""
    if not parties:
        return {}
    table = nonmember_figures(dataset=dataset).set_index(["year", "iso3"])
    grid = pd.MultiIndex.from_product([[int(y) for y in data_years], list(parties)], names=["year", "iso3"])
    frame = table.reindex(grid)
    shape = (len(data_years), len(parties))
    return {
        measure: pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float).reshape(shape)
        for measure, column in NONMEMBER_MEASURES.items()
    }


def baseline_panel(
    years: Sequence[int],
    edition: str | None = None,
    *,
    hold_from: int | None = None,
    extra_parties: Sequence[str] = (),
    dataset: Dataset | None = None,
    as_of: str | dt.date | None = None,
) -> StatePanel:
    """Article 5 all-to-all among each year's members, for every year in ``years``.

    ``hold_from``: the data year whose figures a year after the data uses (flagged in
    ``figures_year``). ``extra_parties``: non-allies a scenario needs on the axis (e.g. Ukraine);
    they start with no membership, no guarantee and missing figures.
    """
    dataset = dataset or load()
    years = tuple(int(y) for y in years)

    in_play = tuple(editions_as_of(as_of, dataset))
    key = ("natosim.state.baseline_panel", years, edition, hold_from, tuple(extra_parties), in_play)
    cache = _cache(dataset)
    if key in cache:
        return cast(StatePanel, cache[key])
    base = _base(edition, dataset, as_of)
    first, last = base.data_years[0], base.data_years[-1]
    if hold_from is not None and hold_from not in base.data_years:
        raise YearOutOfRange(
            f"cannot hold figures from {hold_from}: years of data are {first}–{last}", field="baseline_year"
        )
    rows = []
    for year in years:
        if year in base.data_years:
            rows.append(base.data_years.index(year))
        elif year > last and hold_from is not None:
            rows.append(base.data_years.index(hold_from))
        else:
            hint = "" if year < first else " (give a baseline year to hold figures from)"
            raise YearOutOfRange(f"no figures for {year}: years of data are {first}–{last}{hint}", field="year")
    row_index = np.asarray(rows, dtype=np.intp)
    extra = tuple(p for p in dict.fromkeys(extra_parties) if p not in base.allies)
    parties = base.allies + extra
    n_years, n_allies, n_parties = len(years), len(base.allies), len(parties)

    values: dict[str, np.ndarray] = {}
    outside = _nonmember_values(extra, np.asarray(base.data_years)[row_index], dataset)
    for measure, array in base.values.items():
        out = np.full((n_years, n_parties), np.nan)
        out[:, :n_allies] = array[row_index]
        if measure in outside:
            out[:, n_allies:] = outside[measure]
        values[measure] = _readonly(out)
    member = np.zeros((n_years, n_parties), dtype=bool)
    member[:, :n_allies] = base.accession_year[None, :] <= np.asarray(years)[:, None]
    guarantee = member[:, :, None] & member[:, None, :]
    guarantee[:, np.arange(n_parties), np.arange(n_parties)] = False
    basis = np.where(guarantee, np.uint8(ARTICLE_5), np.uint8(0)).astype(np.uint8)
    pledges = tuple(_pledges_in_force(y) for y in years)
    panel = StatePanel(
        years=years,
        parties=parties,
        figures_year=_readonly(np.asarray(base.data_years, dtype=int)[row_index]),
        values=values,
        member=_readonly(member),
        guarantee=_readonly(guarantee),
        basis=_readonly(basis),
        troops=_readonly(np.zeros_like(guarantee)),
        condition=_readonly(np.zeros(guarantee.shape, dtype=np.int16)),
        conditions=("",),
        projected={},
        projections=(),
        pledges=pledges,
        trace=(
            {
                "step": "baseline",
                "what": "Article 5 all-to-all among the members of each year (North Atlantic Treaty, 1949)",
                "years": list(years),
                "edition": edition or "latest edition having each figure",
                "editions_in_play": list(in_play),
                "held_years": [
                    y for y, fy in zip(years, np.asarray(base.data_years)[row_index], strict=True) if y != fy
                ],
                "hold_from": hold_from,
            },
        ),
        edition=edition,
        russia_usd_mn=_readonly(base.russia_usd_mn[row_index].copy()),
        russia_source=tuple(base.russia_source[i] for i in row_index),
        as_of=None if as_of is None else as_of_date(as_of),
        dataset=dataset,
    )
    _remember(cache, key, panel)
    return panel


#: baseline panels kept per dataset (a long-running API sees many periods; keep the recent ones)
PANEL_CACHE_SIZE = 64


def _remember(cache: dict[object, Any], key: object, panel: StatePanel) -> None:
    order = cache.setdefault("natosim.state.panel_keys", [])
    cache[key] = panel
    order.append(key)
    while len(order) > PANEL_CACHE_SIZE:
        cache.pop(order.pop(0), None)


def _pledges_in_force(year: int) -> tuple[Any, ...]:
    """Pledges adopted on or before 31 December of ``year`` (natosim.rules, with dates and sources)."""
    return tuple(rules.at(year_end(year)).pledges)


def baseline(year: int, edition: str | None = None, *, hold_from: int | None = None) -> AllianceState:
    """The alliance at the end of ``year``: Article 5 all-to-all among ``natosim.members(year)``."""
    return baseline_panel([int(year)], edition, hold_from=hold_from).at(int(year))


def panel_from_state(state: AllianceState, extra_parties: Sequence[str] = ()) -> StatePanel:
    """A one-year panel holding ``state`` (so a policy's panel code serves ``apply(state)`` too)."""
    parties = tuple(state.parties) + tuple(p for p in dict.fromkeys(extra_parties) if p not in state.parties)
    n, k = len(parties), len(state.parties)
    frame = state.figures.reindex(list(parties))
    values = {
        m: _readonly(frame[m].to_numpy(dtype=float, na_value=np.nan)[None, :].copy()) for m in MEASURES if m in frame
    }

    def square(source: np.ndarray, fill: Any, dtype: Any) -> np.ndarray:
        out = np.full((1, n, n), fill, dtype=dtype)
        out[0, :k, :k] = source
        return out

    texts = state.condition.astype(str)
    others, inverse = np.unique(texts, return_inverse=True)
    conditions = ("", *(str(c) for c in others if c != ""))
    lookup = np.asarray([conditions.index(str(c)) for c in others], dtype=np.int16)  # one per distinct text
    condition_codes = lookup[inverse].reshape(texts.shape) if texts.size else np.zeros((k, k), dtype=np.int16)
    names, basis_inverse = np.unique(state.basis.astype(str), return_inverse=True)
    unknown = [str(n) for n in names if n not in BASIS_CODE]
    if unknown:
        raise StateError(
            f"unknown legal basis {unknown[0]!r}; allowed: {', '.join(b for b in BASES if b)}", field="basis"
        )
    basis_codes = (
        np.asarray([BASIS_CODE[str(n)] for n in names], dtype=np.uint8)[basis_inverse].reshape(state.basis.shape)
        if state.basis.size
        else np.zeros((k, k), dtype=np.uint8)
    )
    member = np.isin(np.asarray(parties), np.asarray(state.members))[None, :]
    russia = _base(state.edition)
    fy = state.figures_year or state.year
    r = russia.data_years.index(fy) if fy in russia.data_years else None
    projected = {}
    if "projected" in frame:
        for measure in values:
            mask = frame["projected"].fillna("").astype(str).str.contains(measure, regex=False).to_numpy()
            if mask.any():
                projected[measure] = mask[None, :]
    return StatePanel(
        years=(state.year,),
        parties=parties,
        figures_year=np.asarray([fy]),
        values=values,
        member=member,
        guarantee=square(state.guarantee, False, bool),
        basis=square(basis_codes, 0, np.uint8),
        troops=square(state.troops, False, bool),
        condition=square(condition_codes, 0, np.int16),
        conditions=conditions,
        projected=projected,
        projections=(),
        pledges=(tuple(state.pledges),),
        trace=tuple(state.trace),
        edition=state.edition,
        russia_usd_mn=np.asarray([russia.russia_usd_mn[r] if r is not None else np.nan]),
        russia_source=(russia.russia_source[r] if r is not None else "",),
    )


__all__ = [
    "ARTICLE_5",
    "BASES",
    "BILATERAL_PACT",
    "SECURITY_GUARANTEE",
    "AllianceState",
    "StateError",
    "StatePanel",
    "baseline",
    "baseline_panel",
    "data_years",
    "panel_from_state",
    "year_end",
]
