"""French phrase bank of the demo content, parallel to the English one."""

VOWELS = "AEIOUYÂÀÉÈÊÎÏÔÛŒaeiouyâàéèêîïôûœ"


def of(city: str) -> str:
    """« de Lyon », « d’Angoulême »."""
    return f"d’{city}" if city[:1] in VOWELS else f"de {city}"


def city_slots(city: str) -> dict:
    return {"city": city, "in_city": f"à {city}", "of_city": of(city)}


BANK = {
    "city_slots": city_slots,
    "articles": ("un ", "une "),
    "thousands": "\u202f",
    "percent": "{value}\u202f%",
    "and": " et ",
    "list_format": "{label} : {value}",
    "fields": {
        "architecture": {
            "field_title": "Ville créative de l’architecture",
            "domain": "l’architecture",
            "a_domain": "à l’architecture",
            "de_domain": "de l’architecture",
            "makers": "les architectes et les bâtisseurs",
            "keywords": ["architecture", "urbanisme"],
            "concepts": [
                "un inventaire des bâtiments du patrimoine moderne",
                "un programme de promenades architecturales guidées",
                "un appel à projets pour redonner vie aux bâtiments vides",
                "un atelier de conception des espaces publics avec les habitants",
                "une école des techniques traditionnelles de construction",
            ],
        },
        "crafts_folk_art": {
            "field_title": "Ville créative de l’artisanat et des arts populaires",
            "domain": "l’artisanat",
            "a_domain": "à l’artisanat et aux arts populaires",
            "de_domain": "de l’artisanat",
            "makers": "les artisans",
            "keywords": ["artisanat", "métiers d’art", "savoir-faire"],
            "concepts": [
                "un marché des femmes artisanes",
                "un programme d’apprentissage de l’artisanat pour les jeunes",
                "une résidence d’artisans dans des ateliers historiques",
                "une boutique en ligne de l’artisanat local",
                "un musée vivant des métiers d’art traditionnels",
            ],
        },
        "design": {
            "field_title": "Ville créative du design",
            "domain": "le design",
            "a_domain": "au design",
            "de_domain": "du design",
            "makers": "les designers",
            "keywords": ["design", "innovation"],
            "concepts": [
                "un quartier du design sur les anciens docks",
                "une biennale du design",
                "un laboratoire de design social",
                "un programme de design circulaire pour le mobilier et les matériaux",
                "un programme de design dans les écoles",
            ],
        },
        "film": {
            "field_title": "Ville créative du cinéma",
            "domain": "le cinéma",
            "a_domain": "au cinéma",
            "de_domain": "du cinéma",
            "makers": "les cinéastes et les techniciens",
            "keywords": ["cinéma", "audiovisuel"],
            "concepts": [
                "un programme de formation de techniciens par la commission du film",
                "un cinéma en plein air itinérant dans les quartiers",
                "un projet de numérisation des archives cinématographiques de la ville",
                "une résidence d’écriture de scénario",
                "un programme d’éducation à l’image dans les écoles",
            ],
        },
        "gastronomy": {
            "field_title": "Ville créative de la gastronomie",
            "domain": "la gastronomie",
            "a_domain": "à la gastronomie",
            "de_domain": "de la gastronomie",
            "makers": "les cuisiniers et les producteurs",
            "keywords": ["gastronomie", "alimentation locale"],
            "concepts": [
                "un programme de cantines scolaires avec des produits locaux",
                "un marché couvert des petits producteurs",
                "une école de cuisine pour les jeunes",
                "un inventaire des recettes traditionnelles",
                "un festival gastronomique zéro déchet",
            ],
        },
        "literature": {
            "field_title": "Ville créative de la littérature",
            "domain": "le livre et la lecture",
            "a_domain": "au livre et à la lecture",
            "de_domain": "du livre et de la lecture",
            "makers": "les écrivains et les traducteurs",
            "keywords": ["littérature", "lecture", "livre"],
            "concepts": [
                "une résidence de traduction littéraire",
                "un réseau de bibliothèques de quartier",
                "un festival international du livre",
                "un programme d’ateliers d’écriture en prison et à l’hôpital",
                "une bibliothèque numérique des auteurs locaux",
            ],
        },
        "media_arts": {
            "field_title": "Ville créative des arts numériques",
            "domain": "les arts numériques",
            "a_domain": "aux arts numériques",
            "de_domain": "des arts numériques",
            "makers": "les artistes numériques",
            "keywords": ["arts numériques", "création numérique"],
            "concepts": [
                "un laboratoire d’arts numériques pour les seniors",
                "un festival des arts de la lumière et de la projection",
                "une école de code créatif pour les adolescents",
                "une résidence d’artistes dans un pôle technologique",
                "une archive numérique de la mémoire de la ville",
            ],
        },
        "music": {
            "field_title": "Ville créative de la musique",
            "domain": "la musique",
            "a_domain": "à la musique",
            "de_domain": "de la musique",
            "makers": "les musiciens",
            "keywords": ["musique", "musiques actuelles"],
            "concepts": [
                "un festival de musique de rue",
                "une école de musique de quartier",
                "une archive des musiques traditionnelles",
                "un programme d’export et de résidences musicales",
                "un réseau de petites salles de musique live",
            ],
        },
    },
    "themes": {
        "youth": {
            "topic": "les jeunes",
            "tagline": "une scène pour les jeunes",
            "goal": "donner aux jeunes de 15 à 25 ans les moyens de créer, de se produire et d’être entendus",
            "activities": [
                "des ateliers gratuits dans les écoles et les maisons des jeunes",
                "un mentorat qui associe chaque jeune à un professionnel",
                "une vitrine annuelle conçue et animée par les jeunes",
            ],
            "keywords": ["jeunesse", "participation"],
        },
        "heritage": {
            "topic": "le patrimoine vivant",
            "tagline": "le patrimoine au présent",
            "goal": "sauvegarder le patrimoine matériel et immatériel de la ville et le transmettre aux nouvelles "
            "générations",
            "activities": [
                "un inventaire réalisé avec les détenteurs des savoir-faire",
                "des journées portes ouvertes dans des lieux historiques",
                "la formation de guides et de médiateurs culturels",
            ],
            "keywords": ["patrimoine", "sauvegarde"],
        },
        "inclusion": {
            "topic": "les publics éloignés de la culture",
            "tagline": "la culture pour toutes et tous",
            "goal": "toucher les personnes qui participent rarement à la vie culturelle, dont les personnes "
            "handicapées, les migrants et les habitants des quartiers périphériques",
            "activities": [
                "un accès gratuit ou à prix libre",
                "des activités dans les quartiers périphériques",
                "des formats accessibles : langue des signes, textes faciles à lire, audiodescription",
            ],
            "keywords": ["inclusion", "accessibilité"],
        },
        "digital": {
            "topic": "la création numérique",
            "tagline": "le virage numérique",
            "goal": "utiliser les outils numériques pour créer, partager et conserver le travail des créateurs locaux",
            "activities": [
                "une plateforme en ligne ouverte",
                "des formations aux compétences numériques pour les créateurs",
                "des données ouvertes sur les collections et les lieux",
            ],
            "keywords": ["numérique", "données ouvertes"],
        },
        "tourism": {
            "topic": "les visiteurs et les habitants",
            "tagline": "une destination façonnée par la culture",
            "goal": "développer un tourisme culturel durable qui profite autant aux habitants qu’aux visiteurs",
            "activities": [
                "des parcours thématiques dans la ville",
                "des partenariats avec les hôtels et les voyagistes",
                "une charte du visiteur élaborée avec les habitants",
            ],
            "keywords": ["tourisme culturel", "tourisme durable"],
        },
        "climate": {
            "topic": "la transition climatique",
            "tagline": "la créativité pour le climat",
            "goal": "réduire l’empreinte environnementale des activités culturelles et sensibiliser à la crise "
            "climatique",
            "activities": [
                "un bilan carbone des lieux et des événements",
                "l’emploi de matériaux locaux et de réemploi",
                "des campagnes de sensibilisation menées par des artistes",
            ],
            "keywords": ["climat", "économie circulaire"],
        },
        "education": {
            "topic": "les élèves et les enseignants",
            "tagline": "apprendre par la créativité",
            "goal": "faire entrer la pratique créative à l’école et dans la formation tout au long de la vie",
            "activities": [
                "des projets conçus avec les enseignants",
                "des visites et des ateliers pour les classes",
                "la formation des enseignants et des éducateurs",
            ],
            "keywords": ["éducation", "écoles"],
        },
        "women": {
            "topic": "les créatrices",
            "tagline": "plus de place pour les créatrices",
            "goal": "renforcer la place des femmes parmi les créateurs, les professionnels et les décideurs",
            "activities": [
                "des bourses et un mentorat pour les créatrices",
                "un réseau de femmes professionnelles",
                "une garde d’enfants pendant les formations",
            ],
            "keywords": ["égalité femmes-hommes", "femmes"],
        },
        "markets": {
            "topic": "les entreprises créatives locales",
            "tagline": "des ateliers aux marchés",
            "goal": "aider les créateurs et les petites entreprises locales à atteindre de nouveaux marchés et à "
            "vivre de leur travail",
            "activities": [
                "un marché saisonnier et une boutique ouverte toute l’année",
                "un accompagnement à la gestion et des micro-subventions",
                "un label commun d’origine et de qualité",
            ],
            "keywords": ["économie créative", "petites entreprises"],
        },
        "residencies": {
            "topic": "les artistes invités",
            "tagline": "une ville ouverte aux artistes",
            "goal": "accueillir des artistes et des professionnels d’autres villes créatives et construire des "
            "échanges durables",
            "activities": [
                "des résidences d’un à trois mois",
                "des échanges avec les villes créatives partenaires",
                "des présentations publiques à la fin de chaque résidence",
            ],
            "keywords": ["résidences", "mobilité"],
        },
    },
    "figures": {
        "visitors": "visiteurs",
        "participants": "participants",
        "young_participants": "jeunes participants",
        "workshops": "ateliers organisés",
        "artists": "artistes impliqués",
        "jobs": "emplois créés",
        "businesses": "entreprises accompagnées",
        "schools": "écoles participantes",
        "teachers": "enseignants formés",
        "items": "éléments documentés",
        "online_visits": "visites en ligne",
        "residencies": "résidences accueillies",
        "partner_cities": "villes partenaires",
        "neighbourhoods": "quartiers touchés",
        "women_share": "part de femmes parmi les artistes",
        "satisfaction": "participants satisfaits",
        "co2_reduction": "baisse des émissions de carbone",
        "sales_increase": "hausse des ventes",
    },
    "instruments": [
        "un plan d’action",
        "une stratégie",
        "un fonds de soutien",
        "une charte",
        "un programme municipal",
        "un plan local",
    ],
    "pubtypes": ["une étude", "un guide", "un rapport d’évaluation", "un manuel", "une enquête"],
    "titles": {
        "practice": [
            "{Concept} {in_city}",
            "{Concept} {of_city}",
            "{Concept} : {tagline}",
            "{city} : {concept} pour {topic}",
            "{Tagline} — {concept} {in_city}",
        ],
        "policy": [
            "{Instrument} pour {domain} {in_city} ({start_year}-{end_year})",
            "{Instrument} {of_city} pour {topic}",
            "{Instrument} « {Tagline} »",
            "{city} : {instrument} pour {domain} et {topic}",
        ],
        "publication": [
            "{Pubtype} : {domain} et {topic} {in_city}",
            "{Pubtype} : {concept} {of_city}",
            "{Tagline} : les enseignements {of_city}",
            "{Concept} {in_city} — {pubtype}, {pub_year}",
        ],
    },
    "intro": {
        "practice": [
            "Depuis {start_year}, {city} porte {concept_a} pour {topic}, avec {makers} au cœur du projet.",
            "{city}, {field_title} depuis {designation_year}, a lancé {concept_a} en {start_year}.",
            "En {start_year}, {city} a lancé {concept_a} avec des partenaires locaux, en mettant l’accent sur {topic}.",
        ],
        "policy": [
            "En {start_year}, {city} a adopté {instrument_a} pour soutenir {domain} et agir davantage pour {topic}.",
            "Pour la période {start_year}-{end_year}, {city} s’est dotée d’{instrument_a} qui définit comment la "
            "ville soutient {domain}, en mettant l’accent sur {topic}.",
            "{city} intègre {domain} à son développement urbain grâce à {instrument_a}, en vigueur depuis "
            "{start_year}.",
        ],
        "publication": [
            "Cette publication examine {concept_a} {in_city} et ses effets pour {topic}.",
            "Fruit de {n} entretiens et de plusieurs années de données recueillies {in_city}, ce document a été "
            "publié en {pub_year}.",
            "Rédigé par des chercheurs d’une université locale, ce document analyse comment {city} soutient "
            "{domain}, en mettant l’accent sur {topic}.",
        ],
    },
    "goal": ["L’ambition est simple : {goal}.", "Objectif : {goal}.", "La démarche vise à {goal}."],
    "method": [
        "Le dispositif associe {activity1} et {activity2}.",
        "Le dispositif repose sur {activity1}, {activity2} et {activity3}.",
        "Les principales actions sont {activity1} et {activity2}.",
    ],
    "result": [
        "À ce jour, le bilan fait état de {figs}.",
        "Parmi les résultats : {figs}.",
        "Les derniers chiffres font apparaître {figs}.",
    ],
    "headings": {
        "context": "Contexte",
        "approach": "Ce qui a été fait",
        "measures": "Mesures",
        "method": "Méthode",
        "findings": "Principaux constats",
        "lessons": "Enseignements",
        "next": "Prochaines étapes",
    },
    "context": [
        "{city} est {field_title} depuis {designation_year}. L’identité et l’économie de la ville doivent "
        "beaucoup {a_domain}, et la ville voulait que ce titre change les choses pour {topic}.",
        "Avant {start_year}, {makers} {of_city} avaient peu de lieux pour se rencontrer, se former et montrer "
        "leur travail. Le soutien public était dispersé entre plusieurs services et atteignait rarement ceux "
        "qui en avaient le plus besoin.",
        "L’idée est née d’une concertation menée en {prev_year} avec {makers}, les associations de quartier et "
        "les écoles. Beaucoup regrettaient que la place {de_domain} se limite aux festivals, loin de la vie "
        "quotidienne.",
        "L’adhésion au Réseau des villes créatives a donné à {city} un cadre et des partenaires. La ville a "
        "décidé de traduire les engagements de sa candidature en actions concrètes pour {topic}.",
    ],
    "adapted": [
        "Le projet est adapté d’une pratique {source_of_city}, découverte grâce au Réseau des villes créatives, "
        "et ajusté aux besoins et aux moyens locaux.",
        "Il s’inspire de l’expérience {source_of_city} : les échanges entre les équipes des deux villes ont "
        "permis d’éviter les premières erreurs.",
    ],
    "approach": {
        "practice": [
            "Le projet est porté par une association locale avec la direction de la culture de la ville. Lancé "
            "à titre pilote dans deux quartiers, il s’est étendu chaque année avec l’arrivée de nouveaux "
            "partenaires.",
            "Une petite équipe coordonne le programme, mais la plupart des activités sont animées par {makers}, "
            "rémunérés pour leur temps. Ses principaux volets sont :",
            "Tout a été conçu avec les personnes concernées, qui ont participé aux premiers ateliers et aidé à "
            "choisir les lieux, les horaires et les formats.",
        ],
        "policy": [
            "Ce texte rassemble des mesures jusque-là dispersées et leur donne un budget et un calendrier. Ses "
            "principales mesures sont :",
            "Adopté par le conseil municipal, le dispositif est piloté par un comité réunissant des élus, "
            "{makers} et la société civile. Il prévoit :",
        ],
        "publication": [
            "Le document s’appuie sur {n} entretiens avec {makers}, des agents publics et des habitants, une "
            "enquête et l’analyse de dix ans de données municipales.",
            "Il a été rédigé par des chercheurs avec les équipes de la ville et relu par des villes créatives "
            "partenaires avant publication.",
        ],
    },
    "results": [
        "La première évaluation montre des résultats encourageants :",
        "Les chiffres recueillis chaque année par l’équipe montrent une progression régulière :",
        "Une évaluation indépendante menée en {pub_year} met en avant ces résultats :",
    ],
    "lessons": [
        "Associer les personnes concernées dès le début, et pas seulement à la fin.",
        "Garantir un financement sur plusieurs années : les subventions ponctuelles ne créent pas la confiance.",
        "Rémunérer équitablement le temps des artistes et des artisans.",
        "Travailler avec les écoles et les associations de quartier, qui connaissent le mieux les publics.",
        "Mesurer les résultats dès le premier jour, avec quelques indicateurs simples.",
        "Partager ce qui fonctionne avec d’autres villes créatives, et apprendre des leurs.",
        "Maintenir des activités gratuites ou peu chères, pour que personne ne soit exclu.",
        "Donner à chaque partenaire un rôle clair et se réunir régulièrement.",
    ],
    "next": [
        "La ville prévoit désormais d’étendre le projet à d’autres quartiers et de le partager avec les villes "
        "partenaires du réseau.",
        "Une deuxième phase, à partir de {next_year}, portera sur la formation et sur le financement à long terme.",
        "{city} cherche des villes créatives intéressées par l’adaptation du projet ; une boîte à outils est "
        "disponible sur demande.",
    ],
    "partners": {
        "public": [
            "Ville {of_city}",
            "Ministère de la Culture",
            "Office de tourisme régional",
            "Bibliothèques municipales {of_city}",
        ],
        "private": [
            "Chambre de commerce {of_city}",
            "Fondation de la Caisse d’épargne",
            "Union des métiers de l’hôtellerie",
            "Coopérative des producteurs locaux",
        ],
        "civil_society": [
            "Réseau jeunesse {of_city}",
            "Fédération des maisons de quartier",
            "Société des amis du patrimoine",
            "Collectif des créatrices",
        ],
        "academia": ["Université {of_city}", "École des beaux-arts {of_city}", "Institut de technologie"],
        "international": ["Réseau des villes créatives de l’UNESCO", "Conseil international des musées"],
    },
    "funding": [
        "Budget de la ville ({p1} %), ministère de la Culture ({p2} %), mécènes privés ({p3} %).",
        "Fonds municipaux ({p1} %), subvention régionale ({p2} %), billetterie et ventes ({p3} %).",
    ],
    "link_titles": ["Page du projet", "Rapport final", "Galerie de photos", "Vidéo de présentation"],
}
