"""German concessions, refusals and aid from tables of sentences written for these tests.

Each FOUND case names one event (type, source key, target key, negated, hypothetical) that
must be among the coded ones; each SILENT case names a type that must not be coded as a
factual (not negated, not hypothetical) event.
"""

from __future__ import annotations

import pytest
from test_coder import _code, _tuples

FOUND = [
    # a resignation announced concedes the office (0831), even with election words around it
    (
        "Der slowakische Regierungschef kündigte nach wochenlangen Protesten seinen Rücktritt an.",
        ("CONCEDE", "SVK", "SVK", False, False),
    ),
    (
        "Perus Präsident kündigte am Abend seinen Rücktritt an, er bleibe aber bis zur Wahl "
        "eines Nachfolgers im Amt.",
        ("CONCEDE", "PER", "PER", False, False),
    ),
    (
        "Der rumänische Ministerpräsident bot nach der Wahlniederlage seinen Rücktritt an.",
        ("CONCEDE", "ROU", "ROU", False, False),
    ),
    # a refusal of what would go to someone ("an", "für") is aimed at them
    (
        "Die Bundesregierung schloss eine Lieferung von Kampfjets an Israel vorerst aus.",
        ("REJECT", "DEU", "ISR", False, False),
    ),
    (
        "Die Regierung in Wien lehnte weitere Finanzhilfen für Griechenland ab.",
        ("REJECT", "AUT", "GRC", False, False),
    ),
    (
        "Belgrad lehnte jede Übergabe der Verdächtigen an Kosovo entschieden ab.",
        ("REJECT", "SRB", "XKX", False, False),
    ),
    # a clause of reason or time after a threat or a reproach states a fact of its own
    (
        "Brüssel drohte Budapest mit Kürzungen, weil Ungarn den Asylpakt der EU ablehnt.",
        ("REJECT", "HUN", "EU", False, False),
    ),
    (
        "Die EU kritisierte Belgrad, nachdem Serbien die Vermittlung Brüssels abgelehnt hatte.",
        ("REJECT", "SRB", "EU", False, False),
    ),
    (
        "Peking warf Manila Provokation vor, da philippinische Schiffe die Blockade am Riff "
        "missachtet hätten.",
        ("ACCUSE", "CHN", "PHL", False, False),
    ),
    # "auf Bitten / auf Ersuchen X": X asked the one who acts; forces sent are aid to X
    (
        "Auf Bitten Bamakos verlegte Russland Hunderte Soldaten in den Norden des Landes.",
        ("AID", "RUS", "MLI", False, False),
    ),
    (
        "Auf Bitten Bamakos verlegte Russland Hunderte Soldaten in den Norden des Landes.",
        ("REQUEST", "MLI", "RUS", False, False),
    ),
    (
        "Auf Ersuchen der Regierung in Kinshasa schickte Uganda weitere Soldaten in die "
        "Provinz Ituri.",
        ("AID", "UGA", "COD", False, False),
    ),
    (
        "Auf Bitten Kiews verhängte die EU neue Sanktionen gegen Belarus.",
        ("REQUEST", "UKR", "EU", False, False),
    ),
    (
        "Auf Bitten Kiews verhängte die EU neue Sanktionen gegen Belarus.",
        ("SANCTION", "EU", "BLR", False, False),
    ),
    # dropping a contested measure concedes, also when promised
    (
        "Die Regierung in Nairobi strich nach Protesten die umstrittene Steuer auf Brot.",
        ("CONCEDE", "KEN", "KEN", False, False),
    ),
    (
        "Der georgische Regierungschef versprach, das umstrittene Mediengesetz auszusetzen.",
        ("CONCEDE", "GEO", "GEO", False, False),
    ),
    (
        "Die argentinische Regierung schaffte die umstrittene Sondersteuer wieder ab.",
        ("CONCEDE", "ARG", "ARG", False, False),
    ),
    # taking in people shelters them (075)
    (
        "Kanada nahm im vergangenen Jahr Tausende Syrer auf.",
        ("AID", "CAN", "SYR", False, False),
    ),
    (
        "Paris nahm den russischen Regimekritiker nach seiner Flucht auf.",
        ("AID", "FRA", "RUS", False, False),
    ),
    (
        "Die Bundesregierung nahm über ein Sonderprogramm 300 gefährdete Sudanesen auf.",
        ("AID", "DEU", "SDN", False, False),
    ),
    # "nahm ... wieder auf" with an act as object resumes the act
    (
        "Russland nahm seine Luftangriffe auf Odessa in der Nacht wieder auf.",
        ("ASSAULT", "RUS", "UKR", False, False),
    ),
    # exiles protest against their own government, also where they march abroad; a role
    # noun names the state of the capital right after it ("die Führung in Teheran")
    (
        "Tausende Exil-Venezolaner protestierten in Madrid gegen die Regierung in Caracas.",
        ("PROTEST", "VEN", "VEN", False, False),
    ),
    (
        "Rund 5.000 Exil-Iraner demonstrierten am Sonntag in Paris gegen die Führung in Teheran.",
        ("PROTEST", "IRN", "IRN", False, False),
    ),
    # acting in order to protest is protesting; a blockade for it is its form (144)
    (
        "Französische Bauern blockierten mit Traktoren die Autobahn bei Paris, um gegen das "
        "Mercosur-Abkommen der EU zu protestieren.",
        ("PROTEST", "FRA", "EU", False, False),
    ),
    (
        "Hunderte Studenten besetzten die Universität in Belgrad, um gegen die Regierung zu "
        "demonstrieren.",
        ("PROTEST", "SRB", "SRB", False, False),
    ),
    # police in a later clause act where the sentence is
    (
        "In Tiflis protestierten Tausende gegen das Gesetz, die Polizei setzte Wasserwerfer ein.",
        ("COERCE", "GEO", "GEO", False, False),
    ),
    # ... but the release itself is coded
    (
        "Belarus ließ zwölf inhaftierte Oppositionelle frei.",
        ("RETREAT", "BLR", "BLR", False, False),
    ),
    # "der X" right after a bare state name is an object, no genitive of the name
    (
        "Auf einem Gipfel in Rom sagte Italien der Ukraine weitere Luftabwehrsysteme zu.",
        ("AGREE", "ITA", "UKR", False, False),
    ),
    (
        "Am Montag warf Peking der Regierung in Manila gezielte Provokationen vor.",
        ("ACCUSE", "CHN", "PHL", False, False),
    ),
    # getting with a participle is the participle's passive: the giver acts on the getter
    (
        "Die Republik Moldau bekam von Rumänien neue Gaslieferungen zugesagt.",
        ("AGREE", "ROU", "MDA", False, False),
    ),
    (
        "Die Ukraine erhielt von Deutschland weitere Panzer geliefert.",
        ("AID", "DEU", "UKR", False, False),
    ),
    # a government one gets things from is a giver, no guest
    ("Kiew bekam aus Washington neue Waffen.", ("AID", "USA", "UKR", False, False)),
    # weapons from a state that arrive are a delivery, no visit
    (
        "Die ersten F-16-Kampfjets aus Dänemark sind in der Ukraine eingetroffen.",
        ("AID", "DNK", "UKR", False, False),
    ),
    (
        "Die ersten Leopard-Panzer aus Spanien sind in der Ukraine eingetroffen.",
        ("AID", "ESP", "UKR", False, False),
    ),
    # a delegation that arrives visits
    (
        "Eine Delegation aus Frankreich ist in Kiew eingetroffen.",
        ("CONSULT", "FRA", "UKR", False, False),
    ),
    (
        "Teheran wies die Vorwürfe Kiews, Iran liefere Drohnen an Russland, am Dienstag "
        "scharf zurück.",
        ("REJECT", "IRN", "UKR", False, False),
    ),
    # a response ("daraufhin", "im Gegenzug") is aimed at the author of the act before
    (
        "Israelische Kampfjets bombardierten Ziele im Jemen. Die Huthi drohten daraufhin mit "
        "Vergeltung.",
        ("THREATEN", "YEM", "ISR", False, False),
    ),
    (
        "Russland wies zwei estnische Diplomaten aus. Estland verurteilte daraufhin das "
        "Vorgehen scharf.",
        ("ACCUSE", "EST", "RUS", False, False),
    ),
    # a threat after "und" is aimed at the one just reproached; a warning with a condition
    # is one threat, at the one warned
    (
        "Washington warf Teheran Angriffe auf Tanker vor und drohte mit neuen Strafen.",
        ("THREATEN", "USA", "IRN", False, False),
    ),
    (
        "Ankara warnte Athen vor ernsten Folgen, sollte es weitere Inseln militarisieren.",
        ("THREATEN", "TUR", "GRC", False, False),
    ),
    # a veto is aimed at the body it is cast in
    (
        "Die USA legten im UN-Sicherheitsrat ihr Veto gegen den Entwurf ein.",
        ("REJECT", "USA", "UN", False, False),
    ),
    (
        "China legte ein Veto gegen den Antrag Japans ein.",
        ("REJECT", "CHN", "JPN", False, False),
    ),
    # the members of a body act as the body
    (
        "Die Staaten der Arabischen Liga stellten sich geschlossen hinter Jordanien.",
        ("SUPPORT", "ARL", "JOR", False, False),
    ),
    (
        "Die Mitgliedstaaten der EU verhängten neue Sanktionen gegen Belarus.",
        ("SANCTION", "EU", "BLR", False, False),
    ),
    (
        "Russland drohte den Staaten der NATO mit Konsequenzen.",
        ("THREATEN", "RUS", "NATO", False, False),
    ),
    (
        "Kämpfer der Hamas griffen das Nova-Festival in Israel an.",
        ("ASSAULT", "PSE", "ISR", False, False),
    ),
    # missiles fired into the sea are a test; at a place they are an attack
    (
        "Am Montag feuerte Nordkorea mehrere Kurzstreckenraketen ins Japanische Meer.",
        ("MOBILIZE", "PRK", None, False, False),
    ),
    (
        "Die Huthi feuerten Marschflugkörper auf Eilat.",
        ("ASSAULT", "YEM", "ISR", False, False),
    ),
    # steps of one build-up share their counterpart
    (
        "Aserbaidschan versetzte seine Armee in Alarmbereitschaft und verlegte Panzer an die "
        "Grenze zu Armenien.",
        ("MOBILIZE", "AZE", "ARM", False, False),
    ),
    # forces brought up ("ließ Polizisten auffahren")
    (
        "Vor dem Jahrestag ließ die georgische Regierung Polizisten in Tiflis auffahren.",
        ("MOBILIZE", "GEO", None, False, False),
    ),
    (
        "Russland ließ an der Grenze zur Ukraine Panzer auffahren.",
        ("MOBILIZE", "RUS", "UKR", False, False),
    ),
    # a partner "gemeinsam mit" acts too, and the two cooperate
    (
        "Die USA griffen gemeinsam mit Großbritannien Stellungen der Huthi im Jemen an.",
        ("ASSAULT", "GBR", "YEM", False, False),
    ),
    (
        "Die USA griffen gemeinsam mit Großbritannien Stellungen der Huthi im Jemen an.",
        ("COOPERATE", "USA", "GBR", False, False),
    ),
    (
        "Ägypten warf zusammen mit Jordanien Hilfsgüter über dem Gazastreifen ab.",
        ("AID", "JOR", "PSE", False, False),
    ),
    # a role takes the state of a genitive that opens with an adjective of state
    (
        "Kämpfer der somalischen Al-Shabaab-Miliz griffen eine Kaserne in Kenia an.",
        ("ASSAULT", "SOM", "KEN", False, False),
    ),
    (
        "Soldaten der russischen Armee beschossen in der Nacht Charkiw.",
        ("ASSAULT", "RUS", "UKR", False, False),
    ),
    # a visit right after an election is politics; a majority conquered is no attack
    (
        "Der neue polnische Präsident reiste einen Tag nach seiner Wahl nach Berlin.",
        ("CONSULT", "POL", "DEU", False, False),
    ),
    (
        "Kenias Präsident kündigte nach der umstrittenen Wahl seinen Rücktritt an.",
        ("CONCEDE", "KEN", "KEN", False, False),
    ),
    # calling off one's own planned talks halts them (SANCTION 164); refusing is REJECT
    (
        "Peking sagte den geplanten Besuch des deutschen Außenministers kurzfristig ab.",
        ("SANCTION", "CHN", "DEU", False, False),
    ),
    (
        "Washington sagte die Gespräche mit Teheran in Oman ab.",
        ("SANCTION", "USA", "IRN", False, False),
    ),
    (
        "Kiew lehnte ein Treffen mit Putin ab.",
        ("REJECT", "UKR", "RUS", False, False),
    ),
    # a name after a body's title acts for the body, not for his own state
    (
        "UN-Menschenrechtskommissar Volker Türk forderte Israel zur Zurückhaltung auf.",
        ("REQUEST", "UN", "ISR", False, False),
    ),
    (
        "UN-Menschenrechtskommissar Volker Türk kritisierte Russland scharf.",
        ("ACCUSE", "UN", "RUS", False, False),
    ),
    # an application for membership is aimed at the body applied to ("bei", "in")
    (
        "Schweden reichte seinen Beitrittsantrag bei der NATO ein.",
        ("REQUEST", "SWE", "NATO", False, False),
    ),
    (
        "Georgien stellte im März einen Aufnahmeantrag in die EU.",
        ("REQUEST", "GEO", "EU", False, False),
    ),
    # ... while the verb still convenes
    (
        "Die Außenminister der EU tagten am Montag in Brüssel mit ihrem ukrainischen Kollegen.",
        ("CONSULT", "EU", "UKR", False, False),
    ),
    # a regnal number with its dot ends no sentence ("Papst Leo XIV. traf ...")
    (
        "Papst Leo XIV. traf den ukrainischen Präsidenten in Castel Gandolfo.",
        ("CONSULT", "VAT", "UKR", False, False),
    ),
    # a mediator shuttling between two capitals consults both
    (
        "Der türkische Außenminister vermittelte in Moskau und Kiew zwischen den Kriegsparteien.",
        ("CONSULT", "TUR", "RUS", False, False),
    ),
    (
        "Der türkische Außenminister vermittelte in Moskau und Kiew zwischen den Kriegsparteien.",
        ("CONSULT", "TUR", "UKR", False, False),
    ),
    # national assemblies are parliaments
    (
        "Die ungarische Nationalversammlung lehnte den Beitritt Schwedens zur NATO vorerst ab.",
        ("REJECT", "HUN", "SWE", False, False),
    ),
    # forces sent within one's own state are a deployment, sent abroad they are aid
    (
        "Die mexikanische Regierung entsandte Tausende Soldaten in den Bundesstaat Sinaloa.",
        ("MOBILIZE", "MEX", None, False, False),
    ),
    (
        "Kolumbiens Präsident schickte nach den Anschlägen Soldaten in die Gefängnisse von Cali.",
        ("MOBILIZE", "COL", None, False, False),
    ),
    (
        "Kenia schickte Hunderte Polizisten nach Haiti.",
        ("AID", "KEN", "HTI", False, False),
    ),
    # refraining from an act ("verzichtete darauf, ... zu", "sah davon ab, ... zu"): the act
    # is negated, an act named as its object still happened; giving up a plan concedes
    (
        "Brasilien verzichtete darauf, die Angriffe Israels auf den Libanon zu verurteilen.",
        ("ACCUSE", "BRA", "ISR", True, False),
    ),
    (
        "Brasilien verzichtete darauf, die Angriffe Israels auf den Libanon zu verurteilen.",
        ("ASSAULT", "ISR", "LBN", False, False),
    ),
    (
        "Die EU sah zunächst davon ab, neue Sanktionen gegen Georgien zu verhängen.",
        ("SANCTION", "EU", "GEO", True, False),
    ),
    (
        "Nach Massenprotesten verzichtete die serbische Regierung auf das geplante Minenprojekt.",
        ("CONCEDE", "SRB", "SRB", False, False),
    ),
]

