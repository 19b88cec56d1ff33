"""Simplified Chinese phrase bank of the demo content; only cities named below write in it."""

CITY_NAMES = {
    "Beijing": "北京", "Shanghai": "上海", "Shenzhen": "深圳", "Wuhan": "武汉", "Chongqing": "重庆",
    "Chengdu": "成都", "Hangzhou": "杭州", "Suzhou": "苏州", "Jingdezhen": "景德镇", "Weifang": "潍坊",
    "Chaozhou": "潮州", "Huai'an": "淮安", "Quanzhou": "泉州", "Shunde": "顺德", "Yangzhou": "扬州",
    "Qingdao": "青岛", "Changsha": "长沙", "Nanjing": "南京", "Wuxi": "无锡",
}  # fmt: skip


def city_slots(city: str) -> dict:
    return {"city": city, "in_city": f"在{city}", "of_city": city}


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
    "and": "，",
    "sentence_separator": "",
    "count_format": "{label}达{value}",
    "list_format": "{label}：{value}",
    "fields": {
        "architecture": _field(
            "“建筑之都”",
            "建筑",
            "建筑师和工匠",
            ["建筑", "城市设计"],
            [
                "现代建筑遗产普查",
                "建筑导览步行计划",
                "空置建筑再利用公开征集",
                "与居民共同设计公共空间的工作坊",
                "传统营造技艺学校",
            ],
        ),
        "crafts_folk_art": _field(
            "“手工艺与民间艺术之都”",
            "手工艺",
            "手工艺人",
            ["手工艺", "民间艺术", "非遗"],
            [
                "女性手工艺人市集",
                "青年手工艺学徒计划",
                "历史工坊中的手工艺人驻留",
                "本地手工艺网上商店",
                "传统技艺活态博物馆",
            ],
        ),
        "design": _field(
            "“设计之都”",
            "设计",
            "设计师",
            ["设计", "创新"],
            ["旧码头设计街区", "设计双年展", "社会设计实验室", "家具与材料循环设计计划", "校园设计教育计划"],
        ),
        "film": _field(
            "“电影之都”",
            "电影",
            "电影人和技术人员",
            ["电影", "影视"],
            [
                "电影委员会技术人员培训计划",
                "巡回社区露天电影院",
                "城市电影档案数字化项目",
                "编剧驻留计划",
                "中小学电影教育计划",
            ],
        ),
        "gastronomy": _field(
            "“美食之都”",
            "美食",
            "厨师和食品生产者",
            ["美食", "本地食材"],
            ["本地食材进校园餐计划", "小农户室内市场", "青少年烹饪学校", "传统菜谱普查", "零废弃美食节"],
        ),
        "literature": _field(
            "“文学之都”",
            "图书与阅读",
            "作家和译者",
            ["文学", "阅读", "图书"],
            ["文学翻译驻留计划", "社区图书馆网络", "国际图书节", "监狱和医院写作工作坊计划", "本地作家数字图书馆"],
        ),
        "media_arts": _field(
            "“媒体艺术之都”",
            "媒体艺术",
            "数字艺术家",
            ["媒体艺术", "数字艺术"],
            [
                "面向老年人的媒体艺术实验室",
                "灯光与投影艺术节",
                "青少年创意编程学校",
                "科技园区艺术家驻留",
                "城市记忆数字档案",
            ],
        ),
        "music": _field(
            "“音乐之都”",
            "音乐",
            "音乐人",
            ["音乐", "现场音乐"],
            ["街头音乐节", "社区音乐学校", "传统音乐档案", "音乐出海与驻留计划", "小型现场音乐空间网络"],
        ),
    },
    "themes": {
        "youth": _theme(
            "青年",
            "青年的舞台",
            "让15至25岁的青年有条件创作、表演并发出自己的声音",
            ["在学校和青少年中心开设免费工作坊", "青年与专业人士结对的导师计划", "由青年自己策划和运营的年度展演"],
            ["青年", "参与"],
        ),
        "heritage": _theme(
            "活态遗产",
            "活在当下的遗产",
            "保护城市的物质和非物质文化遗产并传承给下一代",
            ["与非遗传承人共同开展的普查", "历史场所开放日", "讲解员和文化中介人员培训"],
            ["文化遗产", "保护传承"],
        ),
        "inclusion": _theme(
            "远离文化生活的人群",
            "人人共享的文化",
            "让残障人士、移民和城郊居民等很少参与文化生活的人群参与进来",
            ["免费或自愿付费入场", "在城郊社区开展活动", "手语、易读文本和口述影像等无障碍形式"],
            ["包容", "无障碍"],
        ),
        "digital": _theme(
            "数字创作",
            "走向数字化",
            "利用数字工具创作、传播和保存本地创作者的作品",
            ["开放的在线平台", "面向创作者的数字技能培训", "关于馆藏和场馆的开放数据"],
            ["数字化", "开放数据"],
        ),
        "tourism": _theme(
            "游客与居民",
            "以文化塑造的目的地",
            "发展既惠及游客也惠及居民的可持续文化旅游",
            ["城市主题线路", "与酒店和旅行社的合作", "与居民共同制定的游客公约"],
            ["文化旅游", "可持续旅游"],
        ),
        "climate": _theme(
            "气候转型",
            "为气候而创意",
            "减少文化活动的环境足迹，提高公众对气候危机的认识",
            ["场馆和活动的碳盘查", "使用本地和再利用材料", "由艺术家发起的宣传活动"],
            ["气候", "循环经济"],
        ),
        "education": _theme(
            "师生",
            "在创意中学习",
            "把创意实践带进学校和终身学习",
            ["与教师共同设计的项目", "面向学校班级的参观和工作坊", "教师和教育工作者培训"],
            ["教育", "学校"],
        ),
        "women": _theme(
            "女性创作者",
            "为女性创作者拓展空间",
            "提升女性在创作者、从业者和决策者中的地位",
            ["面向女性创作者的资助和导师计划", "女性从业者网络", "培训期间的托儿服务"],
            ["性别平等", "女性"],
        ),
        "markets": _theme(
            "本地创意企业",
            "从工坊到市场",
            "帮助本地创作者和小微企业开拓新市场、获得合理收入",
            ["季节性市集和全年开放的店铺", "经营辅导和小额资助", "统一的产地与质量标识"],
            ["创意经济", "小微企业"],
        ),
        "residencies": _theme(
            "驻留艺术家",
            "向艺术家敞开的城市",
            "接待来自其他创意城市的艺术家和从业者，建立长期交流",
            ["为期一至三个月的驻留", "与伙伴创意城市的交流", "每期驻留结束时的公开展示"],
            ["艺术驻留", "交流"],
        ),
    },
    "figures": {
        "visitors": "观众人次",
        "participants": "参与人数",
        "young_participants": "参与青年人数",
        "workshops": "举办工作坊",
        "artists": "参与艺术家",
        "jobs": "新增就业岗位",
        "businesses": "受扶持企业",
        "schools": "参与学校",
        "teachers": "受训教师",
        "items": "记录条目",
        "online_visits": "线上访问量",
        "residencies": "接待驻留",
        "partner_cities": "合作城市",
        "neighbourhoods": "覆盖社区",
        "women_share": "女性艺术家占比",
        "satisfaction": "参与者满意度",
        "co2_reduction": "碳排放降低",
        "sales_increase": "销售额增长",
    },
    "instruments": ["行动计划", "发展战略", "扶持基金", "公约", "专项计划"],
    "pubtypes": ["研究报告", "指南", "评估报告"],
    "titles": {
        "practice": ["{city}{concept}", "{concept}：{tagline}", "{city}：面向{topic}的{concept}"],
        "policy": ["{city}{domain}发展{instrument}（{start_year}—{end_year}年）", "{city}：面向{topic}的{instrument}"],
        "publication": ["{pubtype}：{city}的{domain}与{topic}", "{tagline}：来自{city}的经验"],
    },
    "intro": {
        "practice": [
            "自{start_year}年起，{city}面向{topic}推出{concept}，{makers}是项目的核心。",
            "{city}自{designation_year}年起成为创意城市网络{field_title}，并于{start_year}年推出了{concept}。",
        ],
        "policy": ["{start_year}年，{city}出台{instrument}，支持{domain}发展，并更多关注{topic}。"],
        "publication": [
            "本出版物考察了{city}的{concept}及其对{topic}的影响。",
            "本文件基于{n}次访谈和{city}多年积累的数据，于{pub_year}年发布。",
        ],
    },
    "goal": ["项目旨在{goal}。", "其目标是{goal}。"],
    "method": ["项目结合了{activity1}和{activity2}。", "主要举措包括{activity1}、{activity2}和{activity3}。"],
    "result": ["截至目前，{figs}。"],
    "headings": {
        "context": "背景",
        "approach": "具体做法",
        "measures": "主要措施",
        "method": "研究方法",
        "findings": "主要发现",
        "lessons": "经验总结",
        "next": "下一步计划",
    },
    "context": [
        "{city}自{designation_year}年起成为{field_title}。{domain}是城市身份和经济的重要组成部分，城市希望这一称号"
        "能为{topic}带来切实改变。",
        "{start_year}年以前，{city}的{makers}缺少交流、培训和展示作品的场所，公共支持也分散在多个部门。",
    ],
    "adapted": ["项目借鉴了{source_city}的实践经验：团队通过创意城市网络了解到这一做法，并根据本地需求进行了调整。"],
    "approach": {
        "practice": [
            "项目由一家本地社会组织与市文化部门共同实施，先在两个社区试点，此后每年都有新的合作伙伴加入。主要内容包括："
        ],
        "policy": ["该政策整合了以往分散的措施，并为其安排了预算和时间表。主要措施包括："],
        "publication": ["本文件基于对{makers}、政府工作人员和居民的{n}次访谈、一项问卷调查以及十年市政数据的分析。"],
    },
    "results": ["首轮评估显示成效良好：", "团队每年收集的数据显示稳步进展："],
    "lessons": [
        "从一开始就让相关群体参与，而不是只在最后征求意见。",
        "确保多年期资金：一次性补贴难以建立信任。",
        "为艺术家和手工艺人的时间支付合理报酬。",
        "与学校和社区组织合作，他们最了解公众。",
        "与其他创意城市分享有效做法，也向它们学习。",
    ],
    "next": [
        "城市计划将项目推广到更多社区，并与网络中的伙伴城市分享。",
        "第二阶段将于{next_year}年启动，重点是人才培训和长期资金保障。",
    ],
    "partners": {
        "public": ["{city}市人民政府", "{city}市文化和旅游局"],
        "private": ["{city}市商会"],
        "civil_society": ["{city}青年志愿者协会", "文化遗产保护协会"],
        "academia": ["{city}大学"],
        "international": ["联合国教科文组织创意城市网络"],
    },
    "funding": ["市级财政（{p1}%）、文化主管部门（{p2}%）、社会赞助（{p3}%）。"],
    "link_titles": ["项目主页", "总结报告"],
}
