"""Correct legal answers: Art. 10's European condition, far dates refused cleanly."""

from __future__ import annotations

import pytest

from natosim.errors import NatosimError
from natosim.rules import procedures
from natosim.rules.loader import load_eligibility


def test_japan_is_refused_naming_article_10() -> None:
    with pytest.raises(NatosimError, match=r"Art\. 10.*European State"):
        procedures.accession("JPN")


def test_cli_accession_japan_exit_2_one_line(cli) -> None:
    result = cli("procedure", "accession", "JPN")
    assert result.code == 2
    assert "Art. 10" in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_european_non_aspirant_is_possible_and_caucasus_contested() -> None:
    assert procedures.accession("AUT", invited="2026-03-01").steps[0].outcome == "possible"
    assert procedures.accession("ARM", invited="2026-03-01").steps[0].outcome == "contested"
    assert procedures.accession("UKR", invited="2026-03-01").steps[0].outcome == "possible"


def test_eligibility_list_is_data_with_m49_sizes() -> None:
    rules = load_eligibility()
    assert len(rules.european) == len(set(rules.european)) == 44  # 51 M49 entries less 7 territories
    assert rules.status("JPN")[0] == "not_european"
    assert rules.status("TUR")[0] == "by_practice"


def test_far_invitation_date_is_a_clean_error() -> None:
    with pytest.raises(NatosimError, match="9999"):
        procedures.accession("UKR", invited="9999-12-31")


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/procedures/withdrawal", {"country": "USA", "notice_date": "9999-12-31"}),
        ("/api/procedures/accession", {"country": "UKR", "invited": "9999-12-31"}),
    ],
)
def test_far_dates_give_4xx_and_the_next_request_works(client, path: str, params: dict[str, str]) -> None:
    response = client.get(path, params=params)
    assert 400 <= response.status_code < 500, response.text
    assert (
        client.get("/api/procedures/accession", params={"country": "UKR", "invited": "2026-03-01"}).status_code == 200
    )


def test_withdrawal_scenarios_state_bill_status_notice_and_contested_question() -> None:
    from natosim.scenario.evaluate import evaluate
    from natosim.scenario.summary import summary_lines

    executive = "\n".join(summary_lines(evaluate("us-withdrawal-executive")))
    assert "confidence high" not in executive
    assert "untested in court" in executive.lower() and "[confidence low]" in executive
    congress = "\n".join(summary_lines(evaluate("us-withdrawal-act-of-congress")))
    assert "S. 2174" in congress and "introduced in the Senate" in congress and "referred" in congress
    assert "180 days" in congress


def test_hague_total_is_a_band_with_no_definite_gap_inside_it() -> None:
    import math

    import natosim

    result = natosim.compliance(2024, pledge="hague-2025-total")
    pol = result.table.set_index("iso3").loc["POL"]
    assert pol["met"] is None or str(pol["met"]) == "<NA>"
    assert math.isnan(pol["gap_pp"]) and math.isnan(pol["gap_usd_mn"])
    assert pol["gap_pp_upper"] == pytest.approx(5.0 - pol["value"])
    assert "POL" in result.summary["unknown_band"]
    assert "total_gap_pp" not in result.summary  # no sum of percentage points across allies
    usa = result.table.set_index("iso3").loc["USA"]
    assert bool(usa["met"]) is False and usa["gap_pp"] == pytest.approx(5.0 - usa["value"])


def test_compliance_cli_alliance_line_has_no_summed_points(cli) -> None:
    result = cli("compliance", "--year", "2024", "--pledge", "hague-2025-total")
    assert result.code == 0
    text = " ".join(result.out.split())
    assert "Short of the target:" in text and "unknown band (POL)" in text
    assert " pp" not in text.split("Short of the target")[1].split(".")[0]
