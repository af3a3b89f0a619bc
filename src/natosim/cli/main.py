"""The ``natosim`` command. Each command group lives in its own module with a ``register(app)``.

Heavy libraries (pandas, scipy, dask) are imported inside the commands, so ``natosim --help`` is fast.
Every ``NatosimError`` becomes one line on stderr and exit status 2 — never a traceback.
"""

from __future__ import annotations

import importlib
import sys

import typer

import natosim
from natosim import extras
from natosim.errors import NatosimError

app = typer.Typer(
    name="natosim",
    help="NATO as code: allies and their defence money, treaty rules and pledges, what-if scenarios.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"natosim {natosim.__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    show_version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print natosim's version and exit."
    ),
    data_dir: str | None = typer.Option(
        None,
        "--data-dir",
        help="User data directory (imported releases, crisis runs) for any command; same as $NATOSIM_DATA_DIR.",
    ),
) -> None:
    """NATO as code: allies and their defence money, treaty rules and pledges, what-if scenarios.

    Options mean the same in every command: docs/cli.md lists them.
    """
    if data_dir:
        import os

        os.environ["NATOSIM_DATA_DIR"] = data_dir


#: command modules, registered in this order (an ImportError in one of them propagates)
COMMAND_MODULES = (
    "natosim.cli.data",
    "natosim.cli.brief",
    "natosim.cli.rules",
    "natosim.cli.scenario",
    "natosim.cli.burden",
    "natosim.cli.crisis",
    "natosim.cli.check",
    "natosim.cli.serve",
)


#: command group → the optional extra it needs (natosim.extras); checked before the command runs
COMMAND_EXTRAS = {"crisis": "crisis", "serve": "web"}


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)


def _require_extra(argv: list[str]) -> None:
    """Exit 2 with one line naming ``pip install 'natosim[EXTRA]'`` when the command's extra is missing."""
    words = [word for word in argv if not word.startswith("-")]
    if words and words[0] in COMMAND_EXTRAS and not {"--help", "-h"} & set(argv):
        extras.require(COMMAND_EXTRAS[words[0]], what=f"natosim {words[0]}")


_register_commands()


def _one_line_warnings() -> None:
    """natosim's own warnings (a release set aside, ...) as one ``warning:`` line on stderr."""
    import warnings

    default = warnings.showwarning
    if getattr(default, "natosim", False):  # already installed (run() called again in one process)
        return

    def show(message, category, filename, lineno, file=None, line=None):
        if category.__module__.startswith("natosim"):
            typer.echo(f"warning: {message}", err=True)
        else:
            default(message, category, filename, lineno, file, line)

    show.natosim = True  # type: ignore[attr-defined]
    warnings.showwarning = show


def run() -> None:
    """Console-script entry point: run the app, turning domain errors into exit status 2."""
    _one_line_warnings()
    try:
        _require_extra(sys.argv[1:])
        result = app(standalone_mode=False, prog_name="natosim")
    except NatosimError as error:
        typer.echo(f"error: {error}", err=True)
        sys.exit(2)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # output piped into `head` and the reader went away: not an error
        sys.stderr.close()
        sys.exit(0)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except Exception as error:
        # Usage errors (unknown option, bad value) arrive here in non-standalone mode; typer
        # vendors its own click, so recognise them by their interface.
        exit_code = getattr(error, "exit_code", None)
        if hasattr(error, "show") and isinstance(exit_code, int):
            error.show()
            sys.exit(exit_code)
        raise
    sys.exit(result if isinstance(result, int) else 0)


if __name__ == "__main__":
    run()
