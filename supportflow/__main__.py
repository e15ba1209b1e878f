"""Allow ``python -m supportflow``."""

from supportflow.cli import main

main()
