"""The cache of real-article texts, kept outside the repository (the texts are third-party).

    python tests/extraction/real/cache.py put dev/01_slug.json BODY.txt   # store a collected text
    python tests/extraction/real/cache.py status                          # what is missing or differs

The cache folder is $CASEFILE_EVAL_CACHE, else ~/.cache/casefile-eval/. For each label
`<split>/NN_slug.json` it holds `<split>/NN_slug.json`: the record {"url", "outlet", "published",
"title", "body"} that `casefile import` reads; the body's sha256 must equal the label's
`collected.sha256`.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    return Path(os.environ.get("CASEFILE_EVAL_CACHE") or Path.home() / ".cache" / "casefile-eval")


def labels(split: str | None = None) -> list[Path]:
    splits = [split] if split else ["dev", "test"]
    return [p for s in splits for p in sorted((HERE / s).glob("*.json"))]


def cached(label_path: Path) -> Path:
    return cache_dir() / label_path.parent.name / label_path.name


def body_sha(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def state(label_path: Path) -> str:
    """'ok', 'missing' or 'differs'."""
    path = cached(label_path)
    if not path.exists():
        return "missing"
    label = json.loads(label_path.read_text(encoding="utf-8"))
    record = json.loads(path.read_text(encoding="utf-8"))
    return "ok" if body_sha(record.get("body", "")) == label["collected"]["sha256"] else "differs"


def put(label_path: Path, body_file: Path) -> None:
    label = json.loads(label_path.read_text(encoding="utf-8"))
    body = body_file.read_text(encoding="utf-8")
    record = {k: label.get(k) for k in ("url", "outlet", "published", "title")}
    record["body"] = body
    out = cached(label_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    want = label["collected"]["sha256"]
    if body_sha(body) != want:
        sys.exit(f"{label_path.name}: the body's sha256 {body_sha(body)} differs from the label's {want}")


def main(argv: list[str]) -> None:
    if argv[:1] == ["put"] and len(argv) == 3:
        put((HERE / argv[1]).resolve() if not Path(argv[1]).is_absolute() else Path(argv[1]), Path(argv[2]))
        return
    if argv[:1] == ["status"]:
        counts: dict[str, int] = {}
        for p in labels():
            s = state(p)
            counts[s] = counts.get(s, 0) + 1
            if s != "ok":
                print(f"{s:8} {p.parent.name}/{p.name}")
        print(f"{len(labels())} labels in {HERE}; cache {cache_dir()}: "
              + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
        return
    sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
