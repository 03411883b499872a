"""aiact-kg: a knowledge graph and legal-reasoning backend for the EU AI Act."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("aiact-kg")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
