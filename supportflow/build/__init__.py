"""The back end: generators render the typed model into files under OUT.

See ``generator`` for what a generator is and what it is handed.
"""
