"""Citations in the forms session 19 read in seed 1903's part A: an owner written as a
nationality before a state or rank adjective ("told Russian state-run Zvezda TV"), "the" before
a capitalised owner and a descriptor ("told the British newspaper The Guardian"), and English
names of registered outlets ("Russia 24", "Radio France International"); the printed page or
cover of a registered outlet as the venue ("on the front page of the New York Times", "in the
pages of the Wall Street Journal"). Sentences written for these tests; none is copied from an
article."""

from __future__ import annotations

import pytest
from test_citation_fresh_forms import cited_outlets


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        # A nationality before a state adjective and the name.
        ("The farmer told Russian state-run Zvezda TV that the crop was lost.", {"zvezda"}),
        ("The port reopened, according to Iranian state-run Press TV.", {"presstv"}),
        ("The port reopened, according to the Turkish state-run Anadolu Agency.", {"anadolu"}),
        ("He told Chinese state-run CCTV that the bridge was safe.", {"cctv"}),
        # "the", a nationality and a descriptor before the masthead.
        ("She told the British newspaper The Guardian that she would stay.", {"the-guardian"}),
        # A weekday after the descriptor is no name: the masthead before it is read whole.
        ("She told the Times newspaper Monday that she would stay.", {"the-times"}),
        # English names of registered channels.
        ("Russia 24 reported that the plane had turned back.", {"vgtrk"}),
        ("Two guards were hurt, reports Radio France International.", {"rfi"}),
        # A number after a country is no channel without a registered name.
        ("The team beat Russia 3 on Sunday, the paper reported.", set()),
        # A registered outlet's page or cover is the venue of what was printed on it.
        ("The essay ran on the front page of the New York Times on Sunday.", {"nytimes"}),
        ("She argued in the pages of the Wall Street Journal that rates would rise.", {"wsj"}),
        ("The mayor's quip made the cover of Time magazine.", {"time"}),
        # A page of anything else is no venue.
        ("He read a page of the Bible before the vote.", set()),
    ],
)
def test_session19_forms(text: str, outlets: set[str]) -> None:
    assert cited_outlets(text) == outlets
