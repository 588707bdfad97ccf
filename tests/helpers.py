"""Helpers shared by the tests (import them as `from helpers import ...`)."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


def dump(case, skip=("audit_log",)) -> dict:
    """Every row of every table, for comparing database content exactly."""
    out = {}
    for table in ("incidents", "claims", "annotations", "relations", "judgements", "suggestions",
                  "articles", "briefs", "places", "actor_aliases", "audit_log"):
        if table in skip:
            continue
        out[table] = sorted(case.db.conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
    return out
