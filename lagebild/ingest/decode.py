"""Bytes to text: UTF-8 first, legacy Windows/Latin-1 files second, binary files refused."""

from __future__ import annotations

from dataclasses import dataclass

#: how much of the start of a file the binary check looks at
SNIFF_BYTES = 8192
#: more control characters than this share of the sample means the file is not text
MAX_CONTROL_RATIO = 0.05
#: more undecodable bytes than this share of the text means the file is not usable text
MAX_REPLACEMENT_RATIO = 0.02

_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Text decoded from bytes, with a note when the decoding was not plain UTF-8."""

    text: str
    note: str = ""


class NotTextError(ValueError):
    """The bytes are not text (binary data or hopelessly undecodable); the message says why."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first kilobytes: a binary file."""
    sample = data[:SNIFF_BYTES]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(sample) > MAX_CONTROL_RATIO


def decode_bytes(data: bytes) -> DecodedText:
    """Decode the bytes of a text file; raises NotTextError for binary or unusable data."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return DecodedText(data[len(bom) :].decode(codec))
            except UnicodeDecodeError as exc:
                raise NotTextError(f"invalid {codec} after its byte-order mark") from exc
    if looks_binary(data):
        raise NotTextError("binary file, not text")
    try:
        return DecodedText(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    good_non_ascii = sum(1 for ch in replaced if ord(ch) > 127) - bad
    if good_non_ascii > bad:
        # mostly UTF-8 with a few broken bytes: keep the UTF-8 reading
        if bad / max(len(replaced), 1) > MAX_REPLACEMENT_RATIO:
            raise NotTextError(f"{bad} bytes are not valid UTF-8")
        return DecodedText(replaced, f"{bad} invalid UTF-8 bytes replaced by U+FFFD")
    try:
        return DecodedText(data.decode("cp1252"), "not UTF-8, decoded as Windows-1252")
    except UnicodeDecodeError:
        return DecodedText(data.decode("latin-1"), "not UTF-8, decoded as Latin-1")
