"""Near-miss suggestions: one spelling of "Did you mean" for every rule that offers one."""

from __future__ import annotations

from supportflow.diagnostics.suggestions import closest, near_miss_hint


def test_the_nearest_known_name_is_suggested() -> None:
    assert closest("secnd-line", ["first-line", "second-line", "vendor"]) == "second-line"
    assert (
        near_miss_hint("office-hour", ("office-hours", "on-call")) == "Did you mean 'office-hours'?"
    )


def test_a_name_like_none_of_the_known_gets_the_fallback() -> None:
    assert closest("vendor", ["first-line", "second-line"]) is None
    assert closest("anything", []) is None
    assert (
        near_miss_hint("vendor", ["first-line"], "Define the team first.")
        == "Define the team first."
    )
    assert near_miss_hint("vendor", ["first-line"]) == ""


def test_the_suggestion_does_not_depend_on_the_order_of_the_known() -> None:
    known = ["sales-se", "sales-no", "sales-dk"]
    assert {closest("sales-sx", order) for order in (known, known[::-1], sorted(known))} == {
        "sales-se"
    }
