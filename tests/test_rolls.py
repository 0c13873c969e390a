"""States a meeting record lists by its layout (`pipeline.rolls`): recorded votes, attendance,
the state a speaker speaks for, and lists announced as acting (`the following States have
become sponsors ...:`) act; a running head inside a list does not.

Sources, the lines copied here: A/48/PV.46 (1993), A/65/PV.71 (2010), A/76/PV.102 (2022),
A/79/PV.29 (2024) and S/PV.492 (1950) from un-project/un-extractor (data/raw_pdfs/en/...,
commit cc0f379), as the ingest gives their text; S/PV.1000 (1962), S/PV.4000 (1999),
S/PV.7981 (2017) and S/PV.9000 (2022) from yuiseki/undocs (en/pdfs/S/PV.<n>/resolution.txt,
commit 2d22550bf2f08e7ae1c8b7644a57959a8b599e44), pdftotext's text; General Debate speeches of
India (1970) and Mongolia (1979) from SarahFranzen/Emotions_in_the_United_Nations_General_Debates
(tests/corpus/gd-1970-ind.txt, gd-1979-mng.txt)."""

from __future__ import annotations

from pipeline.states import state_hits


def acting(text: str) -> list[tuple[str, bool]]:
    return [(h.name, h.acting) for h in state_hits(text)]


def test_every_state_of_a_recorded_vote_acts_across_a_page_break():
    # A/65/PV.71 (the list cut short): tabs between items, and a page break inside a name,
    # its furniture joined to the next line (`Saint Vincent and` ... `the Grenadines`)
    text = ("A recorded vote was taken.\n\nIn favour:\nLesotho, Liberia, Libyan Arab "
            "Jamahiriya,\nLiechtenstein,\tLithuania,\tLuxembourg,\nMadagascar, Malawi, Saint "
            "Kitts and Nevis, Saint Lucia, Saint Vincent and\n\n10-70469\t9\x0cthe Grenadines, "
            "Samoa, San Marino.\n\nAgainst:\nIsrael, Marshall Islands, Micronesia (Federated "
            "States of), Nauru, Palau, United States of America.\n\nAbstaining:\nCameroon, "
            "Canada, Democratic Republic of the Congo, Tonga.\n\nDraft resolution II was adopted "
            "by 177 votes to 6, with 4 abstentions (resolution 65/202).")
    assert acting(text) == [
        ("Lesotho", True), ("Liberia", True), ("Libya", True), ("Liechtenstein", True),
        ("Lithuania", True), ("Luxembourg", True), ("Madagascar", True), ("Malawi", True),
        ("Saint Kitts and Nevis", True), ("Saint Lucia", True), ("Samoa", True),
        ("San Marino", True), ("Israel", True), ("Marshall Islands", True),
        ("Micronesia (Federated States of)", True), ("Nauru", True), ("Palau", True),
        ("United States of America", True), ("Cameroon", True), ("Canada", True),
        ("Democratic Republic of the Congo", True), ("Tonga", True)]


def test_abstentions_label_of_the_1990s():
    # A/48/PV.46
    text = ("A recorded vote was taken.\n\nIn favour: Afghanistan, Albania, Andorra\n\n"
            "Against: Iraq, Sudan\n\nAbstentions: Algeria, Angola, Belarus\n\nThe eighth "
            "preambular paragraph was retained by 105 votes to 2, with 22 abstentions.")
    assert all(flag for _, flag in acting(text))
    assert [name for name, _ in acting(text)] == [
        "Afghanistan", "Albania", "Andorra", "Iraq", "Sudan", "Algeria", "Angola", "Belarus"]


