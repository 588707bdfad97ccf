"""Bytes to text: refuse binaries, read UTF-8, fall back to Windows-1252 with a warning."""

from __future__ import annotations

import codecs

_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (docx/xlsx/epub?)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x7fELF": "an executable",
    b"\x1f\x8b": "a gzip archive",
    b"SQLite format 3\x00": "a SQLite database",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}


class ReadError(Exception):
    """A file or record that cannot become an article; the message says why."""


def decode(data: bytes) -> tuple[str, list[str]]:
    """Return the text and any warnings; raise ReadError for empty or binary input."""
    if not data.strip():
        raise ReadError("empty file")
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise ReadError(f"binary file ({kind}), not text")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), ["read as UTF-16 (byte order mark found)"]
        except UnicodeDecodeError as exc:
            raise ReadError(f"broken UTF-16 text ({exc.reason})") from None
    head = data[:8192]
    if b"\x00" in head:
        raise ReadError("binary file (contains NUL bytes), not text")
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(head) * 0.3:
        raise ReadError("binary file (mostly control bytes), not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        warning = (
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "read as Windows-1252"
        )
        return text, [warning]
