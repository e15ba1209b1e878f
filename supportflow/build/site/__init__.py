"""Helpers shared by the generators people read: help center, handbook and diagrams.

Each module has one job: reading a generator's shipped files (``assets``),
UI catalogs (``translations``), opening hours in words (``hours``), safe links
(``links``), holiday closures (``closures``), durations in words (``durations``),
schema.org data (``jsonld``), Markdown and DOT text (``markdown``, ``dot``),
rendering DOT with Graphviz (``graphviz``) and the weekly heatmap (``heatmap``).
"""
