"""docs/burden.md and docs/model/burden.md run: Python examples are doctests (so every number the
docs quote is recomputed), shell commands run, and the error examples are the real messages."""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
GUIDE = DOCS / "burden.md"
MODEL = DOCS / "model" / "burden.md"


def blocks(path: Path, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)


@pytest.mark.parametrize("path", [GUIDE, MODEL], ids=["guide", "model"])
def test_python_examples_are_doctests(path: Path) -> None:
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    globs: dict[str, object] = {}
    examples = 0
    for number, text in enumerate(blocks(path, "python")):
        test = parser.get_doctest(text, globs, f"{path.name}[{number}]", str(path), 0)
        examples += len(test.examples)
        runner.run(test, clear_globs=False)
        globs.update(test.globs)
    assert examples >= 10
    assert runner.failures == 0, f"{runner.failures} doc examples failed (see output above)"


@pytest.mark.parametrize(
    "command", [line for block in blocks(GUIDE, "bash") for line in block.splitlines() if line.startswith("natosim ")]
)
def test_shell_examples_run(cli, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(*shlex.split(command)[1:])
    assert result.code == 0, result.err
    for word in shlex.split(command):
        if word.endswith((".png", ".svg")):
            assert (tmp_path / word).stat().st_size > 1000


def test_error_examples_are_the_real_messages(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    lines = blocks(GUIDE, "text")[-1].splitlines()
    pairs = [(lines[i][2:], lines[i + 1]) for i in range(0, len(lines) - 1, 2) if lines[i].startswith("$ ")]
    assert len(pairs) == 4
    for command, expected in pairs:
        result = cli(*shlex.split(command)[1:])
        assert result.code == 2
        shown = result.err.strip()
        if expected.endswith("..."):
            assert shown.startswith(expected[:-3].rstrip())
        else:
            assert shown == expected
