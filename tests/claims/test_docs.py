"""The Python example in docs/claims.md runs and prints what the page says it prints."""

from __future__ import annotations

import re
from pathlib import Path

DOC = Path(__file__).parents[2] / "docs" / "claims.md"


def test_python_example_in_docs_runs() -> None:
    block = re.search(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert block is not None
    namespace: dict[str, object] = {}
    exec(block.group(1), namespace)  # the example as written on the page
    claim = namespace["claim"]
    for line in block.group(1).splitlines():
        shown = re.match(r"^(claim[\w.\[\]]*)\s+#\s+(?:'([^']*)'|(\S+))", line.strip())
        if shown:
            value = eval(shown.group(1), {"claim": claim})  # our own doc's expression
            assert str(value) == (shown.group(2) if shown.group(2) is not None else shown.group(3)), line
