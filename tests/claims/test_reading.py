"""Reading the input: numbers in words with qualifiers, countries from demonyms and offices,
debris removal, and offsets that point into the ORIGINAL text (HTML included)."""

from __future__ import annotations

import pytest

from natosim.engines.claims import check
from natosim.engines.claims.article import read
from natosim.engines.claims.gazetteer import mentions
from natosim.engines.claims.numbers import quantities


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("two-thirds", 2 / 3, None),
        ("over 30", 30, "more than"),
        ("nearly three", 3, "nearly"),
        ("more than 950 million", 950e6, "more than"),
        ("about $1.6 trillion", 1.6e12, "about"),
        ("thirty-two", 32, None),
        ("at least 3.5", 3.5, "at least"),
        ("a billion", 1e9, None),
        ("US$ 967.7bn", 967.7e9, None),
        ("one hundred and five", 105, None),
    ],
)
def test_quantities(text: str, value: float, qualifier: str | None) -> None:
    found = quantities(text)
    assert found and abs(found[0].value - value) < 1e-6 * max(1, value) and found[0].qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("the German government said", "DEU"),
        ("Polish Defense Minister Wladyslaw Kosiniak-Kamysz", "POL"),
        ("Washington wants allies to pay more", "USA"),
        ("the Pentagon", "USA"),
        ("Ankara objected", "TUR"),
        ("Türkiye", "TUR"),
        ("The Hague ordered new frigates", "NLD"),
    ],
)
def test_countries(text: str, iso3: str) -> None:
    assert [m.iso3 for m in mentions(text)][:1] == [iso3]


@pytest.mark.parametrize(
    "text",
    [
        "the Washington summit",
        "at the Vilnius Summit",
        "the Washington Treaty",
        "NATO headquarters in Brussels",
        "us and them",
    ],
)
def test_not_countries(text: str) -> None:
    assert mentions(text) == []


def test_nearly_three_year_old_war_needs_and_uses_the_date() -> None:
    text = "NATO leaders discussed the nearly three-year-old war in Ukraine."
    undated = [c for c in check(text).claims if c.kind == "event_date"]
    assert undated and undated[0].verdict == "not checkable"
    dated = next(c for c in check(text, date="2024-12-20").claims if c.kind == "event_date")
    assert dated.verdict == "supported" and 2.8 < float(dated.expected) < 2.9  # type: ignore[arg-type]


def test_offsets_point_into_original_html() -> None:
    html = (
        "<html><body><nav>Menu</nav><article><h1>Spending</h1><p>Germany&rsquo;s government spent "
        "2.12% of GDP on defence in 2024, NATO&nbsp;said.</p><p>Allies agreed the 5% target by 2035 "
        "at The Hague.</p></article><footer>&copy; 2024</footer></body></html>"
    )
    result = check(html, edition="2024-06")
    assert result.input_format == "html"
    spending = next(c for c in result.claims if c.kind == "spending_pct_gdp")
    assert html[spending.span[0] : spending.span[1]] == "2.12%"
    start, end = spending.sentence_span
    assert html[start:end].startswith("Germany&rsquo;s government") and html[start:end].endswith("NATO&nbsp;said.")
    assert spending.country == "DEU" and spending.verdict == "supported"


def test_offsets_point_into_original_text() -> None:
    text = "Headline\n\nBy A. Writer\n\nThe U.S. spent 3.3% of GDP on defence in 2023, Gen. Smith said."
    claim = check(text).claims[0]
    assert text[claim.span[0] : claim.span[1]] == "3.3%"
    assert text[claim.sentence_span[0] : claim.sentence_span[1]] == claim.sentence


def test_debris_is_not_read() -> None:
    text = """NATO spending rises

Poland spends more than 4% of GDP on defence.

Share on Facebook | Twitter | Email
#NATO #Poland
Related Articles
23 allies hit the 2% target
NATO has 40 members now
What's your reaction? Like (3) Angry (9)
Rate this article: 4.5/5 (12 votes)
Leave a Reply
Your email address will not be published.
© 2025 News Corp. All rights reserved.
"""
    result = check(text)
    assert [c.text for c in result.claims] == ["more than 4%"]
    kept = " ".join(s.text for s in read(text).sentences)
    for debris in ("Share on Facebook", "#NATO", "Related", "23 allies", "reaction", "Rate this", "Leave a Reply", "©"):
        assert debris not in kept
    assert result.removed  # removed ranges are reported


