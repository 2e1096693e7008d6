"""`python -m anthology`: the `anthology` command (e.g. run from a tree that is not installed)."""

import sys

from .cli import main

sys.exit(main())
