"""Trains the bot once per change of its data, config or domain, and caches the model in bot/models/."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa_cli import ensure_model


@pytest.fixture(scope="session")
def trained_model() -> Path:
    return ensure_model()
