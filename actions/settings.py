"""Action-server settings, read once from the environment."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseSettings  # rasa-sdk pins pydantic 1


class Settings(BaseSettings):
    api_base_url: str = "http://127.0.0.1:8000"
    api_timeout_seconds: float = 10.0
    # The bot stops asking after this many questions and gives its advice: the goal is 5 or fewer.
    max_questions: int = 5

    class Config:
        env_prefix = ""


@lru_cache
def get_settings() -> Settings:
    return Settings()
