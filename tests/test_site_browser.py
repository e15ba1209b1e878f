"""The built Pagero help center in a real browser: Debian's Chromium through Playwright.

Every page is opened from a local HTTP server on 127.0.0.1. Each is checked
against the seed's tables (hours, channels, "coming soon"), for right-to-left
Arabic, for JSON-LD that matches the support matrix, for console errors, for any
request outside the page's own folder, and with axe-core at desktop width and at
360 px. Screenshots are saved as artifacts (SUPPORTFLOW_ARTIFACTS, or a pytest
temporary folder).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.dates import get_day_names

from tests.site_build import EXAMPLES

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AS_OF = "2026-11-25"
LANGUAGES = ["en", "sv", "fi", "de", "es", "fr", "ar", "pl"]
PRODUCTS = ["online", "health", "tms"]
ALL_FOUR = {
    "guides": "available",
    "ticket-portal": "available",
    "chat": "available",
    "phone": "available",
}
NO_CHAT = {"guides": "available", "ticket-portal": "available", "phone": "available"}
# The seed's three tables (../shared/seeds/000_*.txt), transcribed: language →
# (days, opens, closes, zone, channel statuses). Days are Monday=0; None is 24/7.
MON_FRI, SUN_THU = (0, 4), (6, 3)
SEED = {
    "online": {
        "en": (None, None, None, None, ALL_FOUR),
        "sv": (
            MON_FRI,
            "08:00",
            "17:00",
            "CET",
            {"ticket-portal": "available", "chat": "available", "phone": "available"},
        ),
        "fi": (MON_FRI, "08:00", "16:00", "UTC+2", ALL_FOUR),
        "de": (
            MON_FRI,
            "08:00",
            "17:00",
            "CET",
            {"guides": "coming_soon", "ticket-portal": "available"},
        ),
        "es": (
            MON_FRI,
            "08:00",
            "17:00",
            "CET",
            {"ticket-portal": "available", "chat": "available", "phone": "available"},
        ),
        "fr": (
            MON_FRI,
            "08:00",
            "17:00",
            "CET",
            {"guides": "coming_soon", "ticket-portal": "available"},
        ),
        "ar": (SUN_THU, "09:00", "18:00", "KSA", {"ticket-portal": "available"}),
        "pl": (
            MON_FRI,
            "08:00",
            "16:00",
            "CET",
            {"guides": "available", "ticket-portal": "available"},
        ),
    },
    "health": {
        "en": (MON_FRI, "08:00", "17:00", "CET", NO_CHAT),
        "de": (MON_FRI, "08:00", "17:00", "CET", NO_CHAT),
    },
    "tms": {
        "en": (MON_FRI, "08:00", "17:00", "CET", NO_CHAT),
        "sv": (MON_FRI, "08:00", "17:00", "CET", NO_CHAT),
    },
}
# The seed's column headings, which are the example's channel names.
COLUMNS = {
    "guides": "Support Center guides",
    "ticket-portal": "Ticket portal",
    "chat": "Chat",
    "phone": "Phone",
}
# How the English page names the seed's zones.
ZONE_WORDS = {
    "CET": "Central European Time",
    "UTC+2": "Eastern European Time",
    "KSA": "Arabian Time",
}
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

playwright_api = pytest.importorskip("playwright.sync_api")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[str]:
    """The Pagero site as `supportflow build` writes it, served on 127.0.0.1; yields the URL."""
    out = tmp_path_factory.mktemp("pagero") / "site"
    subprocess.run(
        [sys.executable, "-m", "supportflow", "build", str(EXAMPLES / "pagero"), "-o", str(out),
         "--as-of", AS_OF],
        check=True, capture_output=True,
    )  # fmt: skip
    handler = functools.partial(_Quiet, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail("chromium is not installed; .ci/run installs it with apt-get")
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> Path:
    folder = os.environ.get("SUPPORTFLOW_ARTIFACTS")
    path = Path(folder) / "screenshots" if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


class Visit:
    """One page opened with every request outside its folder refused and recorded."""

    def __init__(self, browser, url: str, width: int, java_script: bool = True) -> None:
        self.folder = url.rsplit("/", 1)[0] + "/"
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(
            viewport={"width": width, "height": 900}, java_script_enabled=java_script
        )
        self.page = self.context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(url)

    def _route(self, route) -> None:
        if route.request.url.startswith(self.folder):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _console(self, message) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"{message.type}: {message.text}")

    def close(self) -> None:
        self.context.close()


def _pages() -> list[str]:
    return ["helpcenter/index.html"] + [
        f"helpcenter/{lang}/{product}/index.html" for lang in LANGUAGES for product in PRODUCTS
    ]


@pytest.mark.parametrize("path", _pages())
@pytest.mark.parametrize("width", [1280, 360])
def test_page_is_clean_and_accessible(site, browser, artifacts, path: str, width: int) -> None:
    visit = Visit(browser, site + path, width)
    try:
        page = visit.page
        name = path.replace("/", "_").removesuffix(".html")
        page.screenshot(path=str(artifacts / f"{name}-{width}.png"), full_page=True)
        results = axe_api.Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        assert visit.errors == []
        assert visit.outside == []
        # Responsive: nothing wider than the viewport makes the page scroll sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        lang = page.get_attribute("html", "lang")
        expected = "en" if path == "helpcenter/index.html" else path.split("/")[1]
        assert lang == expected
    finally:
        visit.close()


def _day_text(days: tuple[int, int], lang: str) -> str:
    names = get_day_names("wide", context="stand-alone", locale=lang)
    return f"{names[days[0]]}–{names[days[1]]}"


@pytest.mark.parametrize("product", PRODUCTS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_hours_and_channels_match_the_seed(site, browser, product: str, lang: str) -> None:
    visit = Visit(browser, f"{site}helpcenter/{lang}/{product}/index.html", 1280)
    try:
        page = visit.page
        headers = page.locator("#hours-table thead th").all_inner_texts()
        seed = SEED[product]
        columns = [c for c in COLUMNS if any(c in row[4] for row in seed.values())]
        assert headers[2:] == [COLUMNS[c] for c in columns]
        rows = page.locator("#hours-table tbody tr")
        assert [rows.nth(i).get_attribute("data-language") for i in range(rows.count())] == list(
            seed
        )
        for language, (days, opens, closes, zone, channels) in seed.items():
            row = page.locator(f'#hours-table tr[data-language="{language}"]')
            hours = row.locator("td.hours")
            times = hours.locator("time")
            if days is None:
                assert times.count() == 0
                assert "24/7" in hours.inner_text()
            else:
                assert [
                    times.nth(0).get_attribute("datetime"),
                    times.nth(1).get_attribute("datetime"),
                ] == [opens, closes]
                assert _day_text(days, lang) in hours.inner_text()
                if lang == "en":
                    assert ZONE_WORDS[zone] in hours.inner_text()
            statuses = row.locator("td[data-status]")
            got = {c: statuses.nth(i).get_attribute("data-status") for i, c in enumerate(columns)}
            assert got == {c: channels.get(c, "none") for c in columns}
            for i, c in enumerate(columns):
                if channels.get(c) == "coming_soon":
                    assert statuses.nth(i).inner_text().strip() != ""
    finally:
        visit.close()


def test_english_online_page_reads_like_the_seed(site, browser) -> None:
    visit = Visit(browser, f"{site}helpcenter/en/online/index.html", 1280)
    try:
        table = visit.page.locator("#hours-table").inner_text()
        assert "Open 24 hours a day, 7 days a week" in table
        assert "Sunday–Thursday" in table and "Arabian Time" in table
        assert table.count("Coming soon") == 2
        assert table.count("Monday–Friday") == 6
    finally:
        visit.close()


@pytest.mark.parametrize("product", PRODUCTS)
def test_arabic_pages_are_right_to_left(site, browser, product: str) -> None:
    visit = Visit(browser, f"{site}helpcenter/ar/{product}/index.html", 1280)
    try:
        page = visit.page
        assert page.get_attribute("html", "dir") == "rtl"
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        # The layout mirrors: the first column of the hours table sits on the right.
        first = page.locator("#hours-table thead th").first.bounding_box()
        last = page.locator("#hours-table thead th").last.bounding_box()
        assert first["x"] > last["x"]
        english = Visit(browser, f"{site}helpcenter/en/{product}/index.html", 1280)
        try:
            assert english.page.get_attribute("html", "dir") == "ltr"
            headers = english.page.locator("#hours-table thead th")
            assert headers.first.bounding_box()["x"] < headers.last.bounding_box()["x"]
        finally:
            english.close()
    finally:
        visit.close()


def _opening_hours(days, opens, closes) -> list[dict]:
    if days is None:
        return [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [f"https://schema.org/{d}" for d in SCHEMA_DAYS],
                "opens": "00:00",
                "closes": "23:59",
            }
        ]
    first, last = days
    span = [(first + i) % 7 for i in range(((last - first) % 7) + 1)]
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{SCHEMA_DAYS[d]}" for d in span],
            "opens": opens,
            "closes": closes,
        }
    ]


@pytest.mark.parametrize("product", PRODUCTS)
def test_json_ld_matches_the_support_matrix(site, browser, product: str) -> None:
    visit = Visit(browser, f"{site}helpcenter/sv/{product}/index.html", 1280)
    try:
        text = visit.page.locator('script[type="application/ld+json"]').text_content()
        data = json.loads(text)
        assert data["@type"] == "Organization" and data["name"] == "Pagero"
        expected = []
        for language, (days, opens, closes, _zone, channels) in SEED[product].items():
            for channel, status in channels.items():
                if status == "available":
                    expected.append(
                        (
                            language,
                            COLUMNS[channel],
                            json.dumps(_opening_hours(days, opens, closes), sort_keys=True),
                        )
                    )
        got = [
            (
                p["availableLanguage"],
                p["contactType"],
                json.dumps(p["hoursAvailable"], sort_keys=True),
            )
            for p in data["contactPoint"]
        ]
        assert sorted(got) == sorted(expected)
        for point in data["contactPoint"]:
            assert point["@type"] == "ContactPoint"
            assert {"telephone", "email", "url"} & set(point)
            if point["contactType"] == "Phone":
                assert point["telephone"].startswith("+")
    finally:
        visit.close()


def test_pages_work_without_javascript(site, browser) -> None:
    visit = Visit(browser, f"{site}helpcenter/index.html", 1280, java_script=False)
    try:
        page = visit.page
        page.get_by_role("link", name="Pagero Online").first.click()
        page.wait_for_url("**/en/online/index.html")
        assert page.locator("#hours-table tbody tr").count() == 8
        page.get_by_role("link", name="Svenska").first.click()
        page.wait_for_url("**/sv/online/index.html")
        assert page.get_attribute("html", "lang") == "sv"
        assert visit.outside == []
    finally:
        visit.close()


def test_language_alternates_point_at_every_other_language(site, browser) -> None:
    visit = Visit(browser, f"{site}helpcenter/fi/online/index.html", 1280)
    try:
        links = visit.page.locator('link[rel="alternate"]')
        got = {
            links.nth(i).get_attribute("hreflang"): links.nth(i).get_attribute("href")
            for i in range(links.count())
        }
        expected = {lang: f"../../{lang}/online/index.html" for lang in LANGUAGES if lang != "fi"}
        assert got == expected | {"x-default": "../../index.html"}
    finally:
        visit.close()


def test_keyboard_focus_is_visible(site, browser) -> None:
    visit = Visit(browser, f"{site}helpcenter/en/online/index.html", 1280)
    try:
        page = visit.page
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "(() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return [e.className, s.outlineStyle, s.outlineWidth]; })()"
        )
        assert focused[0] == "skip"
        assert focused[1] == "solid" and focused[2] != "0px"
        box = page.locator("a.skip").bounding_box()
        assert box["y"] >= 0  # the skip link comes into view when focused
    finally:
        visit.close()
