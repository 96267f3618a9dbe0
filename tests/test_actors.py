"""Actor gazetteer: table-driven cases in German and English, dates, user dictionaries."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import pytest

from lagebild.actors import load_gazetteer
from lagebild.errors import DataError
from lagebild.schema import Mention

D2022 = date(2022, 1, 22)
D2023 = date(2023, 6, 1)
D2026 = date(2026, 6, 1)


def render(mentions: list[Mention]) -> list[str]:
    """Mentions as 'text=CODE', with a trailing '*' for attributive ones."""
    return [f"{m.text}={m.actor.code}{'*' if m.attributive else ''}" for m in mentions]


CASES: list[tuple[str, str, date | None, list[str]]] = [
    # --- countries, German inflection
    ("de", "Russland zieht Truppen zusammen.", D2022, ["Russland=RUS", "Truppen=MIL"]),
    ("de", "Die Annexion Russlands war illegal.", D2022, ["Russlands=RUS"]),
    ("de", "Die Lage der Ukraine ist ernst.", D2022, ["Ukraine=UKR"]),
    ("de", "Deutschlands Rolle wächst.", D2022, ["Deutschlands=DEU"]),
    ("de", "Chinas Haltung bleibt offen.", D2022, ["Chinas=CHN"]),
    (
        "de",
        "Die Vereinigten Staaten und Großbritannien warnen.",
        D2022,
        ["Vereinigten Staaten=USA", "Großbritannien=GBR"],
    ),
    (
        "de",
        "Weißrussland und Nordkorea stimmten dagegen.",
        D2022,
        ["Weißrussland=BLR", "Nordkorea=PRK"],
    ),
    ("de", "Amerika und Südkorea üben.", D2022, ["Amerika=USA", "Südkorea=KOR"]),
    ("de", "Die USA liefern Waffen an Kiew.", D2022, ["USA=USA", "Kiew=UKRGOV"]),
    (
        "de",
        "Frankreich, Polen und die Türkei beraten.",
        D2022,
        ["Frankreich=FRA", "Polen=POL", "Türkei=TUR"],
    ),
    (
        "de",
        "Das Kosovo und Taiwan sind umstritten, ebenso Palästina.",
        D2022,
        ["Kosovo=XKX", "Taiwan=TWN", "Palästina=PSE"],
    ),
    (
        "en",
        "The United States and Britain warned Iran.",
        D2022,
        ["United States=USA", "Britain=GBR", "Iran=IRN"],
    ),
    (
        "en",
        "Russia and the U.S. disagree; the UK agrees.",
        D2022,
        ["Russia=RUS", "U.S.=USA", "UK=GBR"],
    ),
    ("en", "North Korea and South Korea talked.", D2022, ["North Korea=PRK", "South Korea=KOR"]),
    # --- case sensitivity
    ("en", "Let us see what it is.", D2022, []),
    ("en", "Tell us about the US.", D2022, ["US=USA"]),
    ("de", "Unruhen in der Stadt, Un-Sinn.", D2022, []),
    ("en", "They may rice the bush.", D2022, []),
    # --- metonyms
    ("de", "Moskau weist das zurück.", D2022, ["Moskau=RUSGOV"]),
    ("de", "Der Kreml schweigt.", D2022, ["Kreml=RUSGOV"]),
    ("de", "Das Weiße Haus reagierte.", D2022, ["Weiße Haus=USAGOV"]),
    ("de", "Peking und Washington streiten.", D2022, ["Peking=CHNGOV", "Washington=USAGOV"]),
    (
        "de",
        "Teheran und Ankara verhandeln, Brüssel schweigt.",
        D2022,
        ["Teheran=IRNGOV", "Ankara=TURGOV", "Brüssel=EU"],
    ),
    ("de", "Kyjiw meldet Angriffe.", D2022, ["Kyjiw=UKRGOV"]),
    (
        "en",
        "The Kremlin and the White House traded barbs.",
        D2022,
        ["Kremlin=RUSGOV", "White House=USAGOV"],
    ),
    (
        "en",
        "The Pentagon said Beijing was testing Kyiv.",
        D2022,
        ["Pentagon=USAMIL", "Beijing=CHNGOV", "Kyiv=UKRGOV"],
    ),
    ("en", "Downing Street and Tokyo agreed.", D2022, ["Downing Street=GBRGOV", "Tokyo=JPNGOV"]),
    ("en", "Kiev and Tehran.", D2022, ["Kiev=UKRGOV", "Tehran=IRNGOV"]),
    # --- demonym + role noun
    ("de", "Der russische Außenminister reiste ab.", D2022, ["russische Außenminister=RUSGOV"]),
    ("de", "Russische Truppen rückten vor.", D2022, ["Russische Truppen=RUSMIL"]),
    ("de", "Die russischen Soldaten blieben.", D2022, ["russischen Soldaten=RUSMIL"]),
    ("de", "Die ukrainische Armee hielt stand.", D2022, ["ukrainische Armee=UKRMIL"]),
    (
        "de",
        "Das russische Außenministerium protestierte.",
        D2022,
        ["russische Außenministerium=RUSGOV"],
    ),
    ("de", "Die französische Regierung schwieg.", D2022, ["französische Regierung=FRAGOV"]),
    ("de", "Ein israelischer Soldat wurde verletzt.", D2022, ["israelischer Soldat=ISRMIL"]),
    (
        "de",
        "Die chinesische Polizei nahm Aktivisten fest.",
        D2022,
        ["chinesische Polizei=CHNCOP", "Aktivisten=CVL"],
    ),
    (
        "de",
        "Die iranischen Demonstranten forderten Freiheit.",
        D2022,
        ["iranischen Demonstranten=IRNCVL"],
    ),
    (
        "de",
        "US-Beamte warnten vor US-Streitkräften.",
        D2022,
        ["US-Beamte=USAGOV", "US-Streitkräften=USAMIL"],
    ),
    (
        "de",
        "Nato-Truppen und EU-Diplomaten trafen ein.",
        D2022,
        ["Nato-Truppen=NATOMIL", "EU-Diplomaten=EUGOV"],
    ),
    ("de", "Russlands Außenminister antwortete.", D2022, ["Russlands Außenminister=RUSGOV"]),
    ("de", "Der Präsident der Ukraine sprach.", D2022, ["Präsident der Ukraine=UKRGOV"]),
    ("de", "Der Außenminister Russlands sprach.", D2022, ["Außenminister Russlands=RUSGOV"]),
    (
        "de",
        "Die US-amerikanischen Soldaten zogen ab.",
        D2022,
        ["US-amerikanischen Soldaten=USAMIL"],
    ),
    ("de", "Der Kremlsprecher widersprach.", D2022, ["Kremlsprecher=RUSGOV"]),
    (
        "de",
        "Russische und amerikanische Außenminister trafen sich.",
        D2022,
        ["Russische=RUSGOV", "amerikanische Außenminister=USAGOV"],
    ),
    ("en", "The Russian foreign minister left.", D2022, ["Russian foreign minister=RUSGOV"]),
    ("en", "Israeli troops entered the town.", D2022, ["Israeli troops=ISRMIL"]),
    ("en", "Chinese officials denied it.", D2022, ["Chinese officials=CHNGOV"]),
    ("en", "US officials and NATO troops.", D2022, ["US officials=USAGOV", "NATO troops=NATOMIL"]),
    ("en", "Russia's defence minister spoke.", D2022, ["Russia's defence minister=RUSGOV"]),
    ("en", "The president of Ukraine spoke.", D2022, ["president of Ukraine=UKRGOV"]),
    (
        "en",
        "Kremlin officials and Pentagon officials met.",
        D2022,
        ["Kremlin officials=RUSGOV", "Pentagon officials=USAMIL"],
    ),
    (
        "en",
        "Ukrainian forces and Russian soldiers.",
        D2022,
        ["Ukrainian forces=UKRMIL", "Russian soldiers=RUSMIL"],
    ),
    ("en", "Hamas fighters attacked.", D2022, ["Hamas fighters=PSEREB"]),
    # --- attributive demonyms and prefixes
    ("de", "Eine russische Invasion droht.", D2022, ["russische=RUS*"]),
    ("de", "Der Entzug des russischen Zugangs.", D2022, ["russischen=RUS*"]),
    ("de", "Rückzug zu den NATO-Grenzen.", D2022, ["NATO=NATO*"]),
    ("de", "Neue US-Sanktionen treffen Moskau.", D2022, ["US=USA*", "Moskau=RUSGOV"]),
    ("en", "A Russian invasion and an Israeli strike.", D2022, ["Russian=RUS*", "Israeli=ISR*"]),
    ("en", "The Chinese said no.", D2022, ["Chinese=CHN"]),
    # --- demonym nouns
    ("de", "Die Russen bestreiten das, die Ukrainer nicht.", D2022, ["Russen=RUS", "Ukrainer=UKR"]),
    (
        "de",
        "Die Amerikaner und die Deutschen verhandeln.",
        D2022,
        ["Amerikaner=USA", "Deutschen=DEU"],
    ),
    ("en", "The Russians and the Israelis disagree.", D2022, ["Russians=RUS", "Israelis=ISR"]),
    # --- organisations
    (
        "de",
        "Die Nato und die EU warnen, die OSZE beobachtet.",
        D2022,
        ["Nato=NATO", "EU=EU", "OSZE=OSCE"],
    ),
    (
        "de",
        "Der UN-Sicherheitsrat und der Weltsicherheitsrat.",
        D2022,
        ["UN-Sicherheitsrat=UN", "Weltsicherheitsrat=UN"],
    ),
    (
        "de",
        "Die Gruppe der 8 oder G-8 und die G20.",
        D2022,
        ["Gruppe der 8=G8", "G-8=G8", "G20=G20"],
    ),
    (
        "de",
        "Die Vereinten Nationen und die Afrikanische Union.",
        D2022,
        ["Vereinten Nationen=UN", "Afrikanische Union=AU"],
    ),
    ("de", "Der IWF, die Weltbank und die IAEO.", D2022, ["IWF=IMF", "Weltbank=WB", "IAEO=IAEA"]),
    (
        "de",
        "Der Internationale Strafgerichtshof ermittelt.",
        D2022,
        ["Internationale Strafgerichtshof=ICCJUD"],
    ),
    (
        "de",
        "Ärzte ohne Grenzen und das IKRK helfen.",
        D2022,
        ["Ärzte ohne Grenzen=MSFNGO", "IKRK=ICRCNGO"],
    ),
    (
        "de",
        "Die EU-Kommission und das Europaparlament.",
        D2022,
        ["EU-Kommission=EU", "Europaparlament=EULEG"],
    ),
    (
        "en",
        "The European Commission and the Arab League met OPEC.",
        D2022,
        ["European Commission=EU", "Arab League=ARL", "OPEC=OPEC"],
    ),
    (
        "en",
        "Human Rights Watch and Amnesty International criticised the WHO.",
        D2022,
        ["Human Rights Watch=HRWNGO", "Amnesty International=AMNESTYNGO", "WHO=WHO"],
    ),
    ("en", "Who said so?", D2022, []),
    # --- institutions
    ("de", "Die Bundeswehr und der Bundestag.", D2022, ["Bundeswehr=DEUMIL", "Bundestag=DEULEG"]),
    (
        "de",
        "Die Duma und die Werchowna Rada stimmten ab.",
        D2022,
        ["Duma=RUSLEG", "Werchowna Rada=UKRLEG"],
    ),
    ("de", "Der FSB und der Kongress.", D2022, ["FSB=RUSCOP", "Kongress=USALEG"]),
    (
        "en",
        "The State Department and the Knesset.",
        D2022,
        ["State Department=USAGOV", "Knesset=ISRLEG"],
    ),
    ("en", "The IDF and the PLA.", D2022, ["IDF=ISRMIL", "PLA=CHNMIL"]),
    # --- armed groups
    (
        "de",
        "Die Hamas und die Hisbollah feuerten Raketen.",
        D2022,
        ["Hamas=PSEREB", "Hisbollah=LBNREB"],
    ),
    (
        "de",
        "Die Huthi-Rebellen und die Taliban.",
        D2022,
        ["Huthi-Rebellen=YEMREB", "Taliban=AFGREB"],
    ),
    (
        "de",
        "Der Islamische Staat und al-Qaida.",
        D2022,
        ["Islamische Staat=IRQREB", "al-Qaida=AFGREB"],
    ),
    ("de", "Die Gruppe Wagner kämpft.", D2022, ["Gruppe Wagner=RUSREB"]),
    (
        "en",
        "Hezbollah, the Houthis and Boko Haram.",
        D2022,
        ["Hezbollah=LBNREB", "Houthis=YEMREB", "Boko Haram=NGAREB"],
    ),
    ("en", "IS claimed the attack; al-Shabaab denied.", D2022, ["IS=IRQREB", "al-Shabaab=SOMREB"]),
    # --- people, transliterations, titles
    (
        "de",
        "Wladimir Putin und Sergej Lawrow.",
        D2022,
        ["Wladimir Putin=RUSGOV", "Sergej Lawrow=RUSGOV"],
    ),
    ("de", "Selenskyj traf Schoigu nicht.", D2022, ["Selenskyj=UKRGOV", "Schoigu=RUSGOV"]),
    ("de", "US-Präsident Joe Biden telefonierte.", D2022, ["US-Präsident Joe Biden=USAGOV"]),
    ("de", "Außenminister Sergej Lawrow sagte.", D2022, ["Außenminister Sergej Lawrow=RUSGOV"]),
    (
        "de",
        "Der japanische Premierminister Fumio Kishida.",
        D2022,
        ["japanische Premierminister Fumio Kishida=JPNGOV"],
    ),
    (
        "de",
        "Herr Kishida sagte, Frau Baerbock auch.",
        D2022,
        ["Herr Kishida=JPNGOV", "Frau Baerbock=DEUGOV"],
    ),
    ("de", "Zu Bidens Anruf.", D2022, ["Bidens=USAGOV"]),
    (
        "de",
        "Anthony Blinken und Antony Blinken.",
        D2022,
        ["Anthony Blinken=USAGOV", "Antony Blinken=USAGOV"],
    ),
    ("de", "Herr Blinken warnte.", D2026, ["Herr Blinken=USA"]),
    ("de", "Scholz und Macron.", D2023, ["Scholz=DEUGOV", "Macron=FRAGOV"]),
    ("de", "Scholz sprach.", D2026, ["Scholz=DEULEG"]),
    ("de", "Merz sprach.", D2023, ["Merz=DEUOPP"]),
    ("de", "Merz sprach.", D2026, ["Merz=DEUGOV"]),
    (
        "en",
        "Mr Blinken and President Putin.",
        D2022,
        ["Mr Blinken=USAGOV", "President Putin=RUSGOV"],
    ),
    (
        "en",
        "Zelensky, Zelenskyy and Lavrov.",
        D2022,
        ["Zelensky=UKRGOV", "Zelenskyy=UKRGOV", "Lavrov=RUSGOV"],
    ),
    ("en", "Guterres and Stoltenberg met.", D2022, ["Guterres=UN", "Stoltenberg=NATO"]),
    ("en", "Stoltenberg spoke.", D2026, ["Stoltenberg=NORGOV"]),
    ("en", "Rutte spoke.", D2022, ["Rutte=NLDGOV"]),
    ("en", "Rutte spoke.", D2026, ["Rutte=NATO"]),
    ("en", "Clinton spoke.", date(2010, 5, 1), ["Clinton=USAGOV"]),
    # --- bare role nouns and coreference
    ("de", "Demonstranten und Journalisten.", D2022, ["Demonstranten=CVL", "Journalisten=MED"]),
    (
        "de",
        "Ein hochrangiger Regierungsbeamter sprach mit Grenzsoldaten.",
        D2022,
        ["Regierungsbeamter=GOV", "Grenzsoldaten=MIL"],
    ),
    ("de", "Laut einem Militärbeamten.", D2022, ["Militärbeamten=MIL"]),
    (
        "de",
        "Antony Blinken reiste ab. Der Außenminister sagte.",
        D2022,
        ["Antony Blinken=USAGOV", "Außenminister=USAGOV"],
    ),
    (
        "en",
        "Sergei Lavrov arrived. The foreign minister said.",
        D2022,
        ["Sergei Lavrov=RUSGOV", "foreign minister=RUSGOV"],
    ),
    (
        "en",
        "Rebels and separatists fought the police.",
        D2022,
        ["Rebels=REB", "separatists=REB", "police=COP"],
    ),
    # --- false friends and compounds
    ("de", "Der Schiedsrichter pfiff, der Lautsprecher war laut, das Hauptgericht gut.", D2022, []),
    ("de", "Die deutsch-französische Freundschaft.", D2022, ["deutsch=DEU*", "französische=FRA*"]),
    (
        "de",
        "Deutsche Soldaten kamen, die Deutschen wählen.",
        D2022,
        ["Deutsche Soldaten=DEUMIL", "Deutschen=DEU"],
    ),
    (
        "de",
        "Der Polizeisprecher und Bundeswehrsoldaten.",
        D2022,
        ["Polizeisprecher=COP", "Bundeswehrsoldaten=DEUMIL"],
    ),
    (
        "de",
        "Kreml-Chef Wladimir Putin und Nato-Generalsekretär Jens Stoltenberg.",
        D2022,
        ["Kreml-Chef Wladimir Putin=RUSGOV", "Nato-Generalsekretär Jens Stoltenberg=NATO"],
    ),
    ("en", "The official visit and military exercises; an official said.", D2022, ["official=GOV"]),
    (
        "en",
        "The Biden administration and U.S.-led talks.",
        D2022,
        ["Biden administration=USAGOV", "U.S.=USA*"],
    ),
    (
        "en",
        "Iran's supreme leader Ali Khamenei.",
        D2022,
        ["Iran's supreme leader Ali Khamenei=IRNGOV"],
    ),
    # --- possessive and genitive + role (+ name)
    (
        "de",
        "Indiens Premierminister Narendra Modi sagte.",
        D2022,
        ["Indiens Premierminister Narendra Modi=INDGOV"],
    ),
    (
        "de",
        "Chinas Staatschef Xi Jinping reiste ab.",
        D2022,
        ["Chinas Staatschef Xi Jinping=CHNGOV"],
    ),
    ("de", "Die Regierung Sri Lankas trat zurück.", D2022, ["Regierung Sri Lankas=LKAGOV"]),
    ("de", "Die Trump-Regierung verhängte Zölle.", date(2025, 6, 1), ["Trump-Regierung=USAGOV"]),
    (
        "en",
        "Iraq's Prime Minister Adel Abdul Mahdi resigned.",
        date(2019, 12, 1),
        ["Iraq's Prime Minister Adel Abdul Mahdi=IRQGOV"],
    ),
    (
        "en",
        "Sri Lanka's President Gotabaya Rajapaksa fled.",
        date(2022, 7, 13),
        ["Sri Lanka's President Gotabaya Rajapaksa=LKAGOV"],
    ),
    (
        "en",
        "Myanmar's junta and Pakistan's central bank.",
        D2022,
        ["Myanmar's junta=MMRGOV", "Pakistan's central bank=PAKGOV"],
    ),
    (
        "en",
        "The Kremlin's spokesman and Russia's defence ministry.",
        D2022,
        ["Kremlin's spokesman=RUSGOV", "Russia's defence ministry=RUSGOV"],
    ),
    # --- role noun + unknown name
    (
        "de",
        "Außenminister Max Mustermann sagte, Präsident Erwin Beispiel auch.",
        D2022,
        ["Außenminister Max Mustermann=GOV", "Präsident Erwin Beispiel=GOV"],
    ),
    (
        "de",
        "Der französische Minister Jean Dupont und die Sprecherin Erika von der Heide.",
        D2022,
        ["französische Minister Jean Dupont=FRAGOV", "Sprecherin Erika von der Heide=GOV"],
    ),
    (
        "de",
        "Präsident Mustermann sagte, weil der Präsident Waffen liefert.",
        D2022,
        ["Präsident Mustermann=GOV", "Präsident=GOV"],
    ),
    (
        "en",
        "Foreign Minister Jane Doe met the government spokesman.",
        D2022,
        ["Foreign Minister Jane Doe=GOV", "government spokesman=GOV"],
    ),
    (
        "en",
        "The president Monday said the activist Loujain al-Hathloul was freed.",
        D2022,
        ["president=GOV", "activist Loujain al-Hathloul=CVL"],
    ),
    (
        "en",
        "President Gustavo Petro met the dissident journalist Roman Protasevich.",
        date(2022, 9, 1),
        ["President Gustavo Petro=COLGOV", "dissident journalist Roman Protasevich=BLROPP"],
    ),
    (
        "de",
        "Der iranische General Qassem Soleimani wurde getötet.",
        date(2020, 1, 4),
        ["iranische General Qassem Soleimani=IRNMIL"],
    ),
    (
        "en",
        "Bangladesh's Prime Minister Sheikh Hasina resigned.",
        date(2024, 8, 5),
        ["Bangladesh's Prime Minister Sheikh Hasina=BGDGOV"],
    ),
    ("en", "Former President Sheikh Hasina.", date(2024, 9, 1), ["President Sheikh Hasina=BGD"]),
    # --- new role nouns
    (
        "de",
        "Die Militärjunta, die Küstenwache und die Marine.",
        D2022,
        ["Militärjunta=GOV", "Küstenwache=MIL", "Marine=MIL"],
    ),
    (
        "de",
        "Siedler, Landwirte und Gewerkschaften protestierten.",
        D2022,
        ["Siedler=CVL", "Landwirte=CVL", "Gewerkschaften=CVL"],
    ),
    (
        "de",
        "Die Bundesanwaltschaft und die Staatsanwaltschaft ermitteln.",
        D2022,
        ["Bundesanwaltschaft=DEUJUD", "Staatsanwaltschaft=JUD"],
    ),
    (
        "de",
        "Das Gericht verurteilte den Journalisten Evan Gershkovich.",
        D2023,
        ["Gericht=JUD", "Journalisten Evan Gershkovich=MED"],
    ),
    (
        "de",
        "Der Vizeaußenminister empfing die russische Delegation.",
        D2022,
        ["Vizeaußenminister=GOV", "russische Delegation=RUSGOV"],
    ),
    (
        "de",
        "US-Geheimdienstmitarbeiter und Sicherheitskräfte, die Behörden.",
        D2022,
        ["US-Geheimdienstmitarbeiter=USACOP", "Sicherheitskräfte=COP", "Behörden=GOV"],
    ),
    (
        "en",
        "Government troops fought rebel commanders; the coast guard watched.",
        D2022,
        ["Government troops=MIL", "rebel commanders=REB", "coast guard=MIL"],
    ),
    (
        "en",
        "Settlers, farmers and unions; students and the opposition leader.",
        D2022,
        ["Settlers=CVL", "farmers=CVL", "unions=CVL", "students=EDU", "opposition leader=OPP"],
    ),
    (
        "en",
        "The court ruled; a court ruling followed student-led protests.",
        D2022,
        ["court=JUD", "student=EDU*"],
    ),
    (
        "en",
        "A delegation of Hamas met Ukrainian negotiators and mercenaries.",
        D2022,
        ["delegation of Hamas=PSEREB", "Ukrainian negotiators=UKRGOV", "mercenaries=REB"],
    ),
    (
        "en",
        "The authorities, security forces and militants.",
        D2022,
        ["authorities=GOV", "security forces=COP", "militants=REB"],
    ),
    # --- people: transliterations and role changes over time
    (
        "de",
        "Lukaschenko, Erdogan und Netanjahu.",
        D2022,
        ["Lukaschenko=BLRGOV", "Erdogan=TURGOV", "Netanjahu=ISROPP"],
    ),
    ("de", "Netanjahu und Peseschkian.", D2026, ["Netanjahu=ISRGOV", "Peseschkian=IRNGOV"]),
    ("de", "Swyrydenko und Schmyhal.", date(2025, 8, 1), ["Swyrydenko=UKRGOV", "Schmyhal=UKRGOV"]),
    ("de", "Jermak sprach.", date(2025, 12, 15), ["Jermak=UKR"]),
    ("de", "Jermak sprach.", D2023, ["Jermak=UKRGOV"]),
    ("en", "Kallas spoke.", D2023, ["Kallas=ESTGOV"]),
    ("en", "Kallas and Rutte spoke.", D2026, ["Kallas=EU", "Rutte=NATO"]),
    (
        "en",
        "Prime Minister Takaichi and Foreign Minister Motegi.",
        date(2025, 11, 1),
        ["Prime Minister Takaichi=JPNGOV", "Foreign Minister Motegi=JPNGOV"],
    ),
    ("en", "Ishiba spoke.", date(2025, 11, 1), ["Ishiba=JPN"]),
    (
        "en",
        "Foreign Secretary Yvette Cooper and Rayner.",
        date(2025, 10, 1),
        ["Foreign Secretary Yvette Cooper=GBRGOV", "Rayner=GBR"],
    ),
    ("en", "Baerbock spoke.", date(2025, 10, 1), ["Baerbock=UN"]),
    (
        "en",
        "Lula and Milei met Sheinbaum.",
        D2026,
        ["Lula=BRAGOV", "Milei=ARGGOV", "Sheinbaum=MEXGOV"],
    ),
    (
        "de",
        "Der Kremlkritiker Alexej Nawalny und Altkanzler Schröder.",
        date(2021, 1, 20),
        ["Kremlkritiker Alexej Nawalny=RUSOPP", "Altkanzler Schröder=DEU"],
    ),
    (
        "de",
        "Istanbuls Bürgermeister Ekrem İmamoğlu wurde festgenommen.",
        date(2025, 3, 20),
        ["Bürgermeister Ekrem İmamoğlu=TUROPP"],
    ),
    ("en", "Hemedti and al-Burhan.", D2026, ["Hemedti=SDNREB", "al-Burhan=SDNGOV"]),
    ("en", "Grossi and ElBaradei.", D2022, ["Grossi=IAEA", "ElBaradei=EGY"]),
]


@pytest.mark.parametrize(("lang", "text", "when", "expected"), CASES)
def test_find(lang: str, text: str, when: date | None, expected: list[str]) -> None:
    assert render(load_gazetteer().find(text, lang, when)) == expected


def test_enough_cases() -> None:
    assert len(CASES) >= 150


def test_person_fields() -> None:
    [m] = load_gazetteer().find("US-Präsident Joe Biden", "de", D2022)
    assert (m.kind, m.entry, m.role, m.actor.name) == (
        "person",
        "joe_biden",
        "president",
        "Joe Biden",
    )
    [m] = load_gazetteer().find("Blinken", "en", D2026)
    assert m.role is None and m.actor.sector is None and m.actor.country == "USA"


def test_no_date_uses_latest_role() -> None:
    [m] = load_gazetteer().find("Olaf Scholz", "de", None)
    assert m.role == "legislator"


def test_offsets_and_order() -> None:
    text = "Moskau  und\u00a0Kiew; der Kreml und İstanbul sowie Russland."
    mentions = load_gazetteer().find(text, "de", D2022)
    assert [text[m.start : m.end] for m in mentions] == [m.text for m in mentions]
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
    assert mentions[-1].text == "Russland"


def test_seed_article() -> None:
    seed = Path(__file__).resolve().parents[2] / "shared/seed/000_0676fddd96149b3e.txt"
    if not seed.exists():
        seed = Path("/work/shared/seed/000_0676fddd96149b3e.txt")
    if not seed.exists():
        pytest.skip("seed article not available")
    codes = {
        (m.text, m.actor.code)
        for m in load_gazetteer().find(seed.read_text(encoding="utf-8"), "de", D2022)
    }
    for expected in [
        ("US-Präsident Joe Biden", "USAGOV"),
        ("Herr Kishida", "JPNGOV"),
        ("Herr Lawrow", "RUSGOV"),
        ("russische Außenministerium", "RUSGOV"),
        ("US-Beamte", "USAGOV"),
        ("Anthony Blinken", "USAGOV"),
        ("Moskau", "RUSGOV"),
        ("russische Außenminister", "RUSGOV"),
        ("Rishi Sunak", "GBRGOV"),
    ]:
        assert expected in codes


def test_user_dictionary_adds_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "- {id: kremlin, kind: metonym, country: RUS, sector: MIL, aliases: [Kreml]}\n"
        "- id: erika_muster\n  name: Erika Musterfrau\n  country: AUT\n"
        "  roles: [{role: foreign_minister, start: 2020-01-01}]\n",
        encoding="utf-8",
    )
    gaz = load_gazetteer((extra,))
    assert render(gaz.find("Der Kreml und Musterfrau.", "de", D2022)) == [
        "Kreml=RUSMIL",
        "Musterfrau=AUTGOV",
    ]
    assert render(load_gazetteer().find("Der Kreml.", "de", D2022)) == ["Kreml=RUSGOV"]


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("- {id: x, kind: org, org: X, sector: XYZ, aliases: [X1]}\n", 1),
        (
            "- {id: a, kind: org, org: A, aliases: [A1]}\n- {id: b, kind: country, country: QQQ, "
            "aliases: [B1]}\n",
            2,
        ),
        (
            "- id: p\n  name: P Q\n  country: USA\n  roles: [{role: x, start: 2020-01-01, "
            "end: 2019-01-01}]\n",
            1,
        ),
        ("- {id: a, kind: org, org: A, aliases: [A1]\n", None),
        ("- {id: a, kind: org, org: A, aliases: [A1], colour: red}\n", 1),
        (
            "- {id: a, kind: org, org: A, aliases: [A1]}\n- id: p\n  name: P Q\n  country: USA\n"
            "  roles: [{role: x, start: 2020-13-01}]\n",
            2,
        ),
        (
            "- {id: a, kind: org, org: A, aliases: [A1]}\n"
            "- {id: a, kind: org, org: B, aliases: [B1]}\n",
            2,
        ),
        ("- {id: a, org: A, aliases: [A1]}\n", 1),
        ("- id: p\n  name: P Q\n  country: USA\n  roles: [{role: x, colour: red}]\n", 1),
        ("- id: p\n  name: P Q\n  roles: [{role: x}]\n", 1),
        ("id: a\nkind: org\n", 1),
    ],
)
def test_invalid_user_dictionary(tmp_path: Path, content: str, line: int | None) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_gazetteer((bad,))
    assert str(bad) in str(info.value)
    if line is not None:
        assert info.value.line == line


def test_cli_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lagebild.cli import actors as actors_cli

    text = tmp_path / "a.txt"
    text.write_text("Der russische Außenminister traf Antony Blinken.", encoding="utf-8")
    parser = argparse.ArgumentParser()
    actors_cli.register(parser.add_subparsers())
    args = parser.parse_args(["actors", str(text), "--date", "2022-01-22", "--format", "jsonl"])
    assert args.func(args) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["text"], r["code"]) for r in rows] == [
        ("russische Außenminister", "RUSGOV"),
        ("Antony Blinken", "USAGOV"),
    ]
    args = parser.parse_args(["actors", str(text), "--format", "table", "--lang", "de"])
    assert args.func(args) == 0
    assert "Antony Blinken" in capsys.readouterr().out


def test_docstring_schema_example_is_valid(tmp_path: Path) -> None:
    """The user-dictionary example documented in lagebild.knowledge parses and works."""
    import lagebild.knowledge as knowledge

    doc = knowledge.__doc__ or ""
    block = doc.split("::\n", 1)[1].split("\n\n", 1)[0]
    example = tmp_path / "example.yaml"
    example.write_text(block, encoding="utf-8")
    entries = knowledge.load_entries_file(example)
    assert [e.id for e in entries] == ["nato", "antony_blinken"]
    gaz = load_gazetteer((example,))
    assert render(gaz.find("Tony Blinken und der Nordatlantikpakt.", "de", D2022)) == [
        "Tony Blinken=USAGOV",
        "Nordatlantikpakt=NATO",
    ]


def _cli_parser() -> argparse.ArgumentParser:
    from lagebild.cli import actors as actors_cli

    parser = argparse.ArgumentParser()
    actors_cli.register(parser.add_subparsers())
    return parser


def test_cli_reads_jsonl_and_reports_skipped_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps(
            {"id": "a1", "text": "Lawrow traf Blinken in Genf.", "date": "2022-01-21", "lang": "de"}
        )
        + "\n"
        + json.dumps({"id": "a2", "text": "Kallas met Rutte.", "date": "2025-06-01", "lang": "en"})
        + "\n",
        encoding="utf-8",
    )
    args = _cli_parser().parse_args(
        ["actors", str(feed), str(tmp_path / "missing.txt"), "--format", "jsonl"]
    )
    assert args.func(args) == 2
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [(r["article_id"], r["text"], r["code"]) for r in rows] == [
        ("a1", "Lawrow", "RUSGOV"),
        ("a1", "Blinken", "USAGOV"),
        ("a2", "Kallas", "EU"),
        ("a2", "Rutte", "NATO"),
    ]
    assert "missing.txt" in captured.err and "1 of 3 inputs skipped" in captured.err


def test_cli_bad_user_dictionary_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Der Kreml schweigt.", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "- {id: k, kind: metonym, country: RUS, sector: XYZ, aliases: [K]}\n", encoding="utf-8"
    )
    args = _cli_parser().parse_args(["actors", str(text), "--actors", str(bad)])
    assert args.func(args) == 1
    assert f"{bad}:1" in capsys.readouterr().err
    args = _cli_parser().parse_args(["actors", str(text), "--date", "2022-13-01"])
    assert args.func(args) == 1


def test_every_person_alias_finds_its_entry() -> None:
    """The compiled lexicon matches the sources: each person's aliases resolve to that person."""
    from lagebild.knowledge import builtin_entries

    gaz = load_gazetteer()
    wrong = []
    for entry in builtin_entries():
        if entry.kind != "person":
            continue
        for lang in ("de", "en"):
            for alias in entry.aliases_for(lang):
                found = [m.entry for m in gaz.find(f"Gestern sagte {alias} etwas.", lang, None)]
                if found != [entry.id]:
                    wrong.append((lang, alias, entry.id, found))
    assert not wrong
