"""The trained model for the current bot: its fingerprint, and training it when it is missing.

`python bot/model.py` (in .venv-rasa) prints the model's path, training first only when the data,
domain, config or custom component changed; the run script and the tests both use it, so a model
is trained once per change of the bot.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

BOT = Path(__file__).resolve().parent


def fingerprint() -> str:
    """A hash of everything the model is trained from (the custom NLU component included)."""
    digest = hashlib.sha256()
    files = [BOT / "config.yml", *sorted((BOT / "domain").rglob("*.yml")), *sorted((BOT / "data").rglob("*.yml"))]
    files += sorted((BOT / "components").rglob("*.py"))
    for path in files:
        digest.update(str(path.relative_to(BOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def rasa_env() -> dict[str, str]:
    return {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "PYTHONPATH": str(BOT)}


def ensure_model() -> Path:
    name = f"bot-{fingerprint()}"
    model = BOT / "models" / f"{name}.tar.gz"
    if not model.exists():
        command = [sys.executable, "-m", "rasa", "train", "--domain", "domain", "--data", "data",
                   "--config", "config.yml", "--out", "models", "--fixed-model-name", name]  # fmt: skip
        subprocess.run(command, cwd=BOT, env=rasa_env(), check=True)  # noqa: S603 - a fixed command line
        for stale in (BOT / "models").glob("bot-*.tar.gz"):
            if stale != model:
                stale.unlink()
    return model


if __name__ == "__main__":
    print(ensure_model())  # noqa: T201 - the path is this command's output
