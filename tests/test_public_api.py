"""The public API is typed and documented by example, and the examples run as doctests.

The public API is every function and class that ``provenance`` or a stage package exports
(``__all__``). Each has type hints on every parameter and the return, and a docstring with a
short example (``>>>``) that runs: ``python -m pytest`` collects the docstrings of
``provenance/`` with ``--doctest-modules`` (pyproject.toml), so the examples are tests.
Exceptions are exempt from the example: theirs is the example of the function that raises them.
"""

from __future__ import annotations

import doctest
import inspect
from importlib import import_module

PACKAGES = (
    "provenance",
    "provenance.attribution",
    "provenance.chains",
    "provenance.engine",
    "provenance.framing",
    "provenance.ingest",
    "provenance.outlets",
    "provenance.quotes",
    "provenance.report",
    "provenance.reuse",
)


def exported() -> dict[str, object]:
    """Every exported function and class, by ``package.name`` (constants left out)."""
    found = {}
    for package in PACKAGES:
        module = import_module(package)
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj) or inspect.isclass(obj):
                found[f"{package}.{name}"] = obj
    return found


def unhinted(obj: object) -> list[str]:
    """The parameters (and ``return``) of a function, or of a class's own ``__init__``, that
    have no type hint."""
    if inspect.isclass(obj):  # a dataclass's generated __init__ has its fields' hints
        init = obj.__dict__.get("__init__")
        return [] if init is None else [p for p in unhinted(init) if p != "return"]
    signature = inspect.signature(obj)
    missing = [
        name
        for name, param in signature.parameters.items()
        if name not in ("self", "cls") and param.annotation is inspect.Parameter.empty
    ]
    if signature.return_annotation is inspect.Signature.empty:
        missing.append("return")
    return missing


def running_examples(obj: object) -> list[doctest.Example]:
    """The examples of ``obj``'s docstring that run (not marked ``+SKIP``)."""
    examples = doctest.DocTestParser().get_examples(inspect.getdoc(obj) or "")
    return [e for e in examples if not e.options.get(doctest.SKIP)]


def test_the_api_is_found():
    api = exported()
    assert {"provenance.analyze", "provenance.reuse.find_reuse", "provenance.Analysis"} <= set(api)
    assert len(api) > 60


def test_every_exported_function_and_class_is_typed():
    missing = {name: m for name, obj in exported().items() if (m := unhinted(obj))}
    assert missing == {}


def test_every_exported_function_and_class_has_a_running_example():
    without = {
        name
        for name, obj in exported().items()
        if not (inspect.isclass(obj) and issubclass(obj, Exception)) and not running_examples(obj)
    }
    assert without == set()


def test_the_checks_can_fail():
    def untyped(a, b: int):
        """No example."""

    assert unhinted(untyped) == ["a", "return"]
    assert running_examples(untyped) == []
    skipped = ">>> 1 + 1  # doctest: +SKIP\n2\n"
    assert running_examples(type("T", (), {"__doc__": skipped})) == []


def test_examples_run_in_the_test_command(pytestconfig):
    # The README's test command is a plain `python -m pytest`: these settings make it collect
    # the docstring examples of the package.
    assert "--doctest-modules" in pytestconfig.getini("addopts")
    assert "provenance" in pytestconfig.getini("testpaths")
