"""Reasoners over the knowledge base."""
