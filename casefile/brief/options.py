"""What a brief covers: the options a face (CLI or app) passes to `render`."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from casefile.brief.markdown import flat
from casefile.errors import InvalidInput

STATUSES = ("confirmed", "all")
DEFAULT_TITLE = "Incident brief"


@dataclass(frozen=True)
class BriefOptions:
    """title: None = DEFAULT_TITLE. status: "confirmed" or "all" (confirmed and candidate
    incidents; merged and rejected ones never appear). since / until: inclusive dates.
    place / actor: whole words of the place or actor names. now: the generation time written
    into the brief; None = $SOURCE_DATE_EPOCH, else the clock (UTC, to the second)."""

    title: str | None = None
    status: str = "confirmed"
    since: dt.date | None = None
    until: dt.date | None = None
    place: str | None = None
    actor: str | None = None
    now: dt.datetime | None = None

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise InvalidInput(f"unknown status {self.status!r}: use confirmed or all")
        if self.since and self.until and self.since > self.until:
            raise InvalidInput(f"--since {self.since} is after --until {self.until}")
        # Blank filters mean no filter; a frozen dataclass sets its own fields this way.
        for name in ("title", "place", "actor"):
            value = getattr(self, name)
            if value is not None and not flat(value):
                object.__setattr__(self, name, None)
        if self.now is not None:
            object.__setattr__(self, "now", _utc(self.now))

    @classmethod
    def parse(cls, title: str | None = None, status: str = "confirmed", since: str | None = None,
              until: str | None = None, place: str | None = None, actor: str | None = None,
              now: str | None = None) -> BriefOptions:
        """From the strings a user typed: dates as 2025-05-17, 2025-05 or 2025 (a month or a
        year starts on its first day for --since and ends on its last for --until)."""
        return cls(title=title, status=status, since=parse_bound(since, "--since"),
                   until=parse_bound(until, "--until", end=True), place=place, actor=actor,
                   now=parse_now(now) if now else None)

    @property
    def filter(self) -> dict:
        """The selection as recorded with the brief (and written in its front matter)."""
        return {"status": self.status,
                "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
                "place": self.place, "actor": self.actor}

    def generated_at(self, env: Mapping[str, str] | None = None) -> dt.datetime:
        if self.now is not None:
            return self.now
        return generation_time(os.environ if env is None else env)


def parse_bound(text: str | None, option: str = "date", end: bool = False) -> dt.date | None:
    if text is None or not text.strip():
        return None
    value = text.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
            year, month = int(m[1]), int(m[2])
            return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 12, 31) if end else dt.date(int(value), 1, 1)
        return dt.date.fromisoformat(value)
    except (ValueError, calendar.IllegalMonthError):
        raise InvalidInput(f"{option}: not a date: {text!r} (use 2025-05-17, 2025-05 or 2025)") from None


def parse_now(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"--now: not an ISO date or time: {text!r} (e.g. 2025-06-01T09:00:00Z)") from None
    return _utc(value)


def generation_time(env: Mapping[str, str]) -> dt.datetime:
    """$SOURCE_DATE_EPOCH (reproducible builds' convention) when set, else the clock."""
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not re.fullmatch(r"\d{1,12}", epoch):
            raise InvalidInput(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}")
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return _utc(dt.datetime.now(dt.timezone.utc))


def _utc(value: dt.datetime) -> dt.datetime:
    # A time without a zone is read as UTC: briefs state every time in UTC.
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc).replace(microsecond=0)
