"""How close a claimed number must be to the figure natosim holds, per kind of measure.

Every tolerance is documented in docs/claims.md (section "Tolerances"); change both together.

* An exact number is ``supported`` when the figure, rounded as the claim is written, equals it
  ("3.3%" stands for 3.25–3.35); for counts, money and people written in words or with a scale
  word the rounding allowance is capped at the measure's approximation width (so "one billion"
  does not stand for anything from 0.5 to 1.5 billion).
* Beyond the rounding, a claim within the ``supported`` width (money: 5 %, shares: 2 points, the
  labelling guide's widths) is ``supported``; within the ``imprecise`` width ``imprecise``; further
  away it is ``contradicted``.
* "about/around/roughly X": ``supported`` within the ``approx`` width, ``imprecise`` within twice it;
  a percentage written to two decimals ("about 1.36%") is judged as written.
* "nearly/almost X": ``supported`` when the figure is below X by at most the ``approx`` width (or
  equal after rounding); a figure slightly above X, or below by up to twice the width, is ``imprecise``.
* Bounds ("over", "more than", "at least", "under", "less than", "at most"): ``contradicted`` when
  the bound is false; when true, ``supported`` if the figure is within the ``bound_close`` width of
  the bound, else ``imprecise`` (true but vague: "over 30" for 32 allies).
* Fractions in words ("two-thirds") are shares: ``supported`` within ``fraction`` points,
  ``imprecise`` within twice that.
"""

from __future__ import annotations

from dataclasses import dataclass

from natosim.engines.claims.numbers import Quantity


@dataclass(frozen=True)
class Tolerance:
    relative: bool  # widths are fractions of the figure (True) or absolute (percentage points)
    imprecise: float
    approx: float
    bound_close: float
    fraction: float = 2.5
    min_absolute: float = 0.0  # a floor for relative widths (counts: at least one unit)
    #: an exact figure this close (beyond its rounding) is ``supported``: the labelling guide's own width
    #: for the measure ("US$ within 5 %; shares within 2 pp"), where no source prints the figure to the
    #: unit a reporter rounds it to (NATO prints US$ in millions and shares to two decimals)
    supported: float = 0.0


TOLERANCES: dict[str, Tolerance] = {
    # % of GDP, in percentage points: NATO prints two decimals; news rounds to one.
    "pct_gdp": Tolerance(relative=False, imprecise=0.1, approx=0.15, bound_close=0.5),
    # a share of an alliance total, in percentage points
    "share_pct": Tolerance(relative=False, imprecise=2.0, approx=2.5, bound_close=5.0, fraction=2.5, supported=2.0),
    # counts of allies: exact means exact; bounds and approximations within 5% (at least 1)
    "count": Tolerance(relative=True, imprecise=0.0, approx=0.05, bound_close=0.05, min_absolute=1.0),
    # money in US$: rounding, then 5%; NATO and SIPRI definitions differ by more than that
    "money": Tolerance(relative=True, imprecise=0.05, approx=0.05, bound_close=0.10, supported=0.05),
    # people: population is derived from NATO GDP tables (see data docs), so 5%
    "population": Tolerance(relative=True, imprecise=0.05, approx=0.05, bound_close=0.05),
    # years and days are exact
    "exact": Tolerance(relative=False, imprecise=0.0, approx=0.0, bound_close=0.0),
    # a year's real change in defence spending, in points ("rose 18%" for NATO's 17.9%)
    "growth_pct": Tolerance(relative=False, imprecise=1.0, approx=1.5, bound_close=3.0),
}


def _n(value: float) -> str:
    """A number for a note: '47.5 million', '1.2 bn', '0.1'."""
    magnitude = abs(value)
    if magnitude >= 1e9:
        return f"{value / 1e9:.3g} bn"
    if magnitude >= 1e6:
        return f"{value / 1e6:.3g} million"
    return f"{value:.4g}"


def _width(tolerance: Tolerance, width: float, reference: float) -> float:
    if not tolerance.relative:
        return width
    return max(abs(reference) * width, tolerance.min_absolute if width else 0.0)


