"""Actors from the structure of proceedings: real lines of UN meeting records, letters and
Security Council texts, each with the exact actors it must yield.

Sources, the lines copied here: A/48/PV.46 (1993), A/60/PV.85 (2006), A/61/PV.107 (2007),
A/65/PV.71 (2010), A/79/PV.29 (2024), S/PV.492 (1950) from un-project/un-extractor
(data/raw_pdfs/en/..., commit cc0f379; A/60/PV.85 tests/data/N0637121.pdf at 8e32b98);
S/2019/2, S/2021/100, S/PV.4000 and S/PV.7981 from yuiseki/undocs (en/pdfs/S/..., commit
2d22550); the PDF records as the ingest gives their text (a tab between the masthead's
columns)."""

from __future__ import annotations

import pytest

from pipeline.extract import actors, proceedings
from pipeline.models import Context


def rows(text: str, symbol: str = "", finder=proceedings.find) -> set[tuple[str, str, str, str]]:
    """(text, actor, actor_type, role) of every candidate, each checked against its offsets."""
    found = finder(Context(text=text, doc_symbol=symbol))
    assert all(text[m.start : m.end] == m.text for m in found)
    return {(m.text, m.actor, m.actor_type, m.role) for m in found}


# --- speaker lines ------------------------------------------------------------------------

SPEAKERS = [
    # A/79/PV.29
    ("Mr. Kiboino (Kenya): Kenya’s delegation aligns itself with the statement delivered by the "
     "representative of Uganda on behalf of the African States Parties to the Rome Statute "
     "(see A/79/PV.26).",
     {("Kiboino", "Kiboino", "person", "representative of Kenya"),
      ("Kenya", "Kenya", "state", "")}),
    # A/48/PV.46: capitals of an older record, a language note
    ("Mr. RIVERO ROSARIO (Cuba) (interpretation from Spanish): Nuclear energy has proven to be "
     "an important factor in the solution of many of the global problems of our planet.",
     {("RIVERO ROSARIO", "Rivero Rosario", "person", "representative of Cuba"),
      ("Cuba", "Cuba", "state", "")}),
    # A/60/PV.85: an office after the state
    ("Mr. Douglas (Saint Kitts and Nevis), Chairperson of round table 1: Let me first thank "
     "those who participated in the discussion in round table 1.",
     {("Douglas", "Douglas", "person", "Chairperson of round table 1"),
      ("Saint Kitts and Nevis", "Saint Kitts and Nevis", "state", "")}),
    # A/48/PV.46: the state under its UN short name
    ("Mr. MORADI (Islamic Republic of Iran): My delegation abstained in the separate votes on "
     "the ninth preambular paragraph and on operative paragraph 7 of draft resolution A/48/L.13 "
     "and Corr.1.",
     {("MORADI", "Moradi", "person", "representative of Iran (Islamic Republic of)"),
      ("Islamic Republic of Iran", "Iran (Islamic Republic of)", "state", "")}),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKERS)
def test_a_speaker_line_is_the_person_and_the_state_represented(text, expected):
    assert rows(text) == expected


def test_a_speaker_for_a_body_has_the_body_as_role():
    # A/76/PV.102; the body itself is the text patterns' to find
    text = ("Mr. Pieper (European Union): Before delivering our prepared statement on behalf of "
            "the European Union (EU) and its member States, I would like to express our "
            "collective and sincere sadness over the passing of Queen Elizabeth II.")
    assert rows(text) == {("Pieper", "Pieper", "person", "European Union")}


def test_a_speaker_line_after_a_joined_column_is_read():
    # S/PV.492: the ingest joined the end of the French column to the English speaker line
    text = "~I, il fall\tMr. SUNDE (Norway): l should Iike to hear the"
    assert rows(text) == {("SUNDE", "Sunde", "person", "representative of Norway"),
                          ("Norway", "Norway", "state", "")}