def test_a_running_head_inside_a_security_council_vote_is_no_vote():
    # S/PV.7981: the page's running head falls between the list and the result
    text = ("A vote was taken by show of hands.\nIn favour:\nBolivia (Plurinational State of), "
            "China, Egypt,\nEthiopia, France, Italy, Japan, Kazakhstan, Russian\nFederation, "
            "Senegal, Sweden, Ukraine, United\nKingdom of Great Britain and Northern Ireland,\n"
            "United States of America and Uruguay\n17-17797\n\n21/06/2017\n\nThe situation "
            "concerning the Democratic Republic of the Congo\n\nThe President (spoke in "
            "Spanish): The draft\nresolution received 15 votes in favour.")
    found = acting(text)
    assert ("Democratic Republic of the Congo", False) in found
    assert [name for name, flag in found if flag] == [
        "Bolivia (Plurinational State of)", "China", "Egypt", "Ethiopia", "France", "Italy",
        "Japan", "Kazakhstan", "Russian Federation", "Senegal", "Sweden", "Ukraine",
        "United Kingdom of Great Britain and Northern Ireland", "United States of America",
        "Uruguay"]


def test_a_vote_in_a_bilingual_record_whose_labels_follow_the_french_column():
    # S/PV.492: the ingest joined the end of each French line to the English label
    text = ("la <télé\tA vote was taken by show of hands, as follows:\nlogique.\tIn favour: "
            "India, Norway, Union of So~iet Socialist\nRcpl1blics, Y ugoslavia.\ne est au\n"
            "du Yote.\tAgainst: China, Cuba, Ecuador, United States of\nAmerica.\n\nAbstaining: "
            "Egypt, France, United Kingdom of Great\nde l'all\nBritain and Northern Ireland.\n"
            "fond de\n~stilllons\tThe proposal was rejected by 4 votes to 4, with 3\n"
            "abstentions.")
    assert [name for name, flag in acting(text) if flag][:8] == [
        "India", "Norway", "China", "Cuba", "Ecuador", "United States of America", "Egypt",
        "France"]


def test_a_list_without_a_vote_taken_is_no_vote():
    # A/79/PV.29: the same words outside a vote
    text = ("We are against any use of force. Against: this is what Kenya said about Uganda, "
            "Rwanda and Burundi in the debate.")
    assert ("Rwanda", True) not in acting(text)


def test_the_old_security_council_present_list_acts():
    # S/PV.492 (OCR `foilowing coun tries`) and S/PV.1000, over three lines
    text = ("Present: The representatives of the foilowing coun tries: China, Cuba, Ecuador, "
            "Egypt, France, India, Norway, Union of Soviet Socialist Republics, United Kingdom "
            "of Great Britain and Northern Ireland, United States of America, Yugoslavia.\n\n"
            "1. Provisional agenda (SiAgenda 492)")
    assert [flag for _, flag in acting(text)] == [True] * 11
    text = ("Present: The representatives of the followingstates:\nChile, China, France, Ghana, "
            "Ireland, Ramania, Union\nof Soviet Socialist Republics, United Arab Republic,\n"
            "Venezuela.\n\nPrésents: Les représentants des Etats suivants:")
    assert acting(text) == [("Chile", True), ("China", True), ("France", True),
                            ("Ghana", True), ("Ireland", True),
                            ("Union of Soviet Socialist Republics", True), ("Egypt", True),
                            ("Venezuela (Bolivarian Republic of)", True)]


def test_the_members_column_of_the_security_council_masthead_acts():
    # S/PV.4000, one row a line; S/PV.9000, the states' column before the names'
    text = ("Members:\n\nArgentina . . . . . . . . . . . . Mr. Petrella\nBahrain . . . . . . . . "
            ". . . . . Mr. Buallay\n\nAgenda\nLetter dated 7 May 1999 from the Permanent "
            "Representative of China")
    assert acting(text)[:2] == [("Argentina", True), ("Bahrain", True)]
    text = ("Members:\n\nAlbania . . . . . . . . . . . . . . \nBrazil. . . . . . . . . . . . . "
            "\n\nMr. Hoxha\nMr. De Almeida Filho\n\nAgenda\nThe situation in the Middle East")
    assert acting(text) == [("Albania", True), ("Brazil", True)]


