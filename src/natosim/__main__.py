"""``python -m natosim``: the same command as ``natosim``."""

from natosim.cli.main import run

if __name__ == "__main__":
    run()