SILENT = [
    # a resignation done is no concession; sport and business resignations are no event
    ("Die litauische Ministerpräsidentin trat nach der verlorenen Wahl zurück.", "CONCEDE"),
    ("Der Bundestrainer kündigte nach der Niederlage im Finale seinen Rücktritt an.", None),
    ("Der Vorstandschef kündigte nach dem Kurssturz der Aktie seinen Rücktritt an.", None),
    # a threat or a demand keeps its complement unreal ("dass", zu-infinitive)
    ("Moskau drohte, dass es jede Lieferung an Kiew angreifen werde.", "ASSAULT"),
    ("Die USA forderten Israel auf, die Offensive im Gazastreifen zu beenden.", "RETREAT"),
    # "für den Fall, dass" / "im Falle, dass" opens a condition
    (
        "Für den Fall, dass Berlin Marschflugkörper an Kiew liefert, drohte Moskau mit "
        "Konsequenzen.",
        "AID",
    ),
    ("Im Falle, dass Russland Litauen angreift, will die NATO sofort reagieren.", "ASSAULT"),
    # a state admitted, a loan or talks taken up are no shelter
    ("Die NATO nahm Finnland als 31. Mitglied auf.", "AID"),
    ("Die Regierung in Rom nahm einen Kredit über zwei Milliarden Euro auf.", "AID"),
    ("Polen nahm die Ermittlungen gegen den Belarussen auf.", "AID"),
    # no state aids itself
    ("Die mexikanische Regierung entsandte Tausende Soldaten in den Bundesstaat Sinaloa.", "AID"),
    # the blockade of protesters is no refusal
    (
        "Französische Bauern blockierten mit Traktoren die Autobahn bei Paris, um gegen das "
        "Mercosur-Abkommen der EU zu protestieren.",
        "REJECT",
    ),
    # police of no named place belong to no state
    ("Die Polizei setzte Tränengas gegen die Menge ein.", "COERCE"),
    # a participle after a count is an adjective ("zehn inhaftierte US-Bürger")
    ("Belarus ließ zwölf inhaftierte Oppositionelle frei.", "COERCE"),
    ("Die Taliban ließen 3 entführte Briten frei.", "ASSAULT"),
    # what is only promised is not yet delivered
    ("Die Republik Moldau bekam von Rumänien neue Gaslieferungen zugesagt.", "AID"),
    ("Kiew bekam aus Washington neue Waffen.", "CONSULT"),
    ("Die ersten F-16-Kampfjets aus Dänemark sind in der Ukraine eingetroffen.", "CONSULT"),
    # an act decided or voted on is still pending
    ("Die Bundesregierung will nächste Woche über weitere Hilfen für Moldau entscheiden.", "AID"),
    ("Der Bundestag stimmte am Freitag über neue Sanktionen gegen Iran ab.", "SANCTION"),
    # a claim inside the bracket of a separable denial is denied
    (
        "Teheran wies die Vorwürfe Kiews, Iran liefere Drohnen an Russland, am Dienstag "
        "scharf zurück.",
        "AID",
    ),
    # what forces are sent for ("um ... zu") is only intended
    (
        "Burundi verlegte weitere Soldaten nach Süd-Kivu, um gegen die M23-Rebellen zu kämpfen.",
        "ASSAULT",
    ),
    (
        "Frankreich schickte Soldaten nach Mali, um der Regierung im Kampf gegen Islamisten "
        "beizustehen.",
        "SUPPORT",
    ),
    # conquering hearts or an audience is no attack; an attack on a festival is
    ("Die irische Band eroberte beim Festival in Glastonbury die Herzen des Publikums.", None),
    ("Die Sängerin aus Schweden eroberte die Charts in Deutschland.", None),
    # an act judged (un)likely or thinkable is only possible
    ("Diplomaten halten einen russischen Angriff auf Moldau für unwahrscheinlich.", "ASSAULT"),
    ("Ein Einmarsch der Türkei in Nordsyrien sei durchaus denkbar, hieß es in Ankara.", "ASSAULT"),
    ("Der Bus fuhr in Dresden auf einen Lastwagen auf.", None),
    ("Die Opposition eroberte bei der Wahl in Ungarn die Mehrheit.", None),
    # a noun that only looks like a trigger verb ("Tagen" = days, not "tagen") is no act
    ("Moskau bekam eine Frist von 50 Tagen für einen Waffenstillstand.", "CONSULT"),
    # a club dropping a contested shirt is no politics
    ("Der Verein strich das umstrittene Trikot aus dem Sortiment.", None),
    # refraining from condemning is no concession
    (
        "Brasilien verzichtete darauf, die Angriffe Israels auf den Libanon zu verurteilen.",
        "CONCEDE",
    ),
    # a request of fans or a crowd is no political request
    ("Auf Bitten der Fans spielte die Band in Wien eine Zugabe.", None),
    # a rally permitted is not held by the authority that permits it
    (
        "Die Behörden in Stockholm genehmigten eine Kundgebung vor der türkischen Botschaft.",
        "PROTEST",
    ),
    ("Die Polizei in Tiflis erlaubte eine Demonstration vor dem Parlament.", "PROTEST"),
]


@pytest.mark.parametrize("text,expected", FOUND)
def test_event_found(text: str, expected: tuple) -> None:
    got = _tuples(_code("de", text))
    assert expected in got, f"{expected} not in {sorted(got, key=str)}"


def test_a_partner_is_no_target() -> None:
    got = _tuples(_code("de", "Die USA griffen gemeinsam mit Großbritannien Ziele im Jemen an."))
    assert ("ASSAULT", "USA", "GBR", False, False) not in got, got


@pytest.mark.parametrize("text,typ", SILENT)
def test_stays_silent(text: str, typ: str | None) -> None:
    factual = [e for e in _code("de", text) if not e.negated and not e.hypothetical]
    if typ is not None:
        factual = [e for e in factual if e.type == typ]
    assert not factual, [(e.type, e.trigger, e.sentence) for e in factual]
