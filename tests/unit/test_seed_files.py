from pathlib import Path

from helpers import REPO, SEEDS

SHARED = REPO.parent / "shared" / "seeds"
PACKAGED = REPO / "casefile" / "data" / "seeds"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_seeds_are_the_five_articles_and_ship_in_the_package():
    seeds = _files(SEEDS)
    assert len(seeds) == 5
    assert _files(PACKAGED) == seeds


def test_seeds_match_the_shared_originals_byte_for_byte():
    if not SHARED.exists():  # a clean clone in CI has no ../shared
        return
    assert _files(SEEDS) == _files(SHARED)


def test_installed_casefile_finds_its_seeds():
    from casefile.demo import seed_files

    names = [p.name for p in seed_files()]
    assert names == sorted(_files(SEEDS))
