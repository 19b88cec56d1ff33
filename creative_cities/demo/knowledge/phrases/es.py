"""Spanish phrase bank of the demo content, parallel to the English one."""


def city_slots(city: str) -> dict:
    return {"city": city, "in_city": f"en {city}", "of_city": f"de {city}"}


BANK = {
    "city_slots": city_slots,
    "articles": ("un ", "una "),
    "thousands": ".",
    "percent": "{value}\u00a0%",
    "and": " y ",
    "fields": {
        "architecture": {
            "field_title": "Ciudad Creativa de la Arquitectura",
            "domain": "la arquitectura",
            "a_domain": "a la arquitectura",
            "de_domain": "de la arquitectura",
            "makers": "los arquitectos y constructores",
            "keywords": ["arquitectura", "urbanismo"],
            "concepts": [
                "un inventario de los edificios del patrimonio moderno",
                "un programa de paseos de arquitectura guiados",
                "una convocatoria para devolver la vida a edificios vacíos",
                "un taller de diseño de espacios públicos con los vecinos",
                "una escuela de técnicas tradicionales de construcción",
            ],
        },
        "crafts_folk_art": {
            "field_title": "Ciudad Creativa de la Artesanía y el Arte Popular",
            "domain": "la artesanía",
            "a_domain": "a la artesanía y al arte popular",
            "de_domain": "de la artesanía",
            "makers": "los artesanos",
            "keywords": ["artesanía", "oficios", "saber hacer"],
            "concepts": [
                "un mercado de mujeres artesanas",
                "un programa de aprendizaje artesanal para jóvenes",
                "una residencia de artesanos en talleres históricos",
                "una tienda en línea de artesanía local",
                "un museo vivo de los oficios tradicionales",
            ],
        },
        "design": {
            "field_title": "Ciudad Creativa del Diseño",
            "domain": "el diseño",
            "a_domain": "al diseño",
            "de_domain": "del diseño",
            "makers": "los diseñadores",
            "keywords": ["diseño", "innovación"],
            "concepts": [
                "un distrito del diseño en los antiguos muelles",
                "una bienal de diseño",
                "un laboratorio de diseño social",
                "un programa de diseño circular para mobiliario y materiales",
                "un programa de diseño en las escuelas",
            ],
        },
        "film": {
            "field_title": "Ciudad Creativa del Cine",
            "domain": "el cine",
            "a_domain": "al cine",
            "de_domain": "del cine",
            "makers": "los cineastas y técnicos",
            "keywords": ["cine", "audiovisual"],
            "concepts": [
                "un programa de formación de técnicos de la comisión fílmica",
                "un cine al aire libre itinerante por los barrios",
                "un proyecto de digitalización del archivo fílmico de la ciudad",
                "una residencia de escritura de guiones",
                "un programa de educación cinematográfica en las escuelas",
            ],
        },
        "gastronomy": {
            "field_title": "Ciudad Creativa de la Gastronomía",
            "domain": "la gastronomía",
            "a_domain": "a la gastronomía",
            "de_domain": "de la gastronomía",
            "makers": "los cocineros y productores",
            "keywords": ["gastronomía", "alimentación local"],
            "concepts": [
                "un programa de comedores escolares con productos locales",
                "un mercado cubierto de pequeños productores",
                "una escuela de cocina para jóvenes",
                "un inventario de recetas tradicionales",
                "un festival gastronómico de residuo cero",
            ],
        },
        "literature": {
            "field_title": "Ciudad Creativa de la Literatura",
            "domain": "el libro y la lectura",
            "a_domain": "al libro y a la lectura",
            "de_domain": "del libro y de la lectura",
            "makers": "los escritores y traductores",
            "keywords": ["literatura", "lectura", "libros"],
            "concepts": [
                "una residencia de traducción literaria",
                "una red de bibliotecas de barrio",
                "un festival internacional del libro",
                "un programa de talleres de escritura en cárceles y hospitales",
                "una biblioteca digital de autores locales",
            ],
        },
        "media_arts": {
            "field_title": "Ciudad Creativa de las Artes Digitales",
            "domain": "las artes digitales",
            "a_domain": "a las artes digitales",
            "de_domain": "de las artes digitales",
            "makers": "los artistas digitales",
            "keywords": ["artes digitales", "arte digital"],
            "concepts": [
                "un laboratorio de artes digitales para personas mayores",
                "un festival de arte de luz y proyección",
                "una escuela de programación creativa para adolescentes",
                "una residencia artística en un polo tecnológico",
                "un archivo digital de la memoria de la ciudad",
            ],
        },
        "music": {
            "field_title": "Ciudad Creativa de la Música",
            "domain": "la música",
            "a_domain": "a la música",
            "de_domain": "de la música",
            "makers": "los músicos",
            "keywords": ["música", "música en vivo"],
            "concepts": [
                "un festival de música callejera",
                "una escuela de música comunitaria",
                "un archivo de música tradicional",
                "un programa de exportación y residencias musicales",
                "una red de pequeñas salas de música en vivo",
            ],
        },
    },
    "themes": {
        "youth": {
            "topic": "los jóvenes",
            "tagline": "un escenario para los jóvenes",
            "goal": "dar a los jóvenes de 15 a 25 años los medios para crear, actuar y hacerse oír",
            "activities": [
                "talleres gratuitos en escuelas y centros juveniles",
                "un programa de mentoría que une a cada joven con un profesional",
                "una muestra anual diseñada y dirigida por los propios jóvenes",
            ],
            "keywords": ["juventud", "participación"],
        },
        "heritage": {
            "topic": "el patrimonio vivo",
            "tagline": "el patrimonio en presente",
            "goal": "salvaguardar el patrimonio material e inmaterial de la ciudad y transmitirlo a las nuevas "
            "generaciones",
            "activities": [
                "un inventario realizado con los portadores de los saberes",
                "jornadas de puertas abiertas en lugares históricos",
                "la formación de guías y mediadores culturales",
            ],
            "keywords": ["patrimonio", "salvaguardia"],
        },
        "inclusion": {
            "topic": "los públicos alejados de la cultura",
            "tagline": "cultura para todas y todos",
            "goal": "llegar a quienes rara vez participan en la vida cultural, entre ellos personas con "
            "discapacidad, migrantes y vecinos de los barrios periféricos",
            "activities": [
                "acceso gratuito o con precio libre",
                "actividades en los barrios periféricos",
                "formatos accesibles: lengua de signos, lectura fácil y audiodescripción",
            ],
            "keywords": ["inclusión", "accesibilidad"],
        },
        "digital": {
            "topic": "la creación digital",
            "tagline": "el giro digital",
            "goal": "usar las herramientas digitales para crear, compartir y conservar el trabajo de los "
            "creadores locales",
            "activities": [
                "una plataforma en línea abierta",
                "formación en competencias digitales para creadores",
                "datos abiertos sobre colecciones y espacios",
            ],
            "keywords": ["digital", "datos abiertos"],
        },
        "tourism": {
            "topic": "los visitantes y los vecinos",
            "tagline": "un destino hecho de cultura",
            "goal": "desarrollar un turismo cultural sostenible que beneficie tanto a los vecinos como a los "
            "visitantes",
            "activities": [
                "rutas temáticas por la ciudad",
                "alianzas con hoteles y agencias de viajes",
                "una carta del visitante acordada con los vecinos",
            ],
            "keywords": ["turismo cultural", "turismo sostenible"],
        },
        "climate": {
            "topic": "la transición climática",
            "tagline": "creatividad por el clima",
            "goal": "reducir la huella ambiental de las actividades culturales y sensibilizar sobre la crisis "
            "climática",
            "activities": [
                "una auditoría de carbono de espacios y eventos",
                "el uso de materiales locales y reutilizados",
                "campañas de sensibilización dirigidas por artistas",
            ],
            "keywords": ["clima", "economía circular"],
        },
        "education": {
            "topic": "el alumnado y el profesorado",
            "tagline": "aprender con creatividad",
            "goal": "llevar la práctica creativa a las escuelas y al aprendizaje a lo largo de la vida",
            "activities": [
                "proyectos diseñados con el profesorado",
                "visitas y talleres para grupos escolares",
                "formación para docentes y educadores",
            ],
            "keywords": ["educación", "escuelas"],
        },
        "women": {
            "topic": "las mujeres creadoras",
            "tagline": "más espacio para las creadoras",
            "goal": "reforzar el lugar de las mujeres entre los creadores, los profesionales y quienes toman "
            "decisiones",
            "activities": [
                "becas y mentoría para mujeres creadoras",
                "una red de mujeres profesionales",
                "servicio de cuidado infantil durante las formaciones",
            ],
            "keywords": ["igualdad de género", "mujeres"],
        },
        "markets": {
            "topic": "las empresas creativas locales",
            "tagline": "del taller al mercado",
            "goal": "ayudar a los creadores y pequeñas empresas locales a llegar a nuevos mercados y obtener "
            "ingresos justos",
            "activities": [
                "un mercado de temporada y una tienda abierta todo el año",
                "asesoría empresarial y microsubvenciones",
                "un sello común de origen y calidad",
            ],
            "keywords": ["economía creativa", "pequeñas empresas"],
        },
        "residencies": {
            "topic": "los artistas invitados",
            "tagline": "una ciudad abierta a los artistas",
            "goal": "acoger a artistas y profesionales de otras ciudades creativas y construir intercambios duraderos",
            "activities": [
                "residencias de uno a tres meses",
                "encuentros e intercambios con ciudades creativas socias",
                "presentaciones públicas al final de cada residencia",
            ],
            "keywords": ["residencias", "movilidad"],
        },
    },
    "figures": {
        "visitors": "visitantes",
        "participants": "participantes",
        "young_participants": "jóvenes participantes",
        "workshops": "talleres realizados",
        "artists": "artistas implicados",
        "jobs": "empleos creados",
        "businesses": "empresas acompañadas",
        "schools": "escuelas participantes",
        "teachers": "docentes formados",
        "items": "elementos documentados",
        "online_visits": "visitas en línea",
        "residencies": "residencias acogidas",
        "partner_cities": "ciudades socias",
        "neighbourhoods": "barrios alcanzados",
        "women_share": "mujeres entre los artistas",
        "satisfaction": "participantes satisfechos",
        "co2_reduction": "reducción de las emisiones de carbono",
        "sales_increase": "aumento de las ventas",
    },
    "instruments": [
        "un plan de acción",
        "una estrategia",
        "un fondo de apoyo",
        "una carta",
        "un programa municipal",
        "un plan local",
    ],
    "pubtypes": ["un estudio", "una guía", "un informe de evaluación", "un manual", "una encuesta"],
    "titles": {
        "practice": [
            "{Concept} {in_city}",
            "{Concept} {of_city}",
            "{Concept}: {tagline}",
            "{city}: {concept} para {topic}",
            "{Tagline} — {concept} {in_city}",
        ],
        "policy": [
            "{Instrument} para {domain} {in_city} ({start_year}-{end_year})",
            "{Instrument} {of_city} para {topic}",
            "{Instrument} «{Tagline}»",
            "{city}: {instrument} para {domain} y {topic}",
        ],
        "publication": [
            "{Pubtype}: {domain} y {topic} {in_city}",
            "{Pubtype}: {concept} {of_city}",
            "{Tagline}: lecciones {of_city}",
            "{Concept} {in_city} — {pubtype}, {pub_year}",
        ],
    },
    "intro": {
        "practice": [
            "Desde {start_year}, {city} impulsa {concept_a} para {topic}, con {makers} en el centro del proyecto.",
            "{city}, {field_title} desde {designation_year}, puso en marcha {concept_a} en {start_year}.",
            "En {start_year}, {city} lanzó {concept_a} con socios locales, con especial énfasis en {topic}.",
        ],
        "policy": [
            "En {start_year}, {city} aprobó {instrument_a} para apoyar {domain} y hacer más por {topic}.",
            "Para el periodo {start_year}-{end_year}, {city} se dotó de {instrument_a} que define cómo la ciudad "
            "apoya {domain}, con especial énfasis en {topic}.",
            "{city} integra {domain} en su desarrollo urbano gracias a {instrument_a}, vigente desde {start_year}.",
        ],
        "publication": [
            "Esta publicación examina {concept_a} {in_city} y sus efectos para {topic}.",
            "Fruto de {n} entrevistas y de varios años de datos recogidos {in_city}, este documento se publicó "
            "en {pub_year}.",
            "Redactado por investigadores de una universidad local, este documento analiza cómo {city} apoya "
            "{domain}, con especial énfasis en {topic}.",
        ],
    },
    "goal": ["La ambición es sencilla: {goal}.", "Objetivo: {goal}.", "El enfoque busca {goal}."],
    "method": [
        "El dispositivo combina {activity1} y {activity2}.",
        "El dispositivo se apoya en {activity1}, {activity2} y {activity3}.",
        "Las principales acciones son {activity1} y {activity2}.",
    ],
    "result": [
        "Hasta la fecha, el balance registra {figs}.",
        "Entre los resultados: {figs}.",
        "Las últimas cifras muestran {figs}.",
    ],
    "headings": {
        "context": "Contexto",
        "approach": "Qué se hizo",
        "measures": "Medidas",
        "method": "Método",
        "findings": "Principales conclusiones",
        "lessons": "Lecciones aprendidas",
        "next": "Próximos pasos",
    },
    "context": [
        "{city} es {field_title} desde {designation_year}. La identidad y la economía de la ciudad deben mucho "
        "{a_domain}, y la ciudad quería que este título marcara la diferencia para {topic}.",
        "Antes de {start_year}, {makers} {of_city} tenían pocos lugares para encontrarse, formarse y mostrar su "
        "trabajo. El apoyo público estaba repartido entre varios departamentos y rara vez llegaba a quienes más "
        "lo necesitaban.",
        "La idea nació de una consulta realizada en {prev_year} con {makers}, las asociaciones de vecinos y las "
        "escuelas. Muchos lamentaban que el lugar {de_domain} se limitara a los festivales, lejos de la vida "
        "cotidiana.",
        "La pertenencia a la Red de Ciudades Creativas dio a {city} un marco y socios. La ciudad decidió "
        "convertir los compromisos de su candidatura en acciones concretas para {topic}.",
    ],
    "adapted": [
        "El proyecto está adaptado de una práctica de {source_city}, descubierta gracias a la Red de Ciudades "
        "Creativas, y ajustado a las necesidades y los recursos locales.",
        "Se inspira en la experiencia de {source_city}: los intercambios entre los equipos de ambas ciudades "
        "permitieron evitar los primeros errores.",
    ],
    "approach": {
        "practice": [
            "El proyecto lo impulsa una asociación local junto con la concejalía de cultura. Empezó como piloto "
            "en dos barrios y creció cada año con la llegada de nuevos socios.",
            "Un pequeño equipo coordina el programa, pero la mayoría de las actividades las dirigen {makers}, "
            "que reciben una remuneración por su tiempo. Sus principales líneas son:",
            "Todo se diseñó con las personas implicadas, que participaron en los primeros talleres y ayudaron a "
            "elegir los lugares, los horarios y los formatos.",
        ],
        "policy": [
            "Este instrumento reúne medidas antes dispersas y les da un presupuesto y un calendario. Sus "
            "principales medidas son:",
            "Aprobado por el pleno municipal, el dispositivo lo dirige un comité de cargos electos, {makers} y "
            "la sociedad civil. Prevé:",
        ],
        "publication": [
            "El documento se basa en {n} entrevistas con {makers}, personal municipal y vecinos, una encuesta y "
            "el análisis de diez años de datos municipales.",
            "Lo redactaron investigadores junto con los equipos de la ciudad y lo revisaron ciudades creativas "
            "socias antes de su publicación.",
        ],
    },
    "results": [
        "La primera evaluación muestra resultados alentadores:",
        "Las cifras recogidas cada año por el equipo muestran un avance constante:",
        "Una evaluación independiente realizada en {pub_year} destaca estos resultados:",
    ],
    "lessons": [
        "Implicar a las personas afectadas desde el principio, no solo al final.",
        "Asegurar una financiación plurianual: las subvenciones puntuales no generan confianza.",
        "Remunerar de forma justa el tiempo de artistas y artesanos.",
        "Trabajar con las escuelas y las asociaciones de vecinos, que son quienes mejor conocen al público.",
        "Medir los resultados desde el primer día, con unos pocos indicadores sencillos.",
        "Compartir lo que funciona con otras ciudades creativas y aprender de las suyas.",
        "Mantener las actividades gratuitas o baratas para que nadie quede fuera.",
        "Dar a cada socio un papel claro y reunirse con regularidad.",
    ],
    "next": [
        "La ciudad prevé ahora extender el proyecto a otros barrios y compartirlo con las ciudades socias de la red.",
        "Una segunda fase, a partir de {next_year}, se centrará en la formación y en la financiación a largo plazo.",
        "{city} busca ciudades creativas interesadas en adaptar el proyecto; hay un kit de herramientas "
        "disponible a petición.",
    ],
    "partners": {
        "public": [
            "Ayuntamiento {of_city}",
            "Ministerio de Cultura",
            "Oficina Regional de Turismo",
            "Bibliotecas Municipales {of_city}",
        ],
        "private": [
            "Cámara de Comercio {of_city}",
            "Fundación de la Caja de Ahorros",
            "Asociación de Hoteleros y Restauradores",
            "Cooperativa de Productores Locales",
        ],
        "civil_society": [
            "Red de Juventud {of_city}",
            "Federación de Asociaciones Vecinales",
            "Sociedad de Amigos del Patrimonio",
            "Colectivo de Mujeres Creadoras",
        ],
        "academia": ["Universidad {of_city}", "Escuela de Bellas Artes {of_city}", "Instituto Tecnológico"],
        "international": ["Red de Ciudades Creativas de la UNESCO", "Consejo Internacional de Museos"],
    },
    "funding": [
        "Presupuesto municipal ({p1} %), Ministerio de Cultura ({p2} %), patrocinadores privados ({p3} %).",
        "Fondos municipales ({p1} %), subvención regional ({p2} %), taquilla y ventas ({p3} %).",
    ],
    "link_titles": ["Página del proyecto", "Informe final", "Galería de fotos", "Vídeo de presentación"],
}