def test_the_state_a_titled_speaker_speaks_for_acts():
    # A/76/PV.102, A/65/PV.71 (a tab before the bracket), S/PV.4000 (invited, in running text)
    assert acting("Mr. Kimani (Kenya): It was my honour") == [("Kenya", True)]
    assert acting("President: Mr. Deiss\t(Switzerland)") == [("Switzerland", True)]
    text = ("At the invitation of the President, Mr. Nesho\n(Albania), Mr. Sychou (Belarus), Mr. "
            "Rodríguez\nParrilla (Cuba) took the seats reserved for them")
    assert acting(text) == [("Albania", True), ("Belarus", True), ("Cuba", True)]
    # a bracket after an untitled word is no speaker's
    assert acting("the situation in the region (Kenya) is calm") == [("Kenya", False)]


def test_a_list_announced_as_sponsors_acts():
    # A/48/PV.46 (1993) and A/79/PV.29 (2024, the list cut short)
    text = ("The PRESIDENT: I should like to announce that the following States have become "
            "sponsors of draft resolution A/48/L.13 and Add.1: Armenia, Dominica, Ethiopia, "
            "Latvia and Lithuania.")
    assert acting(text) == [("Armenia", True), ("Dominica", True), ("Ethiopia", True),
                            ("Latvia", True), ("Lithuania", True)]
    text = ("in addition to the delegations listed on the document, the following countries "
            "have also become sponsors of draft resolution A/79/L.8: Andorra, Argentina, the "
            "Congo, Croatia, the Democratic Republic of the Congo, Uruguay and Zambia.")
    assert [flag for _, flag in acting(text)] == [True] * 7


def test_a_vote_label_joined_to_the_sentence_before_it():
    # S/PV.7981 as the cleaner joins pdftotext's lines into paragraphs
    text = ("I shall put the draft resolution to the vote now. A vote was taken by show of "
            "hands. In favour: Bolivia (Plurinational State of), China, Egypt, Ethiopia, France, "
            "Italy and Uruguay\n\n21/06/2017\n\nThe situation concerning the Democratic Republic "
            "of the Congo\n\nThe President (spoke in Spanish): The draft resolution received 15 "
            "votes in favour.")
    assert [name for name, flag in acting(text) if flag] == [
        "Bolivia (Plurinational State of)", "China", "Egypt", "Ethiopia", "France", "Italy",
        "Uruguay"]


# --- lists and relations in running text (`pipeline.states`), in the same records ----------


def test_the_states_a_list_of_representatives_or_governments_names_act():
    # S/PV.4000 and S/PV.7981
    text = ("I should like to\ninform the Council that I have received letters from the\n"
            "representatives of Albania, Belarus, Cuba, India, Iraq and\nUkraine, in which they "
            "request to be invited to participate")
    assert acting(text) == [("Albania", True), ("Belarus", True), ("Cuba", True),
                            ("India", True), ("Iraq", True), ("Ukraine", True)]
    text = ("We reiterate our condolences to the families of Michael\nand Zaida and to the "
            "Governments of the United States,\nSweden and Chile.")
    assert acting(text) == [("United States of America", True), ("Sweden", True),
                            ("Chile", True)]


def test_both_parties_to_talks_between_two_states_act():
    # gd-1970-ind (General Debate, 1970), gd-1979-mng (1979), A/48/PV.46 (1993)
    for text, states in [
        ("I should also like to express the hope that the bilateral talks between the United "
         "States and the Soviet Union on the limitation of strategic arms",
         ["United States of America", "Union of Soviet Socialist Republics"]),
        ("welcomes the beginning of negotiations between the USSR and the People's Republic of "
         "China on the normalization", ["Union of Soviet Socialist Republics", "China"]),
        ("the talks between the Democratic People’s Republic of Korea and the United States",
         ["Democratic People's Republic of Korea", "United States of America"]),
    ]:
        assert acting(text) == [(s, True) for s in states]
