"""Reading files into article drafts: formats, cleaning, metadata, page furniture.

`read_paths` walks files and folders and yields, in a stable order, one outcome per article
or per problem, so a caller can store the good articles and report every bad one by path.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from casefile.datetext import parse_date
from casefile.ingest.decode import ReadError
from casefile.ingest.furniture import find_furniture, furniture_lines
from casefile.ingest.metadata import (
    Lines,
    outlet_from_fields,
    outlet_from_text,
    published_from_text,
    title_from_text,
)
from casefile.ingest.readers import READERS, RawRecord, RecordError
from casefile.model import ArticleDraft, Span
from casefile.textsafe import clean_text, one_line

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
ACCEPTED = ", ".join(sorted(READERS))


@dataclass(frozen=True)
class Failure:
    path: str
    error: str


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


Outcome = ArticleDraft | Failure | Skipped


def parse_size(text: str) -> int:
    """'5MB', '500k', '1048576' → bytes."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", text.lower())
    if not m:
        raise ValueError(f"not a size: {text!r} (try 5MB, 500KB or a number of bytes)")
    return int(float(m[1]) * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[m[2]])


def discover(paths: Iterable[str | Path]) -> Iterator[Path | Failure | Skipped]:
    """Files to read, folders walked recursively in name order; hidden entries skipped."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    file = Path(root) / name
                    if file.suffix.lower() in READERS:
                        yield file
                    else:
                        yield Skipped(str(file), f"not an article file ({ACCEPTED})")
        elif path.is_file():
            if path.suffix.lower() in READERS:
                yield path
            else:
                yield Failure(str(path), f"unsupported file type {path.suffix or '(none)'!r}; "
                                         f"casefile reads {ACCEPTED}")
        elif path.exists():
            yield Failure(str(path), "not a regular file")
        else:
            yield Failure(str(path), "no such file or folder")


def read_paths(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Outcome]:
    for item in discover(paths):
        if isinstance(item, (Failure, Skipped)):
            yield item
        else:
            yield from read_file(item, max_bytes)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Outcome]:
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Failure(shown, f"file is {_mb(size)}, over the {_mb(max_bytes)} limit (--max-size)")
            return
        data = path.read_bytes()
        reader = READERS[path.suffix.lower()]
        for raw in reader(data):
            if isinstance(raw, RecordError):
                yield Failure(shown, f"{raw.record}: {raw.message}" if raw.record else raw.message)
                continue
            try:
                yield build_draft(str(path.resolve()), raw)
            except ReadError as exc:
                yield Failure(shown, f"{raw.record}: {exc}" if raw.record else str(exc))
    except ReadError as exc:
        yield Failure(shown, str(exc))
    except OSError as exc:
        yield Failure(shown, f"cannot read: {exc.strerror or exc}")


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def build_draft(path: str, raw: RawRecord) -> ArticleDraft:
    """Clean the text and find what the article says about itself."""
    body = clean_text(raw.text).strip("\n")
    body = "\n".join(line.rstrip() for line in body.split("\n"))
    if not body.strip():
        raise ReadError("empty text")
    warnings = list(raw.warnings)
    fields = {k: one_line(v) for k, v in raw.fields.items() if v}
    lines = Lines.of(body)
    line_reasons = furniture_lines(body)
    furniture = set(line_reasons)

    published, date_line = None, None
    if value := fields.get("published"):
        if date := parse_date(value):
            published = date.isoformat()
        else:
            warnings.append(f"published {value!r} is not a date casefile reads; stored as unknown")
    if published is None:
        published, date_line = published_from_text(lines)

    outlet = outlet_from_fields(fields.get("outlet"), fields.get("url"))
    signature_line = None
    if outlet is None:
        outlet, signature_line = outlet_from_text(lines, furniture)

    metadata_lines = {n for n, text in lines.items[:3] if re.fullmatch(r"[\W\d_]*", text)}
    if date_line is not None and lines_text(lines, date_line) and parse_date(lines_text(lines, date_line)):
        metadata_lines.add(date_line)
    title = one_line(raw.title_hint or fields.get("title"), 300) or None
    title_line = None
    if title is None:
        title, title_line = title_from_text(lines, metadata_lines | furniture)

    excluded = find_furniture(body, signature_line, line_reasons)
    line_offsets = _line_offsets(body)
    marked = {span.start for span in excluded}
    for number, reason in [(n, "metadata") for n in sorted(metadata_lines)] + (
        [(title_line, "headline")] if title_line is not None else []
    ):
        start = line_offsets[number]
        if start not in marked:
            excluded.append(Span(start, start + len(body.split("\n")[number]), reason))
    # A headline repeated in the body (as on many pages) is not a second report.
    if title:
        for number, text in lines.items:
            # The body is clean already: collapsing its whitespace is all one_line would do.
            if number != title_line and len(text) >= len(title) and " ".join(text.split()) == title:
                start = line_offsets[number]
                if start not in marked:
                    excluded.append(Span(start, start + len(body.split("\n")[number]), "headline"))
    excluded.sort(key=lambda s: s.start)
    return ArticleDraft(
        body=body,
        sha256=raw.digest,
        path=path,
        format=raw.format,
        record=raw.record,
        title=title,
        published=published,
        outlet=outlet,
        url=fields.get("url"),
        language=fields.get("language"),
        excluded=_merge(excluded),
        warnings=warnings,
    )


def lines_text(lines: Lines, number: int) -> str:
    return next((text for n, text in lines.items if n == number), "")


def _line_offsets(body: str) -> list[int]:
    offsets, start = [], 0
    for line in body.split("\n"):
        offsets.append(start)
        start += len(line) + 1
    return offsets


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if out and span.start <= out[-1].end and span.reason == out[-1].reason:
            out[-1] = Span(out[-1].start, max(out[-1].end, span.end), span.reason)
        elif not out or span.start >= out[-1].end:
            out.append(span)
    return out
