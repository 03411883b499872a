"""The ``aiact-kg`` command line: a thin layer over the library, one module a group of commands.

:mod:`aiact_kg.cli.app` assembles the parser and runs a command; each other module adds its
commands' arguments and says which function runs them.
"""

from aiact_kg.cli.app import build_parser, main

__all__ = ["build_parser", "main"]
