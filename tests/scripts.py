"""Scripts of the repository (benchmarks/, tools/, tests/eval/, data/demo/) loaded as modules
for the tests that check them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load_script(path: Path, name: str | None = None) -> ModuleType:
    """The script at ``path`` as a module, loaded as running it would: registered under
    ``name`` (its file's stem by default; dataclasses look their module up by it) with its
    folder first on ``sys.path`` while it loads (scripts import their neighbours)."""
    spec = importlib.util.spec_from_file_location(name or path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module
