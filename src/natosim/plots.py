"""Charts for ``--plot FILE`` where a chart says more than a table: compliance over the years and the
difference between two scenarios. PNG or SVG, written atomically with normal permissions.

Missing figures are gaps in a line, never zeros. matplotlib is imported only here, after
:func:`natosim.data.paths.matplotlib_ready` has pointed its cache at natosim's cache directory.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from natosim.data.paths import matplotlib_ready, replace_public
from natosim.errors import NatosimError
from natosim.metrics.compliance import compliance
from natosim.state import data_years

FORMATS = {".png": "png", ".svg": "svg"}


class PlotError(NatosimError):
    kind = "plot_error"


def check_plot_path(path: str | Path) -> Path:
    """A plot goes to FILE.png or FILE.svg in a folder that exists: refused before any work is done."""
    target = Path(path)
    if target.suffix.lower() not in FORMATS:
        raise PlotError(f"--plot {str(path)!r}: the file must end in .png or .svg", field="plot")
    if not target.parent.is_dir():
        raise PlotError(f"--plot {str(path)!r}: folder {str(target.parent)!r} does not exist", field="plot")
    return target


def _figure(rows: int, size: tuple[float, float]) -> tuple[Any, Any]:
    matplotlib_ready()
    import matplotlib
    import matplotlib.pyplot as plt

    matplotlib.rcParams["svg.hashsalt"] = "natosim"  # same input, same SVG, byte for byte
    return plt.subplots(rows, 1, figsize=size, squeeze=False)


def save(figure: Any, path: str | Path) -> Path:
    """Write ``figure`` to ``path`` atomically (temporary file, then rename), mode 0644 under umask 022."""
    import matplotlib.pyplot as plt

    target = check_plot_path(path)
    handle, temporary = tempfile.mkstemp(suffix=target.suffix, dir=target.parent)
    os.close(handle)
    try:
        figure.savefig(
            temporary,
            format=FORMATS[target.suffix.lower()],
            bbox_inches="tight",
            metadata={"Date": None} if target.suffix.lower() == ".svg" else None,
        )
        replace_public(temporary, target)
    finally:
        plt.close(figure)
        if os.path.exists(temporary):
            os.remove(temporary)
    return target


def compliance_history(
    last_year: int,
    pledge: str | None = None,
    edition: str | None = None,
    members_only: bool = True,
    as_of: str | None = None,
    on_year: Callable[[float], None] | None = None,
) -> pd.DataFrame:
    """One row per ally and year up to ``last_year``: value, target, met (the pledge in force each year
    unless ``pledge`` names one). Years with no figures at all are left out."""
    frames = []
    for year in (y for y in data_years(edition, as_of) if y <= last_year):
        result = compliance(year, pledge, edition=edition, members_only=members_only, as_of=as_of)
        table = result.table[["iso3", "value", "target", "met"]].assign(year=year, pledge=result.pledge.id)
        frames.append(table)
        if on_year is not None:
            on_year(1)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def plot_compliance_history(history: pd.DataFrame, path: str | Path, title: str) -> Path:
    """Top: every ally's figure per year (grey), the median (black), the target (red steps).
    Bottom: allies meeting the pledge, not meeting it, and unknown (no figure), per year."""
    figure, axes = _figure(2, (10, 7))
    top, bottom = axes[0][0], axes[1][0]
    wide = history.pivot_table(index="year", columns="iso3", values="value", dropna=False)
    for column in wide.columns:
        top.plot(wide.index, wide[column], color="0.75", linewidth=0.8)
    top.plot(wide.index, wide.median(axis=1, skipna=True), color="black", linewidth=2, label="median ally")
    targets = history.groupby("year")["target"].first()
    top.step(targets.index, targets.to_numpy(dtype=float), where="mid", color="tab:red", label="target")
    top.set_ylabel("% of GDP")
    top.set_title(title)
    top.legend(loc="upper left")
    met = history["met"]
    counts = pd.DataFrame(
        {
            "met": (met == True).groupby(history["year"]).sum(),  # noqa: E712  (nullable: NA is neither)
            "not met": (met == False).groupby(history["year"]).sum(),  # noqa: E712
            "unknown": met.isna().groupby(history["year"]).sum(),
        }
    )
    bottom_edge = pd.Series(0, index=counts.index)
    for label, colour in (("met", "tab:blue"), ("not met", "tab:orange"), ("unknown", "0.8")):
        bottom.bar(counts.index, counts[label], bottom=bottom_edge, color=colour, label=label)
        bottom_edge = bottom_edge + counts[label]
    bottom.set_ylabel("allies")
    bottom.legend(loc="upper left")
    bottom.set_xlabel("year (unknown = no figure, never counted as not met)")
    return save(figure, path)


def plot_diff(diff: pd.DataFrame, first: str, second: str, path: str | Path) -> Path:
    """One panel per headline metric: both scenarios over the years; a missing value is a gap."""
    metrics = list(dict.fromkeys(diff["metric"]))
    figure, axes = _figure(len(metrics), (9, 2.2 * len(metrics)))
    for axis, metric in zip((row[0] for row in axes), metrics, strict=True):
        rows = diff[diff["metric"] == metric]
        axis.plot(rows["year"], rows[first].astype(float), marker="o", label=first)
        axis.plot(rows["year"], rows[second].astype(float), marker="s", linestyle="--", label=second)
        axis.set_title(metric, fontsize=9, loc="left")
        axis.tick_params(labelsize=8)
    from matplotlib.ticker import MaxNLocator

    years = diff["year"].astype(int)
    for row in axes:
        row[0].set_xlim(years.min() - 0.5, years.max() + 0.5)  # the years both evaluate, nothing else
        row[0].xaxis.set_major_locator(MaxNLocator(integer=True))
    axes[0][0].legend(fontsize=8, loc="best")
    axes[-1][0].set_xlabel("year (a missing value is a gap, never zero)")
    figure.tight_layout()
    return save(figure, path)


def plot_troops_by_day(contributions: pd.DataFrame, path: str | Path, title: str) -> Path:
    """Expected troops of each guarantor in the attacked ally by day 3, 10 and 30, largest first:
    who brings what, and how fast (a crisis run's contributions; unit: troops, mean over draws)."""
    columns = [c for c in contributions.columns if c.startswith("troops_day_")]
    frame = contributions.set_index("iso3")[columns].astype(float)
    frame = frame[frame[columns[-1]] > 0].sort_values(columns[-1], ascending=True)
    figure, axes = _figure(1, (9, max(3.0, 0.28 * len(frame) + 1.5)))
    axis = axes[0][0]
    height = 0.8 / max(len(columns), 1)
    positions = range(len(frame))
    for i, column in enumerate(columns):
        axis.barh(
            [p + i * height for p in positions],
            frame[column].to_numpy(),
            height=height,
            label=f"by day {column.removeprefix('troops_day_')}",
        )
    axis.set_yticks([p + height * (len(columns) - 1) / 2 for p in positions], list(frame.index), fontsize=8)
    axis.set_xlabel("expected troops in the attacked ally (mean over draws)")
    axis.set_title(title, fontsize=10, loc="left")
    axis.legend(loc="lower right")
    return save(figure, path)
