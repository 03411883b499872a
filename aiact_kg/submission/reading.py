"""Read user-submitted RDF safely: files, directories and stdin.

Every problem becomes an :class:`InputFormatError` (exit code 2) whose message names the input
and, where known, the line and column; nothing raises another exception, hangs or touches the
network. In order, an input is checked for:

1. size: at most ``max_bytes`` (the argument, else ``$AIACT_KG_MAX_INPUT_BYTES``, else
   :data:`DEFAULT_MAX_BYTES`); a file's size is checked with ``stat`` before it is read and no
   more than ``max_bytes + 1`` bytes are ever read;
2. bytes: no binary or compressed data, UTF-8 only (a UTF-8 byte order mark is dropped), not
   empty;
3. format: by extension, else sniffed from the content (:func:`detect_format`);
4. RDF/XML: no DOCTYPE or ENTITY declarations, well-formed, nesting depth limited
   (:mod:`.xml_guard`); JSON-LD: valid JSON, nesting depth limited, no remote contexts, our
   published context inlined (:mod:`.jsonld_context`);
5. syntax: parsed by pyoxigraph, which never fetches anything (``owl:imports``, ``@base`` and
   ``@prefix`` IRIs are plain data), then at least one statement is required.

Relative IRIs resolve against ``https://w3id.org/aiact-kg/submission/<file name>/`` (the file
name percent-encoded; ``stdin`` for standard input), so ``<#system>`` in ``model.ttl`` becomes
``https://w3id.org/aiact-kg/submission/model.ttl/#system``. The IRI is stable and never fetched.
Blank nodes become IRIs of their own under ``https://w3id.org/aiact-kg/genid/`` (:mod:`.skolem`).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import BinaryIO, Final
from urllib.parse import quote

from pyoxigraph import NamedNode, Quad, RdfFormat, parse

from aiact_kg.namespaces import CHECK
from aiact_kg.submission.encoding import check_text
from aiact_kg.submission.errors import CheckError, InputFormatError, line_and_column
from aiact_kg.submission.external import map_quads
from aiact_kg.submission.findings import Finding
from aiact_kg.submission.formats import (
    ACCEPTED_DESCRIPTION,
    base_name,
    detect_format,
    format_from_name,
    format_name,
    sniff_format,
)
from aiact_kg.submission.jsonld_context import OUR_CONTEXT_IRI, DroppedKey, prepare_json_ld
from aiact_kg.submission.limits import (
    check_turtle_depth,
    expansion_budget,
    positive_setting,
    resolve_max_statements,
    statement_line,
    statements_pass_limit,
    too_expanded,
    too_many_statements,
)
from aiact_kg.submission.skolem import SKOLEM_BASE, skolemize
from aiact_kg.submission.xml_guard import check_rdf_xml, unqualified_name

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_BYTES_VARIABLE",
    "STDIN_NAME",
    "SUBMISSION_BASE",
    "InputDocument",
    "InputFormatError",
    "InputSource",
    "detect_format",
    "display_name",
    "expand_each",
    "expand_inputs",
    "read_inputs",
    "read_rdf_bytes",
    "read_rdf_file",
    "read_stdin",
    "resolve_max_bytes",
    "submission_base_iri",
]

DEFAULT_MAX_BYTES: Final = 20 * 1024 * 1024
MAX_BYTES_VARIABLE: Final = "AIACT_KG_MAX_INPUT_BYTES"
SUBMISSION_BASE: Final = "https://w3id.org/aiact-kg/submission/"
STDIN_NAME: Final = "<stdin>"

_HEAD_BYTES: Final = 64 * 1024
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_JSON_START: Final = re.compile(rb'\s*(\{\s*["}]|\[\s*[{\]"])')
_CHUNK_BYTES: Final = 1024 * 1024
_TEXT_FAMILY: Final = frozenset(
    {RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.N_TRIPLES, RdfFormat.N_QUADS}
)


@dataclass(frozen=True)
class InputDocument:
    """A submission that parsed: its name, format, statements, size and SHA-256 of its bytes.

    The statements hold no blank nodes: each is replaced by a stable IRI of its own
    (:mod:`.skolem`), so that the rules read a node written as ``[ ... ]`` like a named one.
    """

    name: str
    rdf_format: RdfFormat
    quads: tuple[Quad, ...]
    size: int
    sha256: str = ""
    # notes of the DPV/AIRO/VAIR mapping (subject IRI, finding), and the conclusions the
    # submitter stated (subject IRI, category, term as written): see :mod:`.external`
    mapping_findings: tuple[tuple[str, Finding], ...] = ()
    declared: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class InputSource:
    """One input to read: a file (``path``) or standard input (``path`` is None)."""

    name: str
    path: Path | None

    @property
    def is_stdin(self) -> bool:
        return self.path is None


def resolve_max_bytes(max_bytes: int | None = None) -> int:
    """The size limit: ``max_bytes`` if given, else ``$AIACT_KG_MAX_INPUT_BYTES``, else 20 MiB."""
    return positive_setting(max_bytes, MAX_BYTES_VARIABLE, DEFAULT_MAX_BYTES, "bytes")


def submission_base_iri(name: str) -> str:
    """The base IRI relative IRIs of the submission ``name`` resolve against."""
    if name == STDIN_NAME:
        segment = "stdin"
    else:
        segment = base_name(name)
        if segment in {"", ".", ".."}:
            segment = "input"
    return SUBMISSION_BASE + quote(segment, safe="") + "/"


def display_name(name: str) -> str:
    """``name`` as shown and used in IRIs: bytes of a non-UTF-8 file name as ``\\xNN`` escapes,
    control characters (a line break in a file name could forge a line of a report) as
    ``\\uNNNN``.

    Python keeps such bytes as lone surrogates, which cannot be written out as UTF-8.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda found: f"\\u{ord(found.group()):04x}", name)


