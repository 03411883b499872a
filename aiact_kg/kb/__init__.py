"""Building and opening the knowledge base."""

from aiact_kg.kb.build import BuildReport, build_knowledge_base, load_knowledge_base
from aiact_kg.kb.open import open_knowledge_base

__all__ = ["BuildReport", "build_knowledge_base", "load_knowledge_base", "open_knowledge_base"]