def test_html_debris_is_not_read() -> None:
    html = (
        "<html><body><article><h1>Poland</h1><p>Poland spends 4.48% of GDP on defence in 2025, the most "
        "in the alliance, according to NATO estimates published in August.</p></article>"
        "<aside class='related'><h3>Related</h3><a>NATO has 40 members</a></aside>"
        "<div class='comments'><form><textarea>Allies spend 1% of GDP</textarea></form></div></body></html>"
    )
    claims = check(html).claims
    # the article's own sentence only: its figure, and its rank ("the most in the alliance", round 6)
    assert [(c.kind, c.verdict) for c in claims] == [("spending_rank", "supported"), ("spending_pct_gdp", "supported")]
    assert [c.text for c in claims if c.kind == "spending_pct_gdp"] == ["4.48%"]


def test_date_found_in_dateline_and_metadata() -> None:
    result = check("Germany spends more\nPublished: 12 July 2024\n\nGermany spent 2.1% of GDP on defence last year.")
    assert result.date is not None and result.date.isoformat() == "2024-07-12" and result.date_source == "dateline"
    assert result.claims[0].year == 2023
    html = (
        '<html><head><meta property="article:published_time" content="2025-06-26T08:30:00Z"></head>'
        "<body><article><p>NATO was founded in 1949 and now has 32 members, officials said today.</p>"
        "</article></body></html>"
    )
    assert check(html).date_source == "page metadata"


def test_number_words_above_fifty_are_read() -> None:
    """'sixty-six percent' (issue 12): one table of tens for cardinals, ordinals keep their own."""
    from natosim.engines.claims.numbers import ordinal, quantities

    [q] = [q for q in quantities("the US paid sixty-six percent of it") if q.text.startswith("sixty")]
    assert q.value == 66
    assert ordinal("thirty-second") == 32
    from natosim.engines.claims import check

    [claim] = check("The US accounted for sixty-six percent of all NATO defence spending in 2023.").claims
    assert claim.kind == "alliance_share" and claim.value == 66.0


def test_aliases_uk_fyrom_bosnia_herzegovina() -> None:
    """Issue 12: 'U.K.', 'FYROM' and 'Bosnia-Herzegovina' resolve, in the data layer and in articles."""
    from natosim.data import resolve_country
    from natosim.engines.claims import check
    from natosim.engines.claims.gazetteer import mentions

    assert resolve_country("U.K.") == "GBR"
    assert resolve_country("the U.K.") == "GBR"
    assert resolve_country("FYROM") == "MKD"
    assert resolve_country("Bosnia-Herzegovina") == "BIH"
    assert [m.iso3 for m in mentions("FYROM and Bosnia-Herzegovina met the U.K. envoy")] == ["MKD", "BIH", "GBR"]
    [claim] = check("The U.K. spent 2.33% of GDP on defence in 2024.").claims
    assert claim.country == "GBR" and claim.verdict == "supported"


@pytest.mark.parametrize(
    "dateline",
    [
        "2024-07-09T10:42:00Z",
        "Published 2024-07-09T10:42:00Z",
        "9th July 2024",
        "July 9th, 2024",
        "Updated: 9 July 2024",
    ],
)
def test_article_date_from_the_text(dateline: str) -> None:
    """Issue 17: ISO datetimes and ordinal days are read as the article's date."""
    import datetime as dt

    from natosim.engines.claims import check

    result = check(f"{dateline}\n\nNATO has 31 members, its chief said.")
    assert result.date == dt.date(2024, 7, 9) and result.date_source == "dateline"
    [claim] = result.claims
    assert claim.verdict == "contradicted" and claim.expected == 32  # Sweden joined on 7 March 2024


def test_one_registry_of_claim_kinds() -> None:
    """Issue 17: each kind is declared once (finder, tolerance, docs, priority); KINDS, the finder order
    and docs/claims.md's table all follow the registry."""
    from pathlib import Path

    from natosim.engines.claims import KINDS, REGISTRY
    from natosim.engines.claims.check import FINDERS
    from natosim.engines.claims.kinds import finder_names
    from natosim.engines.claims.tolerance import TOLERANCES

    assert tuple(item.kind for item in REGISTRY) == KINDS and len(set(KINDS)) == len(KINDS)
    assert all(item.tolerance in TOLERANCES or item.tolerance == "rule" for item in REGISTRY)
    assert finder_names() == [
        "law",
        "events",
        "alliance",
        "growth",
        "others",
        "spending",
        "ranks",
        "counts",
        "meeting",
        "restated",
    ]
    assert [f.__module__.rsplit(".", 1)[1] for f in FINDERS] == finder_names()
    table = (Path(__file__).parents[2] / "docs" / "claims.md").read_text(encoding="utf-8")
    assert all(f"| `{kind}` |" in table for kind in KINDS)
