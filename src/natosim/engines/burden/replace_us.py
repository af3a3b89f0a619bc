"""What would Europe and Canada have to spend each year to replace the US contribution to their defence?

The answer is built from sourced components, each a line of an *assumption set* (a YAML file):

* ``per_troop`` — ``troops`` × spending per active-duty member of ``cost_basis`` (``USA`` or
  ``europe_and_canada``: NATO Table 2 US$ spending ÷ Table 7 military personnel, ``data_year``),
  times a ``share`` of it (``all``, ``equipment`` = NATO Table 8a major-equipment share, or
  ``not_equipment`` = the rest); ``low_cost_basis`` gives the low end of the range;
* ``one_off`` — a one-off amount (US$ bn; ``low_usd_bn``/``high_usd_bn`` for the range) spread
  evenly over ``horizon_years``;
* ``per_year`` — a yearly amount (US$ bn), with an optional range.

Bundled sets: ``bruegel_kiel_2025`` (the default, so the result can be set beside Bruegel/Kiel's
€250 bn a year) and ``iiss_2025``; a user's own YAML is validated (pydantic) and errors name the
file, line and field. Sources and the comparison with both publications: docs/model/burden.md §11.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, model_validator

from natosim.data import Dataset, figures, load
from natosim.engines.burden.errors import BurdenError
from natosim.results import ResultMixin
from natosim.rules.loader import read_yaml, validate

SETS = Path(__file__).parent / "data" / "replace_us"
DEFAULT_SET = "bruegel_kiel_2025"
GUARANTOR = "USA"


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Rate(_Strict):
    value: float = Field(gt=0)
    source: str
    confidence: str


class Published(_Strict):
    label: str
    value: float = Field(gt=0)
    unit: Literal["eur_bn_per_year", "usd_bn_per_year", "usd_bn_total", "eur_bn_total"]
    troops: int | None = Field(default=None, gt=0)
    source: str
    confidence: str


class Component(_Strict):
    id: str
    label: str
    kind: Literal["per_troop", "one_off", "per_year"]
    source: str
    confidence: str
    troops: int | None = Field(default=None, gt=0)
    cost_basis: Literal["USA", "europe_and_canada"] | None = None
    low_cost_basis: Literal["USA", "europe_and_canada"] | None = None
    share: Literal["all", "equipment", "not_equipment"] = "all"
    amount_usd_bn: float | None = Field(default=None, ge=0)
    low_usd_bn: float | None = Field(default=None, ge=0)
    high_usd_bn: float | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _fields_for_kind(self) -> Component:
        if self.kind == "per_troop" and (self.troops is None or self.cost_basis is None):
            raise ValueError("a per_troop component needs 'troops' and 'cost_basis' (USA or europe_and_canada)")
        if self.kind in ("one_off", "per_year") and self.amount_usd_bn is None:
            raise ValueError(f"a {self.kind} component needs 'amount_usd_bn'")
        low = self.low_usd_bn if self.low_usd_bn is not None else self.amount_usd_bn
        high = self.high_usd_bn if self.high_usd_bn is not None else self.amount_usd_bn
        if self.amount_usd_bn is not None and not (low or 0) <= self.amount_usd_bn <= (high or 0):
            raise ValueError("need low_usd_bn ≤ amount_usd_bn ≤ high_usd_bn")
        return self


class AssumptionSet(_Strict):
    name: str
    data_year: int
    horizon_years: int = Field(ge=1)
    usd_per_eur: Rate
    published: Published | None = None
    components: list[Component] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> AssumptionSet:
        ids = [c.id for c in self.components]
        if len(ids) != len(set(ids)):
            raise ValueError(f"component ids must be unique, got {', '.join(ids)}")
        return self


def bundled_sets() -> list[str]:
    """Names of the bundled assumption sets."""
    return sorted(p.stem for p in SETS.glob("*.yaml"))


def load_assumptions(which: str | Path = DEFAULT_SET) -> AssumptionSet:
    """A bundled set by name, or a user's YAML file by path; errors name the file, line and field."""
    path = Path(which)
    if path.suffix.lower() not in (".yaml", ".yml"):
        if str(which) not in bundled_sets():
            raise BurdenError(
                f"unknown assumption set {str(which)!r}; bundled: {', '.join(bundled_sets())}, or the path of a "
                ".yaml file",
                field="assumptions",
            )
        path = SETS / f"{which}.yaml"
    elif not path.is_file():
        raise BurdenError(f"{path}: no such assumptions file", field="assumptions")
    data, node = read_yaml(path)
    return validate(AssumptionSet, data, path, node)


