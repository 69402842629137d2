"""The sample knowledge base shipped with the package: the seed article."""
from importlib.resources import files
from pathlib import Path


def sample_dir() -> Path:
    return Path(str(files(__name__)))
