"""Organizations outside the UN system: armed groups of the Security Council's sanctions lists,
regional missions, health initiatives, ministries (with a comma-listed portfolio, or named with
their state), and UN bodies written `United Nations X` for `UN-X`. Real sentences, each with its
source; each case asserts the exact canonical names the sentence yields."""

from __future__ import annotations

import pytest

from pipeline.extract import actors
from pipeline.extract.actors import data
from pipeline.models import Context


def organizations(text: str) -> set[tuple[str, str]]:
    mentions = actors.find(Context(text=text))
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return {(m.actor, m.actor_id) for m in mentions if m.actor_type == "organization"}


def states(text: str) -> set[str]:
    return {m.actor for m in actors.find(Context(text=text)) if m.actor_type == "state"}


ISIL = ("Islamic State in Iraq and the Levant", "islamic-state-in-iraq-and-the-levant")
AL_QAIDA = ("Al-Qaida", "al-qaida")
NUSRA = ("Al-Nusra Front", "al-nusra-front")

# sentence, the organizations it names (canonical name, actor_id), exactly
CASES = [
    # S/RES/2170 (2014), second preambular paragraph: another spelling of each, and acronyms
    ("Expressing its gravest concern that territory in parts of Iraq and Syria is under the "
     "control of Islamic State in Iraq and the Levant (ISIL) and Al Nusrah Front (ANF) and "
     "about the negative impact of their presence", {ISIL, NUSRA}),
    ("Reiterating its condemnation of ISIL, ANF and all other individuals, groups, undertakings "
     "and entities associated with Al Qaida for ongoing and multiple criminal terrorist acts",
     {ISIL, NUSRA, AL_QAIDA}),
    # A/79/PV.29 (un-pdf-a-79-pv-29): groups in no sanctions list, under the UN's spelling
    ("Let us be clear: Israel’s war is with Hamas, Hizbullah and other terrorist groups that "
     "indiscriminately target Israeli civilians.",
     {("Hamas", "hamas"), ("Hizbullah", "hizbullah")}),
    # Security Council press statement of 5 April 2018 on the attack in Lower Shabelle
    ("The members of the Security Council condemned in the strongest terms the terrorist attack "
     "of 1 April 2018 perpetrated by Al-Shabaab against the Ugandan contingent of the African "
     "Union Mission in Somalia (AMISOM) in Lower Shabelle in Somalia",
     {("Security Council", "Q37470"), ("Al-Shabaab", "al-shabaab"),
      ("African Union Mission in Somalia", "african-union-mission-in-somalia")}),
    # Security Council press statement of 5 May 2022 on the attack in Elbaraf
    ("The members of the Security Council expressed their full support for the efforts by the "
     "Federal Government of Somalia and ATMIS to counter the threat posed by Al-Shabaab.",
     {("Security Council", "Q37470"), ("Al-Shabaab", "al-shabaab"),
      ("African Union Transition Mission in Somalia",
       "african-union-transition-mission-in-somalia")}),
    # SG/SM/20240 (2020), the Secretary-General to the ACT-Accelerator Facilitation Council
    ("We have just such a mechanism in the Access to COVID-19 Tools Accelerator — or "
     "ACT-Accelerator — a ground-breaking collaboration that has gathered the World Health "
     "Organization (WHO)",
     {("Access to COVID-19 Tools Accelerator", "access-to-covid-19-tools-accelerator"),
      ("World Health Organization", "Q7817")}),
    # WHO Director-General's remarks at the media briefing of 21 September 2020
    ("The COVAX Facility will help to bring the pandemic under control, save lives",
     {("COVAX", "covax")}),
    # armed forces whose names open with a state's name (Security Council press statements of
    # 5 May 2022 and of 3 November 2014, the latter quoted by UN News)
    ("They paid tribute to the members of the Burundi National Defence Force who lost their "
     "lives helping to bring peace and stability to Somalia",
     {("Burundi National Defence Force", "burundi-national-defence-force")}),
    ("a series of clashes between the Sudan People’s Liberation Army (SPLA) and Opposition "
     "forces in South Sudan’s Unity and Upper Nile states",
     {("Sudan People’s Liberation Army", "sudan-people-s-liberation-army")}),
    # WHO Disease Outbreak News of 9 August 2016 (chikungunya, Kenya)
    ("Samples were collected and shipped to the Kenya Medical Research Institute (KEMRI) "
     "Arboviral Laboratory in Nairobi.",
     {("Kenya Medical Research Institute", "kenya-medical-research-institute")}),
    # A/61/PV.107 (un-pdf-a-61-pv-107): a national department named with its state
    ("In its annual human rights report, the United States Department of State reports on the "
     "situation of indigenous persons in communities throughout the world.",
     {("United States Department of State", "united-states-department-of-state")}),
    # A/HRC/14/15 and A/HRC/43/15 (the delegations of Slovenia): a portfolio listed with commas
    ("• Tanja Dular, Secretary, Disability Directorate, Ministry of Labour, Family and Social "
     "Affairs;", {("Ministry of Labour, Family and Social Affairs",
                   "ministry-of-labour-family-and-social-affairs")}),
    ("• Ms. Mija Javornik, Senior Adviser, Ministry of Education, Science and Sport;",
     {("Ministry of Education, Science and Sport", "ministry-of-education-science-and-sport")}),
    ("• Ms. Saša Mlakar, Undersecretary, Ministry of Labour, Family, Social Affairs And Equal "
     "Opportunity;", {("Ministry of Labour, Family, Social Affairs And Equal Opportunity",
                       "ministry-of-labour-family-social-affairs-and-equal-opportunity")}),
    # A/HRC/14/15: a comma and no `and` after it: the list is the delegate's next title
    ("• Mr. Goran Klemenčič, State Secretary, Ministry of Interior, Deputy Head of Delegation;",
     {("Ministry of Interior", "ministry-of-interior")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_sentence_names_exactly_these_organizations(text, expected):
    assert organizations(text) == expected


def test_the_groups_named_inside_a_sanctions_committee_name_are_named():
    # S/2019/2 (tests/corpus/un-s-2019-2.txt); the committee itself is read by `proceedings`
    text = ("Security Council Committee pursuant to resolutions 1267 (1999), 1989 (2011) and 2253 "
            "(2015) concerning Islamic State in Iraq and the Levant (Da’esh), Al-Qaida and "
            "associated individuals, groups, undertakings and entities Chair: Dian Triansyah "
            "Djani (Indonesia)")
    mentions = actors.find(Context(text=text))
    assert {(m.text, m.actor) for m in mentions if m.actor in (ISIL[0], AL_QAIDA[0])} == {
        ("Islamic State in Iraq and the Levant", ISIL[0]), ("Da’esh", ISIL[0]),
        ("Al-Qaida", AL_QAIDA[0])}


# A/48/PV.46 (un-pdf-a-48-pv-46): the ministry without its state, and the state acting
UKRAINE = ("On 22 September 1993, the Ministry of Justice of Ukraine registered the Rules of the "
           "State System for Nuclear Material Accounting and Control.")


def test_a_ministry_named_with_its_state_is_the_ministry_and_the_state_acts():
    assert organizations(UKRAINE) == {("Ministry of Justice", "ministry-of-justice")}
    assert states(UKRAINE) == {"Ukraine"}


# WHO Disease Outbreak News of 9 August 2016 and of August 2018 (Ebola, North Kivu)
MINISTRY_OF_STATE = [
    ("On 28 May 2016, the Ministry of Health of Kenya notified WHO of an outbreak of "
     "Chikungunya in Mandera East sub-county.", "Kenya"),
    ("On 1 August 2018, the Ministry of Health of the Democratic Republic of the Congo declared "
     "a new outbreak of Ebola virus disease in North Kivu Province", "Democratic Republic of the "
     "Congo"),
]


@pytest.mark.parametrize(("text", "state"), MINISTRY_OF_STATE)
def test_a_ministry_of_health_of_a_state_is_the_ministry_and_the_state(text, state):
    assert ("Ministry of Health", "ministry-of-health") in organizations(text)
    assert states(text) == {state}


# A/60/PV.85 and A/61/PV.107 (un-pdf-a-60-pv-85, un-pdf-a-61-pv-107)
POSSESSIVE = [
    ("I now give the floor to the Rapporteur of panel 1, “Breaking the cycle of infection for "
     "sustainable AIDS responses”, Mr. Wu Zunyou, of China’s National Centre for AIDS, and the "
     "Control and prevention of Sexually Transmitted Diseases.", "China",
     ("National Centre for AIDS", "national-centre-for-aids")),
    ("In that regard, Colombia’s Constitutional Court has reiterated in its jurisprudence that "
     "there must be compatibility between the exploitation of natural resources and the "
     "protection of the social, cultural and economic", "Colombia",
     ("Constitutional Court", "constitutional-court")),
]


@pytest.mark.parametrize(("text", "state", "body"), POSSESSIVE)
def test_a_body_after_a_state_possessive_is_named_without_the_state(text, state, body):
    assert organizations(text) == {body}
    assert states(text) == {state}


def test_a_permanent_mission_of_a_state_is_the_state_acting():
    # A/76/PV.102 (un-pdf-a-76-pv-102): only a ministry is named without its state
    text = ("In connection with the item, I have been advised that the Permanent Mission of Kenya "
            "requests its inclusion in the provisional agenda of the Assembly")
    assert ("Permanent Mission of Kenya", "permanent-mission-of-kenya") not in organizations(text)
    assert states(text) == {"Kenya"}


def test_united_nations_spelled_out_before_a_short_name_is_the_body():
    # `UN-Habitat` is also written `United Nations Habitat` (the table lists both forms for 17
    # bodies); `United Nations Environment` is no alias, as it opens the listed `United Nations
    # Environment Programme` and would cut `United Nations Environment Assembly` short
    by_name = data.org_by_name()
    assert by_name[data.fold("United Nations Habitat")].name == (
        "United Nations Human Settlements Programme")
    assert by_name[data.fold("United Nations Women")].id == (
        "united-nations-entity-for-gender-equality-and-the-empowerment-of-women")
    assert data.fold("United Nations Environment") not in by_name
