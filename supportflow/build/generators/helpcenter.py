"""The customer help center: a static page per product and language, and a Markdown twin.

``OUT/helpcenter/index.html`` picks the language; ``OUT/helpcenter/<lang>/<product>/
index.html`` shows, in that language, the support hours and channels of every
language of the product, how to reach each channel, the priority targets in
customer words, what happens after submitting, the case reference rules, the
data-protection statement and the coming year's holiday closures.
``OUT/helpcenter-md/<lang>/<product>.md`` says the same in Markdown.

Pages need no JavaScript and load nothing: the style sheet is inline and allowed
by its hash in a strict Content-Security-Policy, and the only script element is
schema.org JSON-LD, which browsers never execute.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from babel.dates import format_date
from markupsafe import Markup

from supportflow.build.generator import BuildContext, OutputFile
from supportflow.build.site import assets, jsonld
from supportflow.build.site import markdown as md
from supportflow.build.site import policy_sections as sections
from supportflow.build.site.closures import horizon_end
from supportflow.build.site.links import channel_link, link_for
from supportflow.build.site.product_page import (
    ProductPage,
    build_page,
    cells_by_product,
    channel_columns,
)
from supportflow.build.site.translations import PageLanguage, page_language, translations
from supportflow.model import Policy

name = "helpcenter"
description = assets.manifest(name)["description"]


def render(context: BuildContext) -> list[OutputFile]:
    policy = context.policy
    languages = [page_language(code) for code in policy.languages]
    for language in languages:
        if language.catalog is None:
            context.warn(
                name,
                f"no help-center translation for language '{language.code}'; its pages use"
                " the English UI strings",
                policy.languages[language.code].where,
            )
    for channel in policy.channels.values():
        link = channel_link(channel)
        if link is not None and link.href is None:
            context.warn(
                name,
                f"channel '{channel.id}': address {channel.address!r} is shown as text, not a"
                " link, since it is not an https: address, an e-mail address or a phone number",
                channel.where,
            )
    css = assets.read_text(name, "style.css").strip()
    csp = content_security_policy(css)
    files = [_index(policy, languages, context, css, csp)]
    cells = cells_by_product(policy)
    columns = {pid: channel_columns(policy, product_cells) for pid, product_cells in cells.items()}
    structured = {
        product.id: jsonld.script_json(jsonld.organization(policy, product, cells[product.id]))
        for product in policy.products.values()
    }
    customer_steps = sections.steps(policy)  # the same in every language
    for language in languages:
        shared = _language_values(policy, language, context, customer_steps)
        html_shared = shared | {
            "css": Markup(css),
            "csp": csp,
            "policy_sections": Markup(_render(language, "policy.html.j2", shared).rstrip("\n")),
        }
        md_shared = shared | {
            "policy_sections": Markup(
                _render(language, "policy.md.j2", shared, mdown=True).rstrip("\n")
            )
        }
        for product in policy.products.values():
            page = build_page(
                product, cells[product.id], columns[product.id], language, context.as_of
            )
            own = _page_values(page, languages, structured[product.id])
            html = _render(language, "page.html.j2", html_shared | own).encode("utf-8")
            files.append(OutputFile(f"helpcenter/{language.code}/{product.id}/index.html", html))
            text = _render(language, "page.md.j2", md_shared | own, mdown=True).encode("utf-8")
            files.append(OutputFile(f"helpcenter-md/{language.code}/{product.id}.md", text))
    return files


def content_security_policy(css: str) -> str:
    """Nothing may load or run; the inline style sheet is allowed by its hash."""
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    return (
        "default-src 'none'; script-src 'none'; img-src 'none'; "
        f"style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )


def _render(
    language: PageLanguage, template: str, values: dict[str, Any], mdown: bool = False
) -> str:
    env = assets.environment(name, markdown=mdown)
    catalog = translations(language.catalog)
    if mdown:
        env.install_gettext_callables(*md.gettext_callables(catalog), newstyle=False)
    else:
        env.install_gettext_translations(catalog, newstyle=True)
    return env.get_template(template).render(values)


def _index(
    policy: Policy, languages: list[PageLanguage], context: BuildContext, css: str, csp: str
) -> OutputFile:
    default = policy.organization.default_language if policy.organization else None
    lang = page_language(default.id) if default is not None else languages[0]
    listed = [
        {
            "code": language.code,
            "rtl": language.rtl,
            "name": language.native_name,
            "products": [
                {"name": product.name, "href": f"{language.code}/{product.id}/index.html"}
                for product in policy.products.values()
            ],
        }
        for language in languages
    ]
    values = {
        "lang": lang,
        "languages": listed,
        "org_name": _org_name(policy),
        "css": Markup(css),
        "csp": csp,
    }
    html = _render(lang, "index.html.j2", values).encode("utf-8")
    return OutputFile("helpcenter/index.html", html)


def _org_name(policy: Policy) -> str:
    return policy.organization.name if policy.organization else ""


def _page_values(
    page: ProductPage, languages: list[PageLanguage], structured: Markup
) -> dict[str, Any]:
    """What differs from product to product within one language."""
    product = page.product
    alternates = [
        {
            "code": other.code,
            "name": other.native_name,
            "href": f"../../{other.code}/{product.id}/index.html",
        }
        for other in languages
        if other.code != page.language.code
    ]
    return {"page": page, "alternates": alternates, "jsonld": structured}


def _language_values(
    policy: Policy,
    language: PageLanguage,
    context: BuildContext,
    steps: list[sections.CustomerStep],
) -> dict[str, Any]:
    """What every product page of one language shares: the policy-wide sections."""
    org = policy.organization
    status = org.status_page if org is not None else None
    return {
        "lang": language,
        "org_name": _org_name(policy),
        "index_href": "../../index.html",
        "request_types_info": [
            rt for rt in policy.request_types.values() if rt.required_information
        ],
        "priorities": sections.priorities(policy, language),
        "severities": sorted(policy.severities.values(), key=lambda s: s.level),
        "front_door": sections.team_name(policy.routing.front_door) if policy.routing else None,
        "assessment": sections.assessment(policy, language),
        "reassessment": policy.triage.reassessment if policy.triage else None,
        "steps": steps,
        "incident": sections.incident(policy, language),
        "status_page": link_for(status) if status else None,
        "case_reference": sections.case_reference(policy),
        "lifecycle_rules": sections.lifecycle_rules(policy),
        "dp": policy.data_protection,
        "retention": sections.retention(policy, language),
        "horizon": {
            "start": format_date(context.as_of, "long", locale=language.locale),
            "end": format_date(horizon_end(context.as_of), "long", locale=language.locale),
        },
        "md_link": lambda link: md.link(link.text, link.href),
        "md_code": md.code,
    }
