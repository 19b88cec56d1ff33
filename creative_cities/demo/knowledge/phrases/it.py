"""Italian phrase bank of the demo content."""


def city_slots(city: str) -> dict:
    return {"city": city, "in_city": f"a {city}", "of_city": f"di {city}"}


BANK = {
    "city_slots": city_slots,
    "articles": ("un ", "una ", "uno ", "un'"),
    "thousands": ".",
    "percent": "{value}%",
    "and": " e ",
    "fields": {
        "architecture": {
            "field_title": "Città creativa dell'architettura",
            "domain": "l'architettura",
            "a_domain": "all'architettura",
            "de_domain": "dell'architettura",
            "makers": "gli architetti e i costruttori",
            "keywords": ["architettura", "urbanistica"],
            "concepts": [
                "un inventario degli edifici del patrimonio moderno",
                "un programma di passeggiate guidate di architettura",
                "un bando per ridare vita agli edifici vuoti",
                "un laboratorio di progettazione degli spazi pubblici con gli abitanti",
                "una scuola di tecniche costruttive tradizionali",
            ],
        },
        "crafts_folk_art": {
            "field_title": "Città creativa dell'artigianato e delle arti popolari",
            "domain": "l'artigianato",
            "a_domain": "all'artigianato e alle arti popolari",
            "de_domain": "dell'artigianato",
            "makers": "gli artigiani",
            "keywords": ["artigianato", "saper fare"],
            "concepts": [
                "un mercato delle donne artigiane",
                "un programma di apprendistato artigiano per i giovani",
                "una residenza di artigiani in botteghe storiche",
                "un negozio online dell'artigianato locale",
                "un museo vivente dei mestieri tradizionali",
            ],
        },
        "design": {
            "field_title": "Città creativa del design",
            "domain": "il design",
            "a_domain": "al design",
            "de_domain": "del design",
            "makers": "i designer",
            "keywords": ["design", "innovazione"],
            "concepts": [
                "un distretto del design nel vecchio porto",
                "una biennale del design",
                "un laboratorio di design sociale",
                "un programma di design circolare per arredi e materiali",
                "un programma di design nelle scuole",
            ],
        },
        "film": {
            "field_title": "Città creativa del cinema",
            "domain": "il cinema",
            "a_domain": "al cinema",
            "de_domain": "del cinema",
            "makers": "i registi e i tecnici",
            "keywords": ["cinema", "audiovisivo"],
            "concepts": [
                "un programma di formazione per tecnici della film commission",
                "un cinema all'aperto itinerante nei quartieri",
                "un progetto di digitalizzazione dell'archivio cinematografico della città",
                "una residenza di sceneggiatura",
                "un programma di educazione all'immagine nelle scuole",
            ],
        },
        "gastronomy": {
            "field_title": "Città creativa della gastronomia",
            "domain": "la gastronomia",
            "a_domain": "alla gastronomia",
            "de_domain": "della gastronomia",
            "makers": "i cuochi e i produttori",
            "keywords": ["gastronomia", "cibo locale"],
            "concepts": [
                "un programma di mense scolastiche con prodotti locali",
                "un mercato coperto dei piccoli produttori",
                "una scuola di cucina per i giovani",
                "un inventario delle ricette tradizionali",
                "un festival gastronomico a rifiuti zero",
            ],
        },
        "literature": {
            "field_title": "Città creativa della letteratura",
            "domain": "il libro e la lettura",
            "a_domain": "al libro e alla lettura",
            "de_domain": "del libro e della lettura",
            "makers": "gli scrittori e i traduttori",
            "keywords": ["letteratura", "lettura", "libri"],
            "concepts": [
                "una residenza di traduzione letteraria",
                "una rete di biblioteche di quartiere",
                "un festival internazionale del libro",
                "un programma di laboratori di scrittura in carcere e in ospedale",
                "una biblioteca digitale degli autori locali",
            ],
        },
        "media_arts": {
            "field_title": "Città creativa delle arti digitali",
            "domain": "le arti digitali",
            "a_domain": "alle arti digitali",
            "de_domain": "delle arti digitali",
            "makers": "gli artisti digitali",
            "keywords": ["arti digitali", "arte digitale"],
            "concepts": [
                "un laboratorio di arti digitali per anziani",
                "un festival di arte della luce e delle proiezioni",
                "una scuola di coding creativo per adolescenti",
                "una residenza d'artista in un polo tecnologico",
                "un archivio digitale della memoria della città",
            ],
        },
        "music": {
            "field_title": "Città creativa della musica",
            "domain": "la musica",
            "a_domain": "alla musica",
            "de_domain": "della musica",
            "makers": "i musicisti",
            "keywords": ["musica", "musica dal vivo"],
            "concepts": [
                "un festival di musica di strada",
                "una scuola di musica di quartiere",
                "un archivio della musica tradizionale",
                "un programma di export e residenze musicali",
                "una rete di piccoli locali di musica dal vivo",
            ],
        },
    },
    "themes": {
        "youth": {
            "topic": "i giovani",
            "tagline": "un palco per i giovani",
            "goal": "dare ai giovani tra i 15 e i 25 anni i mezzi per creare, esibirsi e farsi ascoltare",
            "activities": [
                "laboratori gratuiti nelle scuole e nei centri giovanili",
                "un programma di mentoring che affianca ogni giovane a un professionista",
                "una vetrina annuale ideata e gestita dai giovani",
            ],
            "keywords": ["giovani", "partecipazione"],
        },
        "heritage": {
            "topic": "il patrimonio vivente",
            "tagline": "il patrimonio al presente",
            "goal": "tutelare il patrimonio materiale e immateriale della città e trasmetterlo alle nuove generazioni",
            "activities": [
                "un inventario realizzato con i detentori dei saperi",
                "giornate a porte aperte nei luoghi storici",
                "la formazione di guide e mediatori culturali",
            ],
            "keywords": ["patrimonio", "tutela"],
        },
        "inclusion": {
            "topic": "le persone lontane dalla cultura",
            "tagline": "cultura per tutte e tutti",
            "goal": "raggiungere chi partecipa raramente alla vita culturale, tra cui persone con disabilità, "
            "migranti e abitanti delle periferie",
            "activities": [
                "accesso gratuito o a offerta libera",
                "attività nei quartieri periferici",
                "formati accessibili: lingua dei segni, testi facili da leggere, audiodescrizione",
            ],
            "keywords": ["inclusione", "accessibilità"],
        },
        "digital": {
            "topic": "la creazione digitale",
            "tagline": "la svolta digitale",
            "goal": "usare gli strumenti digitali per creare, condividere e conservare il lavoro dei creativi locali",
            "activities": [
                "una piattaforma online aperta",
                "formazione alle competenze digitali per i creativi",
                "dati aperti su collezioni e luoghi",
            ],
            "keywords": ["digitale", "open data"],
        },
        "tourism": {
            "topic": "i visitatori e gli abitanti",
            "tagline": "una destinazione plasmata dalla cultura",
            "goal": "sviluppare un turismo culturale sostenibile che porti benefici agli abitanti quanto ai visitatori",
            "activities": [
                "itinerari tematici in città",
                "partenariati con alberghi e operatori turistici",
                "una carta del visitatore condivisa con gli abitanti",
            ],
            "keywords": ["turismo culturale", "turismo sostenibile"],
        },
        "climate": {
            "topic": "la transizione climatica",
            "tagline": "creatività per il clima",
            "goal": "ridurre l'impronta ambientale delle attività culturali e sensibilizzare sulla crisi climatica",
            "activities": [
                "un bilancio del carbonio di luoghi ed eventi",
                "l'uso di materiali locali e di recupero",
                "campagne di sensibilizzazione guidate da artisti",
            ],
            "keywords": ["clima", "economia circolare"],
        },
        "education": {
            "topic": "gli alunni e gli insegnanti",
            "tagline": "imparare con la creatività",
            "goal": "portare la pratica creativa nelle scuole e nell'apprendimento permanente",
            "activities": [
                "progetti ideati con gli insegnanti",
                "visite e laboratori per le classi",
                "formazione per insegnanti ed educatori",
            ],
            "keywords": ["educazione", "scuole"],
        },
        "women": {
            "topic": "le donne creative",
            "tagline": "più spazio alle donne creative",
            "goal": "rafforzare il ruolo delle donne tra i creativi, i professionisti e i decisori",
            "activities": [
                "borse e mentoring per donne creative",
                "una rete di professioniste",
                "un servizio di custodia dei bambini durante i corsi",
            ],
            "keywords": ["parità di genere", "donne"],
        },
        "markets": {
            "topic": "le imprese creative locali",
            "tagline": "dalla bottega al mercato",
            "goal": "aiutare i creativi e le piccole imprese locali a raggiungere nuovi mercati e a ottenere un "
            "reddito equo",
            "activities": [
                "un mercato stagionale e un negozio aperto tutto l'anno",
                "consulenza d'impresa e micro-contributi",
                "un marchio comune di origine e qualità",
            ],
            "keywords": ["economia creativa", "piccole imprese"],
        },
        "residencies": {
            "topic": "gli artisti ospiti",
            "tagline": "una città aperta agli artisti",
            "goal": "ospitare artisti e professionisti di altre città creative e costruire scambi duraturi",
            "activities": [
                "residenze da uno a tre mesi",
                "scambi con città creative partner",
                "presentazioni pubbliche alla fine di ogni residenza",
            ],
            "keywords": ["residenze", "mobilità"],
        },
    },
    "figures": {
        "visitors": "visitatori",
        "participants": "partecipanti",
        "young_participants": "giovani partecipanti",
        "workshops": "laboratori realizzati",
        "artists": "artisti coinvolti",
        "jobs": "posti di lavoro creati",
        "businesses": "imprese sostenute",
        "schools": "scuole coinvolte",
        "teachers": "insegnanti formati",
        "items": "elementi documentati",
        "online_visits": "visite online",
        "residencies": "residenze ospitate",
        "partner_cities": "città partner",
        "neighbourhoods": "quartieri raggiunti",
        "women_share": "donne tra gli artisti",
        "satisfaction": "partecipanti soddisfatti",
        "co2_reduction": "riduzione delle emissioni di carbonio",
        "sales_increase": "aumento delle vendite",
    },
    "instruments": ["un piano d'azione", "una strategia", "un fondo di sostegno", "un programma comunale"],
    "pubtypes": ["uno studio", "una guida", "un rapporto di valutazione"],
    "titles": {
        "practice": ["{Concept} {in_city}", "{Concept} {of_city}", "{Concept}: {tagline}"],
        "policy": [
            "{Instrument} per {domain} {in_city} ({start_year}-{end_year})",
            "{Instrument} {of_city} per {topic}",
        ],
        "publication": ["{Pubtype}: {domain} e {topic} {in_city}", "{Tagline}: le lezioni {of_city}"],
    },
    "intro": {
        "practice": [
            "Dal {start_year} {city} porta avanti {concept_a} per {topic}, con {makers} al centro del progetto.",
            "{city}, {field_title} dal {designation_year}, ha avviato {concept_a} nel {start_year}.",
        ],
        "policy": [
            "Nel {start_year} {city} ha adottato {instrument_a} per sostenere {domain} e fare di più per {topic}.",
        ],
        "publication": ["Questa pubblicazione esamina {concept_a} {in_city} e i suoi effetti per {topic}."],
    },
    "goal": ["L'obiettivo è {goal}.", "L'iniziativa mira a {goal}."],
    "method": [
        "L'iniziativa unisce {activity1} e {activity2}.",
        "L'iniziativa comprende {activity1}, {activity2} e {activity3}.",
    ],
    "result": ["Finora i risultati comprendono {figs}.", "Gli ultimi dati indicano {figs}."],
    "headings": {
        "context": "Contesto",
        "approach": "Cosa è stato fatto",
        "measures": "Misure",
        "method": "Metodo",
        "findings": "Risultati principali",
        "lessons": "Lezioni apprese",
        "next": "Prossimi passi",
    },
    "context": [
        "{city} è {field_title} dal {designation_year}. L'identità e l'economia della città devono molto "
        "{a_domain}, e la città voleva che questo titolo facesse la differenza per {topic}.",
        "Prima del {start_year}, {makers} {of_city} avevano pochi luoghi per incontrarsi, formarsi e mostrare il "
        "proprio lavoro. Il sostegno pubblico era frammentato tra diversi uffici.",
        "L'idea è nata da una consultazione svolta nel {prev_year} con {makers}, le associazioni di quartiere e "
        "le scuole. Molti lamentavano che lo spazio {de_domain} si limitasse ai festival, lontano dalla vita "
        "quotidiana.",
    ],
    "adapted": [
        "Il progetto è adattato da una pratica di {source_city}, conosciuta grazie alla Rete delle città "
        "creative, e calibrato sui bisogni locali.",
    ],
    "approach": {
        "practice": [
            "Il progetto è gestito da un'associazione locale insieme all'assessorato alla cultura. È partito come "
            "progetto pilota in due quartieri ed è cresciuto ogni anno con nuovi partner.",
            "Un piccolo gruppo coordina il programma, ma sono {makers} a condurre la maggior parte delle "
            "attività, retribuiti per il loro tempo. Le linee principali sono:",
        ],
        "policy": [
            "Questo strumento riunisce misure prima disperse e dà loro un bilancio e un calendario. Le misure "
            "principali sono:",
        ],
        "publication": [
            "Il documento si basa su {n} interviste con {makers}, funzionari e abitanti, un questionario e "
            "l'analisi di dieci anni di dati comunali.",
        ],
    },
    "results": [
        "La prima valutazione mostra risultati incoraggianti:",
        "I dati raccolti ogni anno dal gruppo di lavoro mostrano un progresso costante:",
    ],
    "lessons": [
        "Coinvolgere le persone interessate fin dall'inizio, non solo alla fine.",
        "Garantire un finanziamento pluriennale: i contributi una tantum non creano fiducia.",
        "Retribuire in modo equo il tempo di artisti e artigiani.",
        "Lavorare con le scuole e le associazioni di quartiere, che conoscono meglio il pubblico.",
        "Condividere ciò che funziona con altre città creative e imparare dalle loro esperienze.",
    ],
    "next": [
        "La città intende ora estendere il progetto ad altri quartieri e condividerlo con le città partner della rete.",
        "Una seconda fase, dal {next_year}, si concentrerà sulla formazione e sul finanziamento a lungo termine.",
    ],
    "partners": {
        "public": ["Comune {of_city}", "Ministero della Cultura"],
        "private": ["Camera di Commercio {of_city}", "Fondazione Cassa di Risparmio"],
        "civil_society": ["Rete Giovani {of_city}", "Associazione Amici del Patrimonio"],
        "academia": ["Università {of_city}", "Accademia di Belle Arti {of_city}"],
        "international": ["Rete delle Città Creative UNESCO"],
    },
    "funding": ["Bilancio comunale ({p1}%), Ministero della Cultura ({p2}%), sponsor privati ({p3}%)."],
    "link_titles": ["Pagina del progetto", "Rapporto finale", "Galleria fotografica"],
}
