"""The store: the only part of casefile that speaks SQL."""

from casefile.store.casefile import CaseFile, utc_now

__all__ = ["CaseFile", "utc_now"]
