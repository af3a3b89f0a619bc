"""Where the allies are: capital coordinates, distance to Moscow, exposed border, capital distances.

Capitals and coordinates come from natosim's bundled ally table (``allies.csv``, source
facts-members); Moscow's coordinates and the land-border lengths with Russia from
``engines/burden/data/geography.yaml``, each with its source and confidence label. Distances are
great-circle (haversine, mean Earth radius 6,371 km) between capitals.
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

DATA = Path(__file__).parent / "data" / "geography.yaml"
#: mean Earth radius (IUGG), km
EARTH_RADIUS_KM = 6371.0


@cache
def _geography() -> dict[str, Any]:
    with DATA.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict) or "moscow" not in data or "exposed_border_km" not in data:
        raise BurdenError(f"{DATA}: expected the keys 'moscow' and 'exposed_border_km'", field="geography")
    return data


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Great-circle distance in km between points given in degrees (broadcasts)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi, dlmb = p2 - p1, np.radians(lon2) - np.radians(lon1)
    h = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def ally_geography() -> pd.DataFrame:
    """One row per ally: capital coordinates, km to Moscow, km of land border with Russia, sources."""
    geo = _geography()
    table = allies()[["iso3", "capital", "capital_lat", "capital_lon", "source"]].copy()
    moscow = geo["moscow"]
    table["km_to_moscow"] = haversine_km(
        table["capital_lat"].to_numpy(float),
        table["capital_lon"].to_numpy(float),
        np.asarray(float(moscow["lat"])),
        np.asarray(float(moscow["lon"])),
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
