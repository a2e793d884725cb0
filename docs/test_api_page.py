"""The API reference documents exactly the public surface."""

from __future__ import annotations

import re
from pathlib import Path

import diplo_events
import diplo_events.exceptions

API = (Path(__file__).parent / "api.md").read_text(encoding="utf-8")


def test_every_public_name_is_documented_once() -> None:
    documented = re.findall(r"^\.\. auto(?:class|function):: diplo_events\.(\w+)$", API, re.M)
    public = set(diplo_events.__all__) - {"__version__"} - set(diplo_events.exceptions.__all__)
    assert sorted(documented) == sorted(public)
    assert ".. automodule:: diplo_events.exceptions" in API
