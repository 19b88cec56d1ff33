"""English phrase bank of the demo content (see the package docstring for its shape)."""


def city_slots(city: str) -> dict:
    possessive = f"{city}'" if city.endswith("s") else f"{city}'s"
    return {"city": city, "in_city": f"in {city}", "of_city": f"of {city}", "city_s": possessive}


BANK = {
    "city_slots": city_slots,
    "articles": ("a ", "an "),
    "thousands": ",",
    "percent": "{value}%",
    "and": " and ",
    "fields": {
        "architecture": {
            "field_title": "Creative City of Architecture",
            "domain": "architecture",
            "makers": "architects and builders",
            "keywords": ["architecture", "urban design"],
            "concepts": [
                "an inventory of modern heritage buildings",
                "a programme of guided architecture walks",
                "an open call to bring empty buildings back to life",
                "a design studio for public spaces run with residents",
                "a school of traditional building techniques",
            ],
        },
        "crafts_folk_art": {
            "field_title": "Creative City of Crafts and Folk Art",
            "domain": "crafts and folk art",
            "makers": "artisans",
            "keywords": ["crafts", "artisans", "know-how"],
            "concepts": [
                "a market for women artisans",
                "a crafts apprenticeship programme for young people",
                "an artisans' residency in historic workshops",
                "an online shop for local crafts",
                "a living museum of traditional crafts",
            ],
        },
        "design": {
            "field_title": "Creative City of Design",
            "domain": "design",
            "makers": "designers",
            "keywords": ["design", "innovation"],
            "concepts": [
                "a design district in the former docks",
                "a design biennial",
                "a social design lab",
                "a circular design programme for furniture and materials",
                "a design outreach programme in schools",
            ],
        },
        "film": {
            "field_title": "Creative City of Film",
            "domain": "film",
            "makers": "filmmakers and technicians",
            "keywords": ["film", "cinema", "audiovisual"],
            "concepts": [
                "a film commission training programme for technicians",
                "an open-air cinema touring the neighbourhoods",
                "a project to digitise the city's film archive",
                "a screenwriting residency",
                "a film education programme in schools",
            ],
        },
        "gastronomy": {
            "field_title": "Creative City of Gastronomy",
            "domain": "food and gastronomy",
            "makers": "cooks and food producers",
            "keywords": ["gastronomy", "local food"],
            "concepts": [
                "a school canteen programme with local produce",
                "a covered market for small food producers",
                "a cooking school for young people",
                "an inventory of traditional recipes",
                "a zero-waste food festival",
            ],
        },
        "literature": {
            "field_title": "Creative City of Literature",
            "domain": "books and reading",
            "makers": "writers and translators",
            "keywords": ["literature", "reading", "books"],
            "concepts": [
                "a literary translation residency",
                "a network of neighbourhood libraries",
                "an international book festival",
                "a programme of writing workshops in prisons and hospitals",
                "a digital library of local authors",
            ],
        },
        "media_arts": {
            "field_title": "Creative City of Media Arts",
            "domain": "media arts",
            "makers": "digital artists",
            "keywords": ["media arts", "digital art"],
            "concepts": [
                "a media-arts lab for older people",
                "a festival of light and projection art",
                "a creative coding school for teenagers",
                "an artist residency in a technology hub",
                "a digital archive of the city's memory",
            ],
        },
        "music": {
            "field_title": "Creative City of Music",
            "domain": "music",
            "makers": "musicians",
            "keywords": ["music", "live music"],
            "concepts": [
                "a street music festival",
                "a community music school",
                "an archive of traditional music",
                "a music export and residency programme",
                "a network of small live music venues",
            ],
        },
    },
    "themes": {
        "youth": {
            "topic": "young people",
            "tagline": "a stage for young people",
            "goal": "give young people aged 15 to 25 the means to create, perform and be heard",
            "activities": [
                "free workshops in schools and youth centres",
                "a mentoring scheme pairing young people with professionals",
                "a yearly showcase designed and run by young people",
            ],
            "keywords": ["youth", "participation"],
        },
        "heritage": {
            "topic": "living heritage",
            "tagline": "heritage in the present tense",
            "goal": "safeguard the city's tangible and intangible heritage and pass it on to new generations",
            "activities": [
                "an inventory carried out with the holders of traditional knowledge",
                "open days in historic places",
                "training for guides and cultural mediators",
            ],
            "keywords": ["heritage", "safeguarding"],
        },
        "inclusion": {
            "topic": "people far from cultural life",
            "tagline": "culture for everyone",
            "goal": "reach people who rarely take part in cultural life, including people with disabilities, "
            "migrants and residents of outlying neighbourhoods",
            "activities": [
                "free or pay-what-you-can access",
                "activities in outlying neighbourhoods",
                "accessible formats such as sign language, easy-to-read texts and audio description",
            ],
            "keywords": ["inclusion", "accessibility"],
        },
        "digital": {
            "topic": "digital creation",
            "tagline": "going digital",
            "goal": "use digital tools to create, share and preserve the work of local creators",
            "activities": [
                "an open online platform",
                "digital skills training for creators",
                "open data on collections and venues",
            ],
            "keywords": ["digital", "open data"],
        },
        "tourism": {
            "topic": "visitors and residents",
            "tagline": "a destination shaped by culture",
            "goal": "develop sustainable cultural tourism that benefits residents as much as visitors",
            "activities": [
                "themed routes through the city",
                "partnerships with hotels and tour operators",
                "a visitor charter agreed with residents",
            ],
            "keywords": ["cultural tourism", "sustainable tourism"],
        },
        "climate": {
            "topic": "the climate transition",
            "tagline": "creativity for the climate",
            "goal": "reduce the environmental footprint of cultural activities and raise awareness of the climate "
            "crisis",
            "activities": [
                "a carbon audit of venues and events",
                "the use of local and reused materials",
                "awareness campaigns led by artists",
            ],
            "keywords": ["climate", "circular economy"],
        },
        "education": {
            "topic": "pupils and teachers",
            "tagline": "learning through creativity",
            "goal": "bring creative practice into schools and lifelong learning",
            "activities": [
                "projects co-designed with teachers",
                "visits and workshops for school classes",
                "training for teachers and educators",
            ],
            "keywords": ["education", "schools"],
        },
        "women": {
            "topic": "women creators",
            "tagline": "more room for women creators",
            "goal": "strengthen the place of women among creators, professionals and decision-makers",
            "activities": [
                "grants and mentoring for women creators",
                "a network of women professionals",
                "childcare during training sessions",
            ],
            "keywords": ["gender equality", "women"],
        },
        "markets": {
            "topic": "local creative businesses",
            "tagline": "from makers to markets",
            "goal": "help local creators and small businesses reach new markets and earn a fair income",
            "activities": [
                "a seasonal market and a year-round shop",
                "business coaching and micro-grants",
                "a shared label of origin and quality",
            ],
            "keywords": ["creative economy", "small businesses"],
        },
        "residencies": {
            "topic": "visiting artists",
            "tagline": "a city open to artists",
            "goal": "host artists and professionals from other creative cities and build lasting exchanges",
            "activities": [
                "residencies of one to three months",
                "exchanges with partner creative cities",
                "public presentations at the end of each residency",
            ],
            "keywords": ["residencies", "mobility"],
        },
    },
    "figures": {
        "visitors": "visitors",
        "participants": "participants",
        "young_participants": "young participants",
        "workshops": "workshops held",
        "artists": "artists involved",
        "jobs": "jobs created",
        "businesses": "businesses supported",
        "schools": "schools taking part",
        "teachers": "teachers trained",
        "items": "items documented",
        "online_visits": "online visits",
        "residencies": "residencies hosted",
        "partner_cities": "partner cities",
        "neighbourhoods": "neighbourhoods reached",
        "women_share": "women among the artists",
        "satisfaction": "participants satisfied",
        "co2_reduction": "reduction in carbon emissions",
        "sales_increase": "increase in sales",
    },
    "instruments": [
        "an action plan",
        "a strategy",
        "a support fund",
        "a charter",
        "a municipal programme",
        "a local plan",
    ],
    "pubtypes": ["a study", "a guide", "an evaluation report", "a handbook", "a survey"],
    "titles": {
        "practice": [
            "{Concept} {in_city}",
            "{city_s} {concept}",
            "{Concept}: {tagline}",
            "{city}: {concept} for {topic}",
            "{Tagline} — {concept} {in_city}",
        ],
        "policy": [
            "{Instrument} for {domain} {in_city} ({start_year}–{end_year})",
            "{city_s} {instrument} for {topic}",
            "{Instrument} “{Tagline}”",
            "{city}: {instrument} for {domain} and {topic}",
        ],
        "publication": [
            "{Pubtype}: {domain} and {topic} {in_city}",
            "{Pubtype}: {city_s} {concept}",
            "{Tagline}: lessons from {city}",
            "{Concept} {in_city} — {pubtype}, {pub_year}",
        ],
    },
    "intro": {
        "practice": [
            "Since {start_year}, {city} has run {concept_a} for {topic}, with {makers} at its heart.",
            "{city}, a {field_title} since {designation_year}, launched {concept_a} in {start_year}.",
            "In {start_year}, {city} started {concept_a} with local partners, with a focus on {topic}.",
        ],
        "policy": [
            "In {start_year}, {city} adopted {instrument_a} to support {domain} and do more for {topic}.",
            "For {start_year}–{end_year}, {city} has {instrument_a} that sets out how the city supports {domain}, "
            "with a focus on {topic}.",
            "{city} makes {domain} part of its urban development through {instrument_a}, in force since {start_year}.",
        ],
        "publication": [
            "This publication examines {concept_a} {in_city} and its effects for {topic}.",
            "Based on {n} interviews and several years of data collected {in_city}, this document was published "
            "in {pub_year}.",
            "Written by researchers of a local university, this document analyses how {city} supports {domain}, "
            "with a focus on {topic}.",
        ],
    },
    "goal": ["The aim is to {goal}.", "Objective: to {goal}.", "The approach seeks to {goal}."],
    "method": [
        "The scheme combines {activity1} and {activity2}.",
        "The scheme relies on {activity1}, {activity2} and {activity3}.",
        "The main actions are {activity1} and {activity2}.",
    ],
    "result": ["So far, the results include {figs}.", "Among the results: {figs}.", "The latest figures show {figs}."],
    "headings": {
        "context": "Context",
        "approach": "What was done",
        "measures": "Measures",
        "method": "Method",
        "findings": "Key findings",
        "lessons": "Lessons learned",
        "next": "Next steps",
    },
    "context": [
        "{city} has been a {field_title} since {designation_year}. The identity and the economy of the city owe "
        "a great deal to {domain}, and the city wanted its title to make a difference for {topic}.",
        "Before {start_year}, {makers} {in_city} had few places to meet, train and show their work. Public "
        "support was spread across several departments and rarely reached those who needed it most.",
        "The idea came from a consultation held in {prev_year} with {makers}, neighbourhood associations and "
        "schools. Many regretted that the place of {domain} was limited to festivals, far from everyday life.",
        "Membership of the Creative Cities Network gave {city} a framework and partners. The city decided to "
        "turn the commitments of its application into concrete action for {topic}.",
    ],
    "adapted": [
        "The project is adapted from a practice of {source_city}, discovered through the Creative Cities "
        "Network, and adjusted to local needs and resources.",
        "It draws on the experience of {source_city}: exchanges between the teams of the two cities helped "
        "avoid the first mistakes.",
    ],
    "approach": {
        "practice": [
            "The project is run by a local association with the city's culture department. It started as a "
            "pilot in two neighbourhoods and grew each year as new partners joined.",
            "A small team coordinates the programme, but most activities are led by {makers}, who are paid "
            "for their time. Its main strands are:",
            "Everything was designed with the people concerned, who took part in the first workshops and "
            "helped choose the places, the times and the formats.",
        ],
        "policy": [
            "This instrument brings together measures that were previously scattered and gives them a budget "
            "and a timetable. Its main measures are:",
            "Adopted by the city council, it is steered by a committee of elected officials, {makers} and civil "
            "society. It provides for:",
        ],
        "publication": [
            "The document is based on {n} interviews with {makers}, officials and residents, a survey and the "
            "analysis of ten years of municipal data.",
            "It was written by researchers with the city's teams and reviewed by partner creative cities "
            "before publication.",
        ],
    },
    "results": [
        "The first evaluation shows encouraging results:",
        "Figures collected each year by the team show steady progress:",
        "An independent evaluation carried out in {pub_year} highlights these results:",
    ],
    "lessons": [
        "Involve the people concerned from the very start, not only at the end.",
        "Secure funding over several years: one-off grants do not build trust.",
        "Pay artists and craftspeople fairly for their time.",
        "Work with schools and neighbourhood associations, who know the public best.",
        "Measure results from day one, with a few simple indicators.",
        "Share what works with other creative cities, and learn from theirs.",
        "Keep activities free or cheap, so that nobody is left out.",
        "Give each partner a clear role and meet regularly.",
    ],
    "next": [
        "The city now plans to extend the project to other neighbourhoods and to share it with partner "
        "cities of the network.",
        "A second phase, from {next_year}, will focus on training and on long-term funding.",
        "{city} is looking for creative cities interested in adapting the project; a toolkit is available on request.",
    ],
    "partners": {
        "public": ["{city} City Council", "Ministry of Culture", "Regional Tourism Board", "{city} Public Libraries"],
        "private": [
            "{city} Chamber of Commerce",
            "Savings Bank Foundation",
            "Hotels and Restaurants Association",
            "Local Producers' Cooperative",
        ],
        "civil_society": [
            "{city} Youth Network",
            "Neighbourhood Houses Association",
            "Friends of Heritage Society",
            "Women Creators' Collective",
        ],
        "academia": ["University of {city}", "{city} School of Fine Arts", "Institute of Technology"],
        "international": ["UNESCO Creative Cities Network", "International Council of Museums"],
    },
    "funding": [
        "City budget ({p1}%), Ministry of Culture ({p2}%), private sponsors ({p3}%).",
        "Municipal funds ({p1}%), regional grant ({p2}%), ticket sales and sales of products ({p3}%).",
    ],
    "link_titles": ["Project page", "Final report", "Photo gallery", "Presentation video"],
}
