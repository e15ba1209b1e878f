"""Findings and the rule catalogue: the bottom layer, importing nothing else of supportflow.

Every stage reports :class:`Finding` objects under an id documented in the
catalogue, so the formatters, ``supportflow rules`` and ``explain`` need nothing
from the pipeline. See ARCHITECTURE.md for the layers above.
"""
