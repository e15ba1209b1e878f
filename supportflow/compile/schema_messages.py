"""Messages for values whose shape the schema refuses, written for the person who typed them.

The schema only knows that an id does not match ``^[A-Za-z][A-Za-z0-9_-]*$``. A
process owner needs to hear which character is wrong, what it is (U+0435, a
Cyrillic letter drawn exactly like the Latin ``e``), where it is, and what to
write instead.
This module explains a failed pattern for the patterns people trip over: ids and
holiday codes (the latter with :mod:`supportflow.shortforms.holiday_codes`, the
parser ``due --holidays`` uses, so both say the same). It is kept apart from the
validator in :mod:`supportflow.compile.schema`, which only calls it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from supportflow.diagnostics.findings import Location
from supportflow.frozen import frozen
from supportflow.resources import schema
from supportflow.shortforms.errors import ShortFormError
from supportflow.shortforms.holiday_codes import CAPITALS_HINT, parse_holiday_code

Path_ = tuple[Any, ...]  # keys and indexes from a value down to one inside it

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

    from supportflow.compile.loader import LoadedFile

ID_RULES = (
    "Ids use only the ASCII letters A-Z and a-z, the digits 0-9, '-' and '_', "
    "and start with a letter."
)
# Letters of other scripts drawn like Latin ones: the usual cause of an id that
# looks right and is not.
LOOK_ALIKES = dict(
    zip(
        # Cyrillic and Greek letters by code point (U+0430 is the Cyrillic a, ...)
        "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u04bb\u04cf\u0410"
        "\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0406\u0408\u0405\u03bf"
        "\u03b9\u03bd\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4"
        "\u03a5\u03a7",
        "aeopcyxijsdhlABEKMHOPCTXIJSoivABEZHIKMNOPTYX",
        strict=True,
    )
)
_DASHES = dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-")


@frozen
class Explanation:
    """What is wrong with a value (without its path), the fix, and the character at fault."""

    message: str
    hint: str
    offset: int = 0


def explain_pattern(pattern: str, value: Any) -> Explanation | None:
    """A plain-words reason why ``value`` fails ``pattern``, for the patterns known here."""
    explainer = _explainers().get(pattern)
    return explainer(value) if explainer is not None and isinstance(value, str) else None


def explain_one_of(instance: Any, node: dict[str, Any]) -> list[tuple[Path_, Explanation]]:
    """Why ``instance`` fails the ``oneOf`` in schema ``node``, when a pattern says it all.

    ``holidays: se`` fails both branches (text of the wrong form, not a list), which
    a validator reports as one "wrong form"; the text branch's pattern failure is
    the news. Only a branch whose every failure is an explainable pattern failure
    (or a nested ``oneOf`` explained the same way) counts: then the value has the
    shape that branch reads and only its spelling is wrong. Each explanation comes
    with the path of the failing value below ``instance``. The branches are
    re-checked with jsonschema, on this error path only, so the answer does not
    depend on how the schema stage found the failure.
    """
    errors = list(_validator_for(node).iter_errors(instance))
    one_of = [error for error in errors if error.validator == "oneOf"]
    explained = _explained_branch(one_of[0]) if len(one_of) == 1 and len(errors) == 1 else []
    found = []
    for error in explained:
        explanation = explain_pattern(error.validator_value, error.instance)
        if explanation is not None:
            found.append((tuple(error.absolute_path), explanation))
    return found


def _explained_branch(error: ValidationError) -> list[ValidationError]:
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context or ():
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    for failures in branches.values():
        explained: list[ValidationError] = []
        for sub in failures:
            if sub.validator == "pattern" and explain_pattern(sub.validator_value, sub.instance):
                explained.append(sub)
            elif sub.validator == "oneOf" and (inner := _explained_branch(sub)):
                explained.extend(inner)
            else:
                break
        else:
            if explained:
                return explained
    return []


def _validator_for(node: dict[str, Any]) -> Any:
    """A jsonschema validator of ``node`` that resolves the policy schema's ``$ref``s."""
    from jsonschema import Draft202012Validator

    return _root_validator(Draft202012Validator).evolve(schema=node)


@cache
def _root_validator(kind: Any) -> Any:
    return kind(schema())


def character_location(loaded: LoadedFile, start: Location, offset: int) -> Location:
    """The location of character ``offset`` of a one-line scalar starting at ``start``."""
    if not start.line or not offset:
        return start
    line = loaded.source_line(start.line)
    quoted = 1 if line[start.column - 1 : start.column] in ("'", '"') else 0
    return Location(start.file, start.line, start.column + quoted + offset)


@cache
def _explainers() -> dict[str, Callable[[str], Explanation | None]]:
    definitions = schema()["$defs"]
    holiday_form, holiday_mapping = definitions["holidaySource"]["oneOf"]
    mapping = holiday_mapping["properties"]
    return {
        definitions["id"]["pattern"]: _explain_id,
        holiday_form["pattern"]: _explain_holiday_code,
        mapping["country"]["pattern"]: _explain_holiday_code,
        mapping["subdivision"]["pattern"]: _explain_subdivision,
    }


def _explain_id(value: str) -> Explanation | None:
    for offset, char in enumerate(value):
        allowed = char.isascii() and (char.isalnum() or char in "-_")
        if offset == 0 and allowed and not char.isalpha():
            return Explanation(
                f"{value!r} is not a valid id: it must start with a letter", ID_RULES
            )
        if not allowed:
            return Explanation(
                f"{value!r} is not a valid id: character {offset + 1} is {_describe(char)}",
                _id_hint(value),
                offset,
            )
    return None


def _describe(char: str) -> str:
    name = unicodedata.name(char, "an unnamed character")
    described = f"{char!r} (U+{ord(char):04X} {name})"
    latin = LOOK_ALIKES.get(char)
    return f"{described}, which looks like the Latin {latin!r}" if latin else described


def _id_hint(value: str) -> str:
    """The id rules, and the id the author probably meant when it can be guessed."""
    guess = "".join(_ascii(char) for char in value)
    if (
        guess
        and guess[0].isalpha()
        and all(c.isascii() and (c.isalnum() or c in "-_") for c in guess)
    ):
        return f"{ID_RULES} Write {guess!r}."
    return ID_RULES


def _ascii(char: str) -> str:
    """Latin for a look-alike, the bare letter for an accented one, '-' for a dash or space."""
    if char in LOOK_ALIKES:
        return LOOK_ALIKES[char]
    if char in _DASHES or char.isspace():
        return "-"
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(part for part in decomposed if not unicodedata.combining(part))


def _explain_holiday_code(value: str) -> Explanation | None:
    try:
        parse_holiday_code(value)
    except ShortFormError as error:
        return Explanation(error.message, error.hint, error.offset)
    return None


def _explain_subdivision(value: str) -> Explanation | None:
    if value.isascii() and value.isalnum() and not value.isupper():
        upper = value.upper()
        return Explanation(f"subdivision codes are upper case: write {upper!r}", CAPITALS_HINT)
    return None
