"""Analyses over the typed model that several rules and commands share: the process graph,
and what a valid policy means for tickets over time (coverage).

Each module reads :mod:`supportflow.model` (coverage also the business-time engine) and
returns plain results; rules turn them into findings and commands print them.
"""
