"""Which HTML reader gives the better story text? Measured on bench/html_pages.json: five
news pages written for this (wire story, CMS blog with comments, div soup without <article>,
an end tag with attributes, a French page with entities), each with the story's paragraphs
and the page furniture that must not be read.

    python bench/html_eval.py [--old REF]   # REF: a commit whose reader to compare (git show)

Figures: word recall and precision against the story, after casefile marks page furniture
(what extraction reads), whole paragraphs found, furniture strings read, and ms per page.
Candidates whose library is not installed are skipped (readability-lxml is not a dependency).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from casefile.ingest import build_draft  # noqa: E402
from casefile.ingest.html_text import LexborHTMLParser, _walk, read_html  # noqa: E402
from casefile.ingest.readers import RawRecord  # noqa: E402


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def walker_only(html: str) -> str:
    return _walk(LexborHTMLParser(html))[0].text


def trafilatura_only(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True) or ""


def readability(html: str) -> str:
    import lxml.html
    from readability import Document

    tree = lxml.html.fromstring(Document(html).summary(html_partial=True))
    for el in tree.iter("p", "div", "li", "h1", "h2", "h3", "blockquote", "br"):
        el.tail = "\n" + (el.tail or "")
    return tree.text_content()


def old_reader(ref: str):
    source = subprocess.run(["git", "-C", str(REPO), "show", f"{ref}:casefile/ingest/html_text.py"],
                            capture_output=True, text=True, check=True).stdout
    path = Path(tempfile.mkdtemp()) / "old_html_text.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("old_html_text", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_html_text"] = module
    spec.loader.exec_module(module)
    return lambda html: module.read_html(html).text


def read_part(text: str, title: str) -> str:
    """What extraction reads: the text without the spans casefile marks as furniture."""
    if not text.strip():
        return ""
    draft = build_draft("page.html", RawRecord(text, "0" * 64, "html", title_hint=title))
    kept, last = [], 0
    for span in draft.excluded:
        kept.append(draft.body[last:span.start])
        last = span.end
    return "".join(kept) + draft.body[last:]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--old", default=None, help="a commit whose html_text.py to compare too")
    args = parser.parse_args()
    pages = json.loads((REPO / "bench" / "html_pages.json").read_text())
    candidates = {"casefile (trafilatura on the walker's pruned page)": lambda h: read_html(h).text,
                  "selectolax walker alone": walker_only, "trafilatura alone": trafilatura_only,
                  "lxml + readability-lxml": readability}
    if args.old:
        candidates[f"reader at {args.old}"] = old_reader(args.old)
    print(f"{'reader':52} recall  precision  paragraphs  furniture  ms/page")
    for name, read in candidates.items():
        try:
            read("<p>warm up</p>")
        except ImportError:
            print(f"{name:52} (not installed)")
            continue
        recall = precision = seconds = 0.0
        found = total = junk = 0
        for page in pages.values():
            started = time.perf_counter()
            text = read(page["html"])
            seconds += time.perf_counter() - started
            seen = read_part(text, page["truth"][0][:20])
            truth, got = Counter(words(" ".join(page["truth"]))), Counter(words(seen))
            common = sum((truth & got).values())
            recall += common / sum(truth.values())
            precision += common / max(1, sum(got.values()))
            flat = " ".join(text.split())
            found += sum(1 for s in page["truth"] if s in flat)
            total += len(page["truth"])
            junk += sum(1 for j in page["junk"] if j.lower() in seen.lower())
        n = len(pages)
        print(f"{name:52} {recall / n:.3f}   {precision / n:.3f}      {found}/{total}       {junk:2d}      "
              f"{seconds * 1000 / n:.1f}")


if __name__ == "__main__":
    main()
