"""Import → extract → suggest, in one place, called by the CLI and the app alike."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from casefile.ingest import DEFAULT_MAX_BYTES, Failure, Skipped, discover, read_file
from casefile.model import ArticleDraft
from casefile.store import CaseFile, utc_now

# Articles stored per transaction; each article still gets its own savepoint, so a failure
# never leaves half an article and never undoes its neighbours.
BATCH = 200


@dataclass
class ImportReport:
    imported: int = 0
    duplicates: int = 0
    failed: list[Failure] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)
    duplicate_of: list[tuple[str, int, str]] = field(default_factory=list)  # source, id, why
    warnings: list[tuple[str, str]] = field(default_factory=list)  # source, warning

    def as_json(self) -> dict:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "failed": [{"path": f.path, "error": f.error} for f in self.failed],
            "article_ids": self.article_ids,
        }


def import_paths(
    case: CaseFile,
    paths: Iterable[str | Path],
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_file: Callable[[int, int, str], None] | None = None,
) -> ImportReport:
    """Read and store every article under `paths`; report each problem by path."""
    report = ImportReport()
    files: list[Path] = []
    for item in discover(paths):
        if isinstance(item, Failure):
            report.failed.append(item)
        elif isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            files.append(item)
    pending: list[ArticleDraft] = []
    for number, path in enumerate(files, start=1):
        for outcome in read_file(path, max_bytes):
            if isinstance(outcome, Failure):
                report.failed.append(outcome)
            elif isinstance(outcome, ArticleDraft):
                pending.append(outcome)
        if len(pending) >= BATCH:
            _store(case, pending, report)
            pending = []
        if on_file:
            on_file(number, len(files), str(path))
    _store(case, pending, report)
    return report


def _store(case: CaseFile, drafts: list[ArticleDraft], report: ImportReport) -> None:
    if not drafts:
        return
    now = utc_now()
    with case.tx.write():
        for draft in drafts:
            result = case.add_article(draft, now)
            for warning in draft.warnings:
                report.warnings.append((draft.source, warning))
            if result.duplicate:
                report.duplicates += 1
                report.duplicate_of.append((draft.source, result.article_id, result.duplicate_reason))
            else:
                report.imported += 1
                report.article_ids.append(result.article_id)
