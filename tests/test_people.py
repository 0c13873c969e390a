"""People in real sentences of UN documents (copied here, each with the document it comes from;
provenance in tests/corpus/MANIFEST.csv or the shared corpus MANIFEST: source repository, path,
commit): each case asserts the exact person, role and identifier the sentence yields."""

from __future__ import annotations

import pytest

from pipeline.extract import actors
from pipeline.models import Context


def persons(text: str) -> set[tuple[str, str, str]]:
    mentions = actors.find(Context(text=text))
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return {(m.actor, m.role, m.actor_id) for m in mentions if m.actor_type == "person"}


# A/HRC/43/15 and A/HRC/14/15 (UPR reports on Slovenia: Tony33344/slovenia-human-rights-tracker
# @874978d2), A/60/PV.85 (un-project/un-extractor tests/data/N0637121.pdf @8e32b986): names
# with letters outside ASCII, read whole and not cut at the letter
NON_ASCII = [
    ("• Dr. Dominika Švarc Pipan, State Secretary at The Ministry Of Justice – Deputy Head of "
     "Delegation;", ("Dominika Švarc Pipan", "", "dominika-svarc-pipan")),
    ("• Mr. Albert Černigoj, Head of Counterterrorism and Extreme Violence Section, Ministry Of "
     "The Interior, Police;", ("Albert Černigoj", "", "albert-cernigoj")),
    ("• Ms. Nadja Čobal, Secretary, Ministry of Health;", ("Nadja Čobal", "", "nadja-cobal")),
    ("The delegation of Slovenia was headed by the Minister for Foreign Affairs, Samuel Žbogar, "
     "and was composed of a total of 22 members:",
     ("Samuel Žbogar", "Minister for Foreign Affairs", "samuel-zbogar")),
    ("I now give the floor to Ms. Annmaree O’Keeffe, Ambassador for HIV/AIDS for Australia and "
     "Chairperson of round table 2.", ("Annmaree O’Keeffe", "", "annmaree-o-keeffe")),
]


@pytest.mark.parametrize(("text", "person"), NON_ASCII)
def test_a_name_with_letters_outside_ascii_is_read_whole(text, person):
    assert person in persons(text)
