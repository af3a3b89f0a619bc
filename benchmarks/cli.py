"""CLI start-up and simple-query times, against Python's own start-up and ``import pandas`` measured
in the same run (ratios), plus the streaming import's refusal of a bad 200 MB file.

Run: ``.venv/bin/python benchmarks/cli.py``. Each command runs in a fresh process (as a user runs
it), best of 5. Why these baselines: a command cannot start faster than Python, and every data
command needs pandas; the ratios say how much natosim adds on top, whatever the machine's load.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NATOSIM = [sys.executable, "-c", "from natosim.cli.main import run; run()"]
COMMANDS = [
    ["--version"],
    ["--help"],
    ["rules", "at", "2024-07-01"],
    ["procedure", "withdrawal", "USA", "--notice", "2026-01-01"],
    ["data", "figures", "--year", "2024", "--country", "EST"],
    ["compliance", "--year", "2024"],
    ["brief"],
]


def best(argv: list[str], runs: int = 5, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        times.append(time.perf_counter() - started)
    return min(times)


def bad_import(folder: Path, env: dict[str, str]) -> float:
    """Seconds to refuse a 200 MB release whose line 354 repeats line 11 (streaming validation)."""
    import pandas as pd

    import natosim

    bundled = Path(natosim.__file__).parent / "data" / "bundled" / "figures.csv"
    raw = pd.read_csv(bundled, dtype=str, keep_default_na=False)
    rows = raw[(raw["edition"] == "2024-06") & (raw["year"] == "2024")]
    frame = pd.concat([rows.assign(year=str(y)) for y in range(1960, 2100)]).assign(edition="2026-07")
    lines = frame.to_csv(index=False).splitlines()
    lines.insert(353, lines[10])
    path = folder / "big.csv"
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
        rest = "\n".join(lines[1:]) + "\n"
        while out.tell() < 200_000_000:
            out.write(rest)
    return best([*NATOSIM, "data", "import", str(path), "--max-size-mb", "1000"], runs=3, env=env)


def yaml_parsing() -> None:
    """The rules YAML parsed with PyYAML's Python parser against natosim's loader (libyaml), same run."""
    import yaml
    from timing import best_of

    from natosim.rules.loader import PARAMETERS
    from natosim.yamlio import load_with_nodes

    texts = [path.read_text(encoding="utf-8") for path in sorted(PARAMETERS.glob("*.yaml"))]
    python = best_of(lambda: [load_with_nodes(text, yaml.SafeLoader) for text in texts], 5)
    ours = best_of(lambda: [load_with_nodes(text) for text in texts], 5)
    print(
        f"rules YAML, Python parser: {python * 1000:.0f} ms; natosim's loader: {ours * 1000:.0f} ms "
        f"({python / ours:.1f}x faster)"
    )


def main() -> None:
    yaml_parsing()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "NATOSIM_DATA_DIR": folder, "NATOSIM_CACHE_DIR": folder}
        python = best([sys.executable, "-c", "pass"], env=env)
        pandas = best([sys.executable, "-c", "import pandas"], env=env)
        print(f"python -c pass:      {python * 1000:7.0f} ms")
        print(f"python -c 'import pandas': {pandas * 1000:7.0f} ms")
        for command in COMMANDS:
            took = best([*NATOSIM, *command], env=env)
            print(
                f"natosim {' '.join(command):<52} {took * 1000:7.0f} ms   "
                f"{took / python:5.1f}x python   {took / pandas:4.1f}x import pandas"
            )
        refused = bad_import(Path(folder), env)
        print(f"refuse a 200 MB import with a duplicate at line 354: {refused * 1000:.0f} ms (process included)")


if __name__ == "__main__":
    main()
