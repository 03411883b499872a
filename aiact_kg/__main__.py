"""Run the command-line interface with ``python -m aiact_kg``."""

import sys

from aiact_kg.cli import main

sys.exit(main())
