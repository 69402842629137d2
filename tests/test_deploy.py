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
