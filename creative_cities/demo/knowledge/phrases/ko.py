"""Korean phrase bank of the demo content; only cities named below write in it.

Templates put no particle after a slot whose last syllable varies (은/는, 이/가, 을/를).
"""

CITY_NAMES = {
    "Seoul": "서울", "Busan": "부산", "Gwangju": "광주", "Daegu": "대구", "Jeonju": "전주", "Icheon": "이천",
    "Gimhae": "김해", "Cheongju": "청주", "Jinju": "진주", "Gangneung": "강릉", "Tongyeong": "통영",
    "Bucheon": "부천", "Wonju": "원주",
}  # fmt: skip


def city_slots(city: str) -> dict:
    return {"city": city, "in_city": f"{city}에서", "of_city": f"{city}의"}


def _field(title, domain, makers, keywords, concepts):
    return {"field_title": title, "domain": domain, "makers": makers, "keywords": keywords, "concepts": concepts}


def _theme(topic, tagline, goal, activities, keywords):
    return {"topic": topic, "tagline": tagline, "goal": goal, "activities": activities, "keywords": keywords}


BANK = {
    "city_slots": city_slots,
    "city_names": CITY_NAMES,
    "articles": (),
    "thousands": ",",
    "percent": "{value}%",
    "and": ", ",
    "count_format": "{label} {value}",
    "fields": {
        "architecture": _field(
            "건축 창의도시",
            "건축",
            "건축가와 장인",
            ["건축", "도시 디자인"],
            [
                "근대 건축유산 목록화",
                "건축 도보 해설 프로그램",
                "빈 건물 재생 공모",
                "주민과 함께하는 공공공간 디자인 스튜디오",
                "전통 건축기술 학교",
            ],
        ),
        "crafts_folk_art": _field(
            "공예·민속예술 창의도시",
            "공예",
            "공예가",
            ["공예", "민속예술"],
            [
                "여성 공예가 장터",
                "청년 공예 도제 프로그램",
                "역사 공방 공예가 레지던시",
                "지역 공예품 온라인 상점",
                "전통 공예 살아있는 박물관",
            ],
        ),
        "design": _field(
            "디자인 창의도시",
            "디자인",
            "디자이너",
            ["디자인", "혁신"],
            [
                "옛 부두 디자인 지구",
                "디자인 비엔날레",
                "사회 디자인 랩",
                "가구·소재 순환 디자인 프로그램",
                "학교 디자인 교육 프로그램",
            ],
        ),
        "film": _field(
            "영화 창의도시",
            "영화",
            "영화인과 기술 인력",
            ["영화", "영상"],
            [
                "영상위원회 기술 인력 양성 프로그램",
                "동네를 찾아가는 야외 영화관",
                "도시 영화 아카이브 디지털화",
                "시나리오 작가 레지던시",
                "학교 영화 교육 프로그램",
            ],
        ),
        "gastronomy": _field(
            "음식 창의도시",
            "음식 문화",
            "요리사와 생산자",
            ["음식", "로컬 푸드"],
            [
                "지역 농산물 학교 급식 프로그램",
                "소규모 생산자 실내 시장",
                "청소년 요리 학교",
                "전통 음식 조리법 기록",
                "제로 웨이스트 음식 축제",
            ],
        ),
        "literature": _field(
            "문학 창의도시",
            "책과 독서",
            "작가와 번역가",
            ["문학", "독서", "책"],
            [
                "문학 번역 레지던시",
                "동네 도서관 네트워크",
                "국제 도서 축제",
                "교도소·병원 글쓰기 워크숍 프로그램",
                "지역 작가 디지털 도서관",
            ],
        ),
        "media_arts": _field(
            "미디어아트 창의도시",
            "미디어아트",
            "디지털 아티스트",
            ["미디어아트", "디지털 아트"],
            [
                "어르신을 위한 미디어아트 랩",
                "빛과 프로젝션 아트 축제",
                "청소년 크리에이티브 코딩 학교",
                "기술 허브 예술가 레지던시",
                "도시 기억 디지털 아카이브",
            ],
        ),
        "music": _field(
            "음악 창의도시",
            "음악",
            "음악인",
            ["음악", "라이브 음악"],
            [
                "거리 음악 축제",
                "마을 음악 학교",
                "전통 음악 아카이브",
                "음악 해외 진출 및 레지던시 프로그램",
                "소규모 라이브 공연장 네트워크",
            ],
        ),
    },
    "themes": {
        "youth": _theme(
            "청년",
            "청년을 위한 무대",
            "15~25세 청년이 창작하고 무대에 서고 목소리를 낼 수 있도록 지원하는 것",
            [
                "학교와 청소년 센터의 무료 워크숍",
                "청년과 전문가를 연결하는 멘토링",
                "청년이 직접 기획하고 운영하는 연례 쇼케이스",
            ],
            ["청년", "참여"],
        ),
        "heritage": _theme(
            "살아있는 유산",
            "현재진행형 유산",
            "도시의 유형·무형 유산을 보호하고 다음 세대에 전승하는 것",
            ["전승자와 함께하는 목록화 작업", "역사적 장소 개방의 날", "해설사와 문화 매개자 교육"],
            ["문화유산", "전승"],
        ),
        "inclusion": _theme(
            "문화 소외 계층",
            "모두를 위한 문화",
            "장애인, 이주민, 외곽 지역 주민 등 문화생활에 참여하기 어려운 사람들에게 다가가는 것",
            ["무료 또는 자율 요금 입장", "외곽 지역 찾아가는 활동", "수어, 쉬운 글, 음성 해설 등 접근성 높은 형식"],
            ["포용", "접근성"],
        ),
        "digital": _theme(
            "디지털 창작",
            "디지털 전환",
            "디지털 도구로 지역 창작자의 작품을 만들고 공유하고 보존하는 것",
            ["개방형 온라인 플랫폼", "창작자 디지털 역량 교육", "소장품과 공간에 관한 공공데이터 개방"],
            ["디지털", "공공데이터"],
        ),
        "tourism": _theme(
            "관광객과 주민",
            "문화가 만드는 여행지",
            "관광객뿐 아니라 주민에게도 도움이 되는 지속가능한 문화관광을 발전시키는 것",
            ["도시 테마 탐방로", "호텔 및 여행사와의 협력", "주민과 함께 만든 방문객 헌장"],
            ["문화관광", "지속가능한 관광"],
        ),
        "climate": _theme(
            "기후 전환",
            "기후를 위한 창의성",
            "문화 활동의 환경 발자국을 줄이고 기후 위기에 대한 인식을 높이는 것",
            ["공연장과 행사의 탄소 배출 점검", "지역 자재와 재사용 자재 활용", "예술가가 이끄는 인식 개선 캠페인"],
            ["기후", "순환경제"],
        ),
        "education": _theme(
            "학생과 교사",
            "창의성으로 배우기",
            "창의적 실천을 학교와 평생학습에 도입하는 것",
            ["교사와 함께 설계한 프로젝트", "학급 단위 견학과 워크숍", "교사와 교육자 연수"],
            ["교육", "학교"],
        ),
        "women": _theme(
            "여성 창작자",
            "여성 창작자에게 더 많은 자리를",
            "창작자, 전문가, 의사결정자 가운데 여성의 위상을 강화하는 것",
            ["여성 창작자 지원금과 멘토링", "여성 전문가 네트워크", "교육 기간 중 돌봄 서비스"],
            ["성평등", "여성"],
        ),
        "markets": _theme(
            "지역 창의 기업",
            "공방에서 시장으로",
            "지역 창작자와 소기업이 새로운 시장에 진출하고 정당한 수입을 얻도록 돕는 것",
            ["계절 장터와 상설 매장", "경영 컨설팅과 소액 지원금", "공동 원산지·품질 인증"],
            ["창의경제", "소기업"],
        ),
        "residencies": _theme(
            "방문 예술가",
            "예술가에게 열린 도시",
            "다른 창의도시의 예술가와 전문가를 맞이하고 지속적인 교류를 구축하는 것",
            ["1~3개월 레지던시", "파트너 창의도시와의 교류", "레지던시 종료 시 공개 발표회"],
            ["레지던시", "교류"],
        ),
    },
    "figures": {
        "visitors": "방문객 수",
        "participants": "참여자 수",
        "young_participants": "참여 청년 수",
        "workshops": "워크숍 개최 수",
        "artists": "참여 예술가 수",
        "jobs": "신규 일자리",
        "businesses": "지원 기업 수",
        "schools": "참여 학교 수",
        "teachers": "연수 교사 수",
        "items": "기록 항목 수",
        "online_visits": "온라인 방문 수",
        "residencies": "레지던시 운영 수",
        "partner_cities": "파트너 도시 수",
        "neighbourhoods": "참여 동네 수",
        "women_share": "여성 예술가 비율",
        "satisfaction": "참여자 만족도",
        "co2_reduction": "탄소 배출 감축률",
        "sales_increase": "매출 증가율",
    },
    "instruments": ["실행 계획", "발전 전략", "지원 기금", "헌장", "시 프로그램"],
    "pubtypes": ["연구 보고서", "안내서", "평가 보고서"],
    "titles": {
        "practice": ["{city} {concept}", "{concept}: {tagline}", "{of_city} {topic} 중심 {concept}"],
        "policy": ["{city} {domain} {instrument}({start_year}~{end_year})", "{city}: {topic} 중심 {instrument}"],
        "publication": ["{pubtype}: {of_city} {domain} 및 {topic}", "{tagline}: {of_city} 경험"],
    },
    "intro": {
        "practice": [
            "{city}에서는 {start_year}년부터 {topic}에 초점을 맞춘 {concept} 사업이 운영되고 있다.",
            "{designation_year}년 {field_title}로 지정된 {city}에서는 {start_year}년 {concept} 사업을 시작했다.",
        ],
        "policy": ["{city}에서는 {start_year}년 {domain} 진흥과 {topic} 지원을 위한 {instrument}을 수립했다."],
        "publication": ["이 간행물은 {of_city} {concept} 사례와 그것이 {topic}에 미친 영향을 살펴본다."],
    },
    "goal": ["이 사업의 목표는 {goal}이다."],
    "method": ["주요 활동으로는 {activity1}, {activity2}, {activity3} 등이 있다."],
    "result": ["지금까지의 주요 성과: {figs}."],
    "headings": {
        "context": "배경",
        "approach": "추진 내용",
        "measures": "주요 조치",
        "method": "방법",
        "findings": "주요 결과",
        "lessons": "교훈",
        "next": "향후 계획",
    },
    "context": [
        "{designation_year}년 {field_title}로 지정된 {city}에서 {domain} 분야는 도시 정체성과 경제의 중요한 부분이다. "
        "도시는 이 타이틀이 {topic}에 실질적인 변화를 가져오기를 바랐다.",
        "{start_year}년 이전에는 {of_city} {makers} 등이 만나고 배우고 작품을 선보일 공간이 부족했고, 공공 지원도 "
        "여러 부서에 흩어져 있었다.",
    ],
    "adapted": ["이 사업은 창의도시 네트워크를 통해 알게 된 {source_of_city} 사례를 지역 여건에 맞게 응용한 것이다."],
    "approach": {
        "practice": [
            "지역 단체가 시 문화 부서와 함께 사업을 운영한다. 두 개 동네에서 시범 사업으로 시작해 해마다 새로운 "
            "파트너가 합류하며 확대되었다. 주요 내용은 다음과 같다:",
        ],
        "policy": ["이 제도는 흩어져 있던 조치를 하나로 묶고 예산과 일정을 부여한다. 주요 조치는 다음과 같다:"],
        "publication": [
            "이 문서는 {makers}, 공무원, 주민과의 인터뷰 {n}건, 설문 조사, 10년간의 시 데이터 분석을 바탕으로 한다."
        ],
    },
    "results": ["첫 평가에서 고무적인 결과가 나타났다:", "팀이 매년 수집한 수치는 꾸준한 진전을 보여 준다:"],
    "lessons": [
        "처음부터 당사자를 참여시킬 것.",
        "여러 해에 걸친 재원을 확보할 것: 일회성 지원으로는 신뢰가 쌓이지 않는다.",
        "예술가와 공예가의 시간에 정당한 대가를 지불할 것.",
        "관객을 가장 잘 아는 학교 및 지역 단체와 협력할 것.",
        "효과가 있는 방법을 다른 창의도시와 공유하고 그들에게서 배울 것.",
    ],
    "next": [
        "시는 사업을 다른 동네로 확대하고 네트워크 파트너 도시와 공유할 계획이다.",
        "{next_year}년부터 시작되는 2단계에서는 인력 양성과 장기 재원 확보에 집중할 예정이다.",
    ],
    "partners": {
        "public": ["{city}시청", "문화체육관광부"],
        "private": ["{city}상공회의소"],
        "civil_society": ["{city}청년네트워크", "문화유산 지킴이 모임"],
        "academia": ["{city}대학교"],
        "international": ["유네스코 창의도시 네트워크"],
    },
    "funding": ["시 예산({p1}%), 문화체육관광부({p2}%), 민간 후원({p3}%)."],
    "link_titles": ["사업 페이지", "최종 보고서"],
}
