"""Static checks of the production shape: there is no docker engine on these machines, so the files are
checked for what would otherwise only fail in production."""

import re
from pathlib import Path

import pytest
import yaml

DOCKER = Path(__file__).resolve().parents[2] / "docker"
COMPOSE = yaml.safe_load((DOCKER / "compose.yml").read_text())
DOCKERFILES = sorted(DOCKER.glob("*.Dockerfile"))


def dockerfile_of(service: dict) -> Path | None:
    build = service.get("build")
    return DOCKER.parent / build["dockerfile"] if build else None


def test_the_shape_has_postgres_redis_two_rasa_two_api_and_a_proxy():
    services = COMPOSE["services"]
    assert {"postgres", "redis", "actions", "proxy"} <= set(services)
    # The retention job is built from the bot image but runs the purge, not a Rasa server; likewise the
    # migrate one-shot from the API image.
    rasa_servers = [
        s for s in services.values() if dockerfile_of(s) == DOCKER / "bot.Dockerfile" and "command" not in s
    ]
    assert len(rasa_servers) == 2
    api_replicas = [
        s for s in services.values() if dockerfile_of(s) == DOCKER / "api.Dockerfile" and "command" not in s
    ]
    assert len(api_replicas) == 2


@pytest.mark.parametrize("name", sorted(COMPOSE["services"]))
def test_every_service_has_a_health_check(name):
    service = COMPOSE["services"][name]
    dockerfile = dockerfile_of(service)
    assert "healthcheck" in service or (dockerfile and "HEALTHCHECK" in dockerfile.read_text()), name


@pytest.mark.parametrize("path", DOCKERFILES, ids=lambda p: p.name)
def test_images_run_as_a_non_root_user_from_a_pinned_base(path):
    lines = [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]
    base = next(line for line in lines if line.startswith("FROM "))
    assert re.fullmatch(r"FROM [a-z0-9./-]+:\d+(\.\d+)+[a-z0-9.-]*", base), base
    users = [line for line in lines if line.startswith("USER ")]
    assert users and users[-1] not in ("USER root", "USER 0"), path.name
    assert lines.index(users[-1]) < next(i for i, line in enumerate(lines) if line.startswith("CMD"))


def test_public_images_are_pinned_not_latest():
    for name, service in COMPOSE["services"].items():
        image = service.get("image")
        if image:
            assert re.fullmatch(r"[a-z0-9./-]+:\d+(\.\d+)+[a-z0-9.-]*", image), (name, image)


def test_secrets_come_from_the_environment_and_are_required():
    text = (DOCKER / "compose.yml").read_text()
    for variable in re.findall(r"\$\{([A-Z_]+)[^}]*\}", text):
        if re.search(r"PASSWORD|SECRET|KEY", variable):
            assert re.search(r"\$\{" + variable + r":\?", text), f"{variable} must be required with :?"
    assert not re.search(r"(PASSWORD|SECRET_KEY):\s*['\"]?[A-Za-z0-9]{6,}['\"]?\s*$", text, re.M)


def test_only_the_proxy_is_published_and_the_rest_is_on_an_internal_network():
    assert COMPOSE["networks"]["private"].get("internal") is True
    published = [name for name, service in COMPOSE["services"].items() if service.get("ports")]
    assert published == ["proxy"]


def test_rasa_replicas_share_a_sql_tracker_store_and_a_redis_lock_store():
    endpoints = yaml.safe_load((DOCKER / "rasa" / "endpoints.yml").read_text())
    assert endpoints["tracker_store"]["type"] == "SQL"
    assert endpoints["tracker_store"]["dialect"] == "postgresql"
    assert endpoints["lock_store"]["type"] == "redis"


def test_api_replicas_share_throttles_and_exempt_only_the_action_server():
    services = COMPOSE["services"]
    actions_address = services["actions"]["networks"]["private"]["ipv4_address"]
    for name in ("api-1", "api-2"):
        environment = services[name]["environment"]
        assert environment["REDIS_URL"].startswith("redis://") and "@redis:6379/" in environment["REDIS_URL"]
        assert yaml.safe_load(environment["FILING_LIMIT_EXEMPT"]) == [f"{actions_address}/32"]
        assert "redis" in services[name]["depends_on"]
    subnet = COMPOSE["networks"]["private"]["ipam"]["config"][0]["subnet"]
    assert actions_address.rsplit(".", 1)[0] == subnet.split("/")[0].rsplit(".", 1)[0]


def test_conversations_are_purged_daily_from_the_rasa_database():
    retention = COMPOSE["services"]["conversation-retention"]
    assert dockerfile_of(retention) == DOCKER / "bot.Dockerfile"
    assert "python -m bot.retention" in " ".join(retention["command"])
    assert {"RASA_DB_HOST", "RASA_DB_NAME", "RASA_DB_USER", "RASA_DB_PASSWORD"} <= set(retention["environment"])
    assert (DOCKER.parent / "bot" / "retention.py").exists()
