"""Deployment files stay in step with the code (no Docker needed)."""
import os
import re

from bot.core import texts
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


def test_docs_name_every_setting_and_only_real_ones():
    """The settings table (docs/configuration.md) names every setting — in full, or as `…_SUFFIX`
    after its family — and no page names a setting that does not exist."""
    names = {f"UNIONBOT_{name.upper()}" for name in Settings.model_fields}
    table = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    full = set(re.findall(r"UNIONBOT_[A-Z_]*[A-Z]", table))
    short = set(re.findall(r"…(_[A-Z_]*[A-Z])", table))
    assert [n for n in sorted(names) if n not in full and not any(n.endswith(s) for s in short)] == []
    test_only = {"UNIONBOT_TEST_BACKEND", "UNIONBOT_TEST_SCREENSHOTS"}
    for page in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]:
        named = set(re.findall(r"UNIONBOT_[A-Z_]*[A-Z]", page.read_text(encoding="utf-8")))
        assert named - names - test_only == set(), page.name


def test_readme_links_to_pages_that_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(((?:docs|deploy)/[^)#]+)", readme)
    assert {"docs/members.md", "docs/configuration.md", "docs/deployment.md", "docs/quality.md",
            "docs/architecture.md"} <= set(links)
    assert all((ROOT / link).exists() for link in links), links
    for page in (ROOT / "docs").glob("*.md"):  # pictures and pages a docs page points to
        for link in re.findall(r"\]\(([^)#:]+)\)", page.read_text(encoding="utf-8")):
            assert (page.parent / link).exists() or (ROOT / link).exists(), (page.name, link)


def test_the_suite_never_reads_the_operators_settings(cli, tmp_path, monkeypatch):
    """R26 #2: a `.env` in the working directory (where README tells operators to put theirs)
    naming a production database and model server is not read by the suite's own runs: `list`
    reads the test's store, and no UNIONBOT_* variable of the operator's shell is left."""
    from bot.settings import get_settings

    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("UNIONBOT_DATABASE_URL=postgresql://nowhere/\n"
                                   "UNIONBOT_LLM_URL=https://llm.example.org/v1\n", encoding="utf-8")
    code, out = cli("list")
    assert code == 0 and texts.CLI_EMPTY_KB in out + cli.err
    settings = get_settings()
    assert not settings.llm_url and "nowhere" not in settings.database_url
    assert settings.data_dir == tmp_path / "cli-data"
    assert not [k for k in os.environ if k.startswith("UNIONBOT_") and not k.startswith("UNIONBOT_TEST_")
                and k not in ("UNIONBOT_DATA_DIR", "UNIONBOT_MODEL_CACHE_DIR", "UNIONBOT_DATABASE_URL")]