def test_a_speaker_line_after_the_page_furniture_and_a_form_feed_is_read():
    # A/61/PV.107: the ingest joins the page number, the job number and the page break to
    # the first line of the next page
    text = ("10\t07-50429\x0cMr. Hill (Australia): Australia has actively worked to ensure the "
            "adoption of a meaningful declaration.")
    assert rows(text) == {("Hill", "Hill", "person", "representative of Australia"),
                          ("Australia", "Australia", "state", "")}
    text = ("07-50429\t15\x0cMr. Rogachev (Russian Federation) (spoke in Russian): The Russian "
            "Federation attaches great importance to")
    assert rows(text) == {
        ("Rogachev", "Rogachev", "person", "representative of Russian Federation"),
        ("Russian Federation", "Russian Federation", "state", "")}


def test_a_speaker_line_joined_to_the_sentence_before_it_is_read():
    # A/79/PV.29: the page break falls between the sentence and the next speaker's line
    text = ("We reiterate our strong support for the Court and its institutions and officials."
            "\x0cMs. Zabolotskaya (Russian Federation) (spoke in Russian): Today the General "
            "Assembly has been forced to spend time considering the issue")
    assert rows(text) == {
        ("Zabolotskaya", "Zabolotskaya", "person", "representative of Russian Federation"),
        ("Russian Federation", "Russian Federation", "state", "")}
    # S/PV.7981, pdftotext's lines joined into paragraphs by the cleaner
    text = ("I shall now give the floor to those members of the Council who wish to make "
            "statements following the voting. Ms. Sison (United States of America): Resolution "
            "2360 (2017), which we have just adopted")
    assert rows(text) == {
        ("Sison", "Sison", "person", "representative of United States of America"),
        ("United States of America", "United States of America", "state", "")}


def test_representatives_named_in_the_records_own_words_are_read():
    # S/PV.4000 (pdftotext's lines): the invited representatives take their seats
    text = ("At the invitation of the President, Mr. Nesho\n(Albania), Mr. Sychou (Belarus), Mr. "
            "Rodríguez\nParrilla (Cuba), Mr. Sharma (India), Mr. Hasan\n(Iraq) and Mr. "
            "Yel’chenko (Ukraine) took the seats\nreserved for them at the side of the Council "
            "Chamber.")
    found = rows(text, "S/PV.4000")
    assert {(t, actor, role) for t, actor, kind, role in found if kind == "person"} == {
        ("Nesho", "Nesho", "representative of Albania"),
        ("Sychou", "Sychou", "representative of Belarus"),
        ("Rodríguez\nParrilla", "Rodríguez Parrilla", "representative of Cuba"),
        ("Sharma", "Sharma", "representative of India"),
        ("Hasan", "Hasan", "representative of Iraq"),
        ("Yel’chenko", "Yel’chenko", "representative of Ukraine")}
    # only in a meeting record: elsewhere the bracket may say something else
    assert rows(text, "S/1999/523") == set()


def test_a_speaker_in_a_bracket_that_names_no_state_is_not_read():
    # S/PV.492, the French half of the record: `Etats-Unis d'Amérique` is in no English list
    text = ("M. AUSTIN (Etats-Unis d'Amérique) (tradl/it de rallglais) : Je ne comprends pas "
            "très bien.")
    assert rows(text) == set()
    text = ("Sir Gladwyn JEBB (Royaume-Uni) (traduit de l'an glais) : Si la déclaration que "
            "vient de faire le Président est consignée au compte rendu")
    assert rows(text) == set()


def test_a_surname_on_a_speaker_line_takes_the_full_name_the_record_gives():
    # A/65/PV.71: the President names the Rapporteur in full before he speaks
    text = ("I now request the Rapporteur of the Third Committee, Mr. Asif Garayev of "
            "Azerbaijan, to introduce the reports of the Third Committee in one intervention.\n\n"
            "Mr. Garayev (Azerbaijan), Rapporteur of the Third Committee: It is a great honour "
            "and privilege for me to introduce to the General Assembly the reports of the Third "
            "Committee.")
    found = rows(text, "A/65/PV.71", actors.find)
    assert ("Garayev", "Asif Garayev", "person", "Rapporteur of the Third Committee") in found
    assert ("Azerbaijan", "Azerbaijan", "state", "") in found


# --- the Chair ----------------------------------------------------------------------------

