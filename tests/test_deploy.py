"""Deployment files stay in step with the code (no Docker needed)."""
import re

from bot.settings import Settings
from tests.helpers import ROOT

DEPLOY = ROOT / "deploy"


def test_env_example_documents_every_setting():
    documented = set(re.findall(r"^#?(UNIONBOT_[A-Z_]+)=", (DEPLOY / ".env.example").read_text(), re.M))
    expected = {f"UNIONBOT_{name.upper()}" for name in Settings.model_fields}
    assert documented == expected


def test_container_and_service_run_the_server():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert "USER unionbot" in dockerfile and 'CMD ["unionbot", "serve"]' in dockerfile
    assert "constraints/torch-cpu.txt" in dockerfile and (ROOT / "constraints" / "torch-cpu.txt").exists()
    for src in re.findall(r"^COPY (\S+) ", dockerfile, re.M):
        assert (ROOT / src).exists(), src
    import yaml

    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    service = compose["services"]["unionbot"]
    assert (DEPLOY / service["build"]["context"] / service["build"]["dockerfile"]).resolve() == DEPLOY / "Dockerfile"
    assert service["environment"]["UNIONBOT_DATA_DIR"] == "/data"
    assert any(v.startswith("unionbot-data:/data") for v in service["volumes"]) and "unionbot-data" in compose["volumes"]
    assert service["env_file"] == [".env"] and service["ports"] == ["127.0.0.1:8080:8080"]
    unit = (DEPLOY / "unionbot.service").read_text()
    assert "ExecStart=/opt/unionbot/.venv/bin/unionbot serve" in unit and "KillSignal=SIGTERM" in unit


def test_scale_out_compose_runs_two_workers_on_postgresql_behind_a_proxy():
    import yaml

    compose = yaml.safe_load((DEPLOY / "docker-compose.scale.yml").read_text())
    services = compose["services"]
    workers = [n for n, s in services.items() if s.get("image") == "unionbot:latest"]
    assert len(workers) == 2 and services["db"]["image"].startswith("postgres:15")
    for name in workers:
        env = services[name]["environment"]
        assert env["UNIONBOT_DATABASE_URL"].startswith("postgresql://") and "@db/" in env["UNIONBOT_DATABASE_URL"]
        assert services[name]["depends_on"]["db"]["condition"] == "service_healthy"
        assert services[name]["volumes"][0].endswith(":/data")  # its own index, not shared
    subnet = compose["networks"]["internal"]["ipam"]["config"][0]["subnet"]
    assert services[workers[0]]["environment"]["UNIONBOT_TRUSTED_PROXIES"] == subnet  # the proxy's XFF is believed
    caddy = (DEPLOY / "Caddyfile").read_text()
    assert all(f"{name}:8080" in caddy for name in workers) and "health_uri /healthz" in caddy
