"""The rule registry and the semantic rules that run over a resolved policy."""
