"""Safe reading of user-submitted RDF (files, directories, stdin); see :mod:`.reading`."""

from __future__ import annotations

from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.formats import ACCEPTED_EXTENSIONS, detect_format
from aiact_kg.submission.reading import (
    DEFAULT_MAX_BYTES,
    InputDocument,
    InputSource,
    expand_inputs,
    read_inputs,
    read_rdf_bytes,
    read_rdf_file,
    read_stdin,
)

__all__ = [
    "ACCEPTED_EXTENSIONS",
    "DEFAULT_MAX_BYTES",
    "InputDocument",
    "InputFormatError",
    "InputSource",
    "detect_format",
    "expand_inputs",
    "read_inputs",
    "read_rdf_bytes",
    "read_rdf_file",
    "read_stdin",
]