DEISS = ("United Nations\tA/65/PV.71\n\nGeneral Assembly\tOfficial Records\nSixty-fifth session\n\n"
         "71st plenary meeting\n\nTuesday, 21 December 2010, 3 p.m.\nNew York\n\n"
         "President: Mr. Deiss\t(Switzerland)\n\nThe meeting was called to order at 3.05 p.m.\n\n"
         "Reports of the Third Committee\n\nThe President (spoke in French): The General "
         "Assembly will now consider the reports of the Third Committee on agenda items 27, 28, "
         "61, 63 to 68, 105, 106, 118 and 130.\n")


def test_the_president_is_the_masthead_president_under_the_full_name_of_the_session():
    assert rows(DEISS, "A/65/PV.71") == {
        ("Deiss", "Joseph Deiss", "person", "President of the General Assembly"),
        ("Switzerland", "Switzerland", "state", ""),
        ("President", "Joseph Deiss", "person", "President of the General Assembly"),
    }


def test_the_session_comes_from_the_masthead_when_the_symbol_is_unknown():
    # A/48/PV.46, whose masthead spells its session and prints the name in capitals
    text = ("United Nations\t46th\nG E N E R A L\tPLENARY MEETING\n\nA S S E M B L Y\tMonday, "
            "1 November 1993\n\nFORTY-EIGHTH SESSION\tat 3 p.m.\n\nOfficial Records\tNEW YORK\n\n"
            "President: Mr. INSANALLY (Guyana)\n\nThe meeting was called to order at 3.20 p.m.\n")
    assert ("INSANALLY", "Samuel R. Insanally", "person",
            "President of the General Assembly") in rows(text)


DIARRA = ("The President: Before I give the floor to the next speaker, I would like to inform the "
          "Assembly that, due to other pressing duties, I will soon yield the Chair to my trusted "
          "friend, and Vice-President of the General Assembly, His Excellency Mr. Cheick Sidi "
          "Diarra, Permanent Representative of Mali.\n\n"
          "Mr. Diarra (Mali), Vice-President, took the Chair.\n\n"
          "The Acting President (spoke in French): We have just heard the last statement "
          "concerning the round tables.\n")


def test_the_acting_president_is_the_vice_president_who_took_the_chair():
    # A/60/PV.85
    found = rows(DIARRA, "A/60/PV.85")
    assert ("Acting President", "Diarra", "person",
            "Acting President of the General Assembly") in found
    assert ("Diarra", "Diarra", "person", "Vice-President of the General Assembly") in found
    assert ("Mali", "Mali", "state", "") in found


def test_the_acting_president_takes_the_full_name_the_record_gives():
    found = rows(DIARRA, "A/60/PV.85", actors.find)
    assert ("Acting President", "Cheick Sidi Diarra", "person",
            "Acting President of the General Assembly") in found


def test_the_acting_president_is_the_last_vice_president_to_take_the_chair():
    # A/61/PV.107: one Vice-President presides, the President returns, another one presides
    text = ("Mr. Wali (Nigeria), Vice-President, took the Chair.\n\n"
            "The President returned to the Chair.\n\n"
            "Mrs. Asmady (Indonesia), Vice-President, took the Chair.\n\n"
            "The Acting President: I should like to inform\n")
    acting = {m.actor for m in proceedings.find(Context(text=text, doc_symbol="A/61/PV.107"))
              if m.text == "Acting President"}
    assert acting == {"Asmady"}


# --- rosters and committees (S/2019/2) ----------------------------------------------------

ROSTER = ("Security Council Committee established pursuant to resolution 1533 (2004)\n"
          "concerning the Democratic Republic of the Congo\nChair:\nMansour Alotaibi (Kuwait)\n"
          "Vice-Chairs: Peru and Poland\n")
CONGO_COMMITTEE = ("Security Council Committee established pursuant to resolution 1533 (2004) "
                   "concerning the Democratic Republic of the Congo")


def test_a_chair_listed_with_a_country_chairs_the_body_named_before():
    assert rows(ROSTER) == {
        (ROSTER[:ROSTER.index("\nChair")], CONGO_COMMITTEE, "organization", ""),
        ("Mansour Alotaibi", "Mansour Alotaibi", "person", f"Chair of the {CONGO_COMMITTEE}"),
        ("Kuwait", "Kuwait", "state", ""),
        ("Peru", "Peru", "state", ""),
        ("Poland", "Poland", "state", ""),
    }


