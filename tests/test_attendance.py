"""The Security Council's attendance list read as rows (`pipeline.extract.attendance`): each
representative a person with the state represented, in both layouts the text comes in, and a
speaker printed by surname under the list's name.

Sources, the lines copied here: S/PV.4000 (1999), S/PV.5000 (2004), S/PV.7981 (2017) and
S/PV.9000 (2022) from yuiseki/undocs (en/pdfs/S/PV.<n>/resolution.txt, commit
2d22550bf2f08e7ae1c8b7644a57959a8b599e44), pdftotext's text of the records."""

from __future__ import annotations

from pipeline.extract import actors, proceedings
from pipeline.extract.attendance import attendance_mentions, same_name
from pipeline.models import Context

UK = "United Kingdom of Great Britain and Northern Ireland"
USA = "United States of America"
LEADERS = " . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . ."


def rows(text: str, finder=attendance_mentions) -> list[tuple[str, str, str, str]]:
    found = finder(text)
    assert all(text[m.start : m.end] == m.text for m in found)
    return [(m.text, m.actor, m.actor_type, m.role) for m in found]


def record_rows(text: str, symbol: str) -> set[tuple[str, str, str, str]]:
    found = actors.find(Context(text=text, doc_symbol=symbol))
    assert all(text[m.start : m.end] == m.text for m in found)
    return {(m.text, m.actor, m.actor_type, m.role) for m in found}


# S/PV.4000: one row a line, the name after the leaders (rows left out between)
S_PV_4000 = (
    "President:\n\nMr. Dangue Réwaka" + LEADERS + "\n\n(Gabon)\n\nMembers:\n\n"
    "Argentina . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . "
    "Mr. Petrella\n"
    "China . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . "
    "Mr. Qin Huasun\n"
    "Netherlands . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . "
    "Mr. van Walsum\n"
    "United Kingdom of Great Britain and Northern Ireland . . . . . . . . Sir Jeremy Greenstock\n"
    "United States of America . . . . . . . . . . . . . . . . . . . . . . . . . . . . "
    "Mr. Burleigh\n\n"
    "Agenda\nLetter dated 7 May 1999 from the Permanent Representative of China to the United "
    "Nations addressed to the\nPresident of the Security Council (S/1999/523)\n")


def test_one_row_a_line_gives_each_state_and_its_representative():
    assert rows(S_PV_4000) == [
        ("Argentina", "Argentina", "state", ""),
        ("Petrella", "Petrella", "person", "representative of Argentina"),
        ("China", "China", "state", ""),
        ("Qin Huasun", "Qin Huasun", "person", "representative of China"),
        ("Netherlands", "Netherlands (Kingdom of the)", "state", ""),
        ("van Walsum", "van Walsum", "person",
         "representative of Netherlands (Kingdom of the)"),
        (UK, UK, "state", ""),
        ("Jeremy Greenstock", "Jeremy Greenstock", "person", f"representative of {UK}"),
        (USA, USA, "state", ""),
        ("Burleigh", "Burleigh", "person", f"representative of {USA}"),
    ]


# S/PV.9000: pdftotext gives the states' column, then the names' column (rows left out between)
S_PV_9000 = (
    "S/PV.9000\n\nUnited Nations\n\nSecurity Council\n\nProvisional\n\nSeventy-seventh year\n\n"
    "9000th meeting\n\nTuesday, 22 March 2022, 10 a.m.\nNew York\n\nPresident:\n\n"
    "Mrs. Nusseibeh . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .\n\n"
    "(United Arab Emirates)\n\nMembers:\n\n"
    "Albania . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . \n"
    "Brazil. . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . \n"
    "Kenya. . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .\n"
    "Mexico. . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . \n"
    "United Kingdom of Great Britain and Northern Ireland . . \n"
    "United States of America. . . . . . . . . . . . . . . . . . . . . . . . . . \n\n"
    "Mr. Hoxha\nMr. De Almeida Filho\nMr. Kiboino\nMr. De la Fuente Ramírez\n"
    "Dame Barbara Woodward\nMrs. Thomas-Greenfield\n\n"
    "Agenda\nThe situation in the Middle East, including the Palestinian question\n\n"
    "The President (spoke in Arabic): In accordance\nwith rule 39 of the Council’s provisional "
    "rules of\nprocedure, I invite Mr. Tor Wennesland, Special\nCoordinator for the Middle East "
    "Peace Process, to\nparticipate in this meeting.\n")


