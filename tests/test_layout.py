"""The code's shape, checked over the AST (every import, inside functions and type-only ones
too): layers `bot → retrieval → knowledge` with no way back, no import cycles, the bot through
retrieval's two doors only, retrieval's rooms in pipeline order; and a built wheel carries the
fitted models."""
from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import retrieval

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("bot", "retrieval", "knowledge")  # each may import only those after it
BOT_DOORS = {"retrieval.api", "retrieval.service", "retrieval.config"}
FITTED = [("retrieval.answering", "decision.json"), ("retrieval.conversation", "continuation.json"),
          ("retrieval.hoidap", "faq_match.json"), ("retrieval.hoidap", "own_case.json")]


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module → the project modules it imports (`from pkg import mod` counts as `pkg.mod` when
    that is a module)."""
    files = {_module(p): p for layer in LAYERS for p in (ROOT / layer).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for mod, path in files.items():
        package = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
        out = graph.setdefault(mod, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, *([node.module] if node.module else [])])
                names = [f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names]
            else:
                continue
            out.update(n for n in names if n.split(".")[0] in LAYERS and n != mod)
    return graph


def test_layers_point_one_way_and_the_bot_uses_two_doors():
    for mod, deps in import_graph().items():
        layer = LAYERS.index(mod.split(".")[0])
        for dep in deps:
            assert LAYERS.index(dep.split(".")[0]) >= layer, f"{mod} imports {dep}: against bot → retrieval → knowledge"
            if mod.startswith("bot") and dep.startswith("retrieval"):
                assert dep in BOT_DOORS, f"{mod} imports {dep}: the bot uses retrieval.api / retrieval.service only"


def test_retrieval_rooms_import_only_earlier_rooms():
    rooms = retrieval.ROOMS
    assert set(rooms) == {p.name for p in (ROOT / "retrieval").iterdir() if (p / "__init__.py").exists()}
    for mod, deps in import_graph().items():
        parts = mod.split(".")
        if parts[0] != "retrieval" or len(parts) < 2 or parts[1] not in rooms:
            continue
        for dep in deps:
            dparts = dep.split(".")
            if dparts[0] != "retrieval":
                continue
            assert len(dparts) > 1 and dparts[1] in (*rooms, "config", "params"), f"{mod} imports {dep}: a door, not a room"
            if dparts[1] in rooms:
                assert rooms.index(dparts[1]) <= rooms.index(parts[1]), f"{mod} imports {dep}: a later room"
    for room in rooms:  # each room says what it owns and what it may import
        doc = ast.get_docstring(ast.parse((ROOT / "retrieval" / room / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "import" in doc.lower(), room


def test_no_import_cycles():
    graph = import_graph()
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                raise AssertionError("import cycle: " + " → ".join([*path[path.index(dep):], dep]))
            if dep not in state:
                visit(dep, [*path, dep])
        state[node] = 2

    for mod in sorted(graph):
        if mod not in state:
            visit(mod, [mod])


def test_the_wheel_ships_all_three_fitted_models(tmp_path):
    """`pip install .` (the Docker image does it) must carry decision, continuation and hỏi đáp models:
    without them the bot silently falls back to hand-set rules."""
    src = tmp_path / "src"  # a clean copy: no build/ left over from an earlier run can slip into the wheel
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", ".venv", "data", "build", "*.egg-info",
                                                             "__pycache__", ".pytest_cache", ".cache"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w",
                    str(tmp_path / "dist"), str(src)], check=True, cwd=tmp_path)
    wheel = next((tmp_path / "dist").glob("unionbot-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps", str(wheel)],
                   check=True, cwd=tmp_path)
    # The throw-away venv has only the wheel; numpy is borrowed from ours (appended, so the
    # wheel's own packages win), and nothing of the checkout is on the path.
    numpy_dir = Path(__import__("numpy").__file__).parents[1]
    check = ("import json, sys, retrieval\n"
             "from importlib.resources import files\n"
             f"sys.path.append({str(numpy_dir)!r})\n"
             "from retrieval.fitting.logistic import load_model\n"
             f"assert retrieval.__file__.startswith({str(env_dir)!r}), retrieval.__file__\n"
             "out = {}\n"
             f"for pkg, name in {FITTED!r}:\n"
             "    m = load_model(files(pkg) / name)\n"
             "    out[name] = (m.features, m.threshold)\n"
             "from retrieval.index.restore import general\n"  # and the general syllable counts
             "out['vi_syllables.tsv'] = len(general().shares), len(general().pairs)\n"
             "print(json.dumps(out))\n")
    res = subprocess.run([str(py), "-c", check], capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    loaded = json.loads(res.stdout)
    syllables, pairs = loaded.pop("vi_syllables.tsv")
    assert syllables > 2000 and pairs > 10000
    assert set(loaded) == {name for _, name in FITTED}
    for name, (features, threshold) in loaded.items():
        assert features and 0 < threshold < 1, name
