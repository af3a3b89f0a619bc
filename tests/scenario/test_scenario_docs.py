"""docs/scenarios.md runs: its Python examples are doctests, its shell commands are run, its error
examples are the errors natosim gives."""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "scenarios.md"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_python_examples_are_doctests() -> None:
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    globs: dict[str, object] = {}
    examples = 0
    for number, text in enumerate(blocks("python")):
        test = parser.get_doctest(text, globs, f"scenarios.md[{number}]", str(DOC), 0)
        examples += len(test.examples)
        runner.run(test, clear_globs=False)
        globs.update(test.globs)
    assert examples >= 15
    assert runner.failures == 0, f"{runner.failures} doc examples failed (see output above)"


@pytest.mark.parametrize(
    "command", [line for block in blocks("bash") for line in block.splitlines() if line.startswith("natosim ")]
)
def test_shell_examples_run(cli, command: str) -> None:
    r = cli(*shlex.split(command)[1:])
    assert r.code == 0, r.err


def test_error_examples_are_the_real_messages(tmp_path, cli) -> None:
    shown = [line for block in blocks("text") for line in block.splitlines() if line.startswith("error: bad.yaml")]
    assert len(shown) == 3
    head = (
        "name: bad\ndescription: a test\nsources:\n  - title: t\n    url: https://example.org\n"
        "    date: 2024-02-10\nperiod: [2024, 2024]\nbaseline_year: 2024\npolicies:\n"
    )
    bodies = [
        "  - type: conditional-guarantees\n    guarantor: USA\n    min_pct_gdp: 2\n",
        "  - type: conditional-guarantee\n    guarantor: USA\n",
        "  - type: conditional-guarantee\n    guarantor: USA\n    min_pct_gdp: two\n",
    ]
    for expected, body in zip(shown, bodies, strict=True):
        path = tmp_path / "bad.yaml"
        path.write_text(head + body)
        r = cli("scenario", "run", str(path))
        assert r.err.strip().replace(str(path), "bad.yaml") == expected
