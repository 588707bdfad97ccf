"""Loaded once by the extraction workers' fork server, before it forks them: the extractor's
modules and the shipped gazetteer, which every worker then shares instead of loading its own."""

from casefile.extract import extract  # noqa: F401
from casefile.extract.gazetteer import Gazetteer

Gazetteer.default()
