"""Plain text from Markdown, read with markdown-it-py: headings, paragraphs, list items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin


@dataclass
class MarkdownDocument:
    text: str
    title: str | None = None
    front_matter: dict[str, str] = field(default_factory=dict)


def _front_matter(raw: str) -> dict[str, str]:
    """Flat `key: value` pairs of a YAML front matter block (nested values are ignored)."""
    fields = {}
    for line in raw.splitlines():
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if m and m[2].strip():
            fields[m[1].lower()] = m[2].strip().strip("\"'")
    return fields


def _inline_text(token) -> str:
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


def read_markdown(source: str) -> MarkdownDocument:
    md = MarkdownIt("commonmark").use(front_matter_plugin)
    tokens = md.parse(source)
    doc = MarkdownDocument(text="")
    blocks: list[str] = []
    heading = None
    prefix = ""
    for token in tokens:
        if token.type == "front_matter":
            doc.front_matter = _front_matter(token.content)
        elif token.type == "heading_open":
            heading = token.tag
        elif token.type == "heading_close":
            heading = None
        elif token.type == "list_item_open":
            prefix = "- "
        elif token.type == "inline":
            text = _inline_text(token).strip()
            if not text:
                continue
            if heading and doc.title is None:
                doc.title = " ".join(text.split())
            blocks.append(prefix + text)
            prefix = ""
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
    doc.text = "\n\n".join(blocks)
    return doc