def test_a_committee_is_named_as_the_council_names_it_whatever_the_wording():
    text = ("Security Council Committee pursuant to resolutions 1267 (1999), 1989 (2011)\n"
            "and 2253 (2015) concerning Islamic State in Iraq and the Levant (Da’esh),")
    (found,) = rows(text)
    assert found[0] == ("Security Council Committee pursuant to resolutions 1267 (1999), "
                        "1989 (2011)\nand 2253 (2015)")
    assert found[1].startswith("Security Council Committee pursuant to resolutions 1267 (1999), "
                               "1989 (2011) and 2253 (2015) concerning Islamic State")


def test_a_committee_of_no_data_row_is_named_by_rule():
    # the S/2019/2 wording with a resolution the data does not list
    text = "Security Council Committee established pursuant to resolution 2745 (2024)\nChair:"
    assert rows(text) == {
        ("Security Council Committee established pursuant to resolution 2745 (2024)",
         "Security Council Committee established pursuant to resolution 2745 (2024)",
         "organization", ""),
    }


# --- letters (S/2021/100) -----------------------------------------------------------------

SENDERS = [
    # A/76/PV.102
    ("In connection with the item, the President has received a letter dated 12 July 2022 from "
     "the Permanent Representatives of Finland and Türkiye to the United Nations, requesting its "
     "inclusion in the provisional agenda of the seventy-seventh session of the Assembly.",
     {("Finland", "Finland", "state", ""), ("Türkiye", "Türkiye", "state", "")}),
    # S/PV.492 (1950, OCR): a word broken by the scan
    ("(b) Letter dated 25 August 1950 from the repre sentative of the United States of America, "
     "ad dressed to the Secretary-General, concerning\nFormosa (Sjl716).",
     {("United States of America", "United States of America", "state", "")}),
    # S/PRST/1994/10: the dates and the sender across lines
    ('"The Security Council has taken note of the letters dated 10 and\n14 March 1994 from the '
     "Chargé d’affaires of the Federal Republic of\nYugoslavia (Serbia and Montenegro).",
     {("Federal Republic of\nYugoslavia", "Yugoslavia", "state", "")}),
]


@pytest.mark.parametrize(("text", "expected"), SENDERS)
def test_the_states_a_letter_is_from_are_acting(text, expected):
    assert rows(text) == expected


LETTER = ("Letter dated 30 January 2021 from the President of the\nSecurity Council addressed to "
          "the Secretary-General\nI have the honour to refer to a letter dated 13 January 2021 "
          "from the President of Colombia.\n(Signed) Tarek Ladeb{gap}President of the Security "
          "Council\n")


@pytest.mark.parametrize("gap", [" ", "\n"])  # lines joined by the ingest, or as typeset
def test_the_signatory_is_the_sender_named_by_office_in_the_title(gap):
    assert rows(LETTER.format(gap=gap)) == {
        ("Tarek Ladeb", "Tarek Ladeb", "person", "President of the Security Council"),
        ("President of the\nSecurity Council", "Tarek Ladeb", "person",
         "President of the Security Council"),
        ("Colombia", "Colombia", "state", ""),
    }


def test_structural_candidates_win_where_they_overlap_text_patterns():
    # the committee's name holds a state the text patterns would report as acting
    found = rows(ROSTER, finder=actors.find)
    assert not any(actor == "Democratic Republic of the Congo" for _, actor, _, _ in found)


def test_a_body_named_inside_a_committee_name_stays_beside_it():
    found = rows(ROSTER, finder=actors.find)
    assert ("Security Council", "Security Council", "organization", "") in found
    assert (ROSTER[:ROSTER.index("\nChair")], CONGO_COMMITTEE, "organization", "") in found


def test_the_committee_data_has_one_row_per_resolution_each_with_its_source():
    rows_ = proceedings.read_data("sc_committees.csv")
    keys = [r["resolution"] for r in rows_]
    assert len(keys) == len(set(keys))
    assert all(r["source"].strip() and r["name"].strip() for r in rows_)
    assert all(proceedings.COMMITTEE.fullmatch(r["name"].split(" concerning ")[0]) for r in rows_)
