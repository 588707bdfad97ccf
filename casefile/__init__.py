"""casefile: curated incident case files built from news articles."""

__version__ = "0.1.0"
