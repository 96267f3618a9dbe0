"""`python -m lagebild.cli`: the same as the `lagebild` command."""

import sys

from lagebild.cli import main

sys.exit(main())
