"""Mistakes that used to pass silently or gave unhelpful messages (issue 10, section 5).

Each case is a policy as a process owner would write it; the assertions pin the
finding's id, location and the words that tell the author what to do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from supportflow.api import validate_policy
from supportflow.diagnostics.findings import Finding
from tests.policy_files import write_policy


def findings(tmp_path: Path, snippet: str, *, add_api_version: bool = True) -> list[Finding]:
    folder = write_policy(tmp_path, snippet, add_api_version=add_api_version)
    return validate_policy(folder).findings


def only(found: list[Finding], rule_id: str) -> Finding:
    matching = [f for f in found if f.rule_id == rule_id]
    assert len(matching) == 1, found
    return matching[0]


def calendar(hours: str, extra: str = "", zone: str = "Europe/Stockholm") -> str:
    return f"calendars:\n  office:\n    timezone: {zone}\n    hours: {hours}\n{extra}"


# zones


def test_zone_alias_is_a_warning_naming_the_zone(tmp_path: Path) -> None:
    found = findings(tmp_path, calendar("mon-fri 09:00-17:00", zone="US/Eastern"))
    alias = only(found, "W309")
    assert (alias.location.line, alias.location.column) == (4, 15)
    assert alias.message == "'US/Eastern' is an old alias of America/New_York"
    assert "America/New_York" in alias.hint
    assert [f.rule_id for f in found] == ["W309"]


# hours


def test_en_dashes_are_accepted(tmp_path: Path) -> None:
    assert findings(tmp_path, calendar("mon–fri 08:30–17:30")) == []


def test_repeated_day_is_one_warning_at_the_repeat(tmp_path: Path) -> None:
    found = findings(tmp_path, calendar("mon-fri 08:00-20:00; fri 08:00-20:00"))
    assert [f.rule_id for f in found] == ["W312"]
    (repeat,) = found
    assert (repeat.location.line, repeat.location.column) == (5, 33)
    assert repeat.related[0].column == 12
    assert repeat.message.startswith("fri is listed twice with 08:00-20:00")


def test_repeated_day_in_a_quoted_hours_list(tmp_path: Path) -> None:
    found = findings(tmp_path, calendar('["mon-fri 08:00-17:00", "fri 08:00-17:00"]'))
    repeat = only(found, "W312")
    assert repeat.location.column == 37  # the f of the second text, past its quote


def test_overlapping_repeat_stays_an_overlap(tmp_path: Path) -> None:
    found = findings(tmp_path, calendar("mon-fri 08:00-17:00; fri 16:00-20:00"))
    assert [f.rule_id for f in found] == ["E303"]


def test_swapped_office_day(tmp_path: Path) -> None:
    found = findings(tmp_path, calendar("mon-thu 08:30-17:30; fri 17:30-08:30"))
    swapped = only(found, "W310")
    assert swapped.message == (
        "calendar 'office': 17:30-08:30 on fri runs overnight for 15h (the calendar's other"
        " shifts are daytime; it is longer than the 8h business day); was 08:30-17:30 meant?"
    )
    assert swapped.hint.startswith("Write 08:30-17:30")


def test_swapped_shift_alone_is_longer_than_the_business_day(tmp_path: Path) -> None:
    swapped = only(findings(tmp_path, calendar("mon-fri 17:00-09:00")), "W310")
    assert "(it is longer than the 8h business day)" in swapped.message


@pytest.mark.parametrize(
    "hours",
    [
        "mon-fri 22:00-06:00",  # a night shift: shorter than its swapped reading
        "mon-fri 08:00-17:00; mon-fri 17:00-08:00",  # night cover starting as the day ends
        "mon-fri 08:00-18:00; mon-thu 20:00-08:00",  # night cover ending as the next day starts
        "mon-fri 20:00-08:00",  # twelve hours: either reading is as likely
    ],
)
def test_deliberate_night_shifts_are_not_swapped(tmp_path: Path, hours: str) -> None:
    assert "W310" not in {f.rule_id for f in findings(tmp_path, calendar(hours))}


def test_business_day_longer_than_a_day(tmp_path: Path) -> None:
    found = findings(tmp_path, calendar("mon-fri 08:00-16:00", "    business_day: 12h\n"))
    long_day = only(found, "W311")
    assert (long_day.location.line, long_day.location.column) == (6, 19)
    assert "business_day is 12h, but no day is open longer than 8h" in long_day.message
    assert long_day.hint.startswith("Write business_day: 8h")


@pytest.mark.parametrize(
    "extra",
    [
        "    business_day: 8h\n",
        "    business_day: same time next business day\n",
        "",  # the default is not the author's choice, so it is not reported
    ],
)
def test_business_day_that_fits(tmp_path: Path, extra: str) -> None:
    found = findings(tmp_path, calendar("mon-fri 08:00-16:00", extra))
    assert "W311" not in {f.rule_id for f in found}


def test_business_day_is_compared_with_the_longest_day(tmp_path: Path) -> None:
    hours = "mon-thu 08:00-16:00; fri 08:00-12:00, 13:00-21:00"  # friday is open 12h
    found = findings(tmp_path, calendar(hours, "    business_day: 12h\n"))
    assert "W311" not in {f.rule_id for f in found}


# holidays


def test_lower_case_holiday_code_is_one_finding_saying_what_to_write(tmp_path: Path) -> None:
    found = findings(tmp_path, calendar("mon-fri 08:00-17:00", "    holidays: se\n"))
    (finding,) = found
    assert finding.rule_id == "E105"
    assert finding.message == "calendars.office.holidays: holiday codes are upper case: write 'SE'"


def test_holiday_mapping_with_lower_case_country(tmp_path: Path) -> None:
    found = findings(tmp_path, calendar("mon-fri 08:00-17:00", "    holidays: {country: se}\n"))
    (finding,) = found
    assert finding.rule_id == "E105"
    assert finding.location.column == 25


def test_holiday_mapping_wrong_beyond_its_spelling_keeps_the_shape_error(tmp_path: Path) -> None:
    extra = "    holidays: {country: se, region: x}\n"
    found = findings(tmp_path, calendar("mon-fri 08:00-17:00", extra))
    assert [f.rule_id for f in found] == ["E103"]  # and resolve, which cannot read it, is skipped


def test_unknown_subdivision_lists_the_valid_ones(tmp_path: Path) -> None:
    found = findings(tmp_path, calendar("mon-fri 08:00-17:00", "    holidays: [DE-XX]\n"))
    finding = only(found, "E305")
    assert "(its subdivisions: BB, BE, BW, BY" in finding.message


# ids


def test_look_alike_character_in_an_id(tmp_path: Path) -> None:
    found = findings(tmp_path, "teams:\n  s\u0435cond-line: {tier: second_line}\n")
    finding = only(found, "E105")
    assert (finding.location.line, finding.location.column) == (3, 4)
    assert finding.message == (
        "teams: 's\u0435cond-line' is not a valid id: character 2 is '\u0435'"
        " (U+0435 CYRILLIC SMALL LETTER IE), which looks like the Latin 'e'"
    )
    assert finding.hint.endswith("Write 'second-line'.")


def test_non_ascii_id_says_which_characters_ids_allow(tmp_path: Path) -> None:
    found = findings(tmp_path, "teams:\n  'première-ligne': {tier: first_line}\n")
    finding = only(found, "E105")
    assert finding.location.column == 9  # past the quote, at the è
    assert "character 6 is 'è' (U+00E8 LATIN SMALL LETTER E WITH GRAVE)" in finding.message
    assert finding.hint == (
        "Ids use only the ASCII letters A-Z and a-z, the digits 0-9, '-' and '_', "
        "and start with a letter. Write 'premiere-ligne'."
    )


def test_id_used_as_a_value_is_explained_too(tmp_path: Path) -> None:
    snippet = "teams:\n  first: {tier: first_line}\nrouting:\n  front_door: first line\n"
    finding = only(findings(tmp_path, snippet), "E105")
    assert "character 6 is ' ' (U+0020 SPACE)" in finding.message
    assert finding.hint.endswith("Write 'first-line'.")


def test_id_starting_with_a_digit(tmp_path: Path) -> None:
    finding = only(findings(tmp_path, "teams:\n  '2nd-line': {tier: second_line}\n"), "E105")
    assert finding.message == "teams: '2nd-line' is not a valid id: it must start with a letter"


# noise


def test_missing_api_version_is_reported_once(tmp_path: Path) -> None:
    found = findings(tmp_path, "teams:\n  first: {tier: first_line}\n", add_api_version=False)
    assert [f.rule_id for f in found] == ["E016"]


def test_missing_api_version_does_not_stop_the_other_checks(tmp_path: Path) -> None:
    snippet = "calendars:\n  office: {timezone: Mars/Base, hours: mon-fri 08:00-17:00}\n"
    found = findings(tmp_path, snippet, add_api_version=False)
    assert [f.rule_id for f in found] == ["E016", "E301"]


def test_empty_language_list_is_one_finding(tmp_path: Path) -> None:
    snippet = (
        "languages: []\n"
        "organization: {name: Acme, default_language: en}\n"
        "teams:\n"
        "  first: {tier: first_line, languages: [en, sv, fi]}\n"
        "  second: {tier: second_line, languages: [en, sv]}\n"
    )
    found = findings(tmp_path, snippet)
    assert [f.rule_id for f in found] == ["E212"]
    (finding,) = found
    assert (finding.location.line, finding.location.column) == (2, 1)
    assert finding.message == "`languages:` is empty, but 6 place(s) use a language (en, sv, fi)"


def test_missing_language_list_is_one_finding_at_the_first_use(tmp_path: Path) -> None:
    found = findings(tmp_path, "teams:\n  first: {tier: first_line, languages: [en, sv]}\n")
    finding = only(found, "E212")
    assert finding.message.startswith("`languages:` is missing, but 2 place(s)")
    assert "E204" not in {f.rule_id for f in found}


def test_unknown_language_is_still_reported_when_the_list_has_entries(tmp_path: Path) -> None:
    found = findings(
        tmp_path, "languages: [en]\nteams:\n  a: {tier: first_line, languages: [sv]}\n"
    )
    assert [f.rule_id for f in found] == ["E204"]


# redaction


def redaction(pattern_line: str) -> str:
    return f"data_protection:\n  redaction:\n    - name: Passwords\n      pattern: {pattern_line}\n"


def test_backspace_from_double_quotes(tmp_path: Path) -> None:
    finding = only(findings(tmp_path, redaction('"\\bpassword\\b"')), "E803")
    assert "2 backspace character(s) (U+0008)" in finding.message
    assert "single quotes" in finding.hint
    assert finding.location.line == 4


@pytest.mark.parametrize(
    "pattern", ["'(password|passwd|)'", "'\\d*'", "'(?i)(|secret)'", "'\\b'", "'x?'"]
)
def test_pattern_matching_empty_text(tmp_path: Path, pattern: str) -> None:
    finding = only(findings(tmp_path, redaction(pattern)), "E804")
    assert "matches empty text" in finding.message


@pytest.mark.parametrize(
    "pattern",
    [
        "'(?i)(password|passwd)\\s*[:=]\\s*\\S+'",
        "'\\b(19|20)?\\d{6}[-+]?\\d{4}\\b'",
        "'\\bpassword\\b'",
        '"\\\\bpassword\\\\b"',  # double quotes with the backslash escaped are fine
    ],
)
def test_working_patterns(tmp_path: Path, pattern: str) -> None:
    assert findings(tmp_path, redaction(pattern)) == []