def _human(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MiB"
    if size >= 1024:
        return f"{size / 1024:.1f} KiB"
    return f"{size} bytes"


def _too_large(name: str, limit: int, size: int | None) -> InputFormatError:
    actual = (
        f"is {size} bytes ({_human(size)})" if size is not None else f"is more than {limit} bytes"
    )
    return InputFormatError(
        name,
        f"the input {actual}, above the limit of {limit} bytes ({_human(limit)}) for one "
        f"submission. Split it into smaller files, or raise the limit by setting the "
        f"environment variable {MAX_BYTES_VARIABLE} to a larger number of bytes.",
    )


def read_rdf_bytes(
    data: bytes,
    *,
    name: str,
    rdf_format: RdfFormat | None = None,
    max_bytes: int | None = None,
    max_statements: int | None = None,
) -> InputDocument:
    """Parse one submitted document held in memory; raise :class:`InputFormatError` if bad."""
    name = display_name(name)
    limit = resolve_max_bytes(max_bytes)
    statements = resolve_max_statements(max_statements)
    if len(data) > limit:
        raise _too_large(name, limit, len(data))
    try:
        text = check_text(data)
        chosen = rdf_format or detect_format(name, text[:_HEAD_BYTES])
        try:
            quads, dropped_keys = _parse(text, chosen, name, statements)
        except CheckError as problem:
            if rdf_format is None:
                problem.reason += _extension_hint(text, chosen)
            raise
    except CheckError as problem:
        raise problem.for_input(name) from None
    if not quads:
        raise InputFormatError(
            name,
            f"the {format_name(chosen)} contains no statements (only comments, prefix or "
            "context declarations, or nothing at all). A submission must describe at least "
            "one AI system or model; add its triples and try again.",
        )
    minted = _minted_node_findings(quads, name)  # before this document's own are minted
    mapped = map_quads(skolemize(quads, name, text))
    dropped = _dropped_key_findings(dropped_keys, name)
    return InputDocument(
        name=name,
        rdf_format=chosen,
        quads=mapped.quads,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        mapping_findings=mapped.findings + dropped + minted,
        declared=mapped.declared,
    )


def _minted_node_findings(quads: Sequence[Quad], name: str) -> tuple[tuple[str, Finding], ...]:
    """A warning for each node named by an IRI the tool mints for blank nodes (``genid/``) that
    a document makes statements about: stored, they read as facts of the submission whose blank
    node it was. (Not a violation: the tool's own output, re-read, holds such IRIs.)"""
    found: dict[str, tuple[str, Finding]] = {}
    for quad in quads:
        subject = quad.subject
        if not isinstance(subject, NamedNode) or not subject.value.startswith(SKOLEM_BASE):
            continue
        if subject.value not in found:
            message = (
                f"In {name}, <{subject.value}> is the name the tool gave to a blank node of a "
                f"submission, and the description states {quad.predicate.value} about it: "
                "stored, these statements read as facts of that submission's node. Unless the "
                "document is the tool's own output read back, give the node an IRI of your "
                "own, or a blank node."
            )
            check = CHECK + "minted-node"
            finding = Finding(
                "warning", message, subject.value, quad.predicate.value, None, check, (), ()
            )
            found[subject.value] = (subject.value, finding)
    return tuple(found.values())


def _dropped_key_findings(
    keys: tuple[DroppedKey, ...], name: str
) -> tuple[tuple[str, Finding], ...]:
    """A warning, on the document, for each JSON-LD key that no context defines: JSON-LD
    processing drops it without a word, so its statements would be silently missing."""
    found = []
    for dropped in keys:
        where = f" (on the object {dropped.node!r})" if dropped.node else ""
        hint = f" Did you mean {dropped.closest!r}?" if dropped.closest else ""
        message = (
            f"In {name}, the JSON-LD key {dropped.key!r}{where} is not a term of the context, "
            f"so JSON-LD drops it and its value is not read.{hint} Use a term of "
            f"{OUR_CONTEXT_IRI}, a compact IRI (aia:...) or a full IRI."
        )
        node = dropped.node if dropped.node and "://" in dropped.node else None
        focus = node or submission_base_iri(name)
        check = CHECK + "json-ld-key"
        found.append((focus, Finding("warning", message, focus, None, dropped.key, check, (), ())))
    return tuple(found)


def _parse(
    data: bytes, rdf_format: RdfFormat, name: str, max_statements: int
) -> tuple[tuple[Quad, ...], tuple[DroppedKey, ...]]:
    """The statements of a document, and (JSON-LD) the keys no context defines."""
    positions_valid = True
    dropped: tuple[DroppedKey, ...] = ()
    if rdf_format in {RdfFormat.TURTLE, RdfFormat.TRIG}:
        check_turtle_depth(data, format_name(rdf_format))
    if rdf_format == RdfFormat.RDF_XML:
        check_rdf_xml(data)
    elif rdf_format == RdfFormat.JSON_LD:
        prepared = prepare_json_ld(data)
        data, positions_valid, dropped = prepared.data, prepared.positions_valid, prepared.dropped
    elif rdf_format not in _TEXT_FAMILY:
        raise CheckError(
            f"the format {format_name(rdf_format)} is not accepted; use {ACCEPTED_DESCRIPTION}."
        )
    try:
        base_iri = submission_base_iri(name)
        parsed = parse(input=data, format=rdf_format, base_iri=base_iri)
        quads = _bounded(parsed, format_name(rdf_format), len(data), max_statements)
        if len(quads) > max_statements:
            # located for the formats parsed line by line (a JSON-LD or RDF/XML parse of each
            # prefix costs more, and JSON-LD rewritten for its context has no file positions)
            line = None
            if rdf_format in _TEXT_FAMILY:
                line = statement_line(data, rdf_format, base_iri, max_statements)
            raise too_many_statements(format_name(rdf_format), max_statements, line)
    except CheckError:
        raise
    except SyntaxError as error:
        raise _syntax_problem(error, rdf_format, positions_valid, data) from None
    except MemoryError as error:  # pyoxigraph's cap on one token: 16 MiB (JSON-LD: ~8 MiB)
        raise CheckError(
            f"the {format_name(rdf_format)} contains a single literal or IRI too long for the "
            f"parser ({error}). Shorten it (for example, link to a long text instead of "
            "including it) and try again."
        ) from None
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as error:  # a parser panic (pyo3 PanicException) is still bad input
        raise CheckError(
            f"the {format_name(rdf_format)} could not be parsed ({type(error).__name__}: "
            f"{error}). Check the document and try again."
        ) from None
    return tuple(quads), dropped


def _bounded(parsed: Iterator[Quad], what: str, size: int, max_statements: int) -> list[Quad]:
    """The statements of a parse, stopped at one more than ``max_statements`` (never more is
    parsed; the caller refuses that many) or as soon as their terms expand beyond the budget of
    a document of ``size`` bytes (the byte and statement limits alone let a long prefix used
    many times take gigabytes)."""
    quads: list[Quad] = []
    budget, expanded = expansion_budget(size), 0
    for quad in islice(parsed, max_statements + 1):
        quads.append(quad)
        terms = (quad.subject, quad.predicate, quad.object)
        try:
            expanded += sum(len(term.value) for term in terms)  # type: ignore[union-attr,misc]
        except AttributeError:  # a triple term (RDF 1.2: quoted or annotated): not read
            raise _triple_term(what, len(quads), terms) from None
        if expanded > budget:
            longest = max((str(term) for term in terms), key=len)
            raise too_expanded(what, size, len(quads), longest)
    return quads


def _triple_term(what: str, number: int, terms: tuple[object, ...]) -> CheckError:
    statement = " ".join(str(term) for term in terms)
    if len(statement) > 300:
        statement = statement[:300] + "..."
    return CheckError(
        f"statement {number} of the {what} holds an RDF 1.2 triple term (a quoted triple "
        f"<< ... >> or an annotation {{| ... |}}): {statement}. aiact-kg reads RDF 1.1 "
        "statements only; state the fact as a plain statement and leave out the annotation."
    )


def _syntax_problem(
    error: SyntaxError, rdf_format: RdfFormat, positions_valid: bool, data: bytes
) -> CheckError:
    reason = str(error.msg or error).strip()
    if reason.startswith("Parser error") and ": " in reason:
        reason = reason.split(": ", 1)[1]
    reason = reason.rstrip(".")
    what = format_name(rdf_format)
    message = f"the {what} is malformed: {reason}. Fix the syntax and try again."
    if rdf_format in {RdfFormat.N_TRIPLES, RdfFormat.N_QUADS} and "absolute IRI" in reason:
        message += f" {what} needs absolute IRIs (relative IRIs are allowed in Turtle)."
    if not positions_valid:
        return CheckError(message)
    line = error.lineno if isinstance(error.lineno, int) else None
    column = error.offset if isinstance(error.offset, int) and line is not None else None
    if rdf_format == RdfFormat.RDF_XML and line is None:
        return _located_rdf_xml(CheckError(message), data)
    if line is not None and "dot" in reason:
        message += _missing_dot_hint(data, line, column)
    if line is not None and "integer" in reason:
        message = _language_tag_message(data, line, column) or message
    return CheckError(message, line=line, column=column)


_OPEN_LANGUAGE_TAG: Final = re.compile(r"@([A-Za-z]+(?:-[A-Za-z0-9]+)*)-(?![A-Za-z0-9])")


def _language_tag_message(data: bytes, line: int, column: int | None) -> str | None:
    """The message for a language tag ending with '-' (``"x"@en-``), which the Turtle parser reads
    as a tag and then a number without digits ("An integer should not be empty")."""
    lines = data.decode("utf-8", errors="replace").splitlines()
    if line > len(lines):
        return None
    text = lines[line - 1][: column if column is not None else None]
    found = list(_OPEN_LANGUAGE_TAG.finditer(text))
    if not found:
        return None
    tag = found[-1].group(0)[1:]
    return (
        f"the language tag '{tag}' ends with '-': a language tag is letters, then parts of "
        "letters and digits after '-' (e.g. 'en', 'de-AT'). Fix the tag and try again."
    )


def _missing_dot_hint(data: bytes, line: int, column: int | None) -> str:
    """Where a statement without its closing dot ends: the parser notices the missing dot only
    at the next statement, so the position it gives is the start of the line after."""
    lines = data.decode("utf-8", errors="replace").splitlines()
    if line <= len(lines):
        here = lines[line - 1]
        if column is not None and column > len(here) - len(here.lstrip()) + 1:
            return ""  # the problem is inside the line, not at its first token
    for number in range(min(line, len(lines) + 1) - 1, 0, -1):
        text = lines[number - 1].strip()
        if text and not text.startswith("#"):
            if text.endswith("."):
                return ""
            return f" The statement ending on line {number} may lack its closing dot."
    return ""


_BAD_IRI: Final = re.compile(r"error while parsing IRI '([^']*)'")
_BAD_LANGUAGE_TAG: Final = re.compile(r"error while parsing language tag '([^']*)'")


def _first_language_attribute(text: str, tag: str) -> int:
    """Where ``xml:lang`` is first given the value ``tag`` in ``text``, or -1."""
    found = re.search(r"xml:lang\s*=\s*([\"'])" + re.escape(tag) + r"\1", text)
    return found.start() if found else -1


def _located_rdf_xml(problem: CheckError, data: bytes) -> CheckError:
    """``problem`` with the line (and column) of its cause, where that can be found: the name
    in no namespace, or the first place the IRI it quotes is written (pyoxigraph's RDF/XML
    parser gives no position)."""
    bad_iri = _BAD_IRI.search(problem.reason)
    bad_tag = _BAD_LANGUAGE_TAG.search(problem.reason)
    if (bad_iri and bad_iri.group(1)) or bad_tag:
        text = data.decode("utf-8", errors="replace")
        index = (
            text.find(bad_iri.group(1))
            if bad_iri
            else _first_language_attribute(text, bad_tag.group(1) if bad_tag else "")
        )
        if index >= 0:
            found_line, column = line_and_column(text, index)
            return CheckError(problem.reason, line=found_line, column=column)
    found = unqualified_name(data) if "namespace" in problem.reason else None
    if found is None:
        return problem
    line, what = found
    return CheckError(
        f"the RDF/XML is malformed: {what}; RDF/XML needs every element and attribute in a "
        "namespace. Fix the syntax and try again.",
        line=line,
    )


def _extension_hint(data: bytes, rdf_format: RdfFormat) -> str:
    """A sentence to add when the content looks like another kind of format than the name says."""
    sniffed = sniff_format(data[:_HEAD_BYTES])
    if sniffed is None or _family(sniffed) == _family(rdf_format):
        return ""
    if rdf_format == RdfFormat.TRIG and _JSON_START.match(data) is None:
        return ""  # a TriG graph block starts with "{" too; JSON goes on with a key or a value
    return f" The content looks like {format_name(sniffed)}; check the file extension."


def _family(rdf_format: RdfFormat) -> str:
    return "text" if rdf_format in _TEXT_FAMILY else format_name(rdf_format)


def _read_bounded(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``stream`` (one more than allowed, to detect excess)."""
    chunks: list[bytes] = []
    remaining = limit + 1
    while remaining > 0:
        chunk = stream.read(min(_CHUNK_BYTES, remaining))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _os_problem(name: str, error: OSError) -> InputFormatError:
    if isinstance(error, FileNotFoundError):
        reason = "there is no such file or directory. Check the path and try again."
    elif isinstance(error, IsADirectoryError):
        reason = "this is a directory, not a file."
    elif isinstance(error, PermissionError):
        reason = "the file cannot be read (permission denied)."
    else:
        reason = f"the file cannot be read ({error.strerror or error})."
    return InputFormatError(name, reason)


def _not_regular(mode: int) -> str | None:
    """What a file of this mode is, if it is not a regular file (which alone may be read)."""
    if stat.S_ISREG(mode):
        return None
    kinds = (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((kind for test, kind in kinds if test(mode)), "not a regular file")


def _special_file(name: str, kind: str) -> InputFormatError:
    return InputFormatError(
        name,
        f"this is {kind}, not a regular file; only regular files are read (a pipe or device "
        "could block or never end). Save the description to a file, or pipe it to '-'.",
    )


def read_rdf_file(
    path: Path,
    *,
    rdf_format: RdfFormat | None = None,
    max_bytes: int | None = None,
    name: str | None = None,
    max_statements: int | None = None,
) -> InputDocument:
    """Read and parse one regular file; its size is checked with ``stat`` before it is read.

    FIFOs, devices and sockets are rejected without being read (they could block forever).
    """
    label = display_name(str(path) if name is None else name)
    limit = resolve_max_bytes(max_bytes)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        kind = _not_regular(info.st_mode)
        if kind is not None:
            raise _special_file(label, kind)
        if info.st_size > limit:
            raise _too_large(label, limit, info.st_size)
        # non-blocking, and checked again once open: the path may have been replaced meanwhile
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "rb") as stream:
            kind = _not_regular(os.fstat(descriptor).st_mode)
            if kind is not None:
                raise _special_file(label, kind)
            if info.st_size > DEFAULT_MAX_BYTES:  # only under a raised size limit
                _refuse_early(stream, label, rdf_format, info.st_size, max_statements)
            data = _read_bounded(stream, limit)
    except OSError as error:
        raise _os_problem(label, error) from None
    if len(data) > limit:
        raise _too_large(label, limit, None)
    return read_rdf_bytes(
        data, name=label, rdf_format=rdf_format, max_bytes=limit, max_statements=max_statements
    )


def _refuse_early(
    stream: BinaryIO,
    name: str,
    rdf_format: RdfFormat | None,
    size: int,
    max_statements: int | None,
) -> None:
    """Refuse a file above the default size limit (read under a raised one) without reading it
    whole where its first bytes show it is no UTF-8 text (binary, NUL bytes, another encoding),
    or where its statements pass the statement limit (parsed as it is read; formats read line by
    line only); leave the stream at its start otherwise."""
    head = _whole_characters(stream.read(_HEAD_BYTES))
    if head.strip():
        try:
            check_text(head)
        except CheckError as binary:
            raise binary.for_input(name) from None
    stream.seek(0)
    chosen = rdf_format or format_from_name(name)
    if chosen not in _TEXT_FAMILY:
        return
    limit = resolve_max_statements(max_statements)
    consumed = statements_pass_limit(stream, chosen, submission_base_iri(name), limit)
    if consumed is not None:
        problem = too_many_statements(format_name(chosen), limit)
        problem.reason += (
            f" (Statement {limit + 1} was reached within the first {consumed} of its {size} bytes.)"
        )
        raise problem.for_input(name)
    stream.seek(0)


def _whole_characters(head: bytes) -> bytes:
    """``head`` without a UTF-8 character its end cuts in two."""
    cut = len(head)
    while cut > 0 and head[cut - 1] & 0xC0 == 0x80:  # continuation bytes
        cut -= 1
    if cut > 0 and head[cut - 1] >= 0xC0:  # the lead byte of the last character
        cut -= 1
    return head[:cut] if cut < len(head) and len(head) - cut < 4 else head


def read_stdin(
    stream: BinaryIO | None,
    *,
    rdf_format: RdfFormat | None = None,
    max_bytes: int | None = None,
    max_statements: int | None = None,
) -> InputDocument:
    """Read and parse standard input (reads at most ``max_bytes + 1`` bytes).

    ``stream`` is None when the process has no standard input (it was closed).
    """
    limit = resolve_max_bytes(max_bytes)
    closed = InputFormatError(
        STDIN_NAME,
        "standard input is closed, so '-' has nothing to read. Pipe or redirect the "
        "description into aiact-kg (e.g. '< system.ttl'), or give a file name instead of '-'.",
    )
    if stream is None or getattr(stream, "closed", False):
        raise closed
    try:
        data = _read_bounded(stream, limit)
    except ValueError:  # reading a closed stream
        raise closed from None
    except OSError as error:
        raise InputFormatError(
            STDIN_NAME, f"standard input cannot be read ({error.strerror or error})."
        ) from None
    if len(data) > limit:
        raise _too_large(STDIN_NAME, limit, None)
    return read_rdf_bytes(
        data, name=STDIN_NAME, rdf_format=rdf_format, max_bytes=limit, max_statements=max_statements
    )


def _standard_input() -> BinaryIO | None:
    """``sys.stdin.buffer``, or None if the process has no standard input."""
    stream = sys.stdin
    if stream is None:
        return None
    buffer = getattr(stream, "buffer", None)
    return buffer if buffer is not None else None


def _walk(directory: Path, name: str) -> list[InputSource]:
    def fail(error: OSError) -> None:
        where = display_name(str(error.filename or name))
        if isinstance(error, PermissionError):  # no file of the directory is read: say so
            raise InputFormatError(
                where,
                f"the directory cannot be read (permission denied), so no file under "
                f"{display_name(name)} was read. Make it readable, or give the files to read.",
            )
        raise _os_problem(where, error)

    # plain strings, not Path objects, per file: a directory may hold a million files
    top = str(directory)
    found: list[tuple[tuple[str, ...], str]] = []
    skipped: list[str] = []
    linked: list[str] = []  # symbolic links to directories: not followed (a link may loop)
    for root, dirs, files in os.walk(top, onerror=fail):
        inner = os.path.relpath(root, top)
        parts = () if inner == os.curdir else tuple(inner.split(os.sep))
        visible = sorted(d for d in dirs if not d.startswith("."))
        links = {d for d in visible if os.path.islink(os.path.join(root, d))}
        linked.extend(os.path.join(*parts, d) for d in visible if d in links)
        dirs[:] = [d for d in visible if d not in links]
        for file in files:
            if file.startswith("."):
                continue
            if format_from_name(file) is None:
                skipped.append(os.path.join(*parts, file))
                continue
            found.append(((*parts, file), os.path.join(root, file)))
    if not found:
        raise InputFormatError(
            display_name(name),
            "the directory contains no RDF files (hidden files are skipped"
            + (f"; {_links_not_followed(linked)}" if linked else "")
            + f"; accepted: {ACCEPTED_DESCRIPTION}).",
        )
    if skipped:
        _note_skipped(display_name(name), sorted(skipped))
    if linked:
        sys.stderr.write(f"aiact-kg: note: {display_name(name)}: {_links_not_followed(linked)}.\n")
    found.sort()
    base = str(Path(name))
    return [
        InputSource(name=display_name(_joined(base, parts)), path=Path(path))
        for parts, path in found
    ]


def _links_not_followed(links: list[str]) -> str:
    shown = ", ".join(links[:5]) + (f" and {len(links) - 5} more" if len(links) > 5 else "")
    return (
        f"{len(links)} symbolic link(s) to a directory not followed: {shown} (give the "
        "linked directory itself to read it)"
    )


def _note_skipped(directory: str, files: list[str]) -> None:
    """Say on standard error which files of a directory were not read (not silently: a
    description saved as ``system.n3`` or ``system.ttl.txt`` would otherwise go missing)."""
    shown = ", ".join(files[:5]) + (f" and {len(files) - 5} more" if len(files) > 5 else "")
    sys.stderr.write(
        f"aiact-kg: note: {directory}: {len(files)} file(s) not read, their extension is not "
        f"an RDF format: {shown} (accepted: {ACCEPTED_DESCRIPTION}).\n"
    )


def _joined(base: str, parts: tuple[str, ...]) -> str:
    """``str(Path(base) / Path(*parts))`` for a normalised ``base`` and plain file names."""
    if base == os.curdir:
        return os.sep.join(parts)
    return base + os.sep.join(parts) if base.endswith(os.sep) else os.sep.join((base, *parts))


def expand_inputs(arguments: Sequence[str]) -> list[InputSource]:
    """Turn command-line arguments into sources: files, directories (recursively) and ``-``.

    A directory contributes its RDF files (by extension, see :data:`ACCEPTED_EXTENSIONS`),
    sorted, hidden files and directories skipped, symbolic links to directories not followed.
    Raises :class:`InputFormatError` for a missing path, an empty directory or ``-`` twice.
    """
    sources: list[InputSource] = []
    stdin_seen = False
    for argument in arguments:
        if argument == "-":
            if stdin_seen:
                raise InputFormatError(
                    STDIN_NAME, "standard input ('-') can be read only once; give '-' once."
                )
            stdin_seen = True
            sources.append(InputSource(name=STDIN_NAME, path=None))
            continue
        path = Path(argument)
        if path.is_dir():
            sources.extend(_walk(path, argument))
        elif path.exists() or path.is_symlink():
            sources.append(InputSource(name=display_name(argument), path=path))
        else:
            raise InputFormatError(
                display_name(argument),
                "there is no such file or directory. Check the path and try again.",
            )
    return sources


class SameFileNames:
    """One name per file: a file given again under another path (``/abs/a.ttl`` and ``a.ttl``,
    a symbolic link, a hard link) gets the name it was first given, so that it is one document
    (its blank nodes get the same IRIs, :func:`.skolem.document_key`) and not two documents
    whose blank-node parties and events count twice (an outside check found the provider's
    duties of a rebranding importer lost that way)."""

    def __init__(self) -> None:
        self._names: dict[tuple[int, int], str] = {}

    def source(self, source: InputSource) -> InputSource:
        """``source``, renamed to the first name of the same file if it was seen before."""
        if source.path is None:
            return source
        try:
            status = source.path.stat()
        except OSError:  # reading it will say what is wrong
            return source
        first = self._names.setdefault((status.st_dev, status.st_ino), source.name)
        return source if first == source.name else InputSource(name=first, path=source.path)


def expand_each(arguments: Sequence[str]) -> list[list[InputSource] | InputFormatError]:
    """The sources of each argument (:func:`expand_inputs`), or the error that argument makes."""
    expanded: list[list[InputSource] | InputFormatError] = []
    stdin_seen = False
    names = SameFileNames()
    for argument in arguments:
        try:
            if argument == "-" and stdin_seen:
                raise InputFormatError(
                    STDIN_NAME, "standard input ('-') can be read only once; give '-' once."
                )
            expanded.append([names.source(source) for source in expand_inputs([argument])])
        except InputFormatError as error:
            expanded.append(error)
            continue
        stdin_seen = stdin_seen or argument == "-"
    return expanded


def read_inputs(
    arguments: Sequence[str],
    *,
    max_bytes: int | None = None,
    stdin: BinaryIO | None = None,
    expanded: Sequence[list[InputSource] | InputFormatError] | None = None,
) -> Iterator[InputDocument | InputFormatError]:
    """Read every input named by ``arguments``, one result per source, errors yielded.

    Documents are read one at a time, as the iterator advances. ``stdin`` defaults to
    ``sys.stdin.buffer``. ``expanded``: the arguments already expanded by :func:`expand_each`
    (then ``arguments`` is not read again). Raises :class:`InputError` only for an invalid
    size-limit setting.
    """
    limit = resolve_max_bytes(max_bytes)
    for sources in expand_each(arguments) if expanded is None else expanded:
        if isinstance(sources, InputFormatError):
            yield sources
            continue
        for source in sources:
            result: InputDocument | InputFormatError
            try:
                if source.path is None:
                    result = read_stdin(stdin or _standard_input(), max_bytes=limit)
                else:
                    result = read_rdf_file(source.path, max_bytes=limit, name=source.name)
            except InputFormatError as error:
                result = error
            yield result