def judge(
    claim: Quantity | float, actual: float, measure: str, *, qualifier: str | None = None, scale: float = 1.0
) -> tuple[str, str]:
    """(verdict, why) for a claimed quantity against the figure natosim holds.

    ``scale`` converts the claim into the figure's unit (e.g. 100 for a fraction read as a share
    in %). The reason names the tolerance applied, so a reader can see why a verdict was given.
    """
    tolerance = TOLERANCES[measure]
    if isinstance(claim, Quantity):
        value = claim.value * scale
        qualifier = qualifier if qualifier is not None else claim.qualifier
        half_unit = claim.unit * scale / 2
        fraction = claim.is_fraction
        if qualifier == "about" and claim.decimals >= 2 and not tolerance.relative:
            # "about 1.36%": a figure written to the hundredth is as precise as it says; "about" only
            # hedges its rounding, so it is judged as written (the imprecise band, not "about"'s width)
            qualifier = None
        if tolerance.relative and (claim.is_word or claim.unit > 1):
            half_unit = min(half_unit, _width(tolerance, tolerance.approx, value))
    else:
        value, half_unit, fraction = float(claim) * scale, 0.0, False
    difference = actual - value
    eps = 1e-9 + abs(value) * 1e-12
    if fraction and qualifier in (None, "about"):
        width = tolerance.fraction
        if abs(difference) <= width + eps:
            return "supported", f"within {_n(width)} points of the fraction"
        if abs(difference) <= 2 * width + eps:
            return "imprecise", f"within {_n(2 * width)} points of the fraction"
        return (
            "contradicted",
            f"off by {_n(abs(difference))} points, beyond the {_n(2 * width)}-point tolerance of a fraction",
        )
    rounding = abs(difference) <= half_unit + eps
    approx = _width(tolerance, tolerance.approx, value)
    if qualifier in ("more than", "at least", "less than", "at most"):
        holds = {
            "more than": actual > value - eps if rounding else actual > value,
            "at least": actual >= value - half_unit - eps if half_unit < approx else actual >= value - eps,
            "less than": actual < value,
            "at most": actual <= value + eps,
        }[qualifier]
        if not holds:
            return "contradicted", f"the bound '{qualifier} {_n(value)}' does not hold (tolerance: none for a bound)"
        close = _width(tolerance, tolerance.bound_close, value)
        if abs(difference) <= close + eps:
            return "supported", f"bound holds, figure within {_n(close)} of it"
        return "imprecise", f"bound holds but the figure is more than {_n(close)} away (true but vague)"
    if qualifier == "nearly":
        # "nearly X" is below X (or X as written once rounded, when the figure is not above it); a
        # figure above X is "slightly above" within ``approx``, not within the rounding of X: "close to
        # 1 percent" is not 1.35
        if (rounding and difference <= 0) or (-approx - eps <= difference <= 0):
            return "supported", f"figure at most {_n(approx)} below the claim"
        if 0 < difference <= approx + eps or -2 * approx - eps <= difference < 0:
            return "imprecise", f"figure slightly above, or up to {_n(2 * approx)} below, the claim"
        return "contradicted", f"figure too far from 'nearly' the claim (tolerance: up to {_n(2 * approx)} below)"
    if qualifier == "about":
        if rounding or abs(difference) <= approx + eps:
            return "supported", f"within {_n(approx)} of the claim ('about')"
        if abs(difference) <= 2 * approx + eps:
            return "imprecise", f"within {_n(2 * approx)} of the claim ('about')"
        return "contradicted", f"off by {_n(abs(difference))}, beyond the {_n(2 * approx)} tolerance of 'about'"
    if rounding:
        return "supported", "equal once rounded as written"
    # the guide's width is of the figure as written (no rounding allowance on top: "70%" is 2 points
    # either side of 70, not of 69.5-70.5)
    if tolerance.supported and abs(difference) <= _width(tolerance, tolerance.supported, value) + eps:
        width = _width(tolerance, tolerance.supported, value)
        return "supported", f"off by {_n(abs(difference))}, within the {_n(width)} width of the measure"
    # "imprecise within 0.1 pp beyond the rounding" (docs/claims.md): the band starts where the
    # rounding of the claim as written ends ("3.6%" covers 3.55-3.65, imprecise down to 3.45)
    loose = _width(tolerance, tolerance.imprecise, value) + half_unit
    if abs(difference) <= loose + eps:
        return "imprecise", f"off by {_n(abs(difference))}, within the {_n(loose)} tolerance"
    return "contradicted", f"off by {_n(abs(difference))}, beyond the {_n(loose)} tolerance"
