"""Portuguese phrase bank of the demo content (Brazilian spelling)."""


def city_slots(city: str) -> dict:
    return {"city": city, "in_city": f"em {city}", "of_city": f"de {city}"}


BANK = {
    "city_slots": city_slots,
    "articles": ("um ", "uma "),
    "thousands": ".",
    "percent": "{value}%",
    "and": " e ",
    "fields": {
        "architecture": {
            "field_title": "Cidade Criativa da Arquitetura",
            "domain": "a arquitetura",
            "a_domain": "à arquitetura",
            "de_domain": "da arquitetura",
            "makers": "os arquitetos e construtores",
            "keywords": ["arquitetura", "urbanismo"],
            "concepts": [
                "um inventário dos edifícios do patrimônio moderno",
                "um programa de passeios guiados de arquitetura",
                "uma chamada pública para dar nova vida a edifícios vazios",
                "um ateliê de projeto de espaços públicos com os moradores",
                "uma escola de técnicas tradicionais de construção",
            ],
        },
        "crafts_folk_art": {
            "field_title": "Cidade Criativa do Artesanato e da Arte Popular",
            "domain": "o artesanato",
            "a_domain": "ao artesanato e à arte popular",
            "de_domain": "do artesanato",
            "makers": "os artesãos",
            "keywords": ["artesanato", "saber-fazer"],
            "concepts": [
                "uma feira de mulheres artesãs",
                "um programa de aprendizagem artesanal para jovens",
                "uma residência de artesãos em oficinas históricas",
                "uma loja on-line de artesanato local",
                "um museu vivo dos ofícios tradicionais",
            ],
        },
        "design": {
            "field_title": "Cidade Criativa do Design",
            "domain": "o design",
            "a_domain": "ao design",
            "de_domain": "do design",
            "makers": "os designers",
            "keywords": ["design", "inovação"],
            "concepts": [
                "um distrito do design no antigo porto",
                "uma bienal de design",
                "um laboratório de design social",
                "um programa de design circular para mobiliário e materiais",
                "um programa de design nas escolas",
            ],
        },
        "film": {
            "field_title": "Cidade Criativa do Cinema",
            "domain": "o cinema",
            "a_domain": "ao cinema",
            "de_domain": "do cinema",
            "makers": "os cineastas e técnicos",
            "keywords": ["cinema", "audiovisual"],
            "concepts": [
                "um programa de formação de técnicos da film commission",
                "um cinema ao ar livre itinerante pelos bairros",
                "um projeto de digitalização do acervo fílmico da cidade",
                "uma residência de roteiro",
                "um programa de educação audiovisual nas escolas",
            ],
        },
        "gastronomy": {
            "field_title": "Cidade Criativa da Gastronomia",
            "domain": "a gastronomia",
            "a_domain": "à gastronomia",
            "de_domain": "da gastronomia",
            "makers": "os cozinheiros e produtores",
            "keywords": ["gastronomia", "alimentação local"],
            "concepts": [
                "um programa de merenda escolar com produtos locais",
                "um mercado coberto de pequenos produtores",
                "uma escola de culinária para jovens",
                "um inventário de receitas tradicionais",
                "um festival gastronômico lixo zero",
            ],
        },
        "literature": {
            "field_title": "Cidade Criativa da Literatura",
            "domain": "o livro e a leitura",
            "a_domain": "ao livro e à leitura",
            "de_domain": "do livro e da leitura",
            "makers": "os escritores e tradutores",
            "keywords": ["literatura", "leitura", "livros"],
            "concepts": [
                "uma residência de tradução literária",
                "uma rede de bibliotecas de bairro",
                "um festival internacional do livro",
                "um programa de oficinas de escrita em prisões e hospitais",
                "uma biblioteca digital de autores locais",
            ],
        },
        "media_arts": {
            "field_title": "Cidade Criativa das Artes Midiáticas",
            "domain": "as artes digitais",
            "a_domain": "às artes digitais",
            "de_domain": "das artes digitais",
            "makers": "os artistas digitais",
            "keywords": ["artes digitais", "arte digital"],
            "concepts": [
                "um laboratório de artes digitais para idosos",
                "um festival de arte da luz e de projeção",
                "uma escola de programação criativa para adolescentes",
                "uma residência artística num polo tecnológico",
                "um arquivo digital da memória da cidade",
            ],
        },
        "music": {
            "field_title": "Cidade Criativa da Música",
            "domain": "a música",
            "a_domain": "à música",
            "de_domain": "da música",
            "makers": "os músicos",
            "keywords": ["música", "música ao vivo"],
            "concepts": [
                "um festival de música de rua",
                "uma escola de música comunitária",
                "um arquivo de música tradicional",
                "um programa de exportação e residências musicais",
                "uma rede de pequenas casas de música ao vivo",
            ],
        },
    },
    "themes": {
        "youth": {
            "topic": "os jovens",
            "tagline": "um palco para os jovens",
            "goal": "dar aos jovens de 15 a 25 anos os meios para criar, se apresentar e ser ouvidos",
            "activities": [
                "oficinas gratuitas em escolas e centros de juventude",
                "um programa de mentoria que une cada jovem a um profissional",
                "uma mostra anual criada e organizada pelos próprios jovens",
            ],
            "keywords": ["juventude", "participação"],
        },
        "heritage": {
            "topic": "o patrimônio vivo",
            "tagline": "o patrimônio no presente",
            "goal": "salvaguardar o patrimônio material e imaterial da cidade e transmiti-lo às novas gerações",
            "activities": [
                "um inventário feito com os detentores dos saberes",
                "dias de portas abertas em lugares históricos",
                "a formação de guias e mediadores culturais",
            ],
            "keywords": ["patrimônio", "salvaguarda"],
        },
        "inclusion": {
            "topic": "os públicos afastados da cultura",
            "tagline": "cultura para todas e todos",
            "goal": "alcançar quem raramente participa da vida cultural, incluindo pessoas com deficiência, "
            "migrantes e moradores das periferias",
            "activities": [
                "acesso gratuito ou a preço livre",
                "atividades nos bairros periféricos",
                "formatos acessíveis: língua de sinais, leitura fácil e audiodescrição",
            ],
            "keywords": ["inclusão", "acessibilidade"],
        },
        "digital": {
            "topic": "a criação digital",
            "tagline": "a virada digital",
            "goal": "usar as ferramentas digitais para criar, compartilhar e preservar o trabalho dos criadores locais",
            "activities": [
                "uma plataforma on-line aberta",
                "formação em competências digitais para criadores",
                "dados abertos sobre acervos e espaços",
            ],
            "keywords": ["digital", "dados abertos"],
        },
        "tourism": {
            "topic": "os visitantes e os moradores",
            "tagline": "um destino moldado pela cultura",
            "goal": "desenvolver um turismo cultural sustentável que beneficie tanto os moradores quanto os visitantes",
            "activities": [
                "roteiros temáticos pela cidade",
                "parcerias com hotéis e agências de turismo",
                "uma carta do visitante combinada com os moradores",
            ],
            "keywords": ["turismo cultural", "turismo sustentável"],
        },
        "climate": {
            "topic": "a transição climática",
            "tagline": "criatividade pelo clima",
            "goal": "reduzir a pegada ambiental das atividades culturais e conscientizar sobre a crise climática",
            "activities": [
                "um balanço de carbono de espaços e eventos",
                "o uso de materiais locais e reaproveitados",
                "campanhas de conscientização feitas por artistas",
            ],
            "keywords": ["clima", "economia circular"],
        },
        "education": {
            "topic": "os alunos e os professores",
            "tagline": "aprender com criatividade",
            "goal": "levar a prática criativa às escolas e à educação ao longo da vida",
            "activities": [
                "projetos concebidos com os professores",
                "visitas e oficinas para turmas escolares",
                "formação de professores e educadores",
            ],
            "keywords": ["educação", "escolas"],
        },
        "women": {
            "topic": "as mulheres criadoras",
            "tagline": "mais espaço para as criadoras",
            "goal": "fortalecer o lugar das mulheres entre criadores, profissionais e tomadores de decisão",
            "activities": [
                "bolsas e mentoria para mulheres criadoras",
                "uma rede de mulheres profissionais",
                "cuidado infantil durante as formações",
            ],
            "keywords": ["igualdade de gênero", "mulheres"],
        },
        "markets": {
            "topic": "os negócios criativos locais",
            "tagline": "da oficina ao mercado",
            "goal": "ajudar criadores e pequenos negócios locais a alcançar novos mercados e obter uma renda justa",
            "activities": [
                "uma feira sazonal e uma loja aberta o ano todo",
                "consultoria de gestão e microfinanciamento",
                "um selo comum de origem e qualidade",
            ],
            "keywords": ["economia criativa", "pequenos negócios"],
        },
        "residencies": {
            "topic": "os artistas convidados",
            "tagline": "uma cidade aberta aos artistas",
            "goal": "acolher artistas e profissionais de outras cidades criativas e construir intercâmbios duradouros",
            "activities": [
                "residências de um a três meses",
                "intercâmbios com cidades criativas parceiras",
                "apresentações públicas ao fim de cada residência",
            ],
            "keywords": ["residências", "mobilidade"],
        },
    },
    "figures": {
        "visitors": "visitantes",
        "participants": "participantes",
        "young_participants": "jovens participantes",
        "workshops": "oficinas realizadas",
        "artists": "artistas envolvidos",
        "jobs": "empregos criados",
        "businesses": "negócios apoiados",
        "schools": "escolas participantes",
        "teachers": "professores formados",
        "items": "itens documentados",
        "online_visits": "visitas on-line",
        "residencies": "residências acolhidas",
        "partner_cities": "cidades parceiras",
        "neighbourhoods": "bairros alcançados",
        "women_share": "mulheres entre os artistas",
        "satisfaction": "participantes satisfeitos",
        "co2_reduction": "redução das emissões de carbono",
        "sales_increase": "aumento das vendas",
    },
    "instruments": ["um plano de ação", "uma estratégia", "um fundo de apoio", "um programa municipal"],
    "pubtypes": ["um estudo", "um guia", "um relatório de avaliação", "um manual"],
    "titles": {
        "practice": [
            "{Concept} {in_city}",
            "{Concept} {of_city}",
            "{Concept}: {tagline}",
            "{city}: {concept} para {topic}",
        ],
        "policy": [
            "{Instrument} para {domain} {in_city} ({start_year}-{end_year})",
            "{Instrument} {of_city} para {topic}",
            "{city}: {instrument} para {domain} e {topic}",
        ],
        "publication": [
            "{Pubtype}: {domain} e {topic} {in_city}",
            "{Pubtype}: {concept} {of_city}",
            "{Tagline}: lições {of_city}",
        ],
    },
    "intro": {
        "practice": [
            "Desde {start_year}, {city} mantém {concept_a} para {topic}, com {makers} no centro do projeto.",
            "{city}, {field_title} desde {designation_year}, lançou {concept_a} em {start_year}.",
        ],
        "policy": [
            "Em {start_year}, {city} aprovou {instrument_a} para apoiar {domain} e fazer mais por {topic}.",
            "{city} integra {domain} ao seu desenvolvimento urbano por meio de {instrument_a}, em vigor desde "
            "{start_year}.",
        ],
        "publication": [
            "Esta publicação examina {concept_a} {in_city} e os seus efeitos para {topic}.",
            "Com base em {n} entrevistas e em vários anos de dados recolhidos {in_city}, este documento foi "
            "publicado em {pub_year}.",
        ],
    },
    "goal": ["O objetivo é {goal}.", "A iniciativa busca {goal}."],
    "method": [
        "A iniciativa combina {activity1} e {activity2}.",
        "A iniciativa se apoia em {activity1}, {activity2} e {activity3}.",
    ],
    "result": ["Até agora, os resultados incluem {figs}.", "Os números mais recentes mostram {figs}."],
    "headings": {
        "context": "Contexto",
        "approach": "O que foi feito",
        "measures": "Medidas",
        "method": "Método",
        "findings": "Principais conclusões",
        "lessons": "Lições aprendidas",
        "next": "Próximos passos",
    },
    "context": [
        "{city} é {field_title} desde {designation_year}. A identidade e a economia da cidade devem muito "
        "{a_domain}, e a cidade queria que esse título fizesse diferença para {topic}.",
        "Antes de {start_year}, {makers} {of_city} tinham poucos lugares para se encontrar, se formar e mostrar "
        "o seu trabalho. O apoio público estava disperso entre vários departamentos.",
        "A ideia nasceu de uma consulta feita em {prev_year} com {makers}, associações de moradores e escolas. "
        "Muitos lamentavam que o lugar {de_domain} se limitasse aos festivais, longe do dia a dia.",
    ],
    "adapted": [
        "O projeto foi adaptado de uma prática de {source_city}, conhecida por meio da Rede de Cidades "
        "Criativas, e ajustado às necessidades locais.",
        "Inspira-se na experiência de {source_city}: os intercâmbios entre as equipes das duas cidades "
        "ajudaram a evitar os primeiros erros.",
    ],
    "approach": {
        "practice": [
            "O projeto é conduzido por uma associação local com a secretaria municipal de cultura. Começou como "
            "piloto em dois bairros e cresceu a cada ano com novos parceiros.",
            "Uma pequena equipe coordena o programa, mas são {makers} que conduzem a maior parte das atividades, "
            "remunerados pelo seu tempo. As principais frentes são:",
        ],
        "policy": [
            "Este instrumento reúne medidas antes dispersas e lhes dá um orçamento e um calendário. As principais "
            "medidas são:",
        ],
        "publication": [
            "O documento baseia-se em {n} entrevistas com {makers}, servidores públicos e moradores, num "
            "questionário e na análise de dez anos de dados municipais.",
        ],
    },
    "results": [
        "A primeira avaliação mostra resultados animadores:",
        "Os números recolhidos a cada ano pela equipe mostram um progresso constante:",
    ],
    "lessons": [
        "Envolver as pessoas interessadas desde o início, e não só no fim.",
        "Garantir financiamento por vários anos: apoios pontuais não criam confiança.",
        "Remunerar de forma justa o tempo de artistas e artesãos.",
        "Trabalhar com escolas e associações de bairro, que conhecem melhor o público.",
        "Compartilhar o que funciona com outras cidades criativas e aprender com elas.",
    ],
    "next": [
        "A cidade pretende agora estender o projeto a outros bairros e compartilhá-lo com as cidades parceiras "
        "da rede.",
        "Uma segunda fase, a partir de {next_year}, vai se concentrar na formação e no financiamento de longo prazo.",
    ],
    "partners": {
        "public": ["Prefeitura {of_city}", "Ministério da Cultura"],
        "private": ["Associação Comercial {of_city}", "Cooperativa de Produtores Locais"],
        "civil_society": ["Rede de Juventude {of_city}", "Associação de Moradores"],
        "academia": ["Universidade {of_city}", "Escola de Belas Artes"],
        "international": ["Rede de Cidades Criativas da UNESCO"],
    },
    "funding": ["Orçamento municipal ({p1}%), Ministério da Cultura ({p2}%), patrocinadores privados ({p3}%)."],
    "link_titles": ["Página do projeto", "Relatório final", "Galeria de fotos"],
}
