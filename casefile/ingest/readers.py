"""One reader per file format. Each turns a file into raw records (or per-record errors)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from casefile.ingest.decode import ReadError, decode
from casefile.ingest.html_text import read_html
from casefile.ingest.markdown_text import read_markdown

FIELD_NAMES = {
    "title": ("title", "headline", "name"),
    "body": ("body", "text", "content", "article", "article_text", "full_text", "fulltext"),
    "url": ("url", "link", "source_url", "canonical_url", "permalink"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "source_name", "media"),
    "published": ("published", "date", "published_at", "publish_date", "pubdate",
                  "published_date", "datetime", "date_published", "publication_date"),
    "language": ("language", "lang"),
}


@dataclass
class RawRecord:
    text: str
    digest: str  # sha256 of the original bytes of this record
    format: str
    record: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    title_hint: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class RecordError:
    record: str | None
    message: str


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _scalar(value) -> str | None:
    if isinstance(value, dict):  # {"source": {"name": "Reuters"}}
        value = value.get("name") or value.get("title")
    if value is None or isinstance(value, (list, dict)):
        return None
    text = str(value).strip()
    return text or None


def pick_fields(record: dict) -> dict[str, str]:
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    fields = {}
    for name, keys in FIELD_NAMES.items():
        for key in keys:
            if (value := _scalar(lowered.get(key))) is not None:
                fields[name] = value
                break
    return fields


def _record_from_fields(fields: dict[str, str], digest: str, fmt: str, label: str,
                        warnings: list[str]) -> RawRecord | RecordError:
    body = fields.pop("body", None)
    if not body:
        return RecordError(label, "no body or text field (or it is empty)")
    return RawRecord(body, digest, fmt, label, fields, fields.get("title"), list(warnings))


def read_txt(data: bytes) -> Iterator[RawRecord | RecordError]:
    text, warnings = decode(data)
    yield RawRecord(text, sha256(data), "txt", warnings=warnings)


def read_md(data: bytes) -> Iterator[RawRecord | RecordError]:
    text, warnings = decode(data)
    doc = read_markdown(text)
    if not doc.text.strip():
        raise ReadError("no text in this Markdown file")
    fields = pick_fields(doc.front_matter)
    fields.pop("body", None)
    yield RawRecord(doc.text, sha256(data), "md", None, fields, fields.get("title") or doc.title,
                    warnings)


def _strip_site_suffix(title: str, site: str | None) -> str:
    parts = re.split(r"\s+[|–—-]\s+", title)
    if len(parts) > 1 and (site is None or parts[-1].strip().lower() == site.lower()
                           or len(parts[-1]) < 30):
        return " - ".join(parts[:-1]).strip()
    return title


def read_html_file(data: bytes) -> Iterator[RawRecord | RecordError]:
    text, warnings = decode(data)
    doc = read_html(text)
    if not doc.text.strip():
        raise ReadError("no readable text in this HTML page")
    meta = doc.meta
    site = meta.get("og:site_name")
    title = meta.get("og:title") or doc.h1 or (doc.title and _strip_site_suffix(doc.title, site))
    fields = {"title": title} if title else {}
    if url := (doc.canonical or meta.get("og:url")):
        fields["url"] = url
    if site:
        fields["outlet"] = site
    published = (meta.get("article:published_time") or meta.get("datepublished")
                 or meta.get("date") or meta.get("pubdate") or meta.get("dc.date")
                 or doc.time_datetime)
    if not published and doc.page_text != doc.text:
        # The story leaves bylines and date lines out; a page that states its date only there
        # still has one.
        from casefile.ingest.metadata import Lines, published_from_text

        published, _ = published_from_text(Lines.of(doc.page_text))
    if published:
        fields["published"] = published
    if lang := meta.get("og:locale"):
        fields["language"] = lang.split("_")[0]
    yield RawRecord(doc.text, sha256(data), "html", None, fields, title, warnings)


def parse_json(text: str):
    """json.loads, with the ways it fails besides a syntax error said plainly (ValueError)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise ValueError("malformed JSON (nested too deeply to read)") from None
    except ValueError as exc:  # an integer of more than 4,300 digits, and the like
        if "digits" in str(exc):
            raise ValueError("malformed JSON (a number of more than 4,300 digits)") from None
        raise ValueError(f"malformed JSON ({exc})") from None


# Decoded text holds no surrogate (the decoders are strict): one can only come from a JSON
# "\\udXXX" escape, so a text without one needs no check.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _lone_surrogate(record, source: str | None = None) -> str | None:
    """A "\\udXXX" escape that is half of a pair is not a character: it cannot be stored.
    `source`: the JSON text the record was parsed from, if at hand."""
    if source is not None and not _SURROGATE_ESCAPE.search(source):
        return None
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        return (f"invalid text: a lone surrogate escape (\\u{ord(exc.object[exc.start]):04x}) "
                "is not a character")
    return None


def read_jsonl(data: bytes) -> Iterator[RawRecord | RecordError]:
    text, warnings = decode(data)
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        label = f"line {number}"
        try:
            record = parse_json(line)
        except json.JSONDecodeError as exc:
            yield RecordError(label, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        except ValueError as exc:
            yield RecordError(label, str(exc))
            continue
        if not isinstance(record, dict):
            yield RecordError(label, f"expected a JSON object, found {type(record).__name__}")
            continue
        if problem := _lone_surrogate(record, line):
            yield RecordError(label, problem)
            continue
        yield _record_from_fields(pick_fields(record), sha256(line.strip().encode("utf-8")),
                                  "jsonl", label, warnings)


def read_json(data: bytes) -> Iterator[RawRecord | RecordError]:
    text, warnings = decode(data)
    try:
        doc = parse_json(text)
    except json.JSONDecodeError as exc:
        raise ReadError(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except ValueError as exc:
        raise ReadError(str(exc)) from None
    if isinstance(doc, dict):
        for key in ("articles", "items", "records", "data", "results"):
            if isinstance(doc.get(key), list):
                doc = doc[key]
                break
    records = doc if isinstance(doc, list) else [doc]
    if not records:
        raise ReadError("the JSON holds no records")
    escapes = _SURROGATE_ESCAPE.search(text) is not None  # else no record needs the check
    for number, record in enumerate(records, start=1):
        label = f"item {number}" if isinstance(doc, list) else None
        if not isinstance(record, dict):
            yield RecordError(label, f"expected a JSON object, found {type(record).__name__}")
            continue
        if escapes and (problem := _lone_surrogate(record)):
            yield RecordError(label, problem)
            continue
        canonical = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
        yield _record_from_fields(pick_fields(record), sha256(canonical), "json", label, warnings)


def read_csv(data: bytes) -> Iterator[RawRecord | RecordError]:
    text, warnings = decode(data)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    columns = [c.strip().lower() for c in (reader.fieldnames or []) if c]
    if not any(c in FIELD_NAMES["body"] for c in columns):
        shown = ", ".join(columns[:12]) or "none"
        raise ReadError(f"no body or text column (columns found: {shown})")
    try:
        for row in reader:
            label = f"row {reader.line_num}"
            clean = {k: v for k, v in row.items() if k is not None}
            canonical = json.dumps(clean, sort_keys=True, ensure_ascii=False).encode("utf-8")
            yield _record_from_fields(pick_fields(clean), sha256(canonical), "csv", label, warnings)
    except csv.Error as exc:
        raise ReadError(f"malformed CSV near line {reader.line_num}: {exc}") from None


READERS = {
    ".txt": read_txt,
    ".text": read_txt,
    ".md": read_md,
    ".markdown": read_md,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
}
