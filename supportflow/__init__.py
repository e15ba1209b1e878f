"""supportflow: a compiler for customer-support policies.

The pipeline is load → schema → resolve → analyse → render; each stage takes the
previous stage's output and nothing else. See README.md for the shape of it.
"""

__version__ = "0.1.0"
