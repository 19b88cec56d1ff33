"""German phrase bank of the demo content; concepts are in the nominative, and templates use them so."""


def city_slots(city: str) -> dict:
    return {"city": city, "in_city": f"in {city}", "of_city": f"aus {city}"}


BANK = {
    "city_slots": city_slots,
    "articles": ("ein ", "eine "),
    "thousands": ".",
    "percent": "{value}\u00a0%",
    "and": " und ",
    "fields": {
        "architecture": {
            "field_title": "UNESCO-Stadt der Architektur",
            "domain": "Architektur",
            "makers": "Architektinnen, Architekten und Handwerker",
            "keywords": ["Architektur", "Stadtgestaltung"],
            "concepts": [
                "ein Inventar der Gebäude der Moderne",
                "ein Programm geführter Architekturspaziergänge",
                "ein Aufruf zur Wiederbelebung leerstehender Gebäude",
                "eine Planungswerkstatt für öffentliche Räume mit den Bewohnern",
                "eine Schule für traditionelle Bautechniken",
            ],
        },
        "crafts_folk_art": {
            "field_title": "UNESCO-Stadt des Kunsthandwerks und der Volkskunst",
            "domain": "Kunsthandwerk",
            "makers": "Kunsthandwerkerinnen und Kunsthandwerker",
            "keywords": ["Kunsthandwerk", "Handwerk"],
            "concepts": [
                "ein Markt für Kunsthandwerkerinnen",
                "ein Lehrlingsprogramm im Handwerk für junge Menschen",
                "eine Residenz für Kunsthandwerker in historischen Werkstätten",
                "ein Online-Shop für lokales Kunsthandwerk",
                "ein lebendiges Museum traditioneller Handwerkstechniken",
            ],
        },
        "design": {
            "field_title": "UNESCO-Stadt des Designs",
            "domain": "Design",
            "makers": "Designerinnen und Designer",
            "keywords": ["Design", "Innovation"],
            "concepts": [
                "ein Designviertel im ehemaligen Hafen",
                "eine Designbiennale",
                "ein Labor für soziales Design",
                "ein Programm für zirkuläres Design von Möbeln und Materialien",
                "ein Designprogramm an Schulen",
            ],
        },
        "film": {
            "field_title": "UNESCO-Stadt des Films",
            "domain": "Film",
            "makers": "Filmschaffende",
            "keywords": ["Film", "Kino"],
            "concepts": [
                "ein Ausbildungsprogramm der Filmkommission für Technikerinnen und Techniker",
                "ein Open-Air-Kino, das durch die Stadtteile tourt",
                "ein Projekt zur Digitalisierung des städtischen Filmarchivs",
                "eine Drehbuchresidenz",
                "ein Filmbildungsprogramm an Schulen",
            ],
        },
        "gastronomy": {
            "field_title": "UNESCO-Stadt der Gastronomie",
            "domain": "Gastronomie",
            "makers": "Köchinnen, Köche und Erzeuger",
            "keywords": ["Gastronomie", "regionale Lebensmittel"],
            "concepts": [
                "ein Schulkantinenprogramm mit regionalen Produkten",
                "eine Markthalle für kleine Erzeuger",
                "eine Kochschule für junge Menschen",
                "ein Inventar traditioneller Rezepte",
                "ein Zero-Waste-Food-Festival",
            ],
        },
        "literature": {
            "field_title": "UNESCO-Stadt der Literatur",
            "domain": "Literatur",
            "makers": "Autorinnen, Autoren und Übersetzer",
            "keywords": ["Literatur", "Lesen", "Bücher"],
            "concepts": [
                "eine Residenz für literarische Übersetzung",
                "ein Netz von Stadtteilbibliotheken",
                "ein internationales Literaturfestival",
                "ein Programm von Schreibwerkstätten in Gefängnissen und Krankenhäusern",
                "eine digitale Bibliothek lokaler Autorinnen und Autoren",
            ],
        },
        "media_arts": {
            "field_title": "UNESCO-Stadt der Medienkunst",
            "domain": "Medienkunst",
            "makers": "Medienkünstlerinnen und Medienkünstler",
            "keywords": ["Medienkunst", "digitale Kunst"],
            "concepts": [
                "ein Medienkunstlabor für ältere Menschen",
                "ein Festival für Licht- und Projektionskunst",
                "eine Schule für kreatives Programmieren für Jugendliche",
                "eine Künstlerresidenz in einem Technologiezentrum",
                "ein digitales Archiv des Stadtgedächtnisses",
            ],
        },
        "music": {
            "field_title": "UNESCO-Stadt der Musik",
            "domain": "Musik",
            "makers": "Musikerinnen und Musiker",
            "keywords": ["Musik", "Livemusik"],
            "concepts": [
                "ein Straßenmusikfestival",
                "eine Musikschule im Stadtteil",
                "ein Archiv traditioneller Musik",
                "ein Programm für Musikexport und Residenzen",
                "ein Netz kleiner Livemusik-Clubs",
            ],
        },
    },
    "themes": {
        "youth": {
            "topic": "junge Menschen",
            "tagline": "eine Bühne für junge Menschen",
            "goal": "jungen Menschen zwischen 15 und 25 Jahren die Mittel zu geben, zu gestalten, aufzutreten und "
            "gehört zu werden",
            "activities": [
                "kostenlose Workshops in Schulen und Jugendzentren",
                "ein Mentoring, das junge Menschen mit Profis zusammenbringt",
                "eine jährliche Werkschau, die Jugendliche selbst gestalten",
            ],
            "keywords": ["Jugend", "Teilhabe"],
        },
        "heritage": {
            "topic": "das lebendige Kulturerbe",
            "tagline": "Erbe in der Gegenwart",
            "goal": "das materielle und immaterielle Erbe der Stadt zu bewahren und an neue Generationen weiterzugeben",
            "activities": [
                "eine Bestandsaufnahme mit den Trägern des Wissens",
                "Tage der offenen Tür an historischen Orten",
                "Fortbildungen für Stadtführer und Kulturvermittler",
            ],
            "keywords": ["Kulturerbe", "Bewahrung"],
        },
        "inclusion": {
            "topic": "Menschen fern vom Kulturleben",
            "tagline": "Kultur für alle",
            "goal": "Menschen zu erreichen, die selten am kulturellen Leben teilnehmen, darunter Menschen mit "
            "Behinderung, Zugewanderte und Bewohner der Randbezirke",
            "activities": [
                "freier Eintritt oder Eintritt nach eigenem Ermessen",
                "Angebote in den Randbezirken",
                "barrierefreie Formate wie Gebärdensprache, Leichte Sprache und Audiodeskription",
            ],
            "keywords": ["Inklusion", "Barrierefreiheit"],
        },
        "digital": {
            "topic": "das digitale Schaffen",
            "tagline": "der digitale Wandel",
            "goal": "digitale Werkzeuge zu nutzen, um die Arbeit lokaler Kreativer zu schaffen, zu teilen und zu "
            "bewahren",
            "activities": [
                "eine offene Online-Plattform",
                "Schulungen in digitalen Kompetenzen für Kreative",
                "offene Daten zu Sammlungen und Spielstätten",
            ],
            "keywords": ["Digitalisierung", "offene Daten"],
        },
        "tourism": {
            "topic": "Gäste und Einwohner",
            "tagline": "ein von Kultur geprägtes Reiseziel",
            "goal": "einen nachhaltigen Kulturtourismus zu entwickeln, der Einwohnern ebenso nützt wie Gästen",
            "activities": [
                "thematische Routen durch die Stadt",
                "Partnerschaften mit Hotels und Reiseveranstaltern",
                "eine mit den Einwohnern vereinbarte Besuchercharta",
            ],
            "keywords": ["Kulturtourismus", "nachhaltiger Tourismus"],
        },
        "climate": {
            "topic": "die Klimawende",
            "tagline": "Kreativität für das Klima",
            "goal": "den ökologischen Fußabdruck kultureller Aktivitäten zu verringern und für die Klimakrise zu "
            "sensibilisieren",
            "activities": [
                "eine CO₂-Bilanz von Spielstätten und Veranstaltungen",
                "der Einsatz lokaler und wiederverwendeter Materialien",
                "Sensibilisierungskampagnen mit Künstlerinnen und Künstlern",
            ],
            "keywords": ["Klima", "Kreislaufwirtschaft"],
        },
        "education": {
            "topic": "Schülerinnen, Schüler und Lehrkräfte",
            "tagline": "Lernen durch Kreativität",
            "goal": "kreative Praxis in die Schulen und ins lebenslange Lernen zu bringen",
            "activities": [
                "gemeinsam mit Lehrkräften entwickelte Projekte",
                "Besuche und Workshops für Schulklassen",
                "Fortbildungen für Lehrkräfte und Pädagogen",
            ],
            "keywords": ["Bildung", "Schulen"],
        },
        "women": {
            "topic": "Frauen in der Kreativwirtschaft",
            "tagline": "mehr Raum für Künstlerinnen",
            "goal": "die Stellung von Frauen unter Kreativen, Fachleuten und Entscheidungsträgern zu stärken",
            "activities": [
                "Stipendien und Mentoring für Künstlerinnen",
                "ein Netzwerk von Fachfrauen",
                "Kinderbetreuung während der Fortbildungen",
            ],
            "keywords": ["Gleichstellung", "Frauen"],
        },
        "markets": {
            "topic": "lokale Kreativunternehmen",
            "tagline": "von der Werkstatt auf den Markt",
            "goal": "lokalen Kreativen und Kleinunternehmen zu helfen, neue Märkte zu erreichen und ein faires "
            "Einkommen zu erzielen",
            "activities": [
                "ein saisonaler Markt und ein ganzjähriger Laden",
                "Unternehmensberatung und Kleinstförderungen",
                "ein gemeinsames Herkunfts- und Qualitätssiegel",
            ],
            "keywords": ["Kreativwirtschaft", "Kleinunternehmen"],
        },
        "residencies": {
            "topic": "Gastkünstlerinnen und Gastkünstler",
            "tagline": "eine Stadt, die Künstlern offensteht",
            "goal": "Kunstschaffende und Fachleute aus anderen Kreativstädten aufzunehmen und einen dauerhaften "
            "Austausch aufzubauen",
            "activities": [
                "Residenzen von einem bis drei Monaten",
                "Austausch mit Partnerstädten des Netzwerks",
                "öffentliche Präsentationen am Ende jeder Residenz",
            ],
            "keywords": ["Residenzen", "Mobilität"],
        },
    },
    "figures": {
        "visitors": "Besucherinnen und Besucher",
        "participants": "Teilnehmende",
        "young_participants": "junge Teilnehmende",
        "workshops": "durchgeführte Workshops",
        "artists": "beteiligte Kunstschaffende",
        "jobs": "geschaffene Arbeitsplätze",
        "businesses": "unterstützte Unternehmen",
        "schools": "beteiligte Schulen",
        "teachers": "fortgebildete Lehrkräfte",
        "items": "dokumentierte Objekte",
        "online_visits": "Online-Besuche",
        "residencies": "durchgeführte Residenzen",
        "partner_cities": "Partnerstädte",
        "neighbourhoods": "erreichte Stadtteile",
        "women_share": "Frauenanteil unter den Kunstschaffenden",
        "satisfaction": "zufriedene Teilnehmende",
        "co2_reduction": "Rückgang der CO₂-Emissionen",
        "sales_increase": "Umsatzsteigerung",
    },
    "instruments": ["ein Aktionsplan", "eine Strategie", "ein Förderfonds", "eine Charta", "ein städtisches Programm"],
    "pubtypes": ["eine Studie", "ein Leitfaden", "ein Evaluationsbericht", "ein Handbuch"],
    "titles": {
        "practice": ["{Concept} {in_city}", "{city}: {Concept} für {topic}", "{Concept}: {Tagline}"],
        "policy": [
            "{Instrument} für {domain} {in_city} ({start_year}–{end_year})",
            "{city}: {Instrument} für {topic}",
        ],
        "publication": ["{Pubtype}: {domain} und {topic} {in_city}", "{Tagline}: Erfahrungen {of_city}"],
    },
    "intro": {
        "practice": [
            "In {city} besteht seit {start_year} {concept_a} für {topic}.",
            "{city} ist seit {designation_year} {field_title}. {start_year} startete dort {concept_a}.",
        ],
        "policy": ["Seit {start_year} gilt in {city} {instrument_a} für {domain} und {topic}."],
        "publication": [
            "Diese Veröffentlichung untersucht die Wirkung kultureller Angebote für {topic} {in_city}.",
            "Grundlage dieser Veröffentlichung aus dem Jahr {pub_year} sind {n} Interviews und mehrjährige Daten "
            "{of_city}.",
        ],
    },
    "goal": ["Ziel ist es, {goal}.", "Das Vorhaben hat zum Ziel, {goal}."],
    "method": [
        "Dazu gehören {activity1} und {activity2}.",
        "Im Mittelpunkt stehen {activity1}, {activity2} und {activity3}.",
    ],
    "result": ["Bisher zählt das Projekt {figs}.", "Zu den Ergebnissen gehören {figs}."],
    "headings": {
        "context": "Hintergrund",
        "approach": "Was getan wurde",
        "measures": "Maßnahmen",
        "method": "Methode",
        "findings": "Wichtigste Ergebnisse",
        "lessons": "Erkenntnisse",
        "next": "Nächste Schritte",
    },
    "context": [
        "{city} ist seit {designation_year} {field_title}. {Domain} prägt die Identität und die Wirtschaft der "
        "Stadt, und die Stadt wollte, dass dieser Titel für {topic} einen Unterschied macht.",
        "Vor {start_year} hatten {makers} {in_city} kaum Orte, um sich zu treffen, sich weiterzubilden und ihre "
        "Arbeit zu zeigen. Die öffentliche Förderung war auf mehrere Ämter verteilt.",
        "Die Idee entstand {prev_year} in einer Bürgerbeteiligung mit Kreativen, Stadtteilvereinen und Schulen. "
        "Viele bedauerten, dass {domain} nur auf Festivals stattfand, fern vom Alltag.",
    ],
    "adapted": [
        "Das Projekt folgt dem Vorbild einer Praxis {source_of_city}, die das Team über das Netzwerk der "
        "Kreativstädte kennengelernt hat, und wurde an die örtlichen Bedürfnisse angepasst.",
    ],
    "approach": {
        "practice": [
            "Das Projekt wird von einem lokalen Verein gemeinsam mit dem Kulturamt getragen. Es begann als Pilot "
            "in zwei Stadtteilen und wuchs jedes Jahr mit neuen Partnern.",
            "Ein kleines Team koordiniert das Programm; die meisten Angebote leiten Kreative selbst, die für ihre "
            "Zeit bezahlt werden. Die wichtigsten Bausteine sind:",
        ],
        "policy": [
            "Das Instrument bündelt bisher verstreute Maßnahmen und gibt ihnen ein Budget und einen Zeitplan. Die "
            "wichtigsten Maßnahmen sind:",
        ],
        "publication": [
            "Das Dokument stützt sich auf {n} Interviews mit Kreativen, Verwaltung und Anwohnern, eine Umfrage und "
            "die Auswertung von zehn Jahren städtischer Daten.",
        ],
    },
    "results": [
        "Die erste Evaluation zeigt ermutigende Ergebnisse:",
        "Die jährlich erhobenen Zahlen zeigen einen stetigen Fortschritt:",
    ],
    "lessons": [
        "Die Betroffenen von Anfang an einbeziehen, nicht erst am Ende.",
        "Eine mehrjährige Finanzierung sichern: einmalige Zuschüsse schaffen kein Vertrauen.",
        "Die Zeit von Kunstschaffenden fair vergüten.",
        "Mit Schulen und Stadtteilvereinen zusammenarbeiten, die das Publikum am besten kennen.",
        "Erfahrungen mit anderen Kreativstädten teilen und von ihnen lernen.",
    ],
    "next": [
        "Die Stadt plant, das Projekt auf weitere Stadtteile auszuweiten und mit Partnerstädten des Netzwerks zu "
        "teilen.",
        "Eine zweite Phase ab {next_year} soll sich auf Weiterbildung und langfristige Finanzierung konzentrieren.",
    ],
    "partners": {
        "public": ["Stadt {city}", "Kulturamt der Stadt {city}", "Landesministerium für Kultur"],
        "private": ["Industrie- und Handelskammer", "Sparkassenstiftung"],
        "civil_society": ["Stadtjugendring {city}", "Verein der Freunde des Kulturerbes"],
        "academia": ["Universität {city}", "Hochschule für Gestaltung"],
        "international": ["UNESCO-Netzwerk der Kreativstädte"],
    },
    "funding": ["Städtischer Haushalt ({p1} %), Land ({p2} %), private Förderer ({p3} %)."],
    "link_titles": ["Projektseite", "Abschlussbericht", "Fotogalerie"],
}
