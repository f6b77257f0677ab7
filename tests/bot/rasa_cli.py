"""Running the Rasa CLI on bot/ from the tests, and the fingerprint that keys the cached model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bot"))
from model import ensure_model, rasa_env  # noqa: E402,F401 - the one definition of how the model is made

ROOT = Path(__file__).resolve().parents[2]
BOT = ROOT / "bot"
RASA = [sys.executable, "-m", "rasa"]


def run_rasa(*args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*RASA, *args], cwd=BOT, env=rasa_env(), capture_output=True, text=True, timeout=timeout, check=False
    )
