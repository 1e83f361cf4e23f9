"""The proper-name lists agree with each other and with what their readers expect."""

from __future__ import annotations

from summarizer.text.gazetteer import AP_STATES, COUNTRIES, FIRST_NAMES, US_STATES


def test_every_ap_abbreviation_names_a_us_state() -> None:
    # (US_STATES leaves out names that are also a city or a country: New York, Georgia, Washington)
    ambiguous = {"new york", "georgia", "washington"}
    assert {name.lower() for name in AP_STATES.values()} <= US_STATES | ambiguous
    assert (
        all(abbreviation.endswith(".") for abbreviation in AP_STATES) and AP_STATES["Pa."] == "Pennsylvania"
    )


def test_names_are_folded_and_whole() -> None:
    assert {"united states of america", "the united kingdom", "south africa"} <= COUNTRIES
    assert "south dakota" in US_STATES and all(
        "\n" not in name and name == name.lower() for name in COUNTRIES
    )
    assert set(FIRST_NAMES.values()) == {"he", "she"} and FIRST_NAMES["maria"] == "she"
