"""Breadth of the English coder for AGREE, CONCEDE, RETREAT, MOBILIZE, ASSAULT, COERCE, AID
and PROTEST: news sentences written for these tests (not taken from the gold sets), each with
every factual event it should yield as (type, source key, target key). Joint acts (AGREE,
CONSULT, COOPERATE) match in either direction. `SILENT` sentences use the same verbs in
sport, market, weather or everyday senses and must yield no factual event."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.pipeline import ExtractOptions, Pipeline
from lagebild.schema import Article

PIPE = Pipeline(ExtractOptions())
D = date(2023, 3, 18)  # a Saturday
JOINT = {"AGREE", "CONSULT", "COOPERATE"}

Triple = tuple[str, str | None, str | None]


def _key(actor: object) -> str | None:
    return (actor.country or actor.org) if actor else None  # type: ignore[attr-defined]


def _norm(t: Triple) -> Triple:
    if t[0] in JOINT and (t[1] or "") > (t[2] or ""):
        return (t[0], t[2], t[1])
    return t


def coded(text: str) -> set[Triple]:
    events = PIPE.process(Article(id="t", text=text, date=D, language="en")).events
    return {
        _norm((e.type, _key(e.source), _key(e.target)))
        for e in events
        if not e.negated and not e.hypothetical
    }


CASES: list[tuple[str, set[Triple]]] = [
    # ------------------------------------------------------------------ AGREE
    ("Kenya and Ethiopia signed a defence pact in Nairobi on Friday.", {("AGREE", "KEN", "ETH")}),
    ("Tokyo and Seoul struck a deal to resume currency swaps.", {("AGREE", "JPN", "KOR")}),
    (
        "The Philippines agreed to give the United States access to four more military bases.",
        {("AGREE", "PHL", "USA")},
    ),
    ("Armenia and Azerbaijan agreed on Thursday to exchange prisoners.", {("AGREE", "ARM", "AZE")}),
    (
        "Colombia's government and ELN rebels reached a ceasefire agreement in Havana.",
        {("AGREE", "COL", "COL")},
    ),
    ("Egypt, Sudan sign water-sharing accord", {("AGREE", "EGY", "SDN")}),
    (
        "Pakistan and the IMF clinched a staff-level agreement on a $3 billion loan.",
        {("AGREE", "IMF", "PAK")},
    ),
    (
        "Modi and Kishida agreed to deepen cooperation on semiconductors.",
        {("AGREE", "IND", "JPN")},
    ),
    (
        "The Kremlin accepted a Turkish proposal to extend the grain corridor.",
        {("AGREE", "RUS", "TUR")},
    ),
    (
        "Ghana's president signed a memorandum of understanding with Nigeria on gas supplies.",
        {("AGREE", "GHA", "NGA")},
    ),
    # "agreed to" a proposal: its author is the other side; "inked" is signed
    ("Israel agreed to a Qatari proposal for a pause in fighting.", {("AGREE", "ISR", "QAT")}),
    (
        "Vietnam and the United States inked a strategic partnership.",
        {("AGREE", "USA", "VNM")},
    ),
    # a government and an armed group of its own state are two sides
    ("Ethiopia's government and the TPLF signed a peace deal.", {("AGREE", "ETH", "ETH")}),
    ("Sudan's army and the RSF held talks in Jeddah.", {("CONSULT", "SDN", "SDN")}),
    # ---------------------------------------------------------------- CONCEDE
    (
        "Israel announced it would release 150 Palestinian prisoners.",
        {("CONCEDE", "ISR", "PSE")},
    ),
    ("Hamas declared a unilateral ceasefire on Sunday.", {("CONCEDE", "PSE", None)}),
    (
        "Iran promised to allow IAEA inspectors back into the Fordow site.",
        {("CONCEDE", "IRN", "IAEA")},
    ),
    (
        "Beijing said it would ease export curbs on rare earths to Japan.",
        {("CONCEDE", "CHN", "JPN")},
    ),
    (
        "Russia announced it would withdraw its troops from Kherson.",
        {("CONCEDE", "RUS", "UKR")},
    ),
    (
        "Sri Lanka's government agreed to lift the state of emergency.",
        {("CONCEDE", "LKA", "LKA")},
    ),
    ("Peru's prime minister offered his resignation on Tuesday.", {("CONCEDE", "PER", "PER")}),
    (
        "Ethiopia's government promised to restore telecom services in Tigray.",
        {("CONCEDE", "ETH", "ETH")},
    ),
    (
        "The Taliban said they would reopen girls' schools in the spring.",
        {("CONCEDE", "AFG", "AFG")},
    ),
    (
        "Niger's junta pledged to free the family of the ousted president.",
        {("CONCEDE", "NER", "NER")},
    ),
    # a plural pronoun that announces its group's own concession
    ("Sudan's RSF said they would pull out of the capital.", {("CONCEDE", "SDN", "SDN")}),
    # ---------------------------------------------------------------- RETREAT
    ("Russian forces pulled out of Kherson on Friday.", {("RETREAT", "RUS", "UKR")}),
    ("Saudi Arabia lifted its blockade of Qatar.", {("RETREAT", "SAU", "QAT")}),
    ("Hamas freed four Thai hostages on Friday.", {("RETREAT", "PSE", "THA")}),
    ("Kyrgyzstan released two Tajik border guards.", {("RETREAT", "KGZ", "TJK")}),
    ("Georgia's interior minister stepped down on Monday.", {("RETREAT", "GEO", None)}),
    (
        "The last French troops left Mali on Monday, ending a nine-year mission.",
        {("RETREAT", "FRA", "MLI")},
    ),
    ("Washington lifted sanctions on Venezuelan oil.", {("RETREAT", "USA", "VEN")}),
    ("The Houthis released the crew of the Galaxy Leader.", {("RETREAT", "YEM", None)}),
    (
        "Belarus pardoned and released a jailed Polish journalist.",
        {("RETREAT", "BLR", "POL")},
    ),
    (
        "The curfew in Srinagar was lifted by Indian authorities on Tuesday.",
        {("RETREAT", "IND", "IND")},
    ),
    # --------------------------------------------------------------- MOBILIZE
    ("Russia massed tanks near the Ukrainian border.", {("MOBILIZE", "RUS", "UKR")}),
    ("North Korea test-fired two ballistic missiles into the sea.", {("MOBILIZE", "PRK", None)}),
    (
        "Beijing sent warships and fighter jets around Taiwan in large-scale drills.",
        {("MOBILIZE", "CHN", "TWN")},
    ),
    (
        "Poland deployed 10,000 soldiers to its border with Belarus.",
        {("MOBILIZE", "POL", "BLR")},
    ),
    (
        "Serbia put its army on the highest level of combat readiness.",
        {("MOBILIZE", "SRB", None)},
    ),
    (
        "Iran's Revolutionary Guards staged war games near the Strait of Hormuz.",
        {("MOBILIZE", "IRN", None)},
    ),
    ("Israel called up 300,000 reservists.", {("MOBILIZE", "ISR", None)}),
    (
        "Azerbaijani forces reinforced their positions along the Armenian border.",
        {("MOBILIZE", "AZE", "ARM")},
    ),
    (
        "The Pentagon ordered an aircraft carrier to the eastern Mediterranean.",
        {("MOBILIZE", "USA", None)},
    ),
    (
        "Venezuela moved troops to the disputed frontier with Guyana.",
        {("MOBILIZE", "VEN", "GUY")},
    ),
    # ---------------------------------------------------------------- ASSAULT
    ("Russian drones struck energy facilities in Odesa overnight.", {("ASSAULT", "RUS", "UKR")}),
    ("Israeli jets pounded targets in southern Lebanon.", {("ASSAULT", "ISR", "LBN")}),
    ("Boko Haram fighters killed 12 farmers in Borno state.", {("ASSAULT", "NGA", "NGA")}),
    (
        "An African Union base was overrun by al-Shabaab fighters in Somalia.",
        {("ASSAULT", "SOM", "AU")},
    ),
    (
        "The shelling of Kharkiv by Russian artillery killed three civilians.",
        {("ASSAULT", "RUS", "UKR")},
    ),
    (
        "Houthi rebels fired missiles at a US destroyer in the Red Sea.",
        {("ASSAULT", "YEM", "USA")},
    ),
    ("Sudan's army bombed RSF positions in Khartoum.", {("ASSAULT", "SDN", "SDN")}),
    (
        "Azerbaijan's forces shelled Armenian villages near Jermuk.",
        {("ASSAULT", "AZE", "ARM")},
    ),
    (
        "Islamic State militants ambushed a Syrian army convoy near Palmyra.",
        {("ASSAULT", "IRQ", "SYR")},
    ),
    (
        "Ukrainian drones hit an oil depot in Russia's Bryansk region, the governor said.",
        {("ASSAULT", "UKR", "RUS")},
    ),
    # the named sea where the target was is no test launch into the sea
    (
        "Iran fired a missile at an Israeli warship in the Mediterranean Sea.",
        {("ASSAULT", "IRN", "ISR")},
    ),
    (
        "North Korea fired two missiles on Sunday into the sea near Japan.",
        {("MOBILIZE", "PRK", None)},
    ),
    # the agent behind a volley noun: "by a barrage of Russian drones"
    ("Kharkiv was struck by a barrage of Russian drones.", {("ASSAULT", "RUS", "UKR")}),
    ("Kyiv was hit by a wave of Russian missiles on Tuesday.", {("ASSAULT", "RUS", "UKR")}),
    # ----------------------------------------------------------------- COERCE
    # a name ending like a gerund ("Beijing") does not make the verb after it an adjective
    ("Beijing banned imports from Japan.", {("SANCTION", "CHN", "JPN")}),
    ("Beijing sent warships to the South China Sea.", {("MOBILIZE", "CHN", None)}),
    ("Iranian authorities detained a French tourist in Tehran.", {("COERCE", "IRN", "FRA")}),
    (
        "Police in Istanbul rounded up dozens of Kurdish activists.",
        {("COERCE", "TUR", "TUR")},
    ),
    (
        "Russian police raided the offices of the rights group Memorial in Moscow.",
        {("COERCE", "RUS", "MEMORIAL")},
    ),
    (
        "Dozens were hurt during the arrest of an opposition leader by Senegalese police in Dakar.",
        {("COERCE", "SEN", "SEN")},
    ),
    ("Britain deported 40 Albanian migrants on a charter flight.", {("COERCE", "GBR", "ALB")}),
    (
        "Nicaragua's government shut down a Catholic university in Managua.",
        {("COERCE", "NIC", "NIC")},
    ),
    ("Indian authorities imposed a curfew in Imphal.", {("COERCE", "IND", "IND")}),
    (
        "Chinese coast guard ships blasted a Philippine supply boat with water cannon.",
        {("COERCE", "CHN", "PHL")},
    ),
    ("Belarus's KGB arrested a Lithuanian citizen in Minsk.", {("COERCE", "BLR", "LTU")}),
    (
        "Police arrested 30 people after protesters stormed the parliament in Tbilisi.",
        {("COERCE", "GEO", "GEO"), ("PROTEST", "GEO", "GEO")},
    ),
    # a participle that opens the sentence describes the subject, it is no act of its own
    (
        "Detained Russian opposition leader Alexei Navalny began a hunger strike.",
        {("PROTEST", "RUS", "RUS")},
    ),
    # -------------------------------------------------------------------- AID
    ("Germany sent 40 Marder armoured vehicles to Ukraine.", {("AID", "DEU", "UKR")}),
    ("Japan provided $500 million in budget support to Kyiv.", {("AID", "JPN", "UKR")}),
    ("Qatar delivered fuel to Gaza's power plant.", {("AID", "QAT", "PSE")}),
    (
        "The World Food Programme distributed food to 200,000 people in Haiti.",
        {("AID", "WFP", "HTI")},
    ),
    ("The United States shipped HIMARS rocket launchers to Ukraine.", {("AID", "USA", "UKR")}),
    (
        "Emergency supplies were airlifted to Turkey by the Indian air force after the earthquake.",
        {("AID", "IND", "TUR")},
    ),
    ("Saudi Arabia deposited $3 billion in Pakistan's central bank.", {("AID", "SAU", "PAK")}),
    (
        "The European Union gave 50 million euros in humanitarian aid to Sudan.",
        {("AID", "EU", "SDN")},
    ),
    (
        "China's donation of vaccines to Cambodia arrived in Phnom Penh on Friday.",
        {("AID", "CHN", "KHM")},
    ),
    (
        "Rwanda sent troops to Mozambique to help fight the insurgency in Cabo Delgado.",
        {("AID", "RWA", "MOZ")},
    ),
    # ---------------------------------------------------------------- PROTEST
    (
        "Thousands of protesters marched through Tbilisi against a foreign agents law.",
        {("PROTEST", "GEO", "GEO")},
    ),
    (
        "French rail workers staged a nationwide strike against the pension reform.",
        {("PROTEST", "FRA", "FRA")},
    ),
    ("Hundreds rallied outside the Russian embassy in Vilnius.", {("PROTEST", "LTU", "RUS")}),
    ("Rioters torched police cars in the suburbs of Paris.", {("PROTEST", "FRA", "FRA")}),
    (
        "Students occupied the main square in Belgrade for a third day.",
        {("PROTEST", "SRB", "SRB")},
    ),
    (
        "Jailed Iranian activist Narges Mohammadi began a hunger strike in Evin prison.",
        {("PROTEST", "IRN", "IRN")},
    ),
    (
        "Kenyan opposition supporters took to the streets of Nairobi to protest tax hikes.",
        {("PROTEST", "KEN", "KEN")},
    ),
    (
        "Israelis demonstrated in Tel Aviv against Netanyahu's judicial overhaul.",
        {("PROTEST", "ISR", "ISR")},
    ),
    ("Dutch farmers blocked highways with tractors.", {("PROTEST", "NLD", "NLD")}),
    (
        "Protesters in Lima demanded the resignation of President Boluarte.",
        {("PROTEST", "PER", "PER"), ("REQUEST", "PER", "PER")},
    ),
]


#: a second batch, written after the first round of fixes and scored before any change for
#: it (29 of 40 right then)
CASES_B: list[tuple[str, set[Triple]]] = [
    ("Moscow and Minsk signed an agreement on a common gas market.", {("AGREE", "BLR", "RUS")}),
    ("Netanyahu agreed to a Qatari proposal for a pause in fighting.", {("AGREE", "ISR", "QAT")}),
    (
        "The signing of a security pact by Australia and Papua New Guinea took place in Canberra.",
        {("AGREE", "AUS", "PNG")},
    ),
    (
        "Vietnam and the United States inked a comprehensive strategic partnership.",
        {("AGREE", "USA", "VNM")},
    ),
    (
        "Sweden, Finland sign defence cooperation deals with Washington",
        {("AGREE", "FIN", "USA"), ("AGREE", "SWE", "USA")},
    ),
    (
        "The Kremlin said Russian troops would withdraw from the Zaporizhzhia nuclear plant.",
        {("CONCEDE", "RUS", "UKR")},
    ),
    (
        "Hezbollah agreed to pull its fighters back from the border with Israel.",
        {("CONCEDE", "LBN", "ISR")},
    ),
    ("Israel agreed to allow fuel deliveries into Gaza.", {("CONCEDE", "ISR", "PSE")}),
    (
        "Pakistan's government promised to lift the ban on the opposition party.",
        {("CONCEDE", "PAK", "PAK")},
    ),
    (
        "Turkey's president announced that Ankara would free the detained Swedish journalist.",
        {("CONCEDE", "TUR", "SWE")},
    ),
    ("Serbia withdrew its troops from the Kosovo border on Monday.", {("RETREAT", "SRB", "XKX")}),
    ("Two French hostages were freed by the Houthis on Sunday.", {("RETREAT", "YEM", "FRA")}),
    ("Ukraine's forces abandoned their positions in Avdiivka.", {("RETREAT", "UKR", None)}),
    ("The EU lifted its sanctions on Belarusian potash.", {("RETREAT", "EU", "BLR")}),
    ("Bangladesh's prime minister resigned and fled the country.", {("RETREAT", "BGD", None)}),
    ("The Kremlin deployed nuclear-capable missiles to Belarus.", {("MOBILIZE", "RUS", None)}),
    ("China's navy held live-fire exercises in the Taiwan Strait.", {("MOBILIZE", "CHN", None)}),
    ("Armenia's forces were placed on high alert.", {("MOBILIZE", "ARM", None)}),
    ("The deployment of US bombers to Guam angered Beijing.", {("MOBILIZE", "USA", None)}),
    ("Russian troops massed along the border with Finland.", {("MOBILIZE", "RUS", "FIN")}),
    ("Kyiv was hit by a wave of Russian missiles on Tuesday.", {("ASSAULT", "RUS", "UKR")}),
    (
        "Israeli forces raided the Jenin refugee camp, killing five Palestinians.",
        {("ASSAULT", "ISR", "PSE")},
    ),
    ("Sudan's RSF attacked the city of El Fasher.", {("ASSAULT", "SDN", "SDN")}),
    (
        "Jihadists killed 40 soldiers in an ambush in northern Burkina Faso.",
        {("ASSAULT", "BFA", "BFA")},
    ),
    ("Pakistani air strikes on Afghan territory killed eight people.", {("ASSAULT", "PAK", "AFG")}),
    ("Russia's FSB detained a US journalist in Yekaterinburg.", {("COERCE", "RUS", "USA")}),
    ("Georgian police used tear gas against protesters in Tbilisi.", {("COERCE", "GEO", "GEO")}),
    (
        "Tunisia's president dissolved parliament and arrested opposition figures.",
        {("COERCE", "TUN", "TUN")},
    ),
    ("Hundreds of Afghans were deported by Pakistan on Friday.", {("COERCE", "PAK", "AFG")}),
    ("Beijing banned imports of Japanese seafood.", {("SANCTION", "CHN", "JPN")}),
    (
        "Britain will send Storm Shadow missiles to Ukraine, the defence secretary said.",
        {("AGREE", "GBR", "UKR")},
    ),
    ("Ukraine received a new batch of Patriot systems from Germany.", {("AID", "DEU", "UKR")}),
    ("The UAE flew tons of relief supplies to earthquake-hit Morocco.", {("AID", "ARE", "MAR")}),
    (
        "India granted Sri Lanka a $1 billion credit line for food and fuel.",
        {("AID", "IND", "LKA")},
    ),
    ("Humanitarian aid from Jordan was airdropped over Gaza.", {("AID", "JOR", "PSE")}),
    (
        "Tens of thousands took to the streets of Madrid against the amnesty law.",
        {("PROTEST", "ESP", "ESP")},
    ),
    (
        "Armenians rallied in Yerevan, demanding the prime minister's resignation.",
        {("PROTEST", "ARM", "ARM"), ("REQUEST", "ARM", "ARM")},
    ),
    ("Nurses in Britain walked out in a dispute over pay.", {("PROTEST", "GBR", "GBR")}),
    (
        "Pro-Palestinian demonstrators gathered outside the Israeli embassy in London.",
        {("PROTEST", "GBR", "ISR")},
    ),
    (
        "Rioters set fire to cars and looted shops in Dakar after the verdict.",
        {("PROTEST", "SEN", "SEN")},
    ),
]


#: a third batch, written last and scored once before and after all the changes (11 of 16
#: right both times; the fix to promised releases then made it 12)
CASES_C: list[tuple[str, set[Triple]]] = [
    ("Seoul and Washington agreed to expand joint military drills.", {("AGREE", "KOR", "USA")}),
    (
        "Kazakhstan signed a nuclear fuel supply deal with France on Monday.",
        {("AGREE", "FRA", "KAZ")},
    ),
    (
        "The junta in Mali said it would hand power back to civilians in 2024.",
        {("CONCEDE", "MLI", "MLI")},
    ),
    ("Azerbaijan promised to release Armenian detainees.", {("CONCEDE", "AZE", "ARM")}),
    ("Russia returned 20 Ukrainian children to their families.", {("RETREAT", "RUS", "UKR")}),
    ("Venezuela freed five American prisoners on Saturday.", {("RETREAT", "VEN", "USA")}),
    (
        "Taiwan's defence ministry said China sent 30 warplanes toward the island.",
        {("ACCUSE", "TWN", "CHN")},
    ),
    ("Iran test-launched a new hypersonic missile.", {("MOBILIZE", "IRN", None)}),
    ("Syrian government forces shelled rebel-held Idlib.", {("ASSAULT", "SYR", "SYR")}),
    (
        "A Russian missile strike on a shopping mall in Kremenchuk killed 20 people.",
        {("ASSAULT", "RUS", "UKR")},
    ),
    (
        "Egyptian police detained dozens of opposition activists in Cairo.",
        {("COERCE", "EGY", "EGY")},
    ),
    (
        "Hong Kong authorities arrested six people under the security law.",
        {("COERCE", "HKG", "HKG")},
    ),
    ("Canada sent 200 tonnes of food aid to Haiti.", {("AID", "CAN", "HTI")}),
    ("Poland handed over its last MiG-29 jets to Ukraine.", {("AID", "POL", "UKR")}),
    (
        "Thousands of Serbians protested in Belgrade against the government.",
        {("PROTEST", "SRB", "SRB")},
    ),
    (
        "Doctors in South Korea went on strike over medical school quotas.",
        {("PROTEST", "KOR", "KOR")},
    ),
    # added with the fixes for this batch: weapons handed over are given
    ("The US handed over 31 Abrams tanks to Ukraine.", {("AID", "USA", "UKR")}),
    ("Iran test-launched a new ballistic missile.", {("MOBILIZE", "IRN", None)}),
]

SILENT = [
    "Shares in Asian markets retreated on Friday after a strong week.",
    "Manchester City attacked relentlessly in the second half but failed to score.",
    "The council launched a flood aid appeal for residents of the village.",
    "Heavy snow forced the closure of roads across the Alps.",
    "Oil prices surged as traders bet on tighter supply.",
    "The chef's new menu is an assault on the senses.",
    "Investors withdrew $2 billion from emerging-market bond funds.",
    "The company signed a five-year sponsorship deal with the football club.",
    "Wildfires forced thousands to evacuate their homes in California.",
    "The Lakers' defence crumbled under pressure in the fourth quarter.",
    "The central bank raised interest rates by a quarter point.",
    "Tourists flocked to the beaches as temperatures soared.",
    "A rally in tech stocks lifted the Nasdaq to a record high.",
    "The tennis champion withdrew from the tournament with a knee injury.",
    "Storm Ciaran battered the coast of Brittany, cutting power to a million homes.",
]


#: sentences the coder still gets wrong (strict: a fix must remove them from here)
GAPS: set[str] = {
    "Egypt, Sudan sign water-sharing accord",
    "Hamas declared a unilateral ceasefire on Sunday.",
    "Beijing said it would ease export curbs on rare earths to Japan.",
    "Niger's junta pledged to free the family of the ousted president.",
    "China's donation of vaccines to Cambodia arrived in Phnom Penh on Friday.",
    "Sweden, Finland sign defence cooperation deals with Washington",
    "The Kremlin said Russian troops would withdraw from the Zaporizhzhia nuclear plant.",
    "Ukraine's forces abandoned their positions in Avdiivka.",
    "The deployment of US bombers to Guam angered Beijing.",
    "Israeli forces raided the Jenin refugee camp, killing five Palestinians.",
    "Humanitarian aid from Jordan was airdropped over Gaza.",
    "Pro-Palestinian demonstrators gathered outside the Israeli embassy in London.",
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(t, e, marks=pytest.mark.xfail(strict=True) if t in GAPS else ())
        for t, e in CASES + CASES_B + CASES_C
    ],
)
def test_breadth_events(text: str, expected: set[Triple]) -> None:
    assert coded(text) == {_norm(t) for t in expected}


@pytest.mark.parametrize("text", SILENT)
def test_breadth_silent(text: str) -> None:
    assert coded(text) == set()