def cost_bases(data_year: int, dataset: Dataset | None = None) -> dict[str, dict[str, Any]]:
    """Spending per active-duty member (US$) and the equipment share, for the US and for the others.

    NATO Table 2 (current US$) ÷ Table 7 (military personnel), and Table 8a (major equipment incl.
    R&D, % of spending; the others' share is spending-weighted), members of ``data_year`` with all
    three figures, from the latest edition that has them.
    """
    dataset = dataset or load()
    table = figures(year=int(data_year), dataset=dataset, members_only=True)
    needed = ["defence_exp_usd_current_mn", "military_personnel_thousands", "equipment_pct"]
    usable = table.dropna(subset=needed)
    if GUARANTOR not in set(usable["iso3"]) or len(usable) < 2:
        raise BurdenError(
            f"no US$ spending, personnel and equipment share for {data_year}; pick a data_year with NATO Tables 2, 7, "
            "8a (the June 2024 edition)",
            field="data_year",
        )
    out = {}
    for name, rows in (
        ("USA", usable[usable["iso3"] == GUARANTOR]),
        ("europe_and_canada", usable[usable["iso3"] != GUARANTOR]),
    ):
        spending = rows["defence_exp_usd_current_mn"].sum() * 1e6
        personnel = rows["military_personnel_thousands"].sum() * 1e3
        equipment = float(
            (rows["defence_exp_usd_current_mn"] * rows["equipment_pct"]).sum()
            / rows["defence_exp_usd_current_mn"].sum()
        )
        out[name] = {
            "usd_per_member": float(spending / personnel),
            "equipment_share": equipment / 100.0,
            "allies": sorted(rows["iso3"]),
            "editions": sorted(
                set(rows["edition_defence_exp_usd_current_mn"]) | set(rows["edition_military_personnel_thousands"])
            ),
        }
    left_out = sorted(set(table["iso3"]) - set(usable["iso3"]))
    out["europe_and_canada"]["left_out"] = left_out
    return out


def _share(basis: dict[str, Any], share: str) -> float:
    return {"all": 1.0, "equipment": basis["equipment_share"], "not_equipment": 1.0 - basis["equipment_share"]}[share]


@dataclass(frozen=True)
class ReplaceUs(ResultMixin):
    """The yearly cost of replacing the US contribution, by component, beside the published figure."""

    title: ClassVar[str] = "Replacing the US contribution to European defence (extra spending a year)"

    components: pd.DataFrame
    summary: dict[str, Any]

    def to_frame(self) -> pd.DataFrame:
        return self.components

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "estimate", **self.summary, "summary": self.summary, "components": self.components}


def replace_us(assumptions: str | Path | AssumptionSet = DEFAULT_SET, dataset: Dataset | None = None) -> ReplaceUs:
    """Extra yearly spending (€ bn and US$ bn) Europe and Canada would need, from sourced components."""
    chosen = assumptions if isinstance(assumptions, AssumptionSet) else load_assumptions(assumptions)
    bases = cost_bases(chosen.data_year, dataset)
    rate = chosen.usd_per_eur.value
    rows = []
    for c in chosen.components:
        if c.kind == "per_troop":
            assert c.troops is not None and c.cost_basis is not None  # the validator guarantees both
            basis = bases[c.cost_basis]
            central = c.troops * basis["usd_per_member"] * _share(basis, c.share) / 1e9
            low_basis = bases[c.low_cost_basis or c.cost_basis]
            low = c.troops * low_basis["usd_per_member"] * _share(low_basis, c.share) / 1e9
            low, high = min(low, central), max(low, central)
            how = (
                f"{c.troops:,} × US${basis['usd_per_member']:,.0f} per member ({c.cost_basis}, {chosen.data_year}) × "
                f"{_share(basis, c.share):.3f} ({c.share})"
            )
        else:
            spread = chosen.horizon_years if c.kind == "one_off" else 1
            amount = float(c.amount_usd_bn or 0.0)
            central = amount / spread
            low = (c.low_usd_bn if c.low_usd_bn is not None else amount) / spread
            high = (c.high_usd_bn if c.high_usd_bn is not None else amount) / spread
            how = f"US${amount:,.0f} bn" + (f" ÷ {spread} years" if spread > 1 else " a year")
        rows.append(
            {
                "id": c.id,
                "label": c.label,
                "usd_bn_per_year": central,
                "usd_bn_per_year_low": low,
                "usd_bn_per_year_high": high,
                "eur_bn_per_year": central / rate,
                "computation": how,
                "source": c.source,
                "confidence": c.confidence,
            }
        )
    table = pd.DataFrame(rows)
    usd = float(table["usd_bn_per_year"].sum())
    summary: dict[str, Any] = {
        "kind": "estimate",
        "assumptions": chosen.name,
        "data_year": chosen.data_year,
        "additional_usd_bn_per_year": usd,
        "additional_eur_bn_per_year": usd / rate,
        "additional_usd_bn_per_year_range": [
            float(table["usd_bn_per_year_low"].sum()),
            float(table["usd_bn_per_year_high"].sum()),
        ],
        "additional_eur_bn_per_year_range": [
            float(table["usd_bn_per_year_low"].sum()) / rate,
            float(table["usd_bn_per_year_high"].sum()) / rate,
        ],
        "usd_per_eur": rate,
        "usd_per_eur_source": chosen.usd_per_eur.source,
        "cost_bases": {k: {kk: vv for kk, vv in v.items() if kk != "allies"} for k, v in bases.items()},
    }
    if chosen.published is not None:
        pub = chosen.published
        per_year = pub.value if pub.unit.endswith("per_year") else pub.value / chosen.horizon_years
        in_eur = per_year if pub.unit.startswith("eur") else per_year / rate
        summary["published"] = {
            "label": pub.label,
            "value": pub.value,
            "unit": pub.unit,
            "eur_bn_per_year": in_eur,
            "troops": pub.troops,
            "source": pub.source,
            "ratio_natosim_to_published": (usd / rate) / in_eur,
        }
    return ReplaceUs(table, summary)
