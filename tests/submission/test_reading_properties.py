"""Property tests: whatever bytes arrive, reading returns a document or an InputFormatError."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiact_kg.submission import InputDocument, InputFormatError, read_rdf_bytes, read_stdin
from tests.submission.test_reading import GOOD

NAMES = ["x.ttl", "x.nt", "x.nq", "x.trig", "x.rdf", "x.jsonld", "x.json", "x.owl", "x", "x.bin"]
VALID = {name: text.encode("utf-8") for name, text in GOOD.items()}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _outcome(data: bytes, name: str) -> InputDocument | InputFormatError:
    try:
        return read_rdf_bytes(data, name=name, max_bytes=64 * 1024)
    except InputFormatError as error:
        return error


def _read(data: bytes, name: str) -> None:
    result = _outcome(data, name)
    if isinstance(result, InputFormatError):
        assert str(result).startswith(name)
        assert result.exit_code == 2
        assert "\n" not in str(result)
    else:
        assert result.quads


@SETTINGS
@given(data=st.binary(max_size=2048), name=st.sampled_from(NAMES))
def test_random_bytes(data: bytes, name: str) -> None:
    _read(data, name)


@SETTINGS
@given(data=st.binary(max_size=512))
def test_random_bytes_on_stdin(data: bytes) -> None:
    result: InputDocument | InputFormatError
    try:
        result = read_stdin(io.BytesIO(data), max_bytes=1024)
    except InputFormatError as error:
        result = error
    assert result.name == "<stdin>"


@st.composite
def _mutated(draw: st.DrawFn) -> tuple[bytes, str]:
    name = draw(st.sampled_from(sorted(VALID)))
    data = bytearray(VALID[name])
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "duplicate"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "truncate":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(
                st.one_of(
                    st.binary(min_size=1, max_size=8),
                    st.sampled_from(
                        [
                            b"<",
                            b">",
                            b'"',
                            b"{",
                            b"}",
                            b"[",
                            b"]",
                            b"<!DOCTYPE x>",
                            b"&lt;",
                            b"\\u0000",
                            b'"@context": "http://x/",',
                            b"\xef\xbb\xbf",
                            b"\r\n",
                        ]
                    ),
                )
            )
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 64))]
    return bytes(data), name


@SETTINGS
@given(_mutated())
def test_mutated_valid_documents(case: tuple[bytes, str]) -> None:
    data, name = case
    _read(data, name)


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=8)
    | st.sampled_from(["@id", "@type", "http://e/p", "https://w3id.org/aiact-kg/context.jsonld"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "@context",
                    "@id",
                    "@type",
                    "@graph",
                    "@value",
                    "@list",
                    "@import",
                    "@base",
                    "@vocab",
                    "http://e/p",
                    "ex:p",
                    "p",
                ]
            ),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@SETTINGS
@given(_JSON)
def test_random_json_ld_structures(value: object) -> None:
    _read(json.dumps(value).encode("utf-8"), "x.jsonld")
