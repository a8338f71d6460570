"""Every module imports on its own in a fresh interpreter (catches import cycles)."""

import pkgutil
import subprocess
import sys

import pytest

import eventscope

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(eventscope.__path__, "eventscope.")
    if ".migrations" not in m.name and ".data." not in m.name
)


@pytest.mark.parametrize("module", ["eventscope.nlp", "eventscope.geo", "eventscope.actors", "eventscope.events"])
def test_stage_imports_first(module):
    result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_all_modules_import_in_one_interpreter():
    code = f"import importlib\nfor m in {MODULES!r}: importlib.import_module(m)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(MODULES) > 30
