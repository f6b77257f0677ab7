"""Settings from the environment. Development runs on embedded defaults; production refuses them."""

import ipaddress
from functools import lru_cache
from typing import Literal

from pydantic import field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SECRET = "development-only-secret-change-me"  # noqa: S105 - refused in production below


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_ignore_empty=True, extra="ignore")

    environment: Literal["development", "production"] = "development"
    database_url: str = "sqlite:///./var/service.db"
    secret_key: str = DEVELOPMENT_SECRET
    nation: Literal["ENG", "WLS", "SCT", "NIR"] = "ENG"  # whose bank holidays count as non-working days
    threshold_document: str | None = None
    # Notifications go out through the outbox when an SMTP server is configured.
    smtp_host: str | None = None
    smtp_port: int = 25
    mail_from: str = "front-door@localhost"
    mash_inbox: str = "mash@localhost"
    # The largest referral the contract allows (20 children, 20,000-character concern...) is well under this.
    max_body_bytes: int = 1024 * 1024
    # Throttle counts (failed sign-ins, filings) are shared by every API process through Redis when set.
    redis_url: str | None = None
    # New referrals per client address in a sliding window; 0 turns the limit off. Trusted internal
    # callers (the action server filing for the chat, which has no address of its own to give) are exempt.
    filing_limit: int = 30
    filing_window_seconds: int = 600
    filing_limit_exempt: list[str] = ["127.0.0.0/8", "::1/128"]
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    @field_validator("filing_limit_exempt")
    @classmethod
    def networks(cls, value: list[str]) -> list[str]:
        for network in value:
            ipaddress.ip_network(network)  # a ValueError names the entry that is not a network
        return value

    @model_validator(mode="after")
    def refuse_default_secrets_in_production(self) -> "Settings":
        if self.environment == "production":
            if self.secret_key == DEVELOPMENT_SECRET or len(self.secret_key) < 32:
                raise ValueError("SECRET_KEY must be set to a random value of at least 32 characters in production")
            if self.database_url.startswith("sqlite"):
                raise ValueError("DATABASE_URL must point to PostgreSQL in production")
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
