"""``natosim check`` as a user runs it: a file, the text itself, stdin; json/md/table; errors → exit 2."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"


def test_check_file_json(cli) -> None:
    r = cli("check", str(CORPUS / "01-seed-nato-explainer.txt"), "--format", "json")
    assert r.code == 0, r.err
    data = r.json()
    assert data["input_format"] == "text" and data["edition"] == "2025-08"
    verdicts = {c["text"]: c["verdict"] for c in data["claims"]}
    assert verdicts["3.3%"] == "contradicted" and verdicts["60 senators"] == "contradicted"
    senators = next(c for c in data["claims"] if c["text"] == "60 senators")
    assert senators["evidence"][0]["rule"] == "us_withdrawal_law"


def test_check_text_with_date_markdown(cli) -> None:
    r = cli("check", "The US spent 3.3% of its GDP on defence in 2023.", "--date", "2024-10-01", "--format", "md")
    assert r.code == 0, r.err
    assert "| imprecise | spending_pct_gdp | 3.3% | 3.23 |" in r.out
    assert "nato-2024-06" in r.out


def test_check_html_table(cli) -> None:
    r = cli("check", str(CORPUS / "02-hague-summit.html"))
    assert r.code == 0, r.err
    assert "supported: 9" in r.out and "2025-06-26" in r.out  # 9th: "on Wednesday", a day of the summit (r5-summits)


def test_check_stdin(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"NATO was founded in 1950."))
    monkeypatch.setattr("sys.stdin", stdin)
    r = cli("check", "-", "--format", "json")
    assert r.code == 0, r.err
    assert r.json()["claims"][0]["verdict"] == "contradicted"


def test_check_errors_exit_2(cli, tmp_path: Path) -> None:
    r = cli("check", "missing-article.html")
    assert r.code == 2 and "no such file" in r.err and "Traceback" not in r.err
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01\x02" * 50)
    r = cli("check", str(binary))
    assert r.code == 2 and "binary" in r.err
    r = cli("check", "Some article text.", "--date", "31/12/2024")
    assert r.code == 2 and "YYYY-MM-DD" in r.err


def test_check_empty_text(cli) -> None:
    r = cli("check", "   ", "--format", "json")
    assert r.code == 0 and r.json()["claims"] == []


def test_a_missing_path_or_a_url_is_a_clear_error(cli) -> None:
    missing = cli("check", "/no/such/article")
    assert missing.code == 2 and "no such file: /no/such/article" in missing.err
    url = cli("check", "https://example.com/nato-story")
    assert url.code == 2 and "does not fetch" in url.err
    bare = cli("check", "nosuchfile")  # issue 13: one word with no file was read as an article
    assert bare.code == 2 and "no such file: nosuchfile" in bare.err


def test_check_at_80_columns_prints_one_block_per_claim(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 18: `COLUMNS=80 natosim check ARTICLE` keeps each claim and its evidence readable: one block
    per claim, every line within 80 columns, words never cut (each word of the claim's sentence is
    printed whole)."""
    monkeypatch.setenv("COLUMNS", "80")
    article = Path(__file__).parent / "real" / "r021-kyivindependent-all-to-hit-2.txt"
    r = cli("check", str(article), "--date", "2025-06-17")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    assert sum(bool(re.match(r"\d+\. (SUPPORTED|CONTRADICTED|IMPRECISE|NOT CHECKABLE)", line)) for line in lines) >= 5
    words = set(re.findall(r"[A-Za-z]{4,}", r.out))
    for word in ("Poland", "allocated", "defense", "followed", "Estonia", "members", "estimates"):
        assert word in words, word


def test_check_size_limit_names_how_to_raise_it(cli, tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text("NATO has 32 members. " * 100, encoding="utf-8")
    r = cli("check", str(article), "--max-chars", "500")
    assert r.code == 2
    assert "--max-chars 2100" in r.err and len(r.err.strip().splitlines()) == 1
    assert cli("check", str(article), "--max-chars", "2100", "--format", "json").code == 0
