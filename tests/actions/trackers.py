"""Tracker JSON fixtures (data/) for the action-server tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasa_sdk import Tracker

DATA = Path(__file__).parent / "data"


def load_json(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text())


def tracker(name: str, **changes: Any) -> Tracker:
    """A tracker from data/<name>.json, with slots or the latest message overridden."""
    state = load_json(f"{name}.json")
    for key, value in changes.items():
        if key == "latest_message":
            state["latest_message"] = value
        else:
            state["slots"][key] = value
    return Tracker.from_dict(state)
