"""The frameworks' rows, seeded by a migration and by ``sync_reference_data``.

Objectives and areas of action: the network's mission statement
(shared/mission/mission_statement_fr.txt), named here in three languages. SDGs:
data/sdg_goals.csv and data/sdg_targets.csv (see data/README.md).
"""

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"

OBJECTIVES = [
    (
        "cooperation",
        "Strengthen international cooperation between creative cities",
        "Renforcer la coopération internationale entre villes créatives",
        "Fortalecer la cooperación internacional entre ciudades creativas",
    ),
    (
        "partnerships",
        "Make creativity part of urban development through public, private and civil-society partnerships",
        "Faire de la créativité un élément du développement urbain par des partenariats publics, privés et "
        "de la société civile",
        "Hacer de la creatividad parte del desarrollo urbano mediante alianzas públicas, privadas y de la "
        "sociedad civil",
    ),
    (
        "cultural_goods",
        "Strengthen the creation, production, distribution and dissemination of cultural activities, goods "
        "and services",
        "Renforcer la création, la production, la distribution et la diffusion d’activités, de biens et de "
        "services culturels",
        "Fortalecer la creación, producción, distribución y difusión de actividades, bienes y servicios culturales",
    ),
    (
        "creative_hubs",
        "Develop hubs of creativity and innovation and broaden opportunities for creators",
        "Développer des pôles de créativité et d’innovation et élargir les possibilités offertes aux créateurs",
        "Desarrollar polos de creatividad e innovación y ampliar las oportunidades de los creadores",
    ),
    (
        "access",
        "Improve access to and participation in cultural life, notably for marginalised or vulnerable groups",
        "Améliorer l’accès et la participation à la vie culturelle, notamment des groupes marginalisés ou vulnérables",
        "Mejorar el acceso y la participación en la vida cultural, en particular de grupos marginados o vulnerables",
    ),
    (
        "local_development",
        "Fully integrate culture and creativity into local development strategies and plans",
        "Intégrer pleinement la culture et la créativité dans les stratégies et plans de développement local",
        "Integrar plenamente la cultura y la creatividad en las estrategias y planes de desarrollo local",
    ),
]

AREAS_OF_ACTION = [
    (
        "sharing",
        "Sharing experiences, knowledge and good practices",
        "Partage d’expériences, de connaissances et de bonnes pratiques",
        "Intercambio de experiencias, conocimientos y buenas prácticas",
    ),
    (
        "pilot_projects",
        "Pilot projects, partnerships and initiatives with the public sector, the private sector and civil society",
        "Projets pilotes, partenariats et initiatives associant secteur public, secteur privé et société civile",
        "Proyectos piloto, alianzas e iniciativas con el sector público, el sector privado y la sociedad civil",
    ),
    (
        "exchanges",
        "Professional and artistic exchange programmes and networks",
        "Programmes et réseaux d’échanges professionnels et artistiques",
        "Programas y redes de intercambio profesional y artístico",
    ),
    (
        "research",
        "Studies, research and evaluations of the creative cities' experience",
        "Études, recherches et évaluations sur l’expérience des villes créatives",
        "Estudios, investigaciones y evaluaciones sobre la experiencia de las ciudades creativas",
    ),
    (
        "urban_policies",
        "Policies and measures for sustainable urban development",
        "Politiques et mesures en faveur du développement urbain durable",
        "Políticas y medidas para el desarrollo urbano sostenible",
    ),
    (
        "communication",
        "Communication and awareness-raising",
        "Communication et sensibilisation",
        "Comunicación y sensibilización",
    ),
]


def _rows(name: str) -> list[dict]:
    with open(DATA / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def seed_frameworks(objective_model, area_model, goal_model, target_model) -> dict[str, int]:
    """Add the rows that are missing; never change the ones the Secretariat may have edited."""
    added = {"objectives": 0, "areas": 0, "goals": 0, "targets": 0}
    for model, rows, key in ((objective_model, OBJECTIVES, "objectives"), (area_model, AREAS_OF_ACTION, "areas")):
        for position, (code, en, fr, es) in enumerate(rows, start=1):
            _obj, created = model.objects.get_or_create(
                code=code, defaults={"position": position, "name_en": en, "name_fr": fr, "name_es": es}
            )
            added[key] += created
    goals = {}
    for row in _rows("sdg_goals.csv"):
        goal, created = goal_model.objects.get_or_create(
            number=int(row["goal"]),
            defaults={
                **{f"name_{code}": row[f"short_{code}"] for code in ("en", "fr", "es")},
                **{f"title_{code}": row[f"title_{code}"] for code in ("en", "fr", "es")},
                "colour": row["colour"],
            },
        )
        goals[goal.number] = goal
        added["goals"] += created
    for position, row in enumerate(_rows("sdg_targets.csv"), start=1):
        _target, created = target_model.objects.get_or_create(
            code=row["code"],
            defaults={
                "goal": goals[int(row["goal"])],
                "position": position,
                **{f"label_{code}": row[f"label_{code}"] for code in ("en", "fr", "es")},
            },
        )
        added["targets"] += created
    return added
