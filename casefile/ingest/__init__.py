"""Reading files into article drafts: formats, cleaning, metadata, page furniture.

`read_paths` walks files and folders and yields, in a stable order, one outcome per article
or per problem, so a caller can store the good articles and report every bad one by path.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from casefile.datetext import parse_date
from casefile.ingest.decode import ReadError
from casefile.ingest.furniture import find_furniture, furniture_lines
from casefile.ingest.outlets import outlet_named_in_text
from casefile.ingest.metadata import (
    Lines,
    outlet_from_fields,
    outlet_from_text,
    is_date_only,
    published_from_text,
    split_leading_stamp,
    title_from_text,
)
from casefile.ingest.readers import READERS, RawRecord, RecordError
from casefile.model import ArticleDraft, Span
from casefile.textsafe import clean_text, one_line

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# A feed holds many articles: the size limit applies to each record, and the whole file may
# be this many times larger.
FEED_FACTOR = 20
FEEDS = {".jsonl", ".ndjson", ".json", ".csv"}
ACCEPTED = ", ".join(sorted(READERS))


@dataclass(frozen=True)
class Failure:
    path: str
    error: str  # may quote the file (a CSV header): cleaned of control characters

    def __post_init__(self) -> None:
        object.__setattr__(self, "error", one_line(self.error))


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
    """Files to read, folders walked recursively in name order; hidden entries skipped.

    Only regular files are read (a named pipe would block the import for ever); a folder or
    file that cannot be read is a failure, named, never skipped in silence.
    """
    for raw in paths:
        if not str(raw).strip():
            yield Failure(repr(str(raw)), "empty path: name a file or folder (use . for this folder)")
            continue
        path = Path(raw)
        kind, problem = _kind(path)
        if problem:
            yield Failure(str(path), problem)
        elif kind == "dir":
            yield from _walk(path)
        elif kind != "file":
            yield Failure(str(path), f"not a regular file ({kind}); casefile reads files and folders")
        elif path.suffix.lower() in READERS:
            yield path
        else:
            yield Failure(str(path), f"unsupported file type {path.suffix or '(none)'!r}; "
                                     f"casefile reads {ACCEPTED}")


def _walk(folder: Path) -> Iterator[Path | Failure | Skipped]:
    failed: list[Failure] = []

    def unreadable(exc: OSError) -> None:
        failed.append(Failure(str(exc.filename or folder),
                              f"cannot read this folder ({_why(exc)}); the files in it were not imported"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        yield from failed
        failed.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            file = Path(root) / name
            if file.suffix.lower() not in READERS:
                yield Skipped(str(file), f"not an article file ({ACCEPTED})")
                continue
            kind, problem = _kind(file)
            if problem:
                yield Failure(str(file), problem)
            elif kind == "file":
                yield file
            elif kind != "dir":  # a symlink to a folder is not followed (it could loop)
                yield Failure(str(file), f"not a regular file ({kind}); not read")
    yield from failed


def _kind(path: Path) -> tuple[str, str | None]:
    """What a path is (file, dir, named pipe, ...), or why it cannot be looked at."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "", "symbolic link loop: the link never reaches a file"
        if exc.errno == errno.ENOENT:
            return "", "broken symbolic link (its target does not exist)" if path.is_symlink() \
                else "no such file or folder"
        return "", f"cannot read: {_why(exc)}"
    for test, name in ((stat.S_ISREG, "file"), (stat.S_ISDIR, "dir"), (stat.S_ISFIFO, "a named pipe"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name, None
    return "an unusual file", None


def _why(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def read_paths(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Outcome]:
    for item in discover(paths):
        if isinstance(item, (Failure, Skipped)):
            yield item
        else:
            yield from read_file(item, max_bytes)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Outcome]:
    """One file's articles, or why not. `max_bytes` limits each article (each record of a
    feed); a feed file (JSON Lines, JSON, CSV) may be FEED_FACTOR times larger."""
    shown = str(path)
    feed = path.suffix.lower() in FEEDS
    limit = max_bytes * FEED_FACTOR if feed else max_bytes
    resolved = None
    try:
        data = _read_regular(path, limit, "feed file" if feed else "file")
        reader = READERS[path.suffix.lower()]
        for raw in reader(data):
            if isinstance(raw, RecordError):
                yield Failure(shown, f"{raw.record}: {raw.message}" if raw.record else raw.message)
                continue
            try:
                if feed and (size := len(raw.text.encode("utf-8", "surrogatepass"))) > max_bytes:
                    raise ReadError(f"the text is {_mb(size)}, over the {_mb(max_bytes)} limit "
                                    "for one article (--max-size)")
                if resolved is None:
                    resolved = str(path.resolve())
                yield build_draft(resolved, raw)
            except ReadError as exc:
                yield Failure(shown, f"{raw.record}: {exc}" if raw.record else str(exc))
    except ReadError as exc:
        yield Failure(shown, str(exc))
    except OSError as exc:
        yield Failure(shown, f"cannot read: {_why(exc)}")


def _read_regular(path: Path, limit: int, what: str) -> bytes:
    """The file's bytes; refuses what is not a regular file without blocking on it."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("not a regular file; not read")
        if info.st_size > limit:
            raise ReadError(f"{what} is {_mb(info.st_size)}, over the {_mb(limit)} limit (--max-size)")
        return f.read(limit + 1)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def build_draft(path: str, raw: RawRecord) -> ArticleDraft:
    """Clean the text and find what the article says about itself."""
    rows = split_leading_stamp([line.rstrip() for line in clean_text(raw.text).strip("\n").split("\n")])
    body = "\n".join(rows)  # rows is body.split("\n"): no row holds a newline
    if not body.strip():
        raise ReadError("empty text")
    warnings = list(raw.warnings)
    fields = {k: one_line(v) for k, v in raw.fields.items() if v}
    lines = Lines.of(body, rows)
    line_reasons = furniture_lines(body, rows)
    furniture = set(line_reasons)

    published, date_line = None, None
    if value := fields.get("published"):
        if date := parse_date(value):
            published = date.isoformat()
        else:
            warnings.append(f"published {value!r} is not a date casefile reads; stored as unknown")
    text_date, date_line = published_from_text(lines)
    published = published or text_date

    outlet = outlet_from_fields(fields.get("outlet"), fields.get("url"))
    signature_line = None
    if outlet is None:
        outlet, signature_line = outlet_from_text(lines, furniture)
    if outlet is None:  # "an official told The National": the text names its publisher
        outlet = outlet_named_in_text(body)

    metadata_lines = {n for n, text in lines.items[:3] if re.fullmatch(r"[\W\d_]*", text)}
    if date_line is not None and is_date_only(lines_text(lines, date_line)):
        metadata_lines.add(date_line)
    title = one_line(raw.title_hint or fields.get("title"), 300) or None
    title_line = None
    if title is None:
        title, title_line = title_from_text(lines, metadata_lines | furniture)

    excluded = find_furniture(body, signature_line, line_reasons, rows)
    line_offsets = _line_offsets(rows)
    marked = {span.start for span in excluded}
    for number, reason in [(n, "metadata") for n in sorted(metadata_lines)] + (
        [(title_line, "headline")] if title_line is not None else []
    ):
        start = line_offsets[number]
        if start not in marked:
            excluded.append(Span(start, start + len(rows[number]), reason))
    # A headline repeated in the body (as on many pages) is not a second report.
    if title:
        first_word = title.split(" ", 1)[0]  # a line that collapses to the title starts with it
        for number, text in lines.items:
            # The body is clean already: collapsing its whitespace is all one_line would do.
            if number != title_line and len(text) >= len(title) and text.startswith(first_word) \
                    and " ".join(text.split()) == title:
                start = line_offsets[number]
                if start not in marked:
                    excluded.append(Span(start, start + len(rows[number]), "headline"))
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
        language=fields.get("language"),  # else detected where extraction needs it (pipeline)
        excluded=_merge(excluded),
        warnings=warnings,
    )


def lines_text(lines: Lines, number: int) -> str:
    return next((text for n, text in lines.items if n == number), "")


def _line_offsets(rows: list[str]) -> list[int]:
    offsets, start = [], 0
    for line in rows:
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