def test_the_names_column_after_the_states_column_pairs_in_order():
    assert [(t, role) for t, _, kind, role in rows(S_PV_9000) if kind == "person"] == [
        ("Hoxha", "representative of Albania"),
        ("De Almeida Filho", "representative of Brazil"),
        ("Kiboino", "representative of Kenya"),
        ("De la Fuente Ramírez", "representative of Mexico"),
        ("Barbara Woodward", f"representative of {UK}"),
        ("Thomas-Greenfield", f"representative of {USA}"),
    ]


def test_a_names_column_that_does_not_match_the_states_is_not_paired():
    # S/PV.9000 with one name left out: the order can no longer be trusted
    text = S_PV_9000.replace("Mr. Kiboino\n", "")
    found = rows(text)
    assert [kind for _, _, kind, _ in found] == ["state"] * 6


def test_a_name_never_runs_into_the_next_rows_state():
    # S/PV.4000: `Mr. Petrella` ends its line; `China` opens the next
    names = [t for t, _, kind, _ in rows(S_PV_4000) if kind == "person"]
    assert "Petrella" in names and not any("\n" in n or "China" in n for n in names)


def test_the_president_over_leaders_and_the_chair_lines_are_the_president():
    found = record_rows(S_PV_9000, "S/PV.9000")
    assert ("Nusseibeh", "Nusseibeh", "person", "President of the Security Council") in found
    assert ("United Arab Emirates", "United Arab Emirates", "state", "") in found
    assert ("President", "Nusseibeh", "person", "President of the Security Council") in found
    # S/PV.5000: the bracket on the name's line
    text = ("President:\n\nMr. Baja . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . "
            ". . . . . . . . . (Philippines)\n\nMembers:\n\n")
    found = proceedings.find(Context(text=text, doc_symbol="S/PV.5000"))
    assert {(m.text, m.actor, m.role) for m in found} == {
        ("Baja", "Baja", "President of the Security Council"),
        ("Philippines", "Philippines", "")}


def test_a_speaker_printed_otherwise_is_the_attendance_lists_representative():
    # S/PV.7981: the list prints `Ms. Schoulgin-Nyoni`, her speaker line `Ms. Schoulgin Nyoni`
    text = ("Members:\n\n"
            "Senegal . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . "
            ". . \n"
            "Sweden . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . "
            ". \n"
            "\nMr. Barro\nMs. Schoulgin-Nyoni\n\nAgenda\nThe situation concerning the Democratic "
            "Republic of the Congo\n\n"
            "Ms. Schoulgin Nyoni (Sweden): Sweden welcomes\nthe renewal of the sanctions regime "
            "and the extended\nmandate for the Group of Experts.\n")
    found = record_rows(text, "S/PV.7981")
    assert ("Schoulgin Nyoni", "Schoulgin-Nyoni", "person", "representative of Sweden") in found
    assert ("Schoulgin-Nyoni", "Schoulgin-Nyoni", "person", "representative of Sweden") in found
    assert ("Sweden", "Sweden", "state", "") in found


def test_another_name_for_the_same_state_stays_its_own_person():
    # S/PV.9000's list gives Kenya's seat to Mr. Kiboino; another delegate keeps his name
    assert same_name("Kiboino", "Kiboino")
    assert same_name("Greenstock", "Jeremy Greenstock")
    assert not same_name("Kimani", "Kiboino")
    assert not same_name("Jeremy", "Jeremy Greenstock")


def test_the_rows_joined_into_one_line_are_still_read_row_by_row():
    # S/PV.7981: the cleaner joins pdftotext's lines of the states' column into one
    text = ("Members:\n\nChina" + ". " * 40 + ". Egypt" + ". " * 40 + ". Ethiopia"
            + ". " * 38 + ".\n\nMr. Zhang Dianbin\nMr. Moustafa\nMr. Alemu\n\nAgenda\n")
    assert [(t, role) for t, _, kind, role in rows(text) if kind == "person"] == [
        ("Zhang Dianbin", "representative of China"), ("Moustafa", "representative of Egypt"),
        ("Alemu", "representative of Ethiopia")]
    # S/PV.4000's rows joined the same way: each name ends where the next row's state begins
    text = ("Members:\n\nArgentina . . . . . . . . . . . . . . . . . Mr. Petrella Bahrain . . . . "
            ". . . . . . . . . . . . . Mr. Buallay Russian Federation . . . . . . . . . . . . . . "
            "Mr. Lavrov\n\nAgenda\n")
    assert [(t, role) for t, _, kind, role in rows(text) if kind == "person"] == [
        ("Petrella", "representative of Argentina"), ("Buallay", "representative of Bahrain"),
        ("Lavrov", "representative of Russian Federation")]
