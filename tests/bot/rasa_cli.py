"""Running the Rasa CLI on bot/ from the tests, and the fingerprint that keys the cached model."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BOT = ROOT / "bot"
RASA = [sys.executable, "-m", "rasa"]


def rasa_env() -> dict[str, str]:
    return {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "PYTHONPATH": str(BOT)}


def bot_fingerprint() -> str:
    """A hash of everything the model is trained from (the custom NLU component included)."""
    digest = hashlib.sha256()
    files = [BOT / "config.yml", *sorted((BOT / "domain").rglob("*.yml")), *sorted((BOT / "data").rglob("*.yml"))]
    files += sorted((BOT / "components").rglob("*.py"))
    for path in files:
        digest.update(str(path.relative_to(BOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def run_rasa(*args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*RASA, *args], cwd=BOT, env=rasa_env(), capture_output=True, text=True, timeout=timeout, check=False
    )
