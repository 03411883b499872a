"""Byte-level checks before any parser sees a submission: binary data and text encodings."""

from __future__ import annotations

import re
from typing import Final

from aiact_kg.submission.errors import CheckError, line_and_column
from aiact_kg.submission.formats import ACCEPTED_DESCRIPTION

UTF8_BOM: Final = b"\xef\xbb\xbf"

# magic number -> (what it is, whether it is compressed)
_MAGIC: Final[tuple[tuple[bytes, str, bool], ...]] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image", False),
    (b"\xff\xd8\xff", "a JPEG image", False),
    (b"GIF87a", "a GIF image", False),
    (b"GIF89a", "a GIF image", False),
    (b"%PDF-", "a PDF document", False),
    (b"\x7fELF", "an executable program", False),
    (b"\x1f\x8b", "gzip-compressed data", True),
    (b"PK\x03\x04", "a ZIP archive (or an office document)", True),
    (b"\xfd7zXZ\x00", "xz-compressed data", True),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data", True),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", True),
    *((b"BZh" + bytes([digit]), "bzip2-compressed data", True) for digit in b"123456789"),
)

_BOMS: Final = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)

_MAGIC_STARTS: Final = tuple(magic for magic, _, _ in _MAGIC)

# control characters no RDF text contains (tab, line feed, carriage return and form feed may)
_CONTROL: Final = re.compile(rb"[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_SNIFF_BYTES: Final = 4096

_RESAVE = "RDF submissions must be UTF-8 text; save the file as UTF-8 and try again."


def check_text(data: bytes) -> bytes:
    """Return ``data`` without a UTF-8 byte order mark, or raise :class:`CheckError`.

    Rejects known binary and compressed formats, UTF-16/UTF-32, NUL bytes, bytes that are not
    UTF-8 (naming the byte offset, line and column) and documents with nothing but whitespace.
    """
    for magic, what, compressed in _MAGIC if data.startswith(_MAGIC_STARTS) else ():
        if data.startswith(magic):
            if compressed:
                raise CheckError(
                    f"the input looks compressed or archived ({what}), not RDF text. "
                    f"Decompress it and submit the RDF file itself: {ACCEPTED_DESCRIPTION}."
                )
            raise CheckError(
                f"the input looks like {what}, not RDF text. "
                f"Submit an RDF document: {ACCEPTED_DESCRIPTION}."
            )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            raise CheckError(
                f"the input is {encoding} text (it starts with a {encoding} byte order mark). "
                + _RESAVE
            )
    skipped = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    data = data[skipped:]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        raise CheckError(
            f"there is a NUL byte at byte offset {nul + skipped}, so the input looks like "
            f"binary data (or UTF-16/UTF-32 text without a byte order mark), not RDF text. "
            f"Submit an RDF document: {ACCEPTED_DESCRIPTION}, encoded as UTF-8.",
            line=line,
            column=column,
        )
    control = _CONTROL.search(data, 0, _SNIFF_BYTES)
    if control:
        line, column = _position(data, control.start())
        raise CheckError(
            f"there is a control byte 0x{data[control.start()]:02X} at byte offset "
            f"{control.start() + skipped}, so the input looks like binary data, not RDF text. "
            f"Submit an RDF document: {ACCEPTED_DESCRIPTION}, encoded as UTF-8.",
            line=line,
            column=column,
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        raise CheckError(
            f"byte 0x{data[error.start]:02X} at byte offset {error.start + skipped} "
            "is not valid UTF-8 "
            f"(the file may be Latin-1 or Windows-1252 encoded). " + _RESAVE,
            line=line,
            column=column,
        ) from None
    if not data.strip():
        raise CheckError(
            "the input is empty (or only whitespace) and contains no RDF. Submit a description "
            "of your AI system or model with at least one statement."
        )
    return data


def text_problem(data: bytes) -> str | None:
    """What keeps ``data`` (a query or update) from being UTF-8 text without NUL characters,
    with the byte offset, line and column; None if nothing does."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        return (
            f"byte 0x{data[error.start]:02X} at byte offset {error.start} (line {line}, "
            f"column {column}) is not valid UTF-8: save the text as UTF-8"
        )
    nul = text.find("\x00")
    if nul >= 0:
        line, column = line_and_column(text, nul)
        return f"there is a NUL character at line {line}, column {column}: remove it"
    return None


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column of a byte offset, counting the valid UTF-8 before it as characters."""
    prefix = data[:offset].decode("utf-8", errors="replace")
    return line_and_column(prefix, len(prefix))
