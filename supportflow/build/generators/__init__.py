"""Built-in generators, one module per output; each exposes ``name``, ``description``
and ``render(context)`` (see :mod:`supportflow.build.generator`)."""
