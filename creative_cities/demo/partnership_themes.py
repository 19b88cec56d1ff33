"""The themes of the demo partnerships: creative fields, SDGs, and words in English, French and Spanish."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    code: str
    fields: tuple[str, ...]
    sdgs: tuple[int, ...]
    words: dict  # language -> (name, phrases...)


THEMES = [
    Theme(
        "street_food",
        ("gastronomy",),
        (2, 8, 11),
        {
            "en": (
                "street food",
                "markets and street food vendors",
                "local food heritage",
                "safe and fair food stalls",
            ),
            "fr": (
                "cuisine de rue",
                "marchés et vendeurs de rue",
                "patrimoine culinaire local",
                "des étals sûrs et équitables",
            ),
            "es": (
                "comida callejera",
                "mercados y vendedores ambulantes",
                "patrimonio gastronómico local",
                "puestos de comida seguros",
            ),
        },
    ),
    Theme(
        "book_festivals",
        ("literature",),
        (4, 11),
        {
            "en": (
                "book festivals",
                "literary festivals and readings",
                "translation of young authors",
                "libraries in public space",
            ),
            "fr": (
                "festivals du livre",
                "festivals littéraires et lectures",
                "traduction de jeunes auteurs",
                "bibliothèques dans l'espace public",
            ),
            "es": (
                "ferias del libro",
                "festivales literarios y lecturas",
                "traducción de autores jóvenes",
                "bibliotecas en el espacio público",
            ),
        },
    ),
    Theme(
        "children_reading",
        ("literature",),
        (4, 10),
        {
            "en": (
                "reading for children",
                "reading clubs in schools",
                "picture books and storytelling",
                "literacy in poor districts",
            ),
            "fr": (
                "lecture pour les enfants",
                "clubs de lecture à l'école",
                "albums et contes",
                "l'alphabétisation dans les quartiers pauvres",
            ),
            "es": (
                "lectura infantil",
                "clubes de lectura en las escuelas",
                "libros ilustrados y cuentacuentos",
                "alfabetización en barrios pobres",
            ),
        },
    ),
    Theme(
        "film_heritage",
        ("film", "media_arts"),
        (4, 11),
        {
            "en": ("film heritage", "restoring film archives", "open-air cinema", "film schools for young people"),
            "fr": (
                "patrimoine cinématographique",
                "restauration des archives de films",
                "cinéma en plein air",
                "écoles de cinéma pour les jeunes",
            ),
            "es": (
                "patrimonio cinematográfico",
                "restauración de archivos fílmicos",
                "cine al aire libre",
                "escuelas de cine para jóvenes",
            ),
        },
    ),
    Theme(
        "music_education",
        ("music",),
        (4, 10),
        {
            "en": (
                "music education",
                "orchestras for young people",
                "music schools in every district",
                "teaching traditional instruments",
            ),
            "fr": (
                "éducation musicale",
                "orchestres de jeunes",
                "écoles de musique dans chaque quartier",
                "l'enseignement des instruments traditionnels",
            ),
            "es": (
                "educación musical",
                "orquestas juveniles",
                "escuelas de música en cada barrio",
                "enseñanza de instrumentos tradicionales",
            ),
        },
    ),
    Theme(
        "live_music",
        ("music",),
        (8, 11),
        {
            "en": ("live music", "venues for live music", "night-time economy", "touring circuits for musicians"),
            "fr": (
                "musique live",
                "salles de concert",
                "économie de la nuit",
                "circuits de tournée pour les musiciens",
            ),
            "es": ("música en vivo", "salas de conciertos", "economía nocturna", "circuitos de gira para músicos"),
        },
    ),
    Theme(
        "textile_crafts",
        ("crafts_folk_art",),
        (5, 8, 12),
        {
            "en": (
                "textile crafts",
                "weaving and natural dyes",
                "women artisans' cooperatives",
                "fair trade for handmade textiles",
            ),
            "fr": (
                "artisanat textile",
                "tissage et teintures naturelles",
                "coopératives d'artisanes",
                "commerce équitable du textile fait main",
            ),
            "es": (
                "artesanía textil",
                "tejido y tintes naturales",
                "cooperativas de artesanas",
                "comercio justo de textiles hechos a mano",
            ),
        },
    ),
    Theme(
        "ceramics",
        ("crafts_folk_art", "design"),
        (8, 12),
        {
            "en": ("ceramics", "pottery workshops", "apprenticeships with master potters", "design for craft markets"),
            "fr": (
                "céramique",
                "ateliers de poterie",
                "apprentissage auprès de maîtres potiers",
                "design pour les marchés d'artisanat",
            ),
            "es": (
                "cerámica",
                "talleres de alfarería",
                "aprendizaje con maestros alfareros",
                "diseño para mercados artesanales",
            ),
        },
    ),
    Theme(
        "circular_design",
        ("design", "architecture"),
        (11, 12, 13),
        {
            "en": ("circular design", "reuse of materials", "design for repair", "low-carbon building materials"),
            "fr": (
                "design circulaire",
                "réemploi des matériaux",
                "conception pour la réparation",
                "matériaux de construction bas carbone",
            ),
            "es": (
                "diseño circular",
                "reutilización de materiales",
                "diseño para la reparación",
                "materiales de construcción bajos en carbono",
            ),
        },
    ),
    Theme(
        "digital_art",
        ("media_arts", "design"),
        (4, 9),
        {
            "en": ("digital art", "creative technology labs", "video mapping festivals", "coding for artists"),
            "fr": (
                "art numérique",
                "laboratoires de technologies créatives",
                "festivals de mapping vidéo",
                "le code pour les artistes",
            ),
            "es": (
                "arte digital",
                "laboratorios de tecnología creativa",
                "festivales de videomapping",
                "programación para artistas",
            ),
        },
    ),
    Theme(
        "urban_heritage",
        ("architecture", "crafts_folk_art"),
        (11,),
        {
            "en": (
                "urban heritage",
                "restoring historic districts",
                "traditional building crafts",
                "heritage walks with residents",
            ),
            "fr": (
                "patrimoine urbain",
                "restauration des quartiers historiques",
                "savoir-faire du bâti traditionnel",
                "promenades patrimoniales avec les habitants",
            ),
            "es": (
                "patrimonio urbano",
                "restauración de barrios históricos",
                "oficios de construcción tradicional",
                "paseos patrimoniales con vecinos",
            ),
        },
    ),
    Theme(
        "women_creators",
        ("film", "music", "crafts_folk_art"),
        (5, 8),
        {
            "en": (
                "women creators",
                "equal pay in the creative industries",
                "mentoring women artists",
                "women directors and composers",
            ),
            "fr": (
                "créatrices",
                "égalité salariale dans les industries créatives",
                "mentorat d'artistes femmes",
                "réalisatrices et compositrices",
            ),
            "es": (
                "mujeres creadoras",
                "igualdad salarial en las industrias creativas",
                "mentoría para artistas mujeres",
                "directoras y compositoras",
            ),
        },
    ),
]

TEMPLATES = {
    "en": {
        "title": ["{name} in {city}", "{name}: {phrase}", "{city} and partners for {name}"],
        "summary": "A project on {phrase} and {phrase2}, led from {city}. It works with {phrase3}.",
        "organisation": ["{town} {name} Collective", "{name} Association of {town}", "{town} Centre for {name}"],
        "about": "An organisation of {town} working on {phrase} and {phrase2}.",
    },
    "fr": {
        "title": ["{name} à {city}", "{name} : {phrase}", "{city} et ses partenaires pour {name}"],
        "summary": "Un projet sur {phrase} et {phrase2}, mené depuis {city}. Il travaille avec {phrase3}.",
        "organisation": ["Collectif {name} de {town}", "Association {name} de {town}", "Centre {name} de {town}"],
        "about": "Une organisation de {town} qui travaille sur {phrase} et {phrase2}.",
    },
    "es": {
        "title": ["{name} en {city}", "{name}: {phrase}", "{city} y sus socios por {name}"],
        "summary": "Un proyecto sobre {phrase} y {phrase2}, dirigido desde {city}. Trabaja con {phrase3}.",
        "organisation": ["Colectivo {name} de {town}", "Asociación {name} de {town}", "Centro {name} de {town}"],
        "about": "Una organización de {town} que trabaja en {phrase} y {phrase2}.",
    },
}
