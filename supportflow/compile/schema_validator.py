"""The policy JSON Schema, compiled to Python. Generated: do not edit.

Regenerate with `python scripts/generate_schema_validator.py` after
changing schemas/policy.v1.schema.json; tests/test_schema_validator.py
checks that this file is current and agrees with jsonschema.
"""

# ruff: noqa
# fmt: off

from __future__ import annotations

import re
from numbers import Number
from typing import Any

from supportflow.compile.schema_errors import SchemaError, unique

SCHEMA_SHA256 = "12f44cf47349f6fd713e5fb8892d3c95108f5e69d1dda6497819a0ded90d1b95"

_PATTERN_0 = re.compile("^[A-Za-z][A-Za-z0-9_-]*$")
_PATTERN_1 = re.compile("^(https?://|mailto:)\\S+$")
_PATTERN_2 = re.compile("^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_PATTERN_3 = re.compile("^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
_PATTERN_4 = re.compile("^[A-Z]{2}$")
_PATTERN_5 = re.compile("^[A-Z0-9]{1,3}$")
_PATTERN_6 = re.compile("^\\d{4}-\\d{2}-\\d{2}$")
_PATTERN_7 = re.compile("^[^#]*#+[^#]*$")
_SET_0 = frozenset({"apiVersion"})
_SET_1 = frozenset({"supportflow/v1"})
_SET_2 = frozenset({"SupportPolicy"})
_SET_3 = frozenset({"name"})
_SET_4 = frozenset({"id", "name", "description", "website", "status_page", "help_center", "default_language"})
_SET_5: frozenset[str] = frozenset()
_SET_6 = frozenset({"name", "purpose", "address"})
_SET_7 = frozenset({"name", "description", "portals"})
_SET_8 = frozenset({"kind"})
_SET_9 = frozenset({"chat", "phone", "email", "ticket_portal", "self_service", "on_call"})
_SET_10 = frozenset({"available", "coming_soon"})
_SET_11 = frozenset({"sends_case_reference"})
_SET_12 = frozenset({"kind", "name", "description", "address", "illustrative", "accepts", "status", "calendar", "audience", "auto_reply", "guidance"})
_SET_13 = frozenset({"timezone", "hours"})
_SET_14 = frozenset({"country"})
_SET_15 = frozenset({"country", "subdivision"})
_SET_16 = frozenset({"date", "hours"})
_SET_17 = frozenset({"date", "hours", "note"})
_SET_18 = frozenset({"name", "timezone", "hours", "holidays", "closed", "open", "special_days", "business_day", "illustrative"})
_SET_19 = frozenset({"calendar"})
_SET_20 = frozenset({"channels", "request_types", "calendar", "illustrative"})
_SET_21 = frozenset({"calendar", "available", "coming_soon", "note", "hours"})
_SET_22 = frozenset({"name", "description", "required_information"})
_SET_23 = frozenset({"level", "definition"})
_SET_24 = frozenset({"name", "level", "definition"})
_SET_25 = frozenset({"within"})
_SET_26 = frozenset({"business", "calendar"})
_SET_27 = frozenset({"within", "clock", "calendar", "business_day", "illustrative"})
_SET_28 = frozenset({"assessment", "first_response", "next_update", "resolution"})
_SET_29 = frozenset({"name", "level", "definition", "targets"})
_SET_30 = frozenset({"impact", "urgency", "priority"})
_SET_31 = frozenset({"team", "during", "reassessment"})
_SET_32 = frozenset({"tier"})
_SET_33 = frozenset({"first_line", "second_line", "third_line", "management", "development", "consultants", "product_support", "account_management", "service_management", "operations", "sales", "vendor", "customer_operations_provider"})
_SET_34 = frozenset({"name", "tier", "description", "calendar", "languages", "external", "contact", "illustrative", "resolves"})
_SET_35 = frozenset({"match", "to"})
_SET_36 = frozenset({"products", "languages", "request_types", "priorities", "severities", "channels"})
_SET_37 = frozenset({"name", "match", "to", "note"})
_SET_38 = frozenset({"front_door", "rules"})
_SET_39 = frozenset({"front_door"})
_SET_40 = frozenset({"steps"})
_SET_41 = frozenset({"from", "to", "when"})
_SET_42 = frozenset({"handover", "assist"})
_SET_43 = frozenset({"manual"})
_SET_44 = frozenset({"time_in_tier", "priorities", "severities", "condition"})
_SET_45 = frozenset({"times", "every"})
_SET_46 = frozenset({"none", "customer_contacts_party", "party_contacts_customer", "case_by_case"})
_SET_47 = frozenset({"id", "kind", "from", "to", "when", "notify", "repeat", "customer_contact", "note", "after"})
_SET_48 = frozenset({"name", "description", "applies_to", "steps"})
_SET_49 = frozenset({"trigger", "actions"})
_SET_50 = frozenset({"severities", "priorities", "request_types"})
_SET_51 = frozenset({"all", "one_or_more"})
_SET_52 = frozenset({"action"})
_SET_53 = frozenset({"update_status_page", "contact_affected_customers", "notify", "assign_owner", "post_incident_review"})
_SET_54 = frozenset({"action", "notify", "note"})
_SET_55 = frozenset({"trigger", "owner", "perform", "actions", "restore_target", "availability"})
_SET_56 = frozenset({"initial", "states"})
_SET_57 = frozenset({"running", "paused", "stopped"})
_SET_58 = frozenset({"support", "customer", "third_party"})
_SET_59 = frozenset({"name", "sla", "owner", "final", "monitored"})
_SET_60 = frozenset({"from", "to", "on"})
_SET_61 = frozenset({"reopen", "new_linked_case", "ignored"})
_SET_62 = frozenset({"initial", "states", "transitions", "reply_to_closed", "one_issue_per_case"})
_SET_63 = frozenset({"format"})
_SET_64 = frozenset({"format", "in_subject"})
_SET_65 = frozenset({"fixed_fields", "guidance"})
_SET_66 = frozenset({"data", "delete"})
_SET_67 = frozenset({"tickets", "user_accounts", "attachments", "call_recordings", "chat_transcripts"})
_SET_68 = frozenset({"after_status", "inactive", "on_request", "expired"})
_SET_69 = frozenset({"delete", "anonymise"})
_SET_70 = frozenset({"data", "status", "condition", "after", "delete", "illustrative"})
_SET_71 = frozenset({"name", "pattern"})
_SET_72 = frozenset({"name", "pattern", "replacement", "illustrative", "examples"})
_SET_73 = frozenset({"read_tickets", "write_tickets", "redact", "delete_tickets", "read_users", "manage_users", "export"})
_SET_74 = frozenset({"description", "can"})
_SET_75 = frozenset({"required", "optional"})
_SET_76 = frozenset({"immediately", "within_24h", "manual"})
_SET_77 = frozenset({"role_based", "roles", "mfa", "sso", "training_required", "revoke_on_termination"})
_SET_78 = frozenset({"minimisation", "retention", "redaction", "access"})
_SET_79 = frozenset({"apiVersion", "kind", "include", "organization", "languages", "products", "channels", "calendars", "support_matrix", "request_types", "severities", "priorities", "priority_matrix", "triage", "teams", "routing", "escalations", "incident", "lifecycle", "case_reference", "data_protection"})


def errors(x: Any) -> list[SchemaError]:
    """Every violation of the policy schema in one file's data."""
    return _check_0(x)


def _check_1(x: Any) -> list[SchemaError]:
    """#/properties/apiVersion"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_1):
        e.append(SchemaError("#/properties/apiVersion", "const", x))
    return e


def _check_2(x: Any) -> list[SchemaError]:
    """#/properties/kind"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_2):
        e.append(SchemaError("#/properties/kind", "const", x))
    return e


def _check_4(x: Any) -> list[SchemaError]:
    """#/properties/include/items"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/properties/include/items", "type", x))
    if isinstance(x, str):
        if len(x) < 1:
            e.append(SchemaError("#/properties/include/items", "minLength", x))
    return e


def _check_3(x: Any) -> list[SchemaError]:
    """#/properties/include"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/properties/include", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_4(v):
                e.append(error.inside(i))
    return e


def _check_6(x: Any) -> list[SchemaError]:
    """#/$defs/id"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/id", "type", x))
    if isinstance(x, str):
        if not _PATTERN_0.search(x):
            e.append(SchemaError("#/$defs/id", "pattern", x))
    if isinstance(x, str):
        if len(x) > 64:
            e.append(SchemaError("#/$defs/id", "maxLength", x))
    return e


def _check_7(x: Any) -> list[SchemaError]:
    """#/$defs/text"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/text", "type", x))
    if isinstance(x, str):
        if len(x) < 1:
            e.append(SchemaError("#/$defs/text", "minLength", x))
    return e


def _check_8(x: Any) -> list[SchemaError]:
    """#/$defs/url"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/url", "type", x))
    if isinstance(x, str):
        if not _PATTERN_1.search(x):
            e.append(SchemaError("#/$defs/url", "pattern", x))
    return e


def _check_9(x: Any) -> list[SchemaError]:
    """#/$defs/languageCode"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/languageCode", "type", x))
    if isinstance(x, str):
        if not _PATTERN_2.search(x):
            e.append(SchemaError("#/$defs/languageCode", "pattern", x))
    return e


def _check_5(x: Any) -> list[SchemaError]:
    """#/$defs/organization"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/organization", "type", x))
    if isinstance(x, dict):
        for k in _SET_3:
            if k not in x:
                e.append(SchemaError("#/$defs/organization", "required", x, k))
    if isinstance(x, dict):
        if "id" in x:
            for error in _check_6(x["id"]):
                e.append(error.inside("id"))
        if "name" in x:
            for error in _check_7(x["name"]):
                e.append(error.inside("name"))
        if "description" in x:
            for error in _check_7(x["description"]):
                e.append(error.inside("description"))
        if "website" in x:
            for error in _check_8(x["website"]):
                e.append(error.inside("website"))
        if "status_page" in x:
            for error in _check_8(x["status_page"]):
                e.append(error.inside("status_page"))
        if "help_center" in x:
            for error in _check_8(x["help_center"]):
                e.append(error.inside("help_center"))
        if "default_language" in x:
            for error in _check_9(x["default_language"]):
                e.append(error.inside("default_language"))
        if any(k not in _SET_4 for k in x):
            e.append(SchemaError("#/$defs/organization", "additionalProperties", x))
    return e


def _check_10(x: Any) -> list[SchemaError]:
    """#/properties/languages"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/properties/languages", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_9(v):
                e.append(error.inside(i))
    return e


def _check_14(x: Any) -> list[SchemaError]:
    """#/$defs/product/properties/portals/items"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/product/properties/portals/items", "type", x))
    if isinstance(x, dict):
        for k in _SET_3:
            if k not in x:
                e.append(SchemaError("#/$defs/product/properties/portals/items", "required", x, k))
    if isinstance(x, dict):
        if "name" in x:
            for error in _check_7(x["name"]):
                e.append(error.inside("name"))
        if "purpose" in x:
            for error in _check_7(x["purpose"]):
                e.append(error.inside("purpose"))
        if "address" in x:
            for error in _check_7(x["address"]):
                e.append(error.inside("address"))
        if any(k not in _SET_6 for k in x):
            e.append(SchemaError("#/$defs/product/properties/portals/items", "additionalProperties", x))
    return e


def _check_13(x: Any) -> list[SchemaError]:
    """#/$defs/product/properties/portals"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/product/properties/portals", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_14(v):
                e.append(error.inside(i))
    return e


def _check_12(x: Any) -> list[SchemaError]:
    """#/$defs/product"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/product", "type", x))
    if isinstance(x, dict):
        for k in _SET_3:
            if k not in x:
                e.append(SchemaError("#/$defs/product", "required", x, k))
    if isinstance(x, dict):
        if "name" in x:
            for error in _check_7(x["name"]):
                e.append(error.inside("name"))
        if "description" in x:
            for error in _check_7(x["description"]):
                e.append(error.inside("description"))
        if "portals" in x:
            for error in _check_13(x["portals"]):
                e.append(error.inside("portals"))
        if any(k not in _SET_7 for k in x):
            e.append(SchemaError("#/$defs/product", "additionalProperties", x))
    return e


def _check_11(x: Any) -> list[SchemaError]:
    """#/properties/products"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/properties/products", "type", x))
    if isinstance(x, dict):
        for k in x:
            for error in _check_6(k):
                e.append(error.about_name())
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in _SET_5:
                for error in _check_12(v):
                    e.append(error.inside(k))
    return e


def _check_17(x: Any) -> list[SchemaError]:
    """#/$defs/channel/properties/kind"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_9):
        e.append(SchemaError("#/$defs/channel/properties/kind", "enum", x))
    return e


def _check_18(x: Any) -> list[SchemaError]:
    """#/$defs/illustrative"""
    e: list[SchemaError] = []
    if not (isinstance(x, bool)):
        e.append(SchemaError("#/$defs/illustrative", "type", x))
    return e


def _check_19(x: Any) -> list[SchemaError]:
    """#/$defs/idList"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/idList", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_6(v):
                e.append(error.inside(i))
    if isinstance(x, list):
        if not unique(x):
            e.append(SchemaError("#/$defs/idList", "uniqueItems", x))
    return e


def _check_20(x: Any) -> list[SchemaError]:
    """#/$defs/channel/properties/status"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_10):
        e.append(SchemaError("#/$defs/channel/properties/status", "enum", x))
    return e


def _check_22(x: Any) -> list[SchemaError]:
    """#/$defs/channel/properties/auto_reply/properties/sends_case_reference"""
    e: list[SchemaError] = []
    if not (isinstance(x, bool)):
        e.append(SchemaError("#/$defs/channel/properties/auto_reply/properties/sends_case_reference", "type", x))
    return e


def _check_21(x: Any) -> list[SchemaError]:
    """#/$defs/channel/properties/auto_reply"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/channel/properties/auto_reply", "type", x))
    if isinstance(x, dict):
        if "sends_case_reference" in x:
            for error in _check_22(x["sends_case_reference"]):
                e.append(error.inside("sends_case_reference"))
        if any(k not in _SET_11 for k in x):
            e.append(SchemaError("#/$defs/channel/properties/auto_reply", "additionalProperties", x))
    return e


def _check_23(x: Any) -> list[SchemaError]:
    """#/$defs/channel/properties/guidance"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/channel/properties/guidance", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_7(v):
                e.append(error.inside(i))
    return e


def _check_16(x: Any) -> list[SchemaError]:
    """#/$defs/channel"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/channel", "type", x))
    if isinstance(x, dict):
        for k in _SET_8:
            if k not in x:
                e.append(SchemaError("#/$defs/channel", "required", x, k))
    if isinstance(x, dict):
        if "kind" in x:
            for error in _check_17(x["kind"]):
                e.append(error.inside("kind"))
        if "name" in x:
            for error in _check_7(x["name"]):
                e.append(error.inside("name"))
        if "description" in x:
            for error in _check_7(x["description"]):
                e.append(error.inside("description"))
        if "address" in x:
            for error in _check_7(x["address"]):
                e.append(error.inside("address"))
        if "illustrative" in x:
            for error in _check_18(x["illustrative"]):
                e.append(error.inside("illustrative"))
        if "accepts" in x:
            for error in _check_19(x["accepts"]):
                e.append(error.inside("accepts"))
        if "status" in x:
            for error in _check_20(x["status"]):
                e.append(error.inside("status"))
        if "calendar" in x:
            for error in _check_6(x["calendar"]):
                e.append(error.inside("calendar"))
        if "audience" in x:
            for error in _check_7(x["audience"]):
                e.append(error.inside("audience"))
        if "auto_reply" in x:
            for error in _check_21(x["auto_reply"]):
                e.append(error.inside("auto_reply"))
        if "guidance" in x:
            for error in _check_23(x["guidance"]):
                e.append(error.inside("guidance"))
        if any(k not in _SET_12 for k in x):
            e.append(SchemaError("#/$defs/channel", "additionalProperties", x))
    return e


def _check_15(x: Any) -> list[SchemaError]:
    """#/properties/channels"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/properties/channels", "type", x))
    if isinstance(x, dict):
        for k in x:
            for error in _check_6(k):
                e.append(error.about_name())
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in _SET_5:
                for error in _check_16(v):
                    e.append(error.inside(k))
    return e


def _check_26(x: Any) -> list[SchemaError]:
    """#/$defs/calendar/properties/timezone"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/calendar/properties/timezone", "type", x))
    return e


def _check_28(x: Any) -> list[SchemaError]:
    """#/$defs/hours/oneOf/1"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/hours/oneOf/1", "type", x))
    if isinstance(x, list):
        if len(x) < 1:
            e.append(SchemaError("#/$defs/hours/oneOf/1", "minItems", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_7(v):
                e.append(error.inside(i))
    return e


def _check_27(x: Any) -> list[SchemaError]:
    """#/$defs/hours"""
    e: list[SchemaError] = []
    if sum(not check(x) for check in (_check_7, _check_28,)) != 1:
        e.append(SchemaError("#/$defs/hours", "oneOf", x))
    return e


def _check_31(x: Any) -> list[SchemaError]:
    """#/$defs/holidaySource/oneOf/0"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/holidaySource/oneOf/0", "type", x))
    if isinstance(x, str):
        if not _PATTERN_3.search(x):
            e.append(SchemaError("#/$defs/holidaySource/oneOf/0", "pattern", x))
    return e


def _check_33(x: Any) -> list[SchemaError]:
    """#/$defs/holidaySource/oneOf/1/properties/country"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/holidaySource/oneOf/1/properties/country", "type", x))
    if isinstance(x, str):
        if not _PATTERN_4.search(x):
            e.append(SchemaError("#/$defs/holidaySource/oneOf/1/properties/country", "pattern", x))
    return e


def _check_34(x: Any) -> list[SchemaError]:
    """#/$defs/holidaySource/oneOf/1/properties/subdivision"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/holidaySource/oneOf/1/properties/subdivision", "type", x))
    if isinstance(x, str):
        if not _PATTERN_5.search(x):
            e.append(SchemaError("#/$defs/holidaySource/oneOf/1/properties/subdivision", "pattern", x))
    return e


def _check_32(x: Any) -> list[SchemaError]:
    """#/$defs/holidaySource/oneOf/1"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/holidaySource/oneOf/1", "type", x))
    if isinstance(x, dict):
        for k in _SET_14:
            if k not in x:
                e.append(SchemaError("#/$defs/holidaySource/oneOf/1", "required", x, k))
    if isinstance(x, dict):
        if "country" in x:
            for error in _check_33(x["country"]):
                e.append(error.inside("country"))
        if "subdivision" in x:
            for error in _check_34(x["subdivision"]):
                e.append(error.inside("subdivision"))
        if any(k not in _SET_15 for k in x):
            e.append(SchemaError("#/$defs/holidaySource/oneOf/1", "additionalProperties", x))
    return e


def _check_30(x: Any) -> list[SchemaError]:
    """#/$defs/holidaySource"""
    e: list[SchemaError] = []
    if sum(not check(x) for check in (_check_31, _check_32,)) != 1:
        e.append(SchemaError("#/$defs/holidaySource", "oneOf", x))
    return e


def _check_35(x: Any) -> list[SchemaError]:
    """#/$defs/calendar/properties/holidays/oneOf/1"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/calendar/properties/holidays/oneOf/1", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_30(v):
                e.append(error.inside(i))
    return e


def _check_29(x: Any) -> list[SchemaError]:
    """#/$defs/calendar/properties/holidays"""
    e: list[SchemaError] = []
    if sum(not check(x) for check in (_check_30, _check_35,)) != 1:
        e.append(SchemaError("#/$defs/calendar/properties/holidays", "oneOf", x))
    return e


def _check_37(x: Any) -> list[SchemaError]:
    """#/$defs/date"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/date", "type", x))
    if isinstance(x, str):
        if not _PATTERN_6.search(x):
            e.append(SchemaError("#/$defs/date", "pattern", x))
    return e


def _check_36(x: Any) -> list[SchemaError]:
    """#/$defs/calendar/properties/closed"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/calendar/properties/closed", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_37(v):
                e.append(error.inside(i))
    return e


def _check_38(x: Any) -> list[SchemaError]:
    """#/$defs/calendar/properties/open"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/calendar/properties/open", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_37(v):
                e.append(error.inside(i))
    return e


def _check_41(x: Any) -> list[SchemaError]:
    """#/$defs/calendar/properties/special_days/items/properties/hours"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/calendar/properties/special_days/items/properties/hours", "type", x))
    return e


def _check_40(x: Any) -> list[SchemaError]:
    """#/$defs/calendar/properties/special_days/items"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/calendar/properties/special_days/items", "type", x))
    if isinstance(x, dict):
        for k in _SET_16:
            if k not in x:
                e.append(SchemaError("#/$defs/calendar/properties/special_days/items", "required", x, k))
    if isinstance(x, dict):
        if "date" in x:
            for error in _check_37(x["date"]):
                e.append(error.inside("date"))
        if "hours" in x:
            for error in _check_41(x["hours"]):
                e.append(error.inside("hours"))
        if "note" in x:
            for error in _check_7(x["note"]):
                e.append(error.inside("note"))
        if any(k not in _SET_17 for k in x):
            e.append(SchemaError("#/$defs/calendar/properties/special_days/items", "additionalProperties", x))
    return e


def _check_39(x: Any) -> list[SchemaError]:
    """#/$defs/calendar/properties/special_days"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/calendar/properties/special_days", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_40(v):
                e.append(error.inside(i))
    return e


def _check_42(x: Any) -> list[SchemaError]:
    """#/$defs/calendar/properties/business_day"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/calendar/properties/business_day", "type", x))
    return e


def _check_25(x: Any) -> list[SchemaError]:
    """#/$defs/calendar"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/calendar", "type", x))
    if isinstance(x, dict):
        for k in _SET_13:
            if k not in x:
                e.append(SchemaError("#/$defs/calendar", "required", x, k))
    if isinstance(x, dict):
        if "name" in x:
            for error in _check_7(x["name"]):
                e.append(error.inside("name"))
        if "timezone" in x:
            for error in _check_26(x["timezone"]):
                e.append(error.inside("timezone"))
        if "hours" in x:
            for error in _check_27(x["hours"]):
                e.append(error.inside("hours"))
        if "holidays" in x:
            for error in _check_29(x["holidays"]):
                e.append(error.inside("holidays"))
        if "closed" in x:
            for error in _check_36(x["closed"]):
                e.append(error.inside("closed"))
        if "open" in x:
            for error in _check_38(x["open"]):
                e.append(error.inside("open"))
        if "special_days" in x:
            for error in _check_39(x["special_days"]):
                e.append(error.inside("special_days"))
        if "business_day" in x:
            for error in _check_42(x["business_day"]):
                e.append(error.inside("business_day"))
        if "illustrative" in x:
            for error in _check_18(x["illustrative"]):
                e.append(error.inside("illustrative"))
        if any(k not in _SET_18 for k in x):
            e.append(SchemaError("#/$defs/calendar", "additionalProperties", x))
    return e


def _check_24(x: Any) -> list[SchemaError]:
    """#/properties/calendars"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/properties/calendars", "type", x))
    if isinstance(x, dict):
        for k in x:
            for error in _check_6(k):
                e.append(error.about_name())
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in _SET_5:
                for error in _check_25(v):
                    e.append(error.inside(k))
    return e


def _check_47(x: Any) -> list[SchemaError]:
    """#/$defs/matrixCell/properties/hours/items"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/matrixCell/properties/hours/items", "type", x))
    if isinstance(x, dict):
        for k in _SET_19:
            if k not in x:
                e.append(SchemaError("#/$defs/matrixCell/properties/hours/items", "required", x, k))
    if isinstance(x, dict):
        if "channels" in x:
            for error in _check_19(x["channels"]):
                e.append(error.inside("channels"))
        if "request_types" in x:
            for error in _check_19(x["request_types"]):
                e.append(error.inside("request_types"))
        if "calendar" in x:
            for error in _check_6(x["calendar"]):
                e.append(error.inside("calendar"))
        if "illustrative" in x:
            for error in _check_18(x["illustrative"]):
                e.append(error.inside("illustrative"))
        if any(k not in _SET_20 for k in x):
            e.append(SchemaError("#/$defs/matrixCell/properties/hours/items", "additionalProperties", x))
    return e


def _check_46(x: Any) -> list[SchemaError]:
    """#/$defs/matrixCell/properties/hours"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/matrixCell/properties/hours", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_47(v):
                e.append(error.inside(i))
    return e


def _check_45(x: Any) -> list[SchemaError]:
    """#/$defs/matrixCell"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/matrixCell", "type", x))
    if isinstance(x, dict):
        for k in _SET_19:
            if k not in x:
                e.append(SchemaError("#/$defs/matrixCell", "required", x, k))
    if isinstance(x, dict):
        if "calendar" in x:
            for error in _check_6(x["calendar"]):
                e.append(error.inside("calendar"))
        if "available" in x:
            for error in _check_19(x["available"]):
                e.append(error.inside("available"))
        if "coming_soon" in x:
            for error in _check_19(x["coming_soon"]):
                e.append(error.inside("coming_soon"))
        if "note" in x:
            for error in _check_7(x["note"]):
                e.append(error.inside("note"))
        if "hours" in x:
            for error in _check_46(x["hours"]):
                e.append(error.inside("hours"))
        if any(k not in _SET_21 for k in x):
            e.append(SchemaError("#/$defs/matrixCell", "additionalProperties", x))
    return e


def _check_44(x: Any) -> list[SchemaError]:
    """#/properties/support_matrix/additionalProperties"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/properties/support_matrix/additionalProperties", "type", x))
    if isinstance(x, dict):
        for k in x:
            for error in _check_9(k):
                e.append(error.about_name())
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in _SET_5:
                for error in _check_45(v):
                    e.append(error.inside(k))
    return e


def _check_43(x: Any) -> list[SchemaError]:
    """#/properties/support_matrix"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/properties/support_matrix", "type", x))
    if isinstance(x, dict):
        for k in x:
            for error in _check_6(k):
                e.append(error.about_name())
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in _SET_5:
                for error in _check_44(v):
                    e.append(error.inside(k))
    return e


def _check_50(x: Any) -> list[SchemaError]:
    """#/$defs/requestType/properties/required_information"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/requestType/properties/required_information", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_7(v):
                e.append(error.inside(i))
    return e


def _check_49(x: Any) -> list[SchemaError]:
    """#/$defs/requestType"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/requestType", "type", x))
    if isinstance(x, dict):
        for k in _SET_3:
            if k not in x:
                e.append(SchemaError("#/$defs/requestType", "required", x, k))
    if isinstance(x, dict):
        if "name" in x:
            for error in _check_7(x["name"]):
                e.append(error.inside("name"))
        if "description" in x:
            for error in _check_7(x["description"]):
                e.append(error.inside("description"))
        if "required_information" in x:
            for error in _check_50(x["required_information"]):
                e.append(error.inside("required_information"))
        if any(k not in _SET_22 for k in x):
            e.append(SchemaError("#/$defs/requestType", "additionalProperties", x))
    return e


def _check_48(x: Any) -> list[SchemaError]:
    """#/properties/request_types"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/properties/request_types", "type", x))
    if isinstance(x, dict):
        for k in x:
            for error in _check_6(k):
                e.append(error.about_name())
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in _SET_5:
                for error in _check_49(v):
                    e.append(error.inside(k))
    return e


def _check_53(x: Any) -> list[SchemaError]:
    """#/$defs/severity/properties/level"""
    e: list[SchemaError] = []
    if not ((isinstance(x, int) and not isinstance(x, bool))):
        e.append(SchemaError("#/$defs/severity/properties/level", "type", x))
    if (isinstance(x, Number) and not isinstance(x, bool)):
        if x < 1:
            e.append(SchemaError("#/$defs/severity/properties/level", "minimum", x))
    if (isinstance(x, Number) and not isinstance(x, bool)):
        if x > 20:
            e.append(SchemaError("#/$defs/severity/properties/level", "maximum", x))
    return e


def _check_52(x: Any) -> list[SchemaError]:
    """#/$defs/severity"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/severity", "type", x))
    if isinstance(x, dict):
        for k in _SET_23:
            if k not in x:
                e.append(SchemaError("#/$defs/severity", "required", x, k))
    if isinstance(x, dict):
        if "name" in x:
            for error in _check_7(x["name"]):
                e.append(error.inside("name"))
        if "level" in x:
            for error in _check_53(x["level"]):
                e.append(error.inside("level"))
        if "definition" in x:
            for error in _check_7(x["definition"]):
                e.append(error.inside("definition"))
        if any(k not in _SET_24 for k in x):
            e.append(SchemaError("#/$defs/severity", "additionalProperties", x))
    return e


def _check_51(x: Any) -> list[SchemaError]:
    """#/properties/severities"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/properties/severities", "type", x))
    if isinstance(x, dict):
        for k in x:
            for error in _check_6(k):
                e.append(error.about_name())
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in _SET_5:
                for error in _check_52(v):
                    e.append(error.inside(k))
    return e


def _check_56(x: Any) -> list[SchemaError]:
    """#/$defs/priority/properties/level"""
    e: list[SchemaError] = []
    if not ((isinstance(x, int) and not isinstance(x, bool))):
        e.append(SchemaError("#/$defs/priority/properties/level", "type", x))
    if (isinstance(x, Number) and not isinstance(x, bool)):
        if x < 1:
            e.append(SchemaError("#/$defs/priority/properties/level", "minimum", x))
    if (isinstance(x, Number) and not isinstance(x, bool)):
        if x > 20:
            e.append(SchemaError("#/$defs/priority/properties/level", "maximum", x))
    return e


def _check_59(x: Any) -> list[SchemaError]:
    """#/$defs/target/oneOf/0"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/target/oneOf/0", "type", x))
    if isinstance(x, str):
        if len(x) < 1:
            e.append(SchemaError("#/$defs/target/oneOf/0", "minLength", x))
    return e


def _check_61(x: Any) -> list[SchemaError]:
    """#/$defs/target/oneOf/1/properties/within"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/target/oneOf/1/properties/within", "type", x))
    if isinstance(x, str):
        if len(x) < 1:
            e.append(SchemaError("#/$defs/target/oneOf/1/properties/within", "minLength", x))
    return e


def _check_62(x: Any) -> list[SchemaError]:
    """#/$defs/target/oneOf/1/properties/clock"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_26):
        e.append(SchemaError("#/$defs/target/oneOf/1/properties/clock", "enum", x))
    return e


def _check_63(x: Any) -> list[SchemaError]:
    """#/$defs/target/oneOf/1/properties/business_day"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/target/oneOf/1/properties/business_day", "type", x))
    return e


def _check_60(x: Any) -> list[SchemaError]:
    """#/$defs/target/oneOf/1"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/target/oneOf/1", "type", x))
    if isinstance(x, dict):
        for k in _SET_25:
            if k not in x:
                e.append(SchemaError("#/$defs/target/oneOf/1", "required", x, k))
    if isinstance(x, dict):
        if "within" in x:
            for error in _check_61(x["within"]):
                e.append(error.inside("within"))
        if "clock" in x:
            for error in _check_62(x["clock"]):
                e.append(error.inside("clock"))
        if "calendar" in x:
            for error in _check_6(x["calendar"]):
                e.append(error.inside("calendar"))
        if "business_day" in x:
            for error in _check_63(x["business_day"]):
                e.append(error.inside("business_day"))
        if "illustrative" in x:
            for error in _check_18(x["illustrative"]):
                e.append(error.inside("illustrative"))
        if any(k not in _SET_27 for k in x):
            e.append(SchemaError("#/$defs/target/oneOf/1", "additionalProperties", x))
    return e


def _check_58(x: Any) -> list[SchemaError]:
    """#/$defs/target"""
    e: list[SchemaError] = []
    if sum(not check(x) for check in (_check_59, _check_60,)) != 1:
        e.append(SchemaError("#/$defs/target", "oneOf", x))
    return e


def _check_57(x: Any) -> list[SchemaError]:
    """#/$defs/priority/properties/targets"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/priority/properties/targets", "type", x))
    if isinstance(x, dict):
        if "assessment" in x:
            for error in _check_58(x["assessment"]):
                e.append(error.inside("assessment"))
        if "first_response" in x:
            for error in _check_58(x["first_response"]):
                e.append(error.inside("first_response"))
        if "next_update" in x:
            for error in _check_58(x["next_update"]):
                e.append(error.inside("next_update"))
        if "resolution" in x:
            for error in _check_58(x["resolution"]):
                e.append(error.inside("resolution"))
        if any(k not in _SET_28 for k in x):
            e.append(SchemaError("#/$defs/priority/properties/targets", "additionalProperties", x))
    return e


def _check_55(x: Any) -> list[SchemaError]:
    """#/$defs/priority"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/priority", "type", x))
    if isinstance(x, dict):
        for k in _SET_23:
            if k not in x:
                e.append(SchemaError("#/$defs/priority", "required", x, k))
    if isinstance(x, dict):
        if "name" in x:
            for error in _check_7(x["name"]):
                e.append(error.inside("name"))
        if "level" in x:
            for error in _check_56(x["level"]):
                e.append(error.inside("level"))
        if "definition" in x:
            for error in _check_7(x["definition"]):
                e.append(error.inside("definition"))
        if "targets" in x:
            for error in _check_57(x["targets"]):
                e.append(error.inside("targets"))
        if any(k not in _SET_29 for k in x):
            e.append(SchemaError("#/$defs/priority", "additionalProperties", x))
    return e


def _check_54(x: Any) -> list[SchemaError]:
    """#/properties/priorities"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/properties/priorities", "type", x))
    if isinstance(x, dict):
        for k in x:
            for error in _check_6(k):
                e.append(error.about_name())
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in _SET_5:
                for error in _check_55(v):
                    e.append(error.inside(k))
    return e


def _check_65(x: Any) -> list[SchemaError]:
    """#/$defs/priorityMatrix/properties/impact"""
    e: list[SchemaError] = []
    e += _check_19(x)
    if isinstance(x, list):
        if len(x) < 1:
            e.append(SchemaError("#/$defs/priorityMatrix/properties/impact", "minItems", x))
    return e


def _check_66(x: Any) -> list[SchemaError]:
    """#/$defs/priorityMatrix/properties/urgency"""
    e: list[SchemaError] = []
    e += _check_19(x)
    if isinstance(x, list):
        if len(x) < 1:
            e.append(SchemaError("#/$defs/priorityMatrix/properties/urgency", "minItems", x))
    return e


def _check_68(x: Any) -> list[SchemaError]:
    """#/$defs/priorityMatrix/properties/priority/additionalProperties"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/priorityMatrix/properties/priority/additionalProperties", "type", x))
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in _SET_5:
                for error in _check_6(v):
                    e.append(error.inside(k))
    return e


def _check_67(x: Any) -> list[SchemaError]:
    """#/$defs/priorityMatrix/properties/priority"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/priorityMatrix/properties/priority", "type", x))
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in _SET_5:
                for error in _check_68(v):
                    e.append(error.inside(k))
    return e


def _check_64(x: Any) -> list[SchemaError]:
    """#/$defs/priorityMatrix"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/priorityMatrix", "type", x))
    if isinstance(x, dict):
        for k in _SET_30:
            if k not in x:
                e.append(SchemaError("#/$defs/priorityMatrix", "required", x, k))
    if isinstance(x, dict):
        if "impact" in x:
            for error in _check_65(x["impact"]):
                e.append(error.inside("impact"))
        if "urgency" in x:
            for error in _check_66(x["urgency"]):
                e.append(error.inside("urgency"))
        if "priority" in x:
            for error in _check_67(x["priority"]):
                e.append(error.inside("priority"))
        if any(k not in _SET_30 for k in x):
            e.append(SchemaError("#/$defs/priorityMatrix", "additionalProperties", x))
    return e


def _check_69(x: Any) -> list[SchemaError]:
    """#/$defs/triage"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/triage", "type", x))
    if isinstance(x, dict):
        if "team" in x:
            for error in _check_6(x["team"]):
                e.append(error.inside("team"))
        if "during" in x:
            for error in _check_6(x["during"]):
                e.append(error.inside("during"))
        if "reassessment" in x:
            for error in _check_7(x["reassessment"]):
                e.append(error.inside("reassessment"))
        if any(k not in _SET_31 for k in x):
            e.append(SchemaError("#/$defs/triage", "additionalProperties", x))
    return e


def _check_72(x: Any) -> list[SchemaError]:
    """#/$defs/team/properties/tier"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_33):
        e.append(SchemaError("#/$defs/team/properties/tier", "enum", x))
    return e


def _check_73(x: Any) -> list[SchemaError]:
    """#/$defs/team/properties/languages"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/team/properties/languages", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_9(v):
                e.append(error.inside(i))
    if isinstance(x, list):
        if not unique(x):
            e.append(SchemaError("#/$defs/team/properties/languages", "uniqueItems", x))
    return e


def _check_74(x: Any) -> list[SchemaError]:
    """#/$defs/team/properties/external"""
    e: list[SchemaError] = []
    if not (isinstance(x, bool)):
        e.append(SchemaError("#/$defs/team/properties/external", "type", x))
    return e


def _check_75(x: Any) -> list[SchemaError]:
    """#/$defs/team/properties/resolves"""
    e: list[SchemaError] = []
    if not (isinstance(x, bool)):
        e.append(SchemaError("#/$defs/team/properties/resolves", "type", x))
    return e


def _check_71(x: Any) -> list[SchemaError]:
    """#/$defs/team"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/team", "type", x))
    if isinstance(x, dict):
        for k in _SET_32:
            if k not in x:
                e.append(SchemaError("#/$defs/team", "required", x, k))
    if isinstance(x, dict):
        if "name" in x:
            for error in _check_7(x["name"]):
                e.append(error.inside("name"))
        if "tier" in x:
            for error in _check_72(x["tier"]):
                e.append(error.inside("tier"))
        if "description" in x:
            for error in _check_7(x["description"]):
                e.append(error.inside("description"))
        if "calendar" in x:
            for error in _check_6(x["calendar"]):
                e.append(error.inside("calendar"))
        if "languages" in x:
            for error in _check_73(x["languages"]):
                e.append(error.inside("languages"))
        if "external" in x:
            for error in _check_74(x["external"]):
                e.append(error.inside("external"))
        if "contact" in x:
            for error in _check_7(x["contact"]):
                e.append(error.inside("contact"))
        if "illustrative" in x:
            for error in _check_18(x["illustrative"]):
                e.append(error.inside("illustrative"))
        if "resolves" in x:
            for error in _check_75(x["resolves"]):
                e.append(error.inside("resolves"))
        if any(k not in _SET_34 for k in x):
            e.append(SchemaError("#/$defs/team", "additionalProperties", x))
    return e


def _check_70(x: Any) -> list[SchemaError]:
    """#/properties/teams"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/properties/teams", "type", x))
    if isinstance(x, dict):
        for k in x:
            for error in _check_6(k):
                e.append(error.about_name())
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in _SET_5:
                for error in _check_71(v):
                    e.append(error.inside(k))
    return e


def _check_80(x: Any) -> list[SchemaError]:
    """#/$defs/match/properties/languages"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/match/properties/languages", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_9(v):
                e.append(error.inside(i))
    return e


def _check_79(x: Any) -> list[SchemaError]:
    """#/$defs/match"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/match", "type", x))
    if isinstance(x, dict):
        if "products" in x:
            for error in _check_19(x["products"]):
                e.append(error.inside("products"))
        if "languages" in x:
            for error in _check_80(x["languages"]):
                e.append(error.inside("languages"))
        if "request_types" in x:
            for error in _check_19(x["request_types"]):
                e.append(error.inside("request_types"))
        if "priorities" in x:
            for error in _check_19(x["priorities"]):
                e.append(error.inside("priorities"))
        if "severities" in x:
            for error in _check_19(x["severities"]):
                e.append(error.inside("severities"))
        if "channels" in x:
            for error in _check_19(x["channels"]):
                e.append(error.inside("channels"))
        if any(k not in _SET_36 for k in x):
            e.append(SchemaError("#/$defs/match", "additionalProperties", x))
    if isinstance(x, dict):
        if len(x) < 1:
            e.append(SchemaError("#/$defs/match", "minProperties", x))
    return e


def _check_78(x: Any) -> list[SchemaError]:
    """#/$defs/routing/properties/rules/items"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/routing/properties/rules/items", "type", x))
    if isinstance(x, dict):
        for k in _SET_35:
            if k not in x:
                e.append(SchemaError("#/$defs/routing/properties/rules/items", "required", x, k))
    if isinstance(x, dict):
        if "name" in x:
            for error in _check_7(x["name"]):
                e.append(error.inside("name"))
        if "match" in x:
            for error in _check_79(x["match"]):
                e.append(error.inside("match"))
        if "to" in x:
            for error in _check_6(x["to"]):
                e.append(error.inside("to"))
        if "note" in x:
            for error in _check_7(x["note"]):
                e.append(error.inside("note"))
        if any(k not in _SET_37 for k in x):
            e.append(SchemaError("#/$defs/routing/properties/rules/items", "additionalProperties", x))
    return e


def _check_77(x: Any) -> list[SchemaError]:
    """#/$defs/routing/properties/rules"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/routing/properties/rules", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_78(v):
                e.append(error.inside(i))
    return e


def _check_76(x: Any) -> list[SchemaError]:
    """#/$defs/routing"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/routing", "type", x))
    if isinstance(x, dict):
        if "front_door" in x:
            for error in _check_6(x["front_door"]):
                e.append(error.inside("front_door"))
        if "rules" in x:
            for error in _check_77(x["rules"]):
                e.append(error.inside("rules"))
        if any(k not in _SET_38 for k in x):
            e.append(SchemaError("#/$defs/routing", "additionalProperties", x))
    if isinstance(x, dict):
        for k in _SET_39:
            if k not in x:
                e.append(SchemaError("#/$defs/routing", "required", x, k))
    return e


def _check_85(x: Any) -> list[SchemaError]:
    """#/$defs/escalation/properties/steps/items/properties/kind"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_42):
        e.append(SchemaError("#/$defs/escalation/properties/steps/items/properties/kind", "enum", x))
    return e


def _check_87(x: Any) -> list[SchemaError]:
    """#/$defs/trigger/oneOf/0"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_43):
        e.append(SchemaError("#/$defs/trigger/oneOf/0", "const", x))
    return e


def _check_88(x: Any) -> list[SchemaError]:
    """#/$defs/trigger/oneOf/1"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/trigger/oneOf/1", "type", x))
    if isinstance(x, dict):
        if "time_in_tier" in x:
            for error in _check_58(x["time_in_tier"]):
                e.append(error.inside("time_in_tier"))
        if "priorities" in x:
            for error in _check_19(x["priorities"]):
                e.append(error.inside("priorities"))
        if "severities" in x:
            for error in _check_19(x["severities"]):
                e.append(error.inside("severities"))
        if "condition" in x:
            for error in _check_7(x["condition"]):
                e.append(error.inside("condition"))
        if any(k not in _SET_44 for k in x):
            e.append(SchemaError("#/$defs/trigger/oneOf/1", "additionalProperties", x))
    if isinstance(x, dict):
        if len(x) < 1:
            e.append(SchemaError("#/$defs/trigger/oneOf/1", "minProperties", x))
    return e


def _check_86(x: Any) -> list[SchemaError]:
    """#/$defs/trigger"""
    e: list[SchemaError] = []
    if sum(not check(x) for check in (_check_87, _check_88,)) != 1:
        e.append(SchemaError("#/$defs/trigger", "oneOf", x))
    return e


def _check_90(x: Any) -> list[SchemaError]:
    """#/$defs/escalation/properties/steps/items/properties/repeat/properties/times"""
    e: list[SchemaError] = []
    if not ((isinstance(x, int) and not isinstance(x, bool))):
        e.append(SchemaError("#/$defs/escalation/properties/steps/items/properties/repeat/properties/times", "type", x))
    if (isinstance(x, Number) and not isinstance(x, bool)):
        if x < 1:
            e.append(SchemaError("#/$defs/escalation/properties/steps/items/properties/repeat/properties/times", "minimum", x))
    if (isinstance(x, Number) and not isinstance(x, bool)):
        if x > 100:
            e.append(SchemaError("#/$defs/escalation/properties/steps/items/properties/repeat/properties/times", "maximum", x))
    return e


def _check_91(x: Any) -> list[SchemaError]:
    """#/$defs/duration"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/duration", "type", x))
    if isinstance(x, str):
        if len(x) < 1:
            e.append(SchemaError("#/$defs/duration", "minLength", x))
    return e


def _check_89(x: Any) -> list[SchemaError]:
    """#/$defs/escalation/properties/steps/items/properties/repeat"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/escalation/properties/steps/items/properties/repeat", "type", x))
    if isinstance(x, dict):
        for k in _SET_45:
            if k not in x:
                e.append(SchemaError("#/$defs/escalation/properties/steps/items/properties/repeat", "required", x, k))
    if isinstance(x, dict):
        if "times" in x:
            for error in _check_90(x["times"]):
                e.append(error.inside("times"))
        if "every" in x:
            for error in _check_91(x["every"]):
                e.append(error.inside("every"))
        if any(k not in _SET_45 for k in x):
            e.append(SchemaError("#/$defs/escalation/properties/steps/items/properties/repeat", "additionalProperties", x))
    return e


def _check_92(x: Any) -> list[SchemaError]:
    """#/$defs/escalation/properties/steps/items/properties/customer_contact"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_46):
        e.append(SchemaError("#/$defs/escalation/properties/steps/items/properties/customer_contact", "enum", x))
    return e


def _check_84(x: Any) -> list[SchemaError]:
    """#/$defs/escalation/properties/steps/items"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/escalation/properties/steps/items", "type", x))
    if isinstance(x, dict):
        for k in _SET_41:
            if k not in x:
                e.append(SchemaError("#/$defs/escalation/properties/steps/items", "required", x, k))
    if isinstance(x, dict):
        if "id" in x:
            for error in _check_6(x["id"]):
                e.append(error.inside("id"))
        if "kind" in x:
            for error in _check_85(x["kind"]):
                e.append(error.inside("kind"))
        if "from" in x:
            for error in _check_6(x["from"]):
                e.append(error.inside("from"))
        if "to" in x:
            for error in _check_6(x["to"]):
                e.append(error.inside("to"))
        if "when" in x:
            for error in _check_86(x["when"]):
                e.append(error.inside("when"))
        if "notify" in x:
            for error in _check_19(x["notify"]):
                e.append(error.inside("notify"))
        if "repeat" in x:
            for error in _check_89(x["repeat"]):
                e.append(error.inside("repeat"))
        if "customer_contact" in x:
            for error in _check_92(x["customer_contact"]):
                e.append(error.inside("customer_contact"))
        if "note" in x:
            for error in _check_7(x["note"]):
                e.append(error.inside("note"))
        if "after" in x:
            for error in _check_19(x["after"]):
                e.append(error.inside("after"))
        if any(k not in _SET_47 for k in x):
            e.append(SchemaError("#/$defs/escalation/properties/steps/items", "additionalProperties", x))
    return e


def _check_83(x: Any) -> list[SchemaError]:
    """#/$defs/escalation/properties/steps"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/escalation/properties/steps", "type", x))
    if isinstance(x, list):
        if len(x) < 1:
            e.append(SchemaError("#/$defs/escalation/properties/steps", "minItems", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_84(v):
                e.append(error.inside(i))
    return e


def _check_82(x: Any) -> list[SchemaError]:
    """#/$defs/escalation"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/escalation", "type", x))
    if isinstance(x, dict):
        for k in _SET_40:
            if k not in x:
                e.append(SchemaError("#/$defs/escalation", "required", x, k))
    if isinstance(x, dict):
        if "name" in x:
            for error in _check_7(x["name"]):
                e.append(error.inside("name"))
        if "description" in x:
            for error in _check_7(x["description"]):
                e.append(error.inside("description"))
        if "applies_to" in x:
            for error in _check_79(x["applies_to"]):
                e.append(error.inside("applies_to"))
        if "steps" in x:
            for error in _check_83(x["steps"]):
                e.append(error.inside("steps"))
        if any(k not in _SET_48 for k in x):
            e.append(SchemaError("#/$defs/escalation", "additionalProperties", x))
    return e


def _check_81(x: Any) -> list[SchemaError]:
    """#/properties/escalations"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/properties/escalations", "type", x))
    if isinstance(x, dict):
        for k in x:
            for error in _check_6(k):
                e.append(error.about_name())
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in _SET_5:
                for error in _check_82(v):
                    e.append(error.inside(k))
    return e


def _check_94(x: Any) -> list[SchemaError]:
    """#/$defs/incident/properties/trigger"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/incident/properties/trigger", "type", x))
    if isinstance(x, dict):
        if "severities" in x:
            for error in _check_19(x["severities"]):
                e.append(error.inside("severities"))
        if "priorities" in x:
            for error in _check_19(x["priorities"]):
                e.append(error.inside("priorities"))
        if "request_types" in x:
            for error in _check_19(x["request_types"]):
                e.append(error.inside("request_types"))
        if any(k not in _SET_50 for k in x):
            e.append(SchemaError("#/$defs/incident/properties/trigger", "additionalProperties", x))
    if isinstance(x, dict):
        if len(x) < 1:
            e.append(SchemaError("#/$defs/incident/properties/trigger", "minProperties", x))
    return e


def _check_95(x: Any) -> list[SchemaError]:
    """#/$defs/incident/properties/perform"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_51):
        e.append(SchemaError("#/$defs/incident/properties/perform", "enum", x))
    return e


def _check_98(x: Any) -> list[SchemaError]:
    """#/$defs/incident/properties/actions/items/properties/action"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_53):
        e.append(SchemaError("#/$defs/incident/properties/actions/items/properties/action", "enum", x))
    return e


def _check_97(x: Any) -> list[SchemaError]:
    """#/$defs/incident/properties/actions/items"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/incident/properties/actions/items", "type", x))
    if isinstance(x, dict):
        for k in _SET_52:
            if k not in x:
                e.append(SchemaError("#/$defs/incident/properties/actions/items", "required", x, k))
    if isinstance(x, dict):
        if "action" in x:
            for error in _check_98(x["action"]):
                e.append(error.inside("action"))
        if "notify" in x:
            for error in _check_19(x["notify"]):
                e.append(error.inside("notify"))
        if "note" in x:
            for error in _check_7(x["note"]):
                e.append(error.inside("note"))
        if any(k not in _SET_54 for k in x):
            e.append(SchemaError("#/$defs/incident/properties/actions/items", "additionalProperties", x))
    return e


def _check_96(x: Any) -> list[SchemaError]:
    """#/$defs/incident/properties/actions"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/incident/properties/actions", "type", x))
    if isinstance(x, list):
        if len(x) < 1:
            e.append(SchemaError("#/$defs/incident/properties/actions", "minItems", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_97(v):
                e.append(error.inside(i))
    return e


def _check_93(x: Any) -> list[SchemaError]:
    """#/$defs/incident"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/incident", "type", x))
    if isinstance(x, dict):
        for k in _SET_49:
            if k not in x:
                e.append(SchemaError("#/$defs/incident", "required", x, k))
    if isinstance(x, dict):
        if "trigger" in x:
            for error in _check_94(x["trigger"]):
                e.append(error.inside("trigger"))
        if "owner" in x:
            for error in _check_6(x["owner"]):
                e.append(error.inside("owner"))
        if "perform" in x:
            for error in _check_95(x["perform"]):
                e.append(error.inside("perform"))
        if "actions" in x:
            for error in _check_96(x["actions"]):
                e.append(error.inside("actions"))
        if "restore_target" in x:
            for error in _check_58(x["restore_target"]):
                e.append(error.inside("restore_target"))
        if "availability" in x:
            for error in _check_6(x["availability"]):
                e.append(error.inside("availability"))
        if any(k not in _SET_55 for k in x):
            e.append(SchemaError("#/$defs/incident", "additionalProperties", x))
    return e


def _check_102(x: Any) -> list[SchemaError]:
    """#/$defs/lifecycle/properties/states/additionalProperties/properties/sla"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_57):
        e.append(SchemaError("#/$defs/lifecycle/properties/states/additionalProperties/properties/sla", "enum", x))
    return e


def _check_103(x: Any) -> list[SchemaError]:
    """#/$defs/lifecycle/properties/states/additionalProperties/properties/owner"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_58):
        e.append(SchemaError("#/$defs/lifecycle/properties/states/additionalProperties/properties/owner", "enum", x))
    return e


def _check_104(x: Any) -> list[SchemaError]:
    """#/$defs/lifecycle/properties/states/additionalProperties/properties/final"""
    e: list[SchemaError] = []
    if not (isinstance(x, bool)):
        e.append(SchemaError("#/$defs/lifecycle/properties/states/additionalProperties/properties/final", "type", x))
    return e


def _check_105(x: Any) -> list[SchemaError]:
    """#/$defs/lifecycle/properties/states/additionalProperties/properties/monitored"""
    e: list[SchemaError] = []
    if not (isinstance(x, bool)):
        e.append(SchemaError("#/$defs/lifecycle/properties/states/additionalProperties/properties/monitored", "type", x))
    return e


def _check_101(x: Any) -> list[SchemaError]:
    """#/$defs/lifecycle/properties/states/additionalProperties"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/lifecycle/properties/states/additionalProperties", "type", x))
    if isinstance(x, dict):
        if "name" in x:
            for error in _check_7(x["name"]):
                e.append(error.inside("name"))
        if "sla" in x:
            for error in _check_102(x["sla"]):
                e.append(error.inside("sla"))
        if "owner" in x:
            for error in _check_103(x["owner"]):
                e.append(error.inside("owner"))
        if "final" in x:
            for error in _check_104(x["final"]):
                e.append(error.inside("final"))
        if "monitored" in x:
            for error in _check_105(x["monitored"]):
                e.append(error.inside("monitored"))
        if any(k not in _SET_59 for k in x):
            e.append(SchemaError("#/$defs/lifecycle/properties/states/additionalProperties", "additionalProperties", x))
    return e


def _check_100(x: Any) -> list[SchemaError]:
    """#/$defs/lifecycle/properties/states"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/lifecycle/properties/states", "type", x))
    if isinstance(x, dict):
        for k in x:
            for error in _check_6(k):
                e.append(error.about_name())
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in _SET_5:
                for error in _check_101(v):
                    e.append(error.inside(k))
    return e


def _check_107(x: Any) -> list[SchemaError]:
    """#/$defs/lifecycle/properties/transitions/items"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/lifecycle/properties/transitions/items", "type", x))
    if isinstance(x, dict):
        for k in _SET_60:
            if k not in x:
                e.append(SchemaError("#/$defs/lifecycle/properties/transitions/items", "required", x, k))
    if isinstance(x, dict):
        if "from" in x:
            for error in _check_6(x["from"]):
                e.append(error.inside("from"))
        if "to" in x:
            for error in _check_6(x["to"]):
                e.append(error.inside("to"))
        if "on" in x:
            for error in _check_6(x["on"]):
                e.append(error.inside("on"))
        if any(k not in _SET_60 for k in x):
            e.append(SchemaError("#/$defs/lifecycle/properties/transitions/items", "additionalProperties", x))
    return e


def _check_106(x: Any) -> list[SchemaError]:
    """#/$defs/lifecycle/properties/transitions"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/lifecycle/properties/transitions", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_107(v):
                e.append(error.inside(i))
    return e


def _check_108(x: Any) -> list[SchemaError]:
    """#/$defs/lifecycle/properties/reply_to_closed"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_61):
        e.append(SchemaError("#/$defs/lifecycle/properties/reply_to_closed", "enum", x))
    return e


def _check_109(x: Any) -> list[SchemaError]:
    """#/$defs/lifecycle/properties/one_issue_per_case"""
    e: list[SchemaError] = []
    if not (isinstance(x, bool)):
        e.append(SchemaError("#/$defs/lifecycle/properties/one_issue_per_case", "type", x))
    return e


def _check_99(x: Any) -> list[SchemaError]:
    """#/$defs/lifecycle"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/lifecycle", "type", x))
    if isinstance(x, dict):
        for k in _SET_56:
            if k not in x:
                e.append(SchemaError("#/$defs/lifecycle", "required", x, k))
    if isinstance(x, dict):
        if "initial" in x:
            for error in _check_6(x["initial"]):
                e.append(error.inside("initial"))
        if "states" in x:
            for error in _check_100(x["states"]):
                e.append(error.inside("states"))
        if "transitions" in x:
            for error in _check_106(x["transitions"]):
                e.append(error.inside("transitions"))
        if "reply_to_closed" in x:
            for error in _check_108(x["reply_to_closed"]):
                e.append(error.inside("reply_to_closed"))
        if "one_issue_per_case" in x:
            for error in _check_109(x["one_issue_per_case"]):
                e.append(error.inside("one_issue_per_case"))
        if any(k not in _SET_62 for k in x):
            e.append(SchemaError("#/$defs/lifecycle", "additionalProperties", x))
    return e


def _check_111(x: Any) -> list[SchemaError]:
    """#/$defs/caseReference/properties/format"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/caseReference/properties/format", "type", x))
    if isinstance(x, str):
        if not _PATTERN_7.search(x):
            e.append(SchemaError("#/$defs/caseReference/properties/format", "pattern", x))
    return e


def _check_112(x: Any) -> list[SchemaError]:
    """#/$defs/caseReference/properties/in_subject"""
    e: list[SchemaError] = []
    if not (isinstance(x, bool)):
        e.append(SchemaError("#/$defs/caseReference/properties/in_subject", "type", x))
    return e


def _check_110(x: Any) -> list[SchemaError]:
    """#/$defs/caseReference"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/caseReference", "type", x))
    if isinstance(x, dict):
        for k in _SET_63:
            if k not in x:
                e.append(SchemaError("#/$defs/caseReference", "required", x, k))
    if isinstance(x, dict):
        if "format" in x:
            for error in _check_111(x["format"]):
                e.append(error.inside("format"))
        if "in_subject" in x:
            for error in _check_112(x["in_subject"]):
                e.append(error.inside("in_subject"))
        if any(k not in _SET_64 for k in x):
            e.append(SchemaError("#/$defs/caseReference", "additionalProperties", x))
    return e


def _check_115(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/minimisation/properties/fixed_fields"""
    e: list[SchemaError] = []
    if not (isinstance(x, bool)):
        e.append(SchemaError("#/$defs/dataProtection/properties/minimisation/properties/fixed_fields", "type", x))
    return e


def _check_114(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/minimisation"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/dataProtection/properties/minimisation", "type", x))
    if isinstance(x, dict):
        if "fixed_fields" in x:
            for error in _check_115(x["fixed_fields"]):
                e.append(error.inside("fixed_fields"))
        if "guidance" in x:
            for error in _check_7(x["guidance"]):
                e.append(error.inside("guidance"))
        if any(k not in _SET_65 for k in x):
            e.append(SchemaError("#/$defs/dataProtection/properties/minimisation", "additionalProperties", x))
    return e


def _check_118(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/retention/items/properties/data"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_67):
        e.append(SchemaError("#/$defs/dataProtection/properties/retention/items/properties/data", "enum", x))
    return e


def _check_119(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/retention/items/properties/condition"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_68):
        e.append(SchemaError("#/$defs/dataProtection/properties/retention/items/properties/condition", "enum", x))
    return e


def _check_120(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/retention/items/properties/delete"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_69):
        e.append(SchemaError("#/$defs/dataProtection/properties/retention/items/properties/delete", "enum", x))
    return e


def _check_117(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/retention/items"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/dataProtection/properties/retention/items", "type", x))
    if isinstance(x, dict):
        for k in _SET_66:
            if k not in x:
                e.append(SchemaError("#/$defs/dataProtection/properties/retention/items", "required", x, k))
    if isinstance(x, dict):
        if "data" in x:
            for error in _check_118(x["data"]):
                e.append(error.inside("data"))
        if "status" in x:
            for error in _check_6(x["status"]):
                e.append(error.inside("status"))
        if "condition" in x:
            for error in _check_119(x["condition"]):
                e.append(error.inside("condition"))
        if "after" in x:
            for error in _check_91(x["after"]):
                e.append(error.inside("after"))
        if "delete" in x:
            for error in _check_120(x["delete"]):
                e.append(error.inside("delete"))
        if "illustrative" in x:
            for error in _check_18(x["illustrative"]):
                e.append(error.inside("illustrative"))
        if any(k not in _SET_70 for k in x):
            e.append(SchemaError("#/$defs/dataProtection/properties/retention/items", "additionalProperties", x))
    return e


def _check_116(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/retention"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/dataProtection/properties/retention", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_117(v):
                e.append(error.inside(i))
    return e


def _check_123(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/redaction/items/properties/pattern"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/dataProtection/properties/redaction/items/properties/pattern", "type", x))
    if isinstance(x, str):
        if len(x) < 1:
            e.append(SchemaError("#/$defs/dataProtection/properties/redaction/items/properties/pattern", "minLength", x))
    return e


def _check_124(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/redaction/items/properties/replacement"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/dataProtection/properties/redaction/items/properties/replacement", "type", x))
    return e


def _check_126(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/redaction/items/properties/examples/items"""
    e: list[SchemaError] = []
    if not (isinstance(x, str)):
        e.append(SchemaError("#/$defs/dataProtection/properties/redaction/items/properties/examples/items", "type", x))
    return e


def _check_125(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/redaction/items/properties/examples"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/dataProtection/properties/redaction/items/properties/examples", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_126(v):
                e.append(error.inside(i))
    if isinstance(x, list):
        if len(x) < 1:
            e.append(SchemaError("#/$defs/dataProtection/properties/redaction/items/properties/examples", "minItems", x))
    return e


def _check_122(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/redaction/items"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/dataProtection/properties/redaction/items", "type", x))
    if isinstance(x, dict):
        for k in _SET_71:
            if k not in x:
                e.append(SchemaError("#/$defs/dataProtection/properties/redaction/items", "required", x, k))
    if isinstance(x, dict):
        if "name" in x:
            for error in _check_7(x["name"]):
                e.append(error.inside("name"))
        if "pattern" in x:
            for error in _check_123(x["pattern"]):
                e.append(error.inside("pattern"))
        if "replacement" in x:
            for error in _check_124(x["replacement"]):
                e.append(error.inside("replacement"))
        if "illustrative" in x:
            for error in _check_18(x["illustrative"]):
                e.append(error.inside("illustrative"))
        if "examples" in x:
            for error in _check_125(x["examples"]):
                e.append(error.inside("examples"))
        if any(k not in _SET_72 for k in x):
            e.append(SchemaError("#/$defs/dataProtection/properties/redaction/items", "additionalProperties", x))
    return e


def _check_121(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/redaction"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/dataProtection/properties/redaction", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_122(v):
                e.append(error.inside(i))
    return e


def _check_128(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/access/properties/role_based"""
    e: list[SchemaError] = []
    if not (isinstance(x, bool)):
        e.append(SchemaError("#/$defs/dataProtection/properties/access/properties/role_based", "type", x))
    return e


def _check_132(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/access/properties/roles/additionalProperties/properties/can/items"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_73):
        e.append(SchemaError("#/$defs/dataProtection/properties/access/properties/roles/additionalProperties/properties/can/items", "enum", x))
    return e


def _check_131(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/access/properties/roles/additionalProperties/properties/can"""
    e: list[SchemaError] = []
    if not (isinstance(x, list)):
        e.append(SchemaError("#/$defs/dataProtection/properties/access/properties/roles/additionalProperties/properties/can", "type", x))
    if isinstance(x, list):
        for i, v in enumerate(x):
            for error in _check_132(v):
                e.append(error.inside(i))
    return e


def _check_130(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/access/properties/roles/additionalProperties"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/dataProtection/properties/access/properties/roles/additionalProperties", "type", x))
    if isinstance(x, dict):
        if "description" in x:
            for error in _check_7(x["description"]):
                e.append(error.inside("description"))
        if "can" in x:
            for error in _check_131(x["can"]):
                e.append(error.inside("can"))
        if any(k not in _SET_74 for k in x):
            e.append(SchemaError("#/$defs/dataProtection/properties/access/properties/roles/additionalProperties", "additionalProperties", x))
    return e


def _check_129(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/access/properties/roles"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/dataProtection/properties/access/properties/roles", "type", x))
    if isinstance(x, dict):
        for k in x:
            for error in _check_6(k):
                e.append(error.about_name())
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in _SET_5:
                for error in _check_130(v):
                    e.append(error.inside(k))
    return e


def _check_133(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/access/properties/mfa"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_75):
        e.append(SchemaError("#/$defs/dataProtection/properties/access/properties/mfa", "enum", x))
    return e


def _check_134(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/access/properties/sso"""
    e: list[SchemaError] = []
    if not (isinstance(x, bool)):
        e.append(SchemaError("#/$defs/dataProtection/properties/access/properties/sso", "type", x))
    return e


def _check_135(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/access/properties/training_required"""
    e: list[SchemaError] = []
    if not (isinstance(x, bool)):
        e.append(SchemaError("#/$defs/dataProtection/properties/access/properties/training_required", "type", x))
    return e


def _check_136(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/access/properties/revoke_on_termination"""
    e: list[SchemaError] = []
    if not (isinstance(x, str) and x in _SET_76):
        e.append(SchemaError("#/$defs/dataProtection/properties/access/properties/revoke_on_termination", "enum", x))
    return e


def _check_127(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection/properties/access"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/dataProtection/properties/access", "type", x))
    if isinstance(x, dict):
        if "role_based" in x:
            for error in _check_128(x["role_based"]):
                e.append(error.inside("role_based"))
        if "roles" in x:
            for error in _check_129(x["roles"]):
                e.append(error.inside("roles"))
        if "mfa" in x:
            for error in _check_133(x["mfa"]):
                e.append(error.inside("mfa"))
        if "sso" in x:
            for error in _check_134(x["sso"]):
                e.append(error.inside("sso"))
        if "training_required" in x:
            for error in _check_135(x["training_required"]):
                e.append(error.inside("training_required"))
        if "revoke_on_termination" in x:
            for error in _check_136(x["revoke_on_termination"]):
                e.append(error.inside("revoke_on_termination"))
        if any(k not in _SET_77 for k in x):
            e.append(SchemaError("#/$defs/dataProtection/properties/access", "additionalProperties", x))
    return e


def _check_113(x: Any) -> list[SchemaError]:
    """#/$defs/dataProtection"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#/$defs/dataProtection", "type", x))
    if isinstance(x, dict):
        if "minimisation" in x:
            for error in _check_114(x["minimisation"]):
                e.append(error.inside("minimisation"))
        if "retention" in x:
            for error in _check_116(x["retention"]):
                e.append(error.inside("retention"))
        if "redaction" in x:
            for error in _check_121(x["redaction"]):
                e.append(error.inside("redaction"))
        if "access" in x:
            for error in _check_127(x["access"]):
                e.append(error.inside("access"))
        if any(k not in _SET_78 for k in x):
            e.append(SchemaError("#/$defs/dataProtection", "additionalProperties", x))
    return e


def _check_0(x: Any) -> list[SchemaError]:
    """#"""
    e: list[SchemaError] = []
    if not (isinstance(x, dict)):
        e.append(SchemaError("#", "type", x))
    if isinstance(x, dict):
        for k in _SET_0:
            if k not in x:
                e.append(SchemaError("#", "required", x, k))
    if isinstance(x, dict):
        if "apiVersion" in x:
            for error in _check_1(x["apiVersion"]):
                e.append(error.inside("apiVersion"))
        if "kind" in x:
            for error in _check_2(x["kind"]):
                e.append(error.inside("kind"))
        if "include" in x:
            for error in _check_3(x["include"]):
                e.append(error.inside("include"))
        if "organization" in x:
            for error in _check_5(x["organization"]):
                e.append(error.inside("organization"))
        if "languages" in x:
            for error in _check_10(x["languages"]):
                e.append(error.inside("languages"))
        if "products" in x:
            for error in _check_11(x["products"]):
                e.append(error.inside("products"))
        if "channels" in x:
            for error in _check_15(x["channels"]):
                e.append(error.inside("channels"))
        if "calendars" in x:
            for error in _check_24(x["calendars"]):
                e.append(error.inside("calendars"))
        if "support_matrix" in x:
            for error in _check_43(x["support_matrix"]):
                e.append(error.inside("support_matrix"))
        if "request_types" in x:
            for error in _check_48(x["request_types"]):
                e.append(error.inside("request_types"))
        if "severities" in x:
            for error in _check_51(x["severities"]):
                e.append(error.inside("severities"))
        if "priorities" in x:
            for error in _check_54(x["priorities"]):
                e.append(error.inside("priorities"))
        if "priority_matrix" in x:
            for error in _check_64(x["priority_matrix"]):
                e.append(error.inside("priority_matrix"))
        if "triage" in x:
            for error in _check_69(x["triage"]):
                e.append(error.inside("triage"))
        if "teams" in x:
            for error in _check_70(x["teams"]):
                e.append(error.inside("teams"))
        if "routing" in x:
            for error in _check_76(x["routing"]):
                e.append(error.inside("routing"))
        if "escalations" in x:
            for error in _check_81(x["escalations"]):
                e.append(error.inside("escalations"))
        if "incident" in x:
            for error in _check_93(x["incident"]):
                e.append(error.inside("incident"))
        if "lifecycle" in x:
            for error in _check_99(x["lifecycle"]):
                e.append(error.inside("lifecycle"))
        if "case_reference" in x:
            for error in _check_110(x["case_reference"]):
                e.append(error.inside("case_reference"))
        if "data_protection" in x:
            for error in _check_113(x["data_protection"]):
                e.append(error.inside("data_protection"))
        if any(k not in _SET_79 for k in x):
            e.append(SchemaError("#", "additionalProperties", x))
    return e
