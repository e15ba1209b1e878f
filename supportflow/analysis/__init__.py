"""Analyses over the model that several rules and commands share (the process graph)."""
