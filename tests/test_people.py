"""People in real sentences of UN documents (copied here, each with the document it comes from;
provenance in tests/corpus/MANIFEST.csv or the shared corpus MANIFEST: source repository, path,
commit): each case asserts the exact person, role and identifier the sentence yields."""

from __future__ import annotations

import pytest

from pipeline.extract import actors
from pipeline.extract.actors import named
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


# a full name without a title, in apposition to an office before it (one name or a list) or
# after it: A/65/PV.71 and A/79/PV.29 (un-project/un-extractor @cc0f3794), gd-1991-isl
# (SarahFranzen/Emotions_in_the_United_Nations_General_Debates @b99d1b61), the IAEA story of
# May 2024 (news-iaea-2024-05-olive-oil-fraud), A/HRC/14/15 (above)
IN_APPOSITION = [
    ("Mr. Monthe, as well as the Vice-Chairs, María Luz Melon, Margareta Ploder and Waheed "
     "Al-Shami, and the Secretary of the Committee",
     {("María Luz Melon", "", "maria-luz-melon"), ("Margareta Ploder", "", "margareta-ploder"),
      ("Waheed Al-Shami", "", "waheed-al-shami"), ("Monthe", "", "monthe")}),
    ("our heartfelt condolences on the passing of the former judges, Nabil Elaraby, Joe "
     "Verhoeven and Vladlen Stepanovich Vereshchetin. Today, we welcome the new President",
     {("Nabil Elaraby", "", "nabil-elaraby"), ("Joe Verhoeven", "", "joe-verhoeven"),
      ("Vladlen Stepanovich Vereshchetin", "", "vladlen-stepanovich-vereshchetin")}),
    ("A group led by the former Chancellor of Germany, Willy Brandt, has laid significant "
     "groundwork", {("Willy Brandt", "Chancellor of Germany", "willy-brandt")}),
    ("“Traditionally, authentication of olive oil requires sophisticated and expensive "
     "equipment,” said Christina Vlachou, Head of the Food Safety and Control Laboratory.",
     {("Christina Vlachou", "Head of the Food Safety and Control Laboratory",
       "christina-vlachou")}),
    ("• Aleš Gulič, Director, Office for Religious Communities;\n\n• Smiljana Knez, Head of "
     "Human Rights Department, Ministry of Foreign Affairs;",
     {("Aleš Gulič", "Director", "ales-gulic"),
      ("Smiljana Knez", "Head of Human Rights Department", "smiljana-knez")}),
    ("• Janez Rupnik, Police Councillor, Uniformed Police Directorate, Ministry of Interior;",
     {("Janez Rupnik", "Police Councillor", "janez-rupnik")}),
]


@pytest.mark.parametrize(("text", "expected"), IN_APPOSITION)
def test_a_full_name_in_apposition_to_an_office_is_a_person(text, expected):
    assert persons(text) == expected


# what stands where a name would, and is none: a common word of the text (`Territories` is
# written in lower case elsewhere in the same record, A/61/PV.107), a title (`The Honourable`,
# A/60/PV.85; `Madame`, A/61/PV.107)
def test_a_capitalized_run_of_common_words_before_an_office_is_no_person():
    text = ("Chairperson of the Committee dealing with Trust and Non-Self-Governing Territories, "
            "Vice-President of the Committee on Information from Non-Self-Governing Territories, "
            "the administering Powers of the territories")
    assert persons(text) == set()


TITLE_BEFORE_NAME = [
    ("I now give the floor to the Chairperson of round table 3, The Honourable Silvia Masebo, "
     "Minister of Health of the Republic of Zambia.",
     {("Silvia Masebo", "Minister of Health of the Republic of Zambia", "silvia-masebo")}),
    ("In his tribute to Ms. Brooks on her passing on Monday, Madame Ellen Johnson-Sirleaf, "
     "President of the Republic of Liberia, hailed",
     {("Ellen Johnson-Sirleaf", "President of the Republic of Liberia", "ellen-johnson-sirleaf"),
      ("Brooks", "", "brooks")}),
    ("would like to benefit more from such funds. Captain Moussa Dadis Camara’s announcement of "
     "his candidacy", {("Moussa Dadis Camara", "Captain", "moussa-dadis-camara")}),
    # initials written without a space between them (A/61/PV.107)
    ("he often told the story of how the late President William V.S. Tubman of Liberia, "
     "realizing her tenacity", {("William V.S. Tubman", "President", "william-v-s-tubman")}),
]


@pytest.mark.parametrize(("text", "expected"), TITLE_BEFORE_NAME)
def test_a_title_before_the_name_is_not_part_of_it(text, expected):
    assert persons(text) == expected


# S/2021/100 (yuiseki/undocs en/pdfs/S/2021/100 @2d22550b): the signature on a line of its own
def test_a_signature_alone_on_its_line_is_the_signatory():
    text = "sent on behalf of the Government of Colombia.\n(Signed) Tarek Ladeb\n"
    assert persons(text) == {("Tarek Ladeb", "", "tarek-ladeb")}


# people named in full with nothing around them the rules read: spaCy's NER on the capitalized
# runs nothing else took (pipeline.extract.actors.named). gd-1979-mng (the General Debate
# corpus, above), A/60/PV.85 (above)
NAMED_ALONE = [
    ('the decision of the General Assembly to recognize the "credentials" of the representative '
     "of the bloodthirsty regime of Pol Pot and Ieng Sary, rejected by the Kampuchean people, is "
     "a black mark against this Organization",
     {("Pol Pot", "", "pol-pot"), ("Ieng Sary", "", "ieng-sary")}),
    ("leaders need to know that we [women] are in pain and grief”. The origin of this statement "
     "was panellist Lillian Mworeko of the International Community of Women Living with HIV/AIDS, "
     "Uganda.", {("Lillian Mworeko", "", "lillian-mworeko")}),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_ALONE)
def test_a_person_named_alone_is_found_by_the_model(text, expected, monkeypatch):
    monkeypatch.setattr(named, "ENABLED", True)  # off by default (NER_PEOPLE=1)
    assert persons(text) == expected


def test_the_model_reads_only_runs_that_no_reference_names():
    # gd-2013-phl: `Assistance Framework` holds a word the text writes in lower case, `United
    # Nations` words that are never a name's, `Philippines` a place; only the two names are left
    text = ("the United Nations Development\nAssistance Framework seeks to fully align United\n"
            "Nations work with the Philippines, and the framework was, as Pol Pot and Ieng Sary")
    runs = named.candidate_runs(text, [])
    assert [text[b:e] for b, e in runs] == ["Pol Pot", "Ieng Sary"]


def test_the_model_reads_no_run_another_finder_took():
    text = "the bloodthirsty regime of Pol Pot and Ieng Sary"
    taken = [(text.index("Pol Pot"), text.index("Pol Pot") + 7)]
    assert [text[b:e] for b, e in named.candidate_runs(text, taken)] == ["Ieng Sary"]
