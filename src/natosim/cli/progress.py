"""One progress bar for every command that can run more than a couple of seconds.

On stderr, with what is done, the total and an estimate of the time left; transient (it disappears
when the work is done) and shown only on a terminal, so pipes, scripts and tests see clean output.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def progress(label: str, total: float | None, *, unit: str = "") -> Iterator[Callable[[float], None]]:
    """Yield ``advance(amount)``; the bar shows label, a bar, done/total and the time left."""
    if not sys.stderr.isatty():
        yield lambda amount: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn(f"{{task.completed:,.0f}}/{{task.total:,.0f}}{unit}"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with bar:
        task = bar.add_task(label, total=total)
        yield lambda amount: bar.advance(task, amount)
