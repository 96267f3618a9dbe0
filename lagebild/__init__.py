"""lagebild: political event data (PLOVER/CAMEO) from German and English news.

`lagebild.extract(text, date=..., lang=...)` codes a text; `lagebild.open(db)` opens an
event store. Both are imported lazily, so `import lagebild` stays light.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "extract", "open"]


def __getattr__(name: str) -> Any:
    """Lazy access to the notebook API (`lagebild.open`, `lagebild.extract`)."""
    if name in ("open", "extract"):
        from lagebild import api

        return getattr(api, name)
    raise AttributeError(f"module 'lagebild' has no attribute {name!r}")
