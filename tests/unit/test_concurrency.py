"""Two processes curating one case file at once lose nothing and never see "database is locked"."""

import subprocess
import sys
import textwrap

WORKER = textwrap.dedent("""
    import sys
    from casefile.curate import Curator
    from casefile.errors import StaleVersion
    from casefile.store import CaseFile

    path, name, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    case = CaseFile(path)
    c = Curator(case, name)
    first, second = [i.id for i in case.incidents()][:2]
    stale = 0
    for n in range(rounds):
        c.annotate(first, f"{name} note {n}")
        while True:  # a read-modify-write with the version seen: retried when someone else won
            seen = case.incident(second)
            try:
                c.edit(second, "summary", f"{name} {n}", version=seen.version)
                break
            except StaleVersion:
                stale += 1
    print(stale)
""")


def test_two_processes_lose_no_update(seeded):
    path = str(seeded.path)
    first, second = [i.id for i in seeded.incidents()][:2]
    version_before = seeded.incident(second).version
    rounds = 40
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, path, name, str(rounds)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name in ("alice", "bob")]
    results = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, results):
        assert p.returncode == 0, err
        assert "locked" not in err
    notes = seeded.annotations(first)
    assert len(notes) == 2 * rounds
    assert {n["author"] for n in notes} == {"alice", "bob"}
    # Every edit landed exactly once, in order: the version counts them all.
    assert seeded.incident(second).version == version_before + 2 * rounds
    assert seeded.history_count() == 4 * rounds
