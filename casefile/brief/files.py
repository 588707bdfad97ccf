"""Writing a brief to disk: a safe name inside the output folder, written whole or not at all,
never over an existing brief unless asked, and recorded in the case file."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from casefile.errors import CasefileError, InvalidInput, StorageFault

MAX_SLUG = 60
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.(?:md|html)")


class BriefExists(CasefileError):
    """The brief's file is already there and --force was not given."""


def slugify(text: str | None, limit: int = MAX_SLUG) -> str:
    """"ISIS in Syria, 2025" → "isis-in-syria-2025". Only [a-z0-9-], at most `limit`
    characters, cut at a word; "brief" when nothing is left (a title in another script)."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        cut = slug[:limit]
        if slug[limit] != "-" and "-" in cut:  # do not end on half a word
            cut = cut.rsplit("-", 1)[0]
        slug = cut.strip("-")
    return slug or "brief"


def brief_filename(title: str, stamp: str) -> str:
    """The title's slug and the period's end date (or the generation date): a name that can
    only ever point inside the output folder."""
    return f"{slugify(title)}-{slugify(stamp, 10)}.md"


def write_brief(case, brief, out_dir: str | Path = "exports", force: bool = False) -> Path:
    """Write the brief into out_dir (created if missing) and record it; return its path.

    The bytes go to a temporary file in the same folder, synced, then moved into place in one
    step, so a reader never sees half a brief and a failure leaves nothing behind. Without
    `force` an existing file is never replaced (BriefExists names it).
    """
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise InvalidInput(f"cannot write briefs to {folder}: it is not a folder") from None
    except OSError as exc:
        raise _cannot_write(folder, exc) from None
    name = brief.filename
    if not _NAME.fullmatch(name) or len(name) > 100:
        raise InvalidInput(f"refusing unsafe brief file name {name!r}")
    target = folder / name
    if target.resolve().parent != folder.resolve():  # a symlink pointing out of the folder
        raise InvalidInput(f"refusing to write {target}: it resolves outside {folder}")
    if target.is_dir():
        raise InvalidInput(f"cannot write {target}: a folder has that name")
    if target.exists() and not force:
        raise BriefExists(_exists(target))
    from casefile.store import utc_now

    # The record and the file stand or fall together: the row commits only once the file is in place.
    with case.tx.write():
        case.record_brief(path=str(target.resolve()), title=brief.title, sha256=brief.sha256,
                          filter=brief.filter, incidents=brief.incidents, generated_at=brief.generated_at,
                          created_at=utc_now())
        try:
            _atomic_write(target, brief.data, force)
        except OSError as exc:
            raise _cannot_write(folder, exc) from None
    return target


def _cannot_write(folder: Path, exc: OSError) -> StorageFault:
    why = (exc.strerror or str(exc)).lower()
    return StorageFault(f"cannot write the brief into {folder} ({why}); nothing was written. "
                        "Choose a writable folder (--out, or the folder field).")


def _exists(target: Path) -> str:
    return f"{target} already exists; use --force to replace it (or another --title or --out)"


def _atomic_write(target: Path, data: bytes, force: bool) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp's 0600 is for the temporary file, not the brief
        if force:
            os.replace(tmp, target)
        else:
            _place_new(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _sync_folder(target.parent)


def _place_new(tmp: str, target: Path) -> None:
    """Move tmp to target only if target does not exist, atomically where the file system can
    (a hard link fails on an existing name, so a brief written meanwhile is never replaced)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise BriefExists(_exists(target)) from None
    except OSError:  # no hard links here (some network or FAT file systems)
        if target.exists():
            raise BriefExists(_exists(target)) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    # The rename is durable once the folder's entry is on disk; not every system allows this.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
