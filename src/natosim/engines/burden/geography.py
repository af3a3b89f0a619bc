"""Where the allies are: capital coordinates, distance to Moscow, exposed border, capital distances.

Capitals and coordinates come from natosim's bundled ally table (``allies.csv``, source
facts-members); Moscow's coordinates and the land-border lengths with Russia from
``engines/burden/data/geography.yaml``, each with its source and confidence label. Distances are
great-circle (``natosim.engines.crisis.theatre.haversine_km``, mean Earth radius) between capitals.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from natosim.data import allies
from natosim.engines.burden.errors import BurdenError
from natosim.engines.crisis.theatre import haversine_km  # the one great-circle distance in natosim

DATA = Path(__file__).parent / "data" / "geography.yaml"


@cache
def _geography() -> dict[str, Any]:
    with DATA.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict) or "moscow" not in data or "exposed_border_km" not in data:
        raise BurdenError(f"{DATA}: expected the keys 'moscow' and 'exposed_border_km'", field="geography")
    return data


def ally_geography() -> pd.DataFrame:
    """One row per ally: capital coordinates, km to Moscow, km of land border with Russia, sources."""
    geo = _geography()
    table = allies()[["iso3", "capital", "capital_lat", "capital_lon", "source"]].copy()
    moscow = geo["moscow"]
    table["km_to_moscow"] = haversine_km(
        table["capital_lat"].to_numpy(float),
        table["capital_lon"].to_numpy(float),
        float(moscow["lat"]),
        float(moscow["lon"]),
    )
    borders = geo["exposed_border_km"]["values"]
    table["exposed_border_km"] = table["iso3"].map(lambda code: float(borders.get(code, 0.0)))
    table["sources"] = (
        table["source"] + ";" + geo["exposed_border_km"]["source"].split(" ")[0] + ";moscow: " + moscow["source"]
    )
    return table.drop(columns="source").reset_index(drop=True)


def capital_distances(codes: list[str]) -> np.ndarray:
    """Matrix of great-circle distances (km) between the capitals of ``codes``, in that order."""
    table = ally_geography().set_index("iso3")
    unknown = sorted(set(codes) - set(table.index))
    if unknown:
        raise BurdenError(f"no capital coordinates for {', '.join(unknown)}", field="country")
    lat = table.loc[codes, "capital_lat"].to_numpy(float)
    lon = table.loc[codes, "capital_lon"].to_numpy(float)
    return haversine_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
