"""The help-center generator: pages per language and product, catalogs, CLDR formatting,
customer wording from the seeds, closures, CSP and the Markdown twin."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import date
from gettext import c2py
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from supportflow.build.site.assets import folder
from supportflow.build.site.closures import closures, horizon_end
from supportflow.build.site.links import link_for
from supportflow.build.site.translations import CATALOG_LANGUAGES, page_language
from supportflow.shortforms import MAX_BUSINESS_DAYS
from tests.policy_files import write_policy
from tests.site_build import EXAMPLES, context_for, render

GENERATORS = Path(__file__).resolve().parent.parent / "generators" / "helpcenter"
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def _files(example: str, **kwargs) -> dict[str, str]:
    context = context_for(EXAMPLES / example, **kwargs)
    return {f.path: f.data.decode("utf-8") for f in render(context, ["helpcenter"])}


@pytest.fixture(scope="module")
def pagero() -> dict[str, str]:
    return _files("pagero")


def test_one_page_per_language_and_product_and_a_picker(pagero) -> None:
    languages = ["en", "sv", "fi", "de", "es", "fr", "ar", "pl"]
    products = ["online", "health", "tms"]
    expected = {"helpcenter/index.html"}
    for lang in languages:
        for product in products:
            expected |= {
                f"helpcenter/{lang}/{product}/index.html",
                f"helpcenter-md/{lang}/{product}.md",
            }
    assert set(pagero) == expected
    picker = pagero["helpcenter/index.html"]
    for lang in languages:
        for product in products:
            assert f'href="{lang}/{product}/index.html"' in picker
    assert 'lang="ar" dir="rtl"' in picker and "العربية" in picker and "Suomi" in picker


def _messages_in_templates() -> set[object]:
    method_map = [("**.j2", "jinja2")]
    options = {"**.j2": {"extensions": "jinja2.ext.i18n"}}
    return {
        message[2] if isinstance(message[2], str) else tuple(message[2])
        for message in extract_from_dir(str(GENERATORS), method_map, options)
    }


def test_every_catalog_translates_every_ui_string() -> None:
    used = _messages_in_templates()
    assert len(used) > 80
    for lang in CATALOG_LANGUAGES:
        po = folder("helpcenter") / "locale" / lang / "LC_MESSAGES" / "messages.po"
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        ids = {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}
        assert ids == used, lang
        if lang == "en":
            continue  # English is the source language
        for message in catalog:
            if not message.id:
                continue
            assert not message.fuzzy, (lang, message.id)
            if isinstance(message.id, str):
                assert message.string, (lang, message.id)
                assert sorted(PLACEHOLDER.findall(message.id)) == sorted(
                    PLACEHOLDER.findall(message.string)
                ), (lang, message.id)
            else:
                assert len(message.string) == catalog.num_plurals, lang
                assert all("%(num)s" in form or lang == "ar" for form in message.string)
        if lang != "en":
            _assert_plural_rule_agrees_with_cldr(lang, catalog.plural_expr)


# Every count a page can show: lengths are capped at MAX_BUSINESS_DAYS business days.
_COUNTS = [*range(2001), *range(2001, MAX_BUSINESS_DAYS + 1, 97), MAX_BUSINESS_DAYS]


def _assert_plural_rule_agrees_with_cldr(lang: str, plural_expr: str) -> None:
    """The catalog's own Plural-Forms rule picks the form at run time (gettext reads
    it from the compiled catalog); it must split every count a page can show the way
    CLDR's plural categories do. CLDR may add categories for counts no page shows,
    such as Spanish 'many' for a million."""
    form_of = c2py(plural_expr)
    category_of = Locale.parse(lang).plural_form
    pairs = {(form_of(n), category_of(n)) for n in _COUNTS}
    forms = {form for form, _ in pairs}
    categories = {category for _, category in pairs}
    assert len(pairs) == len(forms) == len(categories), (lang, sorted(pairs))


@pytest.mark.parametrize(
    ("lang", "days", "zone"),
    [
        ("en", "Monday–Friday", "Central European Time"),
        ("de", "Montag–Freitag", "Mitteleuropäische Zeit"),
        ("fr", "lundi–vendredi", "heure d’Europe centrale"),
        ("fi", "maanantai–perjantai", "Keski-Euroopan aika"),
        ("ar", "الاثنين–الجمعة", "توقيت وسط أوروبا"),
    ],
)
def test_weekdays_and_zones_come_from_cldr(pagero, lang: str, days: str, zone: str) -> None:
    page = pagero[f"helpcenter/{lang}/online/index.html"]
    assert days in page and zone in page


def test_times_follow_the_locale(pagero) -> None:
    assert '<time datetime="08:00">8:00\u202fAM</time>' in pagero["helpcenter/en/online/index.html"]
    assert '<time datetime="08:00">08:00</time>' in pagero["helpcenter/sv/online/index.html"]
    assert '<time datetime="08:00">8.00</time>' in pagero["helpcenter/fi/online/index.html"]


def test_pages_carry_lang_dir_and_alternates(pagero) -> None:
    for path, text in pagero.items():
        if not path.endswith("/index.html") or path == "helpcenter/index.html":
            continue
        lang = path.split("/")[1]
        direction = "rtl" if lang == "ar" else "ltr"
        assert f'<html lang="{lang}" dir="{direction}">' in text
        assert text.count('rel="alternate"') == 8  # seven other languages and x-default


def test_the_csp_allows_exactly_the_inline_style(pagero) -> None:
    page = pagero["helpcenter/en/online/index.html"]
    style = re.search(r"<style>(.*?)</style>", page, re.S)[1]
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)[1]
    assert f"style-src &#39;sha256-{digest}&#39;" in csp
    assert "script-src &#39;none&#39;" in csp and "default-src &#39;none&#39;" in csp
    assert len(re.findall(r"<script\b", page)) == 1
    assert re.search(r'(src|href)="(https?:)?//', page.split("</head>")[0]) is None


def test_priority_targets_in_customer_words() -> None:
    page = _files("dutch-customer-success")["helpcenter/en/software/index.html"]
    assert "We assess your ticket's priority within 15 minutes during office hours." in page
    assert "We respond within 1 hour during office hours." in page
    assert "We respond within 2 business days." in page
    dutch = _files("dutch-customer-success")["helpcenter/nl/software/index.html"]
    assert "binnen 15 minuten tijdens kantooruren" in dutch
    assert "Reply to the confirmation e-mail; the priority is then assessed again." in page


def test_case_reference_rules_from_the_paymentus_seed() -> None:
    page = _files("paymentus")["helpcenter/en/billing-platform/index.html"]
    assert "<code>########</code>" in page and "12345678" in page
    assert "Keep the case reference in the subject line when you reply" in page
    assert "Please send a new request and mention the old case reference." in page
    assert "Please open one case per issue" in page
    assert (
        "You find it in our automatic reply to your request through: Customer Care e-mail." in page
    )
    assert "The exact error message" in page  # what to include, as written


def test_after_submitting_triage_escalation_incident_and_status_page(pagero) -> None:
    page = pagero["helpcenter/en/online/index.html"]
    assert "Your request first reaches 1st line support." in page
    said = "If second-line support cannot solve it, your request goes to third-line support."
    assert said in page
    assert "For Severity 1 we start our incident process:" in page
    assert "We post updates on our status page." in page
    assert '<a href="https://status.pagero.com">https://status.pagero.com</a>' in page


def test_data_protection_statement(pagero) -> None:
    page = pagero["helpcenter/en/online/index.html"]
    assert "Never include passwords, social security numbers" in page
    assert "<li>Swedish personal identity numbers</li>" in page
    assert "730 days after the case is closed" in page
    assert "After 365 days without activity" in page
    assert "Staff sign in with multi-factor authentication." in page


def test_closures_cover_the_next_twelve_months(pagero) -> None:
    page = pagero["helpcenter/en/online/index.html"]
    assert '<time datetime="2026-12-25">Friday, December 25, 2026</time>: Christmas Day' in page
    assert "2027-12-25" not in page and "2026-11-24" not in page
    # The 24/7 English desk has no holidays, so it has no closure list.
    assert "<h3>24/7</h3>" not in page
    swedish = pagero["helpcenter/sv/online/index.html"]
    assert "Juldagen" in swedish  # holiday names in the page's language when known


def test_closures_skip_days_the_desk_is_closed_anyway() -> None:
    spec = context_for(EXAMPLES / "pagero").policy.calendars["cet-office"].spec
    days = {c.day for c in closures(spec, date(2026, 11, 25))}
    assert date(2026, 12, 25) in days and date(2026, 12, 26) not in days  # a Saturday
    assert all(d.weekday() < 5 for d in days)
    assert all(date(2026, 11, 25) <= d < date(2027, 11, 25) for d in days)
    assert horizon_end(date(2028, 2, 29)) == date(2029, 2, 28)


def test_language_without_catalog_falls_back_with_a_warning(tmp_path) -> None:
    folder_ = write_policy(
        tmp_path,
        "languages: [en, it]\nproducts:\n  app: {name: App}\ncalendars:\n"
        "  office: {timezone: Europe/Rome, hours: mon-fri 09:00-18:00}\n"
        "channels:\n  mail: {kind: email, name: Mail, address: help@example.it}\n"
        "support_matrix:\n  app:\n    it: {calendar: office, available: [mail]}\n",
    )
    context = context_for(folder_)
    files = {f.path: f.data.decode() for f in render(context, ["helpcenter"])}
    assert [w.message for w in context.warnings] == [
        "no help-center translation for language 'it'; its pages use the English UI strings"
    ]
    page = files["helpcenter/it/app/index.html"]
    assert '<html lang="it"' in page and "How to reach us" in page
    assert "lunedì–venerdì" in page  # CLDR still formats Italian days


def test_links_are_only_https_mailto_and_tel() -> None:
    assert link_for("+46 8 000 000 00", "phone").href == "tel:+46800000000"
    assert link_for("help@example.com").href == "mailto:help@example.com"
    assert link_for("mailto:help@example.com").href == "mailto:help@example.com"
    assert link_for("https://example.com/x").href == "https://example.com/x"
    for unsafe in (
        "javascript:alert(1)",
        "http://example.com",
        "data:x",
        "//evil.example",
        'https://example.com/"onmouseover=x',
        "+46 8 000",
        "example.com",
    ):
        if unsafe == "+46 8 000":
            assert link_for(unsafe, "chat").href is None
            continue
        assert link_for(unsafe).href is None, unsafe


def test_norwegian_uses_the_bokmal_catalog() -> None:
    assert page_language("no").catalog == "nb"
    files = _files("crm-insight")
    page = next(text for path, text in files.items() if path.startswith("helpcenter/no/"))
    assert "Slik når du oss" in page


def test_markdown_twin_has_the_same_facts(pagero) -> None:
    text = pagero["helpcenter-md/de/online.md"]
    assert text.startswith("# Support für Pagero Online")
    assert "# Support für Pagero Online" in text
    assert "| Deutsch | Montag–Freitag 08:00–17:00 (Mitteleuropäische Zeit) |" in text
    assert "Demnächst" in text
    assert (
        "[https://support.pagero.com/requests/new](<https://support.pagero.com/requests/new>)"
        in text
    )


def test_same_policy_same_bytes() -> None:
    first = render(context_for(EXAMPLES / "pagero"), ["helpcenter", "handbook", "diagrams"])
    second = render(context_for(EXAMPLES / "pagero"), ["helpcenter", "handbook", "diagrams"])
    assert first == second


def test_holiday_names_never_follow_the_readers_locale(monkeypatch) -> None:
    from supportflow.businesstime.holidays import named_public_holidays
    from supportflow.businesstime.spec import HolidaySource

    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    monkeypatch.setenv("LC_ALL", "sv_SE.UTF-8")
    # Sweden's table has no Polish names: American English, not the Swedish LANG.
    names = dict(named_public_holidays(HolidaySource("SE"), 2031, "pl"))
    assert names[date(2031, 1, 1)] == "New Year's Day"
    assert dict(named_public_holidays(HolidaySource("SE"), 2031, "sv"))[date(2031, 1, 1)] == (
        "Nyårsdagen"
    )


def test_an_address_that_cannot_be_linked_is_text_and_a_warning(tmp_path) -> None:
    folder_ = write_policy(
        tmp_path,
        "languages: [en]\nproducts:\n  app: {name: App}\ncalendars:\n"
        "  office: {timezone: Europe/Rome, hours: mon-fri 09:00-18:00}\n"
        "channels:\n  chat: {kind: chat, name: Chat, address: 'ask at the front desk'}\n"
        "support_matrix:\n  app:\n    en: {calendar: office, available: [chat]}\n",
    )
    context = context_for(folder_)
    files = {f.path: f.data.decode() for f in render(context, ["helpcenter"])}
    assert [w.message for w in context.warnings] == [
        "channel 'chat': address 'ask at the front desk' is shown as text, not a link, since it"
        " is not an https: address, an e-mail address or a phone number"
    ]
    assert context.warnings[0].location.line == 8  # the channel, after apiVersion
    page = files["helpcenter/en/app/index.html"]
    assert "<dd>ask at the front desk</dd>" in page


def test_hours_for_some_request_types_are_shown_beside_the_channel() -> None:
    """PagoNxt: the 24/7 portal takes escalations only Mon–Fri 08–19 CEST; on-call takes none."""
    page = _files("pagonxt")["helpcenter/en/payments-hub/index.html"]
    portal = page.split('data-channel="help-desk-portal"')[1].split("</li>")[0]
    assert "<dt>Hours for Escalation, or a request from a designated user</dt>" in portal
    assert '<time datetime="08:00">8:00\u202fAM</time>–<time datetime="19:00">' in portal
    on_call = page.split('data-channel="on-call"')[1].split("</li>")[0]
    assert "Hours for" not in on_call


def test_an_unwritable_template_cache_only_costs_compile_time(tmp_path) -> None:
    import jinja2

    from supportflow.build.site.assets import QuietBytecodeCache

    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache folder should be")
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"t.j2": "{{ x }}!"}),
        bytecode_cache=QuietBytecodeCache(str(not_a_folder)),
    )
    assert env.get_template("t.j2").render(x="ok") == "ok!"
    with pytest.raises(OSError):  # what the plain cache does with the same folder
        jinja2.Environment(
            loader=jinja2.DictLoader({"t.j2": "{{ x }}!"}),
            bytecode_cache=jinja2.FileSystemBytecodeCache(str(not_a_folder)),
        ).get_template("t.j2")
