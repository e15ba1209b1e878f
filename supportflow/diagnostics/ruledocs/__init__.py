"""Rule documentation, one module per id band; see :mod:`supportflow.diagnostics.catalogue`."""
