"""Undo of a chosen history entry (the desk's History screen), not only the newest."""

import pytest

from casefile.curate import Curator
from casefile.errors import CasefileError


def test_an_older_entry_is_undone_and_the_message_names_whose_change_it_was(seeded):
    Curator(seeded, who="amal").confirm(1)
    Curator(seeded, who="amal").reject(2)
    older = seeded.history()[1]
    done = Curator(seeded, who="badr").undo(entry_id=older["id"])
    assert seeded.incident(1).status == "candidate" and seeded.incident(2).status == "rejected"
    assert "(a change by amal)" in done.message
    with pytest.raises(CasefileError, match="already undone"):
        Curator(seeded, who="badr").undo(entry_id=older["id"])
