"""The conversation as a whole: data validation, test stories for every flow, and the danger backstop."""

from __future__ import annotations

import asyncio

import pytest
from rasa_cli import BOT, run_rasa

pytestmark = pytest.mark.slow


def test_training_data_validates():
    result = run_rasa("data", "validate", "--fail-on-warnings", "--domain", "domain", "--data", "data")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_every_flow_in_the_test_stories_is_predicted(trained_model, tmp_path):
    result = run_rasa(
        "test", "core", "--e2e", "--model", str(trained_model), "--stories", "tests/test_stories.yml",
        "--fail-on-prediction-errors", "--out", str(tmp_path),
    )  # fmt: skip
    failed = tmp_path / "failed_test_stories.yml"
    detail = failed.read_text() if failed.exists() else result.stdout[-3000:] + result.stderr[-3000:]
    assert result.returncode == 0, detail


DANGER = [
    "he is hitting her right now",
    "please help now, my dad is beating him",
    "Im in danger",
    "the baby isn't breathing",
    "she says she is going to kill herself",
    "my name is Amy and I'm in danger right now",
    "his stepdad has a knife and is shouting",
]


def test_danger_words_anywhere_are_immediate_danger(trained_model, monkeypatch):
    monkeypatch.syspath_prepend(str(BOT))
    monkeypatch.chdir(BOT)
    from rasa.core.agent import Agent

    agent = Agent.load(str(trained_model))

    async def intents() -> list[str]:
        return [(await agent.parse_message(text))["intent"]["name"] for text in DANGER]

    assert asyncio.run(intents()) == ["immediate_danger"] * len(DANGER)
