"""Bounds on the work one command may ask for, sized for a laptop, each overridable and named in the error.

Why: memory stays bounded by chunking whatever the size, but time does not — ``--draws
1000000000000`` would run for days. A request over a limit is refused at once, in one line that
names the limit and how to raise it (an option or an environment variable). Seeds are refused
outside 0..2**32-1 (the range the API accepts; ``numpy.random.SeedSequence`` takes more, the run
store's BIGINT column does not).
"""

from __future__ import annotations

import os

from natosim.engines.crisis.params import CrisisError

#: draws of one run, or per point of a sweep (about a minute on a laptop core at the default)
MAX_DRAWS = 20_000_000
#: points of a sweep grid
MAX_POINTS = 1_000
#: draws × points of a sweep
MAX_SWEEP_DRAWS = 200_000_000
SEED_MAX = 2**32 - 1
ENV_DRAWS = "NATOSIM_CRISIS_MAX_DRAWS"
ENV_POINTS = "NATOSIM_CRISIS_MAX_POINTS"


def _limit(env: str, default: int, override: int | None) -> int:
    if override is not None:
        return int(override)
    text = os.environ.get(env)
    if text:
        try:
            return int(text)
        except ValueError:
            raise CrisisError(f"{env}={text!r} is not a whole number", field=env) from None
    return default


def check_seed(seed: int) -> int:
    if not 0 <= int(seed) <= SEED_MAX:
        raise CrisisError(f"--seed must be between 0 and {SEED_MAX} (2**32-1), got {seed}", field="seed")
    return int(seed)


def check_draws(draws: int, *, max_draws: int | None = None) -> int:
    limit = _limit(ENV_DRAWS, MAX_DRAWS, max_draws)
    if int(draws) < 1:
        raise CrisisError(f"--draws must be at least 1, got {draws}", field="draws")
    if int(draws) > limit:
        raise CrisisError(
            f"--draws {draws} is over the limit of {limit:,} draws; raise it with --max-draws N or {ENV_DRAWS}=N",
            field="draws",
        )
    return int(draws)


def check_sweep(points: int, draws: int, *, max_points: int | None = None, max_draws: int | None = None) -> None:
    check_draws(draws, max_draws=max_draws)
    limit = _limit(ENV_POINTS, MAX_POINTS, max_points)
    if points > limit:
        raise CrisisError(
            f"the grid has {points:,} points, over the limit of {limit:,}; raise it with --max-points N or "
            f"{ENV_POINTS}=N",
            field="param",
        )
    total_limit = MAX_SWEEP_DRAWS * max(1, _limit(ENV_DRAWS, MAX_DRAWS, max_draws) // MAX_DRAWS)
    if points * draws > total_limit:
        raise CrisisError(
            f"the sweep asks for {points * draws:,} draws ({points:,} points × {draws:,}), over the limit of "
            f"{total_limit:,}; use fewer points or draws, or raise --max-draws",
            field="draws",
        )
