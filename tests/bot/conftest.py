"""Trains the bot once per change of its data, config or domain, and caches the model in bot/models/."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa_cli import BOT, bot_fingerprint, run_rasa


@pytest.fixture(scope="session")
def trained_model() -> Path:
    name = f"bot-{bot_fingerprint()}"
    model = BOT / "models" / f"{name}.tar.gz"
    if not model.exists():
        result = run_rasa(
            "train", "--domain", "domain", "--data", "data", "--config", "config.yml",
            "--out", "models", "--fixed-model-name", name,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return model
