"""Settings every test shares.

The suite never reads or fills the user's cache folder: a warm holiday cache would
change what a run imports (tests check that) and a test's result would depend on
the runs before it. Tests of the cache itself point it at a temporary folder.
"""

from __future__ import annotations

import os

from supportflow.businesstime.holiday_cache import NO_CACHE

# Set at import, before any test starts a subprocess, so the subprocesses inherit it.
os.environ[NO_CACHE] = "1"
