"""Stage 4d — the unit: the named organisation a write-up is about (…村党支部, …社区党委, …公司党委, …医院党委,
…局机关党委), never a clause fragment.

A name ends with an organisation word (村, 社区, 公司, 医院, 局, 驿站 …), optionally followed by its Party
organisation. Its left edge is found by reading the place chain backwards: the proper name sits between the previous
place word (镇, 街道, 区, 县, 市, 省) and the organisation word, so "这趟去南湖区大桥镇由桥村党委" gives
南湖区大桥镇由桥村党委 — although 由 is also a word that starts clauses — while "钱主要出自村党总支" names no
organisation at all. The unit is the organisation the text keeps coming back to, with extra weight for the title and
the first sentence; its Party organisation is added when the text names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .jieba_tables import posseg as jieba_posseg
from .normalise import bracketed, positions
from .regexscan import Prefiltered, char_class, first_chars
from . import unit_model
from .weighing import score
from .regions import gazetteer
# (imported once here, not in each call of the functions that read its word frequencies: a relative import
# statement costs some 6 µs each time it runs, a third of _unsplit's time)
from .taxonomy import segmented, tokenizer

PARTY = ("联合党支部", "功能型党支部", "临时党支部", "党总支", "党支部", "党工委", "党委", "党组", "党小组")
# a Party committee's departments: organisations, though they work through the units they reach (``_type_feature``)
PARTY_DEPARTMENTS = ("组织部", "宣传部", "统战部")
# organisation words, longest first; a single character needs a look-ahead that rules out the common word it
# begins (村民, 部门, 所以, 科技 …) — and a look-behind where a common noun ends with it (城中村 is an urban village,
# 老小区 and 老旧小区 old estates: kinds of place, not names)
# a Party organisation named after the field it gathers, not after an organisation (安溪县个体私营经济党委, 镇江市社会组织
# 联合党委, 长城汇楼宇党委, 海州区快递外卖行业党委, 武侯区社会组织第二综合党委): the field's word is its organisation word
_PARTY_ORG = r"(?=党(?:委|总支|支部|工委|组织))"
_DOMAIN_PARTY = (
    r"(?:个体私营经济|非公(?:有制)?经济(?:组织)?|社会组织|两新组织|新兴领域|新业态|新就业群体|楼宇|商圈|园区|行业|"
    r"个体工商户|个体户|零售户|商户|业户|产业链)"
    r"(?:第[一二三四五六七八九十]+)?(?:综合|联合)?" + _PARTY_ORG,
    "行业(?=党)")      # an industry's Party work (快递行业党建) is as much the industry's as its committee
# offices known by their short names (广西台办): organisations, and helpers of the places they are paired with
_SHORT_NAMED_OFFICES = "台办|侨办|外办|编办"
ORG_TYPES = (
    "律师事务所", "社会工作服务中心", "社工服务站", "社工站", "基金会", "慈善总会", "体育总会", "慈善会", "疾病预防控制中心", "卫生服务中心", "党群服务中心", "有限责任公司", "有限公司", "分公司", "事务所", "服务中心", "服务站", "服务社(?!区|会)", "(?<=[\u4e00-\u9fff]{2})供销(?:合作)?(?:联)?社(?!员|区)", "收费所", "收费站",
    "纪念馆", "博物馆", "图书馆", "文化馆", "美术馆", "档案馆", "科技馆", "体育馆",
    "公司", "集团", "林场", "卫生院", "医院", "(?<=[\u4e00-\u9fff]{2})妇幼保健院", "(?<=[\u4e00-\u9fff]{2})院区", "科院", "设计院", "规划院", "居民区", "大学(?!生)", "学院", "学校", "中学(?!习)", "希望小学", "小学(?!习)", "高中", "幼儿园", "(?<=[\u4e00-\u9fff]{2})驾校", "研究院", "研究所",
    "委员会", "(?<=[\u4e00-\u9fff]{2})(?:发改|卫健|经信|住建|民宗)委(?!员)", "(?<=[\u4e00-\u9fff]{2})(?:" + _SHORT_NAMED_OFFICES + ")", "村委会", "居委会", "(?<=[\u4e00-\u9fff]{2})(?<!社区|街道)居委(?!会|干部|主任|书记|成员|委员)", "协会", "(?<=[\u4e00-\u9fff]{2})(?:研究会|促进会|学会)(?=党(?:支部|总支|委))", "商会", "分会", "联合会", "联谊会", "联盟", "驿站", "法院", "(?<=[\u4e00-\u9fff]{2})中院(?![子里内外落])", "法庭", "检察院", "政协", "(?<!积)分行(?!为|动|政|业|使|驶)", "支行",
    *PARTY_DEPARTMENTS, "纪委监委", "纪工委", "(?:[县市区旗州盟]?直属?)?机关(?:党)?工委", "义工队", "管护区", "物流基地", "(?<=综采|掘进|钻井|采油|作业)[一二三四五六七八九十0-9]+队(?!长|员)", "(?<=[\u4e00-\u9fff]{2})(?<!新闻|工委)办公室(?!主任|副主任|里|内|的)", "重点实验室", "工商联", "妇联", "总工会", "科协(?![调作同商助议力定])", "侨联", "残联", "(?<=[\u4e00-\u9fff]{2})团委(?!书记|副书记)",
    "(?:经济技术|经济|高新技术产业|高新技术)开发区", "(?<=[\u4e00-\u9fff]{2})(?:高新区|经开区)", "物流园", "产业园", "电商园", "工业园", "科技园", "创意园(?:区)?", "文创园(?:区)?", "[煤铁金铜]矿", "(?<=[\u4e00-\u9fff]{2})气矿(?![藏产区])", "(?:(?<=第[一二三四五六七八九十])|(?<![一二三四五六七八九十]))支队(?!长)", "(?<=[\u4e00-\u9fff]{2})总队(?![长员])", "(?<=[\u4e00-\u9fff]{2})(?<![一二三四五六七八九十个])中队(?![长员])", "(?<=[\u4e00-\u9fff]{2})(?:地质|地勘|物探|测绘|勘查|勘测)(?:大队|队)(?![长员])", "(?<=[\u4e00-\u9fff]{2})执法(?:大|支|中)?队(?!长|员)", "(?<=地矿|地勘|地质|煤田|冶金|水文)[一二三四五六七八九十]+(?:院|队|大队)(?![长员士])", "推广(?:总)?站", "油田(?![里上中边区地]|[\u4e00-\u9fff]{0,4}?(?:作业区|厂|分公司|公司|处|队))", "救援队", "(?:出入境)?边防检查站", "边检站", "志愿(?:者)?服务[队团]", "共产党员服务队", "(?<![工建办设开分总])厂(?!长|房|区|家|商|里|内|外|子|部|级)",
    "银行", "直属库", "储备库", "粮库", "烟站", "烟叶站", "(?:客运|车务|机务|工务|电务|车辆|供电)段", "(?<=[\u4e00-\u9fff]{2})办(?=党工委)", "(?<=[\u4e00-\u9fff]{2})(?:小镇|新城)(?=党(?:委|工委|总支|支部))", "(?<=[\u4e00-\u9fff]{2})公路段(?=党(?:委|总支|支部))", "(?<=[\u4e00-\u9fff]{2})(?:火车站|高铁站|客运站)(?=党(?:委|总支|支部))", "供电所", "派出所", "(?<=[\u4e00-\u9fff]{2})警务(?:室|站)(?!长)", "司法所", "税务所", "财政所", "(?<=[\u4e00-\u9fff]{2})(?:情报|信息|技术|质检|计量|检验|检测)所(?=党(?:支部|总支|委))", "孵化基地", "(?<=[县市区旗])[一二三四五六七八九]中(?![心国央学间])", "工区", "车间", "律所", "合作社", "写字楼", "大厦", "楼宇", "(?<![老旧])小区", "家园(?!区)", "(?<=[\u4e00-\u9fff]{2}(?:花园|家园|新村|新城|嘉园|雅苑|花苑))[A-Z一二三四五六七八九十东西南北]区(?![\u4e00-\u9fff]{0,4}?(?:街道|镇|乡))", "社区(?!(?:发展|公益|慈善)?基金会|工作者|报(?:记者|讯|主办))", "嘎查", "办公室(?=党(?:支部|总支|委|组))",
    *_DOMAIN_PARTY, "项目(?=党|联合党|临时党)", "(?:(?<=[\u4e00-\u9fff]{2})|(?<=[\u4e00-\u9fff][）)]))(?:矿业|煤业|石化|农场)(?=党(?:委|总支|支部))", "(?:项目部|项目经理部|总包部|指挥部)(?=党|联合党|临时党)", "(?<=[\u4e00-\u9fff]{2})事业部", "(?<=[\u4e00-\u9fff]{2})(?:产业发展|产业|行业)(?=(?:联合|综合)?党(?:委|总支|支部))", "(?:旅游区|景区|风景区|度假区)(?=的?(?:党|联合党))", "(?:矿|广场|市场|商城|商贸城|商场|(?<=[\u4e00-\u9fff]{2})园)(?=的?(?:党|联合党|临时党))", "(?<![团部军])队(?=党|临时党)", "作业区", "(?<![乡农渔牧百千万各全本驻进])(?<!城中)村(?!民|长|干部|官|医|貌|容|情|规|风|里|级|务|两委|“两委”|集体|庄|落|子|寨)", "(?<![格布结大全开变骗饭棋新])局(?!长|面|势|部|限)", "科(?!技|学|研|长|员|普|尔|室)",
    "(?<![体关联派维])系(?!统|列|数)", "(?<![地到之各好难用出住口一两几0-9界高深远低短长益坏妙害痛去随联岸边旁侧处四脚共相])处(?!理|长|在|于|置|突|罚|分|处)", "(?<![为个])中心(?!任|城|点|组|工作|医院|卫生院|小学|中学|学校|幼儿园)")
TOWN_TYPES = ("街道", "镇", "乡", "苏木")
PLACE_TYPES = ("自治州", "自治县", "自治区", "省", "市", "州", "盟", "县", "区", "旗")
# 乡 ends a township's name, not the 乡 of 乡村, 乡镇, 乡亲, 乡贤 … nor of 下乡, 返乡, 回乡 (going to the countryside)
_TOWN_WORDS = tuple({"乡": "(?<![下返回家故老同异他城思])乡(?!村|镇|亲|下|贤|土|愁|音|里|间|邻|情|风)", "镇": "(?<![重城集小])镇|(?<=[县区市旗][\u4e00-\u9fff]集)镇(?!建设|规划|环境|改造|区)"}.get(t, t)
                    for t in TOWN_TYPES)   # (集镇 is a market town, but 绥棱县上集镇 is a township named …集)
_ORG_RE = re.compile("(?:" + "|".join(ORG_TYPES + _TOWN_WORDS) + ")")


# _ORG_RE's matches, visiting only the characters a name's organisation word can begin with (regexscan: 2.4× faster
# over a write-up's body, where every alternative was tried at every character) and trying there only the words
# that begin with it
_ORG_SCAN = Prefiltered.of_words(ORG_TYPES + _TOWN_WORDS)
# (where no organisation word can begin, _ORG_RE need not try its ~130 alternatives one by one)
_ORG_FIRST = first_chars(_ORG_RE)
_TOWN_RE = re.compile("|".join(TOWN_TYPES))
_DOMAIN_PARTY_RE = re.compile("|".join(_DOMAIN_PARTY))
_TOWN_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,}[镇乡]$")   # a township's name of two characters or more
# as patterns: 党组 is no Party group where it begins 党组织 ("商会党组织马上联络…")
_PARTY_WORDS = "|".join(p + "(?!织)" if p == "党组" else p for p in PARTY)
_PARTY_RE = re.compile(_PARTY_WORDS)
# place words, not the same characters inside ordinary words (社区, 辖区, 城市, 超市, 县城 …)
# (the look-behinds follow the place word instead of preceding it: a pattern whose words all start with a character
# lets re skip to them: twice as fast over a window)
_PLACE_RE = re.compile(r"街道|镇(?!里)|乡(?<![下返回家故老同异他城思]乡)(?!村|镇|亲|下|里)|苏木|自治州|自治县|自治区|省(?!级|内|外|委|里)|"
                       r"市(?<![城超门上都]市)(?!场|民|政|区|级|内|委|直|里)|州|盟|县(?!城|级|委|域|里|内)|"
                       r"区(?<![驻社辖城园景小片街校矿林牧山老新]区)(?!域|块|间|别|分|委|级|内|里)|旗(?!下|帜|舰|袍|手)")
# a sub-unit written right after its organisation (开元社区骑手驿站, 运维部, 皮肤科片)
_SUB_UNIT = re.compile(r"某?[\u4e00-\u9fff]{0,4}?(?:项目公司|项目部|分公司|驿站|服务站|科片|科(?![长员室技学研普尔])|(?<![支全内外局干东西南北中])部(?!分|门|署|长)|工区|车间|班组|"
                       r"(?<![一两三几值])班(?!子|长|级|车|前|后|列)|站(?!长|在|位))")   # (中欧班列: a train)
# the Party organisation of a unit, with the qualifier that may stand between ("园艺系" + "教工党支部"; a whole
# university's "教师党支部" are all its teachers' branches, a kind, not one)
_PARTY_AFTER = re.compile(r"(?:[（(](?!下称|简称|以下|下文)[\u4e00-\u9fff]{2,6}[）)])?(?:教工|(?<!大学)(?:教师|本科生|研究生)|学生|机关|离退休|退休|在职|联合|综合|临时)?(?:第[一二三四五六七八九十\d]+)?(?:" + _PARTY_WORDS + ")"
                          r"|第[一二三四五六七八九十\d]+支部")
# 与 ends a clause ("与四个社区结对") except between two subjects in a faculty's, a department's or a trade
# association's name (化学与环境工程学院, 高分子材料与工程系, 照明与显示工程行业协会)
_DEPARTMENT_AFTER = r"[\u4e00-\u9fff]{1,6}?(?:学院|学部|系|研究所|研究院|研究中心|实验室|专业|行业协会)"
_JOINED_SUBJECTS = rf"与(?!{_DEPARTMENT_AFTER})"
_SUBJECT_JOINED = re.compile(_DEPARTMENT_AFTER)
# words before a name ("走进", "来到", "是", "在" …): the name starts after the last of them
_BOUNDARY_WORDS = (
    r"(?:承建|施工|建设|运营|主办|承办|协办|监理|甲|乙)方|走进|扎进|一进|驶进|驶入|开进|踏进|迈进|跨进|照进|搬进|住进|深入到|来到|这趟去|去往|前往|位于|出自|属于|还有一处在|一处在|春节后|之后|以后|近日|日前|目前|如今|眼下|当下|据|记者|"
    r"通讯员|讯|(?<=[今昨明节])日|(?<=[今去明前往当同])年|期间|之际|前夕|时候|当天|那天|后|前|时|(?<![一两二三四五六七八九十百千万])里|是|在|到|去|和|" + _JOINED_SUBJECTS + r"|及|同|跟|把|将|对|从|为|给|向|让|被|由|的|了|着|过|说|讲|称|"
    r"介绍|表示|带着|带领|隶属于|隶属|归属|所属|下属|旗下|频道|客户端|(?<![金附专归隶直所下从亲家])属(?!性|地|于)|上午|下午|中午|晚上|傍晚|凌晨|春天|夏天|秋天|冬天|开春|入夏|入秋|入冬|推开了|推开|打开|作为|以|经(?!开区|编|贸|纬)|等|各|该|本|其|这|那|个|包括|如|像|比如|评为|成为|携手|参加|"
    r"召开|开展|组织|全县|全市|全区|全省|全镇|书记|主任|院长|局长|老家|我家|我们|他们|大家|附近|旁边|楼下|小程序|系统|"
    r"离不开|带动|张罗|随(?![州县])|就|更|又|也|还|(?<![首成古一二三四五六七八九十])都|才|只|再|(?<=[\d一两二三四五六七八九十几每这那])(?:座|间|处|家|所|名|位|支|条|张)|打造|建立|成立|组建|推出|创建|参与|搭建|构建|"
    r"[一两二三四五六七八九十几百千万]+(?:米|公里|里|斤|尺|丈|亩)[高长宽深远]?(?![\u4e00-\u9fff]{1,2}(?:街道|社区|村|镇|乡))|"
    r"不输|不亚于|不逊于|胜过|赛过|不|没|住|来|拿|抓|或|记|赴|归|代表(?![处团会])|报送|上报|当上|当起|当好|当选|担任|出任|现任|曾任|兼任|原任|卸任|离任|接任|展示出|展现出|折射出|体现出|彰显出|反映出|巡察(?![组办机])|踏访|关于|考察|探访|借鉴|吸收|写进|写入|直派|派到|下沉|联系|牵头|依托|依靠|单靠|要靠|全靠|只靠|就靠|还靠|利用|列席|邀请|设立|设置|引导|推动|"
    r"联合党支部|功能型党支部|临时党支部|党总支|党支部|党工委|党委|党组|党小组|支部|"
    # a member's role in a body before its name ("CBD商会理事单位浙江鑫亚控股集团": the firm, one of the chamber's)
    r"(?:副?会长|理事|监事|会员|成员|共建|结对)单位|"
    # what kind of firm it is, said before its name ("引导陶瓷行业龙头企业顺美集团公司…"): no firm is named so
    r"(?:龙头|骨干|领军|链主)企业|"
    # a conjunction opening the clause ("城里凉快了不少，可海西…红光村党支部书记…"), not the name's first character
    r"(?<![\u4e00-\u9fff])(?:可是|但是|然而|不过|可(?!克达拉)|但|而)")


def _led_by_first_chars(alternation: str) -> str:
    """``alternation`` behind a look-ahead for the characters its words can begin with, so that re tries its
    alternatives (two hundred of them) only where one can match: ``_BOUNDARY`` tries them at every character from
    the right, and ``_boundary_end`` spent most of its time there (the matches are the same)."""
    chars = first_chars(re.compile(alternation))
    return "(?=" + char_class(chars) + ")" + alternation if chars else alternation


_BOUNDARY = re.compile(".*" + _led_by_first_chars("(?:" + _BOUNDARY_WORDS + ")"))
_BOUNDARY_WORD = re.compile(_led_by_first_chars("(?:" + _BOUNDARY_WORDS + ")"))
# a kind of unit written with the level it stands at ("全市27家乡镇商会", "乡镇卫生院"): no name (short_name would
# keep only 商会 of it)
_KIND_ONLY = re.compile(r"^(?:乡镇(?:商会|企业|卫生院|政府|党委|党组织)|两新组织|(?:大|好)(?:医院|学校)|"
                        # a compound described, not named ("袖珍老小区", "闹心小区", "搬迁小区")
                        r"[\u4e00-\u9fff]{0,2}?(?:老|旧|老旧|破旧|闹心|袖珍|开放式|无物业|弃管|搬迁|安置)小区|"
                        # … or by the housing it holds ("12个安置房小区", "回迁房小区": resettlement housing, no name)
                        r"(?:安置|拆迁安置|回迁|还建|保障|商品|廉租|公租)?房(?:小区|社区))$")
_GENERIC = re.compile(r"^(?:外地|异地|外省|全县|全市|全区|全省|全镇|全村|全小区|全社区|全公司|全厂|全矿|省级|市级|县级|区级|国家级|各类|各级|两级|各个|所有|一些|有些|某些|这些|那些|众多|诸多|每个|一个|两个|几个|一名|一位|新型|高质量|高水平|现代化|村级|机关(?!事务|(?:党)?工委|服务局|服务中心|物业|后勤|幼儿园|医院)|基层|部|"
                      r"百村|千村|万村|乡村|农村|山村|行政村$|自然村$|城市|街道镇$|镇街$|乡镇$|苏木镇$|嘎查村$|集团公司$|有限公司$|分公司$|公司$|街道社区$|服务社区$|社区$|小区$|村$|"
                      r"物业公司$|物业服务公司$|物业服务企业$|物业企业$|股份公司$|(?:民营|私营|国有|外资|合资|港资|台资)[\u4e00-\u9fff]{0,4}?(?:公司|企业|厂)$|"
                      r"(?:民办|公办|私立|公立)(?:中小学|学校|中学|小学|幼儿园|医院)$|(?:三级|二级)?(?:综合|专科|三甲|二甲|三级甲等|定点)医院$|"
                      r"(?:老|老旧|新|商品房|安置|拆迁安置|回迁|还建|保障房|开放式|无物业)(?:小区|社区)$|(?:(?:建设|构建|打造|创建|争创)(?:平安|和谐|文明|美丽|幸福|智慧|绿色|法治|宜居)+|(?:平安|和谐|文明|美丽|幸福|智慧|绿色|法治|宜居){2,})(?:社区|村|小区)$|(?:养[猪鸡鸭鹅牛羊鱼蚕蜂]|种[粮菜果茶菇])村$|小山村$|小村庄?$|小山寨$|荒山村$|穷山村$|"
                      # a village described, not named: "偏僻农业村两年间变了样", "软弱涣散村", "试点村"
                      # (or the kind alone: "安达其哈村是个农业村")
                      r"(?:偏僻|偏远|边远|贫困|落后|传统|普通|典型|后进|软弱涣散|空壳|薄弱|经济薄弱|纯)*(?:农业|山区|空心|移民|纯农业|边境|半农半牧)?村$|"
                      r"(?:试点|示范|重点|先进|后进|脱贫|扶贫|帮扶|结对)村$|"
                      # a village of an old revolutionary base area ("墘面村是革命老区基点村", "重点老区村")
                      r"[\u4e00-\u9fff]{0,2}?老区(?:基点)?村$|基点村$|"
                      r"(?:非公)?企业$|(?:重要|精神|心灵|共同)家园$|"   # (居民生活的重要家园)
                      r"(?:农民|农机)?专业合作社$|合作社$|(?:矛盾)?(?:纠纷)?调解(?:指导)?中心$|党群服务中心$|服务中心$|调解委员会$|调委会$|县乡$|(?:机关)?党建联盟$|生产车间$|"
                      r"(?:商务|商业)?(?:楼宇|写字楼|商务楼)$|"
                      r"行业|相关|有关|上级|下级|本地|当地|城市|农村|乡村|具体|个别|部分|该|本|其|我|这|那)")
# (丨, a radical, is written as a bar between a series' name and a headline, "“新新”向党㉘丨融成律所…", as are the
# box-drawing bar │ ("走小区看新貌│开福区金帆小区…") and the circled numbers of a series' episodes)
_STOP = set("，。；：！？、,.;:!?（）()《》【】[]「」·•—-_/|｜丨│\n\t 　'0123456789%％+＋…⋯") | {
    chr(c) for c in (*range(0x2460, 0x2500), *range(0x3251, 0x3260), *range(0x3280, 0x32C0))}
# (…大学$ written out and the look-behind following 党员 rather than preceding it: every alternative then begins with
# a character, which re skips ahead to instead of trying all of them at every character)
_NOT_UNIT = re.compile(r"上大学$|考大学$|读大学$|念大学$|或|一个|一些|一次|不少|许多|来自|随手|就能|报给|送到|到了|走访|入户|进(?:村|社区|校园|企业|家庭|机关|学校|楼宇|小区)|划入|列入|群众|村民|居民(?!区)|记者|网格员|志愿者(?!协会|联合会|总会|总队|服务队)|骑手|快递员|"
                       r"党员(?<!共产党员)|软弱|涣散|后进|先进|示范|模范|重点|贫困|空壳|薄弱|问题|明星|老旧|新建|所有|各个|领办|清廉|特色|首家|首个")
# (国家税务总局 + a place + 税务局 is a local tax bureau: the national administration's name heads every one of them)
_MINISTRY = re.compile(r"^(?:中共)?(?:中央|国家(?!电网|电投|能源|管网|开发银行|税务总局[\u4e00-\u9fff]{2,14}?税务(?:分)?局)|国务院|"
                       r"教育部|农业农村部|民政部|中组部|全国)")
MAX_NAME = 18
# function words no name holds: a candidate that contains one is a clause ending in a name (同 joins two bodies
# only after one's organisation word, 市政府同上海第九人民医院: 大同, 同济 and 同仁 keep theirs)
# a government department named by two fields joined with 和 (人力资源和社会保障局, 住房和城乡建设局, 行政审批和政务信息
# 管理局) is one body; 和 after an organisation's own word joins two of them (民政局和财政局, 龙山街道和龙山社区)
_DEPARTMENT_AND = r"(?<![局厅委部办院校所站村镇乡会司队区道])和(?=[\u4e00-\u9fff]{2,10}(?:局|厅|委员会|办公室)$)"
# (…园内, …大厦内 and 落户, 入驻, 进驻 …: a firm in a park or settling into a zone is named after them, "马尾快安科技园内
# 福建朝日环保…公司", "鸿昌公司落户泉州经济技术开发区")
_FUNCTION_WORD = re.compile(r".*(?:在|到|把|将|向|对|被|给|(?!" + _DEPARTMENT_AND + r")和|以|(?<=[府局委院司])同|" + _JOINED_SUBJECTS +
                            r"|及|是|由于|通过|按照|根据|(?<=[园厦])内|落户|入驻|进驻|迁入|搬进|搬到)(?=[\u4e00-\u9fff]{2})")
_DEPARTMENT_AND_RE = re.compile(_DEPARTMENT_AND)


# what cannot begin an organisation's name but a clause runs into it: "有河南省…公司", "些爱心驿站", "明确凡…乡镇",
# "学校龙湖高中三部" (the school referred back to)
# (one ^ before both alternatives: re then gives up after position 0, where ^A|^B was tried at every character)
_LEADING_JUNK = re.compile(r"^(?:(?:明确|规定|要求)?(?:凡是|凡)|(?:(?:社区|村|小区|公司|单位|学校|医院|支部)(?=名叫|叫|名为))?(?:来源|稿源|转自|转载自|另有|还有|共有|现有|其中|名叫|叫做|叫|名为|学校|本校|该校|全校|有(?!色|限|机)|些|起|批|家(?=[\u4e00-\u9fff]{2}(?:公司|企业))|"
                           r"近几年|近年来|近些年|这几年|这些年|多年来|近日|日前|专访|采访|访(?!问|谈|客|民)|即(?!墨)|"   # (——访陕西省律师协会…)
                           r"(?:年|月)(?:底|初|末)|"   # the end of a year ("到年底环庆采油厂将…")
                           # a post held then or now ("时任海逸社区党支部副书记"), a ship docking at a quay ("靠上…码头")
                           r"时任|现任|曾任|原任|靠上|停靠|"
                           # a feature's headline verb before its subject ("探寻贵州毕节太极村致富…", "解码网红活龙井社区…")
                           r"(?:探寻|探访|探秘|寻访|解码|揭秘)(?:网红)?|网红|"
                           r"位(?![于置育]))"   # people counted (五位吉林大学教师)
                           r"(?=[\u4e00-\u9fff“]{3}))")
_OUTLET_SITE = re.compile(r"网(?:\d|讯|消息|记者|报道|[\s　|｜)）·•]|$)")   # (…网·社区观点: a site and its column)
_REFERRED_BACK = frozenset({"这个", "那个", "这座", "那座", "这片", "这家", "那家"})   # a demonstrative before a name
_QUOTED_KIND = re.compile(r"“[^“”]{1,4}”(?:社区|村)$")
_ONE_CHARACTER_NOT_A_NAME = frozenset("建组搭设办创立成一类种做下进入驻")   # (做社区工作: doing community work; 下社区: going to it)
# two-character verbs of reform and management that stand before an organisation word as its object
_VERB_NOT_A_NAME = re.compile(r"完善|健全|加强|优化|规范|深化|推动|推进|(?<=全面|大力|积极)推广|改进|改善|做强|做优|做大|壮大|管好|办好|建好|带好|围绕|依托|聚焦|立足|威胁|影响|困扰|扰乱|激活|赋能")
_ALL_OF_AN_AREA = re.compile(r"^[全各](?:国|省|市|县|区|镇|乡|旗)")   # (全州县, 全椒县 are counties)
# a count of organisations is not one ("数百栋写字楼", "十余家企业")
_COUNTED = re.compile(r"^[数几十百千万两一二三四五六七八九\d]+[余多]?[栋家个座所名处套任届]")   # (十任村支书: ten in turn)


# the courts as a whole ("人民法院党建业务深度融合优秀案例"), no one of them: a court is named by its
# place (临安区人民法院, 临安法院)
_COURTS_AT_LARGE = frozenset({"人民法院", "人民法庭"})


_EXAMPLE_BEFORE = re.compile(r"(?:例如|比如|譬如)[，,]?$")
# the members a sentence lists ("下设…另有4个实体党支部，分别是A公司党支部，B公司党支部…"): parts of the unit, not it
_LIST_OPENS = re.compile(r"分别(?:是|为|有)[：:]?")
_LIST_WORD = "分别"   # in every opening: a text without it lists nothing (most texts)


def _listed(text: str, at: int) -> bool:
    """Whether the organisation at ``at`` is an item of a list its sentence opens with 分别是/分别为 before it."""
    opening = max(text.rfind(stop, 0, at) for stop in "。！？\n")
    return bool(_LIST_OPENS.search(text, opening + 1, at))
# the people who took the reporter round and whom they work for are not the subject
_ESCORT = re.compile(r"(?:陪同|带领记者|陪着记者|随同|领着记者)[^，。；]{0,10}?(?:是|为)?$")
_STAFF_AFTER = re.compile(r"的(?:干部|工作人员|负责人|同志|职工)")
_SENDS_AFTER = re.compile(r"(?:派来|派出|派驻|选派|下派|委派)")


def _after_name(body: str, c: "UnitCandidate") -> int:
    """Where the text goes on after a candidate's name — after its Party organisation's word where that follows it."""
    end = c.start + len(c.core)
    return end + len(c.party) if c.party and body.startswith(c.party, end) else end


@dataclass(frozen=True)
class UnitCandidate:
    core: str          # the organisation's name as written, place chain included
    short: str         # without its place chain (南湖区大桥镇由桥村 → 由桥村)
    start: int
    party: str         # the Party organisation written right after it ("" when none)


def candidates(text: str) -> list[UnitCandidate]:
    """Every organisation named in ``text``."""
    out: list[UnitCandidate] = []
    for m in _ORG_SCAN.finditer(text):
        if _TOWN_RE.match(text, m.end()) or (m.group(0) in TOWN_TYPES and text[m.end():m.end() + 1] in _ORG_FIRST
                                             and _ORG_RE.match(text, m.end())):
            continue    # 彭浦新村 + 街道, 大桥镇 + 由桥村: the longer name is the organisation
        if m.group(0) == "村" and text.startswith(("组", "民组", "民小组"), m.end()):
            continue    # "白城桥村邢家塬村组": a villagers' group of the village, named as its 村组, no organisation
        if m.group(0) in ("镇", "乡") and _names_division_after(text, m.start()):
            continue    # "云南镇雄的洪灾": 镇 begins the county 镇雄县 after its province, no town called 云南镇
        start = _left_edge(text, m.start(), m.end())
        if start is None and m.group(0).endswith(("综合", "联合")) and (d := _DOMAIN_PARTY_RE.match(text, m.start())) \
                and d.end() == m.end():
            start = m.start()   # "云和县成立了社会组织综合党委": a field's joint committee is named by the field alone
        if m.group(0) == "共产党员服务队" and (grid := _GRID_TEAM.search(text, max(0, m.start() - 40), m.start())):
            start = grid.start()   # "国家电网山西电力（晋城陵川）太行黎明共产党员服务队": State Grid's teams' full names
        if start is None and m.group(0).endswith("服务队"):
            start = _bracketed_name(text, m.start())   # "…“双满意”(沙县光明先锋)共产党员服务队": the team's own name
        if start is None:
            continue
        end = m.end()
        sub = None if _PARTY_RE.match(text, end) else _SUB_UNIT.match(text, end)
        if sub and not _BOUNDARY.match(sub.group(0)) and not any(ch in _STOP for ch in sub.group(0)):
            end = sub.end()
        core = text[start:end]
        # (a quoted proper name before the word keeps its quotes: “和风江岸”项目)
        quoted_name = m.group(0) == "项目" and _QUOTED_NAME.search(text, start, m.start()) is not None
        if not quoted_name:
            core = core.strip("“”\"")
        if core.count("“") != core.count("”") or "”“" in core:
            continue
        clause = None if quoted_name else _FUNCTION_WORD.match(core)
        if clause and (clause.end() == 2 and _named_with_he(core) or _he_after_place(core[:clause.end()])):
            clause = None   # 亿和精密工业: a name's first two characters, not one character joined to the rest
            #                 (湖南人和律师事务所: nor after a place's short name)
        if clause and start and text[start - 1] == "的":
            clause = None   # "克音河乡的向荣村": right after 的 no clause begins, the name does
        if clause and _division_across(core, clause.end()) < clause.end():
            clause = None   # "和静县巴音布鲁克镇": 和 begins the county's name, it joins nothing
        if clause and len(core) - clause.end() >= 2:    # "卫生健康局在全县乡镇卫生院": a clause, not a name
            core = core[_unsplit(core, clause.end()):]   # … but 和平医院 keeps its 和
        core = _LEADING_JUNK.sub("", core)
        if start and text[start - 1] == "旗" and core.startswith("下") and len(core) > 3:
            core = core[1:]     # "集团旗下浙江伟星实业…": 旗下 "under the group" is no banner (旗) and its 下
        if start and (text[start - 1].isdigit() or text[start - 1] in "这那每") and core[:1] in _MEASURE_FIRST:
            continue    # "“10万元村”实现全覆盖": a label counted in money or people, not a name ("这栋零星楼宇": a
            #             building pointed at, its measure word no name's first character)
        if _RICH_LABEL.fullmatch(core):
            continue    # "从“光腚屯”到“亿元村”": a village's income as its epithet, no village's name
        if text[m.start() - 1:m.start()] == "一" and _ONE_OF_AN_AREA.search(text, max(0, m.start() - 3), m.start()):
            continue    # "邯郸市丛台区一社区解决…": "a community of 丛台区", the headline's unnamed subject, no name
        if len(core) <= 4 and text[end - len(core) - 1:end - len(core)] == "以" and _LEADS.search(core[1:-1]):
            continue    # "以企带村", "以强带弱村": how the work goes, a slogan, not a village named 企带村
        if text[max(0, start - 2):start] in _REFERRED_BACK:
            continue    # "这个城郊社区离市区只有十几分钟车程": the unit described, referred back to, not named
        if _QUOTED_KIND.search(core):
            continue    # "宝鸡“四型”社区建设": a kind of community the city builds, not one community
        if len(core) == len(m.group(0)) + 1 and core[0] in _ONE_CHARACTER_NOT_A_NAME:
            continue    # "建联盟、搭平台", "这一联盟": a verb or a number before the organisation word, no name
        if m.start() - start >= 2 and _VERB_NOT_A_NAME.fullmatch(text, m.start() - 2, m.start()):
            continue    # "把加强党的领导和完善公司治理统一起来", "要深化医院改革": a verb before the organisation
            #             word makes it the verb's object, no name
        if start and text[start - 1:start + 1] == "党建":
            continue    # "“党建联盟”": Party building's alliance, cut after its 党, names no one
        if core[0] == "村" and start and text[start - 1] not in _STOP:
            continue    # "十里村变身富庶文明和谐村": begun on the 村 that ends a name before it, a clause, not a name
        if _ALL_OF_AN_AREA.match(core):
            continue    # "全市人民法庭", "全省优秀人民法庭": all of a kind in an area, no one organisation
        if core.startswith("最") or core.endswith("第一村"):
            continue    # "最北高寒林场", "最美社区", "南疆第一村": a superlative or an epithet describes an organisation,
            #             it does not name one
        if _IN_A_TITLE.search(text, max(0, start - 30), start) and _TITLE_CLOSES.match(text, end):
            continue    # "《中心城区联合执法进小区活动实施方案》": a document's title, not an organisation
        if _OUTLET_SITE.match(text, end):
            continue    # "人民政协网4月8日电", "来源：人民政协网": a news site's name, not an organisation written about
        if _NOT_UNIT.search(core) or _COUNTED.match(core) or _MINISTRY.match(core) or _KIND_ONLY.match(core) \
                or core[:1].isdigit() or core in _COURTS_AT_LARGE:
            continue
        # (the short name only now: the checks above read the name as written, and one candidate in thirteen stops
        # there; short_name reads the gazetteer for each new name)
        short = short_name(core)
        if len(short) < 2 or _GENERIC.match(short):
            continue
        if len(m.group(0)) == 1 and len(short) - 1 < 2 and not (start == 0 and _HEADLINE_COLON.match(text, end)) \
                and not (m.group(0) == "村" and core.endswith(short) and _TOWN_BEFORE.search(core[:-len(short)])) \
                and not (len(short) == 2 and short[0] not in _DEMONSTRATIVES and short[0] not in _ASKS_OF
                         and _PARTY_AFTER.match(text, end)
                         and (start == 0 or not _CJK.match(text[start - 1]) or text[start - 1] in "院校司")):
            continue    # 学科, 该局: a one-character organisation word needs a name of two characters, unless the
            #             village is written under its township (斑鸠店镇焦村), or the
            #             name heads the text before a colon ("代村：从欠下巨债到…") or its Party organisation
            #             follows, the name starting where a word does (我院外科党总支 — but not 该局党委, nor
            #             神经内科党支部 cut after 经)
        party = _PARTY_AFTER.match(text, end)
        out.append(UnitCandidate(core, short, start, party.group(0) if party else ""))
        # a department or branch written right after its parent organisation is named by both together
        # (长江大学化学与环境工程学院高分子材料与工程系): the joined name is a candidate too
        core_start = end - len(core)
        parent = next((p for p in reversed(out[:-1]) if p.start + len(p.core) == core_start
                       and _PARENT_ORG.search(p.core[-2:]) and text.startswith(p.core, p.start)), None)
        if parent is not None and len(parent.core) + len(core) <= 2 * MAX_NAME:
            joined = parent.core + core
            out.append(UnitCandidate(joined, short_name(joined), parent.start, out[-1].party))
    # a name the text shortens right after it, its Party organisation after the brackets ("山西焦煤西山煤电屯兰矿（下称
    # 屯兰矿）党委"): the short form ends the name, which no organisation word ends
    for a in _ALIAS.finditer(text):
        alias, at = _alias_of(a), a.start()
        if text.endswith(alias, 0, at) and not any(c.start + len(c.core) == at for c in out):
            start = _left_edge(text, at - len(alias), at)
            if start is not None and start < at - len(alias) and _CJK_RUN.fullmatch(text[start:at]):
                party = _PARTY_AFTER.match(text, a.end())
                out.append(UnitCandidate(text[start:at], short_name(text[start:at]), start, party.group(0) if party else ""))
    # a body known by its brand alone whose Party branch heads the headline ("数字旗美党支部：党员经营户亮牌子…"): the
    # headline's subject, though no organisation word names it
    if not out and (b := _BRAND_HEADLINE.match(text)) and not _GENERIC.match(b.group(1)):
        out.append(UnitCandidate(b.group(1), b.group(1), 0, b.group(2)))
    # a firm known by its brand alone, with its Party committee, where someone goes ("西城区委组织部走进美团党委"):
    # no organisation word names it, the verb and the Party word bound it
    for v in _BRAND_VISITED.finditer(text):
        if not any(c.start <= v.start(1) < c.start + len(c.core) for c in out) and not _GENERIC.match(v.group(1)) \
                and not _VERB_NOT_A_NAME.match(v.group(1)):   # "深入推进党委班子…": 深入 qualifies a verb there
            out.append(UnitCandidate(v.group(1), v.group(1), v.start(1), v.group(2)))
    return out


# a name inside a document's title: 《 opened before it and not closed, 》 after it in the same breath
_IN_A_TITLE = re.compile(r"《[^》\n]*$")
_TITLE_CLOSES = re.compile(r"[^《\n。]{0,30}》")
# a short form defined right after a name, quoted or bare: "（下称“第二党支部”）", "（以下简称三明中院）", "（下称屯兰矿）"
# (a bare one after 称 alone is too often a clause: it is taken quoted only)
_ALIAS = re.compile(r"[（(](?:以下|下文)?(?:简称|下称|称)[为:：]?"
                    r"(?:[“\"](?P<quoted>[^”\"（）()]{2,12})[”\"]|(?<=简称|下称)(?P<bare>[\u4e00-\u9fff]{2,12}))[）)]")


def _alias_of(m: re.Match) -> str:
    """The short form an ``_ALIAS`` match defines."""
    return m.group("quoted") or m.group("bare")


# (not an ordinal, "第九党支部：", nor a number alone; a brand may begin with one, "一汽党委：")
_BRAND_HEADLINE = re.compile(r"(?!第)(?![一二三四五六七八九十]+(?:党委|党总支|党支部))([\u4e00-\u9fff]{2,6}?)(党委|党总支|党支部)[：:]")
_BRAND_VISITED = re.compile(r"(?:走进|来到|走访|深入)([\u4e00-\u9fff]{2,4}?)(党委|党总支|党支部)")
_QUOTED_NAME = re.compile(r"“[\u4e00-\u9fff]{2,10}”$")
# State Grid names its Party members' service teams "国家电网 + province + 电力 + (city and county, or a brand) + name";
# GRID_COMPANY is the province's grid company that heads the name (``extract`` reads the team's place without it)
GRID_COMPANY = r"(?:国家电网|国网)[\u4e00-\u9fff]{2,8}电力(?:“[^”“]{1,8}”)?"
_GRID_TEAM = re.compile(GRID_COMPANY + r"[（(][\u4e00-\u9fff]{2,12}[）)](?:[\u4e00-\u9fff]{0,8}|“[^”“]{1,8}”)$")
_BRACKETED_TEAM = re.compile(r"[（(]([\u4e00-\u9fff]{2,10})[）)]$")


def _bracketed_name(text: str, type_start: int) -> int | None:
    """Where a team's own name in brackets right before its organisation word begins ("(沙县光明先锋)共产党员服务队",
    the brand it serves under written before it); None when no bracketed name stands there."""
    m = _BRACKETED_TEAM.search(text, max(0, type_start - 12), type_start)
    return m.start() if m else None


def _left_edge(text: str, type_start: int, type_end: int) -> int | None:
    """Where the name whose organisation (or place) word spans ``type_start:type_end`` begins; None when no
    proper name precedes the word."""
    window_start = max(0, type_start - MAX_NAME)
    window = text[window_start:type_start]
    # a quoted proper name right before the word ("“和风江岸”项目", "“光谷之星”项目") is the name whole, whatever its
    # characters read as; the firm written right before it is the project's own (海建集团“和风江岸”项目)
    if text.startswith("项目", type_start) and (quoted := _QUOTED_NAME.search(window)):
        q = quoted.start()
        owner = next((m for m in _ORG_RE.finditer(window, 0, q) if m.end() == q), None)
        if owner is not None and (outer := _left_edge(text, window_start + owner.start(), window_start + q)) is not None:
            return outer
        return window_start + q
    # an ordinal is part of a name (第1人民医院: normalisation writes 第一 with a digit); other digits end it
    # … and so is a house number of an address that names an estate (临汾路99弄小区, 长江路8号院)
    # … and so is a works section's number (环线北段4标项目党支部)
    # … and so is a road's number in a project's name (乐西高速S1总包部)
    # … and so is an estate's brand number (阳光100社区, named after the 阳光100 estate)
    # (each of the five holds a digit: most windows hold none and need no scan)
    digits = _DIGIT.search(window) is not None
    ordinal = {i for pattern in (_ORDINAL, _HOUSE_NUMBER, _SECTION_NUMBER, _ROAD_NUMBER)
               for m in pattern.finditer(window) for i in range(m.start(), m.end())} if digits else set()
    if digits and text.startswith(_ESTATE_WORDS, type_start) and (brand := _BRAND_NUMBER.search(window)):
        ordinal.update(range(brand.start(), brand.end()))
    # … and so is the place a company's name gives in brackets (亿和精密工业(威海)有限公司)
    company = _COMPANY_WORD.match(text, type_start) is not None
    if (company or text.startswith(_FIRM_WORDS, type_start)) and (m := _BRACKETED_PLACE.search(window)):
        ordinal.update(range(m.start(), m.end()))
    # … also where the company's trade follows the brackets (费森尤斯卡比（南昌）医疗器械有限公司): then only a
    # country or a division's name in them, so that a gloss or a note before a firm's name does not join it
    elif company and ("（" in window or "(" in window) and (m := _BRACKETED_PLACE_INSIDE.search(window)) and (
            m.group(1) == "中国" or gazetteer().codes_named(m.group(1))):
        ordinal.update(range(m.start(), m.end()))
    # … and so is an abbreviation in Latin letters glossing the words before it (中央商务区（CBD）商会)
    if (m := _BRACKETED_ACRONYM.search(window)) is not None:
        ordinal.update(range(m.start(), m.end()))
    cut = _last_stop(window, ordinal)
    if cut >= 0 and window[cut].isdigit() and window[cut + 1:cut + 2] in _DATE_UNITS:
        cut += 1        # "5月12日宝山村": the date's 日 goes with its digits
        if window[cut] in "年月" and window[cut + 1:cut + 2] in _DATE_EDGES:
            cut += 1    # … and so does the 底 of "2024年底小区成立了业委会" (the end of the year, no estate's name)
    window, window_start = window[cut + 1:], window_start + cut + 1
    if not window:
        return None     # the word right after a stop ("。公司"): no name precedes it (one window in six)
    named = text[window_start:type_end + 1]
    places = [pm for pm in _PLACE_RE.finditer(window) if pm.end() < len(window) and cut + 1 + pm.start() not in ordinal
              and not _begins_division(named, pm.start())]   # (苏州 of 越海全球物流（苏州）有限公司 is inside the name)
    if places and _gap_breaks(window[places[-1].end():]):
        places = []     # "武昌区中北路上的长城汇写字楼", "烟台市推行村…": the place is not part of the name
    if places:
        # the place word right before bounds the proper name; the place's own name runs back the same way
        place = places[-1]
        outer = _left_edge(text, window_start + place.start(), window_start + place.end())
        return outer if outer is not None else window_start + place.end()
    # the organisation word goes with the window so that a word joining two subjects of its name is seen as such
    # (能源与材料 + 系); a boundary word found inside the organisation word itself does not count
    tail = text[type_start:type_end]
    cut = _boundary_end(window + tail)
    cut = _unsplit(window, cut if cut <= len(window) else _boundary_end(window))
    if cut == len(window) and cut > 1 and window[-1] in _ADVERBS and tail in _PLACE_UNITS:
        cut = _boundary_end(window[:-1])   # "平山县的南文都村": no adverb stands right before 村, it ends the name
    if 0 < cut <= len(window) and window[cut - 1] in _TIME_AFTER and (cut == 1 or _boundary_end(window[:cut - 1]) == cut - 1):
        cut -= 1        # "是后陈村", "会上，后陈村": 后 right after another boundary begins the name, not "after"
    if 0 < cut < len(window):
        cut = _division_across(window + tail, cut)   # "本报百色讯　那坡县…": 那 begins 那坡县, it points at nothing
    if cut == 2 and _named_with_he(window):
        cut = 0         # "亿和精密工业…": one character at a clause's start is no subject for 和 to join
    elif cut >= 4 and _he_after_place(window[(prior := _boundary_end(window[:cut - 2])):cut]):
        cut = prior     # "湖南人和律师事务所": nor does one after a place's short name (湖南 + 人和), a firm's own
    if cut == len(window) and window[cut - 1:] == "里" and window[cut - 2:cut - 1] in _DIRECTIONS \
            and text[type_start:type_end] in _ESTATE_BODIES:
        cut = _boundary_end(window[:cut - 2])   # 红莲中里社区, 佳园北里社区: 里 is a lane's name, not "in"
    elif cut == len(window) and window[cut - 1:] == "里" and (place := _place_ending(window)) is not None:
        cut = place     # "满洲里边检站": 里 ends the city's name (满洲里), not "in"
    elif cut == len(window) and window[cut - 1:] == "里" and text.startswith(_FORESTRY_UNITS, type_start) \
            and (place := _place_ending(window[:-1], weak=True)) is not None and place < len(window) - 2:
        cut = _boundary_end(window[:place])   # "兴安里林场": 里 after a place's name names the farm, not "in"
    if cut >= 2 and len(window) - cut == 1 and tail in _PLACE_UNITS and window[cut - 2] == "的" \
            and window[cut - 1] in "向于由从":
        cut -= 1        # "克音河乡的向荣村": after 的 no preposition stands; it begins the village's name
    if cut == 1 and window[0] == "里":
        cut = 0         # "——里高青花梨协会": 里 opening a clause follows no place it could be "in"; it begins the name
    if 0 < cut <= len(window) and window[cut - 1] == "和" and _DEPARTMENT_AND_RE.match(window + tail, cut - 1):
        cut = _boundary_end(window[:cut - 1])     # 人力资源和社会保障局: the field before 和 is part of the name
    name = _after_last_verb(window[cut:], tail, bool(_POST.match(text, type_end)))
    if len(name) < 2 and tail in ("村", "嘎查") and (town := _TOWN_THEN_NAME.search(window, cut)):
        # "沈洋镇翻身村", "群科镇安达其哈村": right after a town's name comes a village's, whatever its words read as
        # (翻身 "turn over", 其 "its"); the town's own name is read as any name is
        head = _after_last_verb(window[cut:town.end()])
        if len(head) >= 3:
            name = head + town.group("name")
    if 0 < len(name) < len(window) - cut:
        name = window[_division_across(window + tail, len(window) - len(name)):]   # (那坡县: 那 read as a word)
    if (bank := _BANK_OR_FOOT.search(name)) and len(name) - bank.end() >= 2:
        name = name[bank.end():]   # "白龙江畔城马村", "贺兰山下昊苑村": a river's bank or a mountain's foot is where
        #                            the village lies, not its name
    # a state group's short name begins its companies' names (山东高速日照发展有限公司): 高速 reads as an adverb
    group = _group_begins(window, len(window) - len(name)) if company else None
    if group is not None:
        name = window[group:]
    quoted = name.lstrip("“\"")
    if not quoted.strip("”\""):
        return None
    start = type_start - len(name)
    if start == window_start and window_start > 0 and text[window_start - 1] not in _STOP:
        # the window cut a long name: a department written after its parent (长江大学化学与环境工程学院 +
        # 高分子材料与工程系) begins after the parent's organisation word; ``candidates`` joins the two
        parents = list(_PARENT_ORG.finditer(window))
        if parents and parents[-1].end() < len(window):
            return window_start + parents[-1].end()
    return start


# the last river's bank or mountain's foot in a name (a mountain's own name before 山: "山下湖镇" is a town's name)
_BANK_OR_FOOT = re.compile(r"(?:畔|(?<=[\u4e00-\u9fff])山(?:脚)?下)(?!.*(?:畔|山脚?下))")


# a town's name and a village's right after it, up to the village word ("沈洋镇翻身" + 村); no clause's word in it
_TOWN_THEN_NAME = re.compile(r"(?:镇|乡|苏木)(?=(?P<name>[^\W\d的了在到进去和与及等各全本该这那每]{2,4})$)")


def _division_across(named: str, cut: int) -> int:
    """``cut`` moved left by the one or two characters a county's or a city's full name begins with, where the
    boundary word found there (那, 和, 于 …) is the first character of that name ("那坡县城厢镇", "和静县"); else
    ``cut``. ``named``: the window and the organisation or place word after it."""
    for k in (1, 2):
        if cut - k >= 0 and any(m[0] == 0 and (m[2].full or (cut == k and not m[2].weak))
                                for m in gazetteer().mentions(named[cut - k:cut + 4])):
            return cut - k   # (a short name only where it opens the clause: "从化城郊司法所：…" is 从化's)
    return cut


def _place_ending(window: str, weak: bool = False) -> int | None:
    """Where a place name that ends ``window`` begins, as the gazetteer lists it (a weak one, an ordinary word too,
    only when ``weak``); None when none does."""
    tail = window[-6:]
    for s, e, surface in gazetteer().mentions(tail):
        if e == len(tail) and (weak or not surface.weak):
            return len(window) - len(tail) + s
    return None


def _last_stop(window: str, kept: set[int]) -> int:
    """Where the last character of ``window`` that ends a name stands, ``kept`` positions aside (-1 when none).
    (One regex from the right instead of a Python loop over every character: it was a tenth of ``_left_edge``.)"""
    end = len(window)
    while m := _LAST_STOP.match(window, 0, end):
        at = m.end() - 1
        if at not in kept:
            return at
        end = at
    return -1


def _group_begins(window: str, name_at: int) -> int | None:
    """Where, before ``name_at``, a state group's short name begins that runs on into the name with nothing between
    that no name holds (a verb, 的: "中国移动支持某某科技有限公司" is another firm): the name's true start."""
    for m in _group_names().finditer(window, 0, name_at):
        if _CJK_RUN.fullmatch(window[m.start():name_at]) and not _gap_breaks(window[m.end():name_at]):
            return m.start()
    return None


@lru_cache(maxsize=2)
def _group_names(shortest: int = 3) -> re.Pattern:
    """The state groups' names and short names (data/central_enterprises.yaml, longest first) of ``shortest``
    characters or more: ``_group_begins`` leaves out the two-character ones, 中铁 or 国网, words jieba keeps whole."""
    from .industry import state_group_names
    return re.compile("|".join(re.escape(n) for n in state_group_names() if len(n) >= shortest))


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_LAST_STOP = re.compile(".*[" + "".join(re.escape(ch) for ch in sorted(_STOP)) + "]", re.S)
_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"第\d{1,2}(?=[\u4e00-\u9fff])")
_BRACKETED_PLACE = re.compile(r"(?<=[\u4e00-\u9fff])[（(][\u4e00-\u9fff]{2,4}[）)]$")
_BRACKETED_PLACE_INSIDE = re.compile(r"(?<=[\u4e00-\u9fff])[（(]([\u4e00-\u9fff]{2,4})[）)](?=[\u4e00-\u9fff]{2,8}$)")
_BRACKETED_ACRONYM = re.compile(r"(?<=[\u4e00-\u9fff])[（(][A-Z]{2,6}[）)]$")
# firms that write the place of a branch in brackets inside their name (湖南人和（加查）律师事务所), as companies do
_FIRM_WORDS = ("律师事务所", "事务所")
_COMPANY_WORD = re.compile(r"有限(?:责任)?公司|公司|集团|共产党员服务队|(?:矿业|煤业|石化)(?=党)")
_LEADS = re.compile(r"[带帮促扶]")
_HOUSE_NUMBER = re.compile(r"(?<=[路街巷道])\d{1,4}(?=弄|号院)")
_SECTION_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])\d{1,2}标(?![准志签语杆题兵识记])|"
                             r"(?<=地铁|轨道|轻轨)\d{1,2}号线")   # … and a metro line's (无锡地铁5号线项目部)
# … and a road's number in a project's name (乐西高速S1总包部, G75兰海高速): a capital letter and its digits
_ROAD_NUMBER = re.compile(r"(?<![A-Za-z0-9])[A-Z]\d{1,4}(?=[\u4e00-\u9fff]|$)")
# (two name characters before it: "共有100社区" counts communities, and a name that begins with digits is refused)
_BRAND_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff]{2})\d{2,4}$")
_ESTATE_WORDS = ("社区", "小区")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_HEADLINE_COLON = re.compile(r"[：:]")
# organisations whose departments and branches are named right after them
_PARENT_ORG = re.compile(r"大学|学院|学部|医院|中学|公司|集团|研究院")


def _begins_division(window: str, pos: int) -> bool:
    """Whether a place word at ``pos`` is the first character of a division's name (镇江市, 镇雄县, 州 of 州府 is
    not), so that "镇江市民政局" is not read as a town called 江市民政."""
    return _begins_division_name(window[pos:pos + 5])


@lru_cache(maxsize=4096)
def _begins_division_name(head: str) -> bool:
    """``_begins_division`` for the place word that begins ``head``, read up to four characters of a name and the
    one after it. (Cached: more than half of the calls repeat a place word another window read, each time with the
    gazetteer's look-ups.)"""
    g = gazetteer()
    for k in (2, 3, 4):
        name = head[:k]
        if len(name) < k:
            break
        if any(g.division(c) and g.division(c).name.startswith(name) for c in g.codes_named(name)):
            follows = head[k:k + 1]
            if name[-1] in "市县区旗州盟" or follows in ("市", "县", "区", "旗", "州", "盟"):
                return True
    return False


def _names_division_after(text: str, pos: int) -> bool:
    """Whether the town word at ``pos`` begins a division named right after a division above it ("云南镇雄",
    "河北乡宁" read as province + county, with or without the county's suffix)."""
    g = gazetteer()
    before = [x for s, e, x in g.mentions(text[max(0, pos - 4):pos]) if e == min(4, pos) and not x.weak]
    if not before:
        return False
    for k in (2, 3):
        name = text[pos:pos + k]
        for full in (name, *(name + suffix for suffix in "县市区旗")):
            if any(g.division(c) and g.division(c).name.startswith(name) for c in g.codes_named(full)):
                return True
    return False


def _boundary_end(window: str) -> int:
    """Where the last word before a name ends. The greedy match finds the word that starts last, which may sit
    inside a longer one ("离不开" holds 不), so a word starting a little earlier that ends later wins."""
    b = _BOUNDARY.match(window)
    if not b:
        return 0
    end = b.end()
    for start in range(max(0, end - 4), end):
        w = _BOUNDARY_WORD.match(window, start)
        if w and w.end() > end:
            end = w.end()
    return end


def _unsplit(window: str, cut: int) -> int:
    """``cut`` moved back when the one-character word it follows is part of a word that runs on into the name
    (和 of 和平医院, 里 of 塔里木大学, 同 of 同心社区): the name starts where that word starts, or before."""
    for _ in range(3):
        if not 0 < cut <= len(window) or window[cut - 1] not in _ONE_CHARACTER_BOUNDARIES:
            return cut
        if window[cut - 1] in _JOINERS and window[:cut - 1].endswith(_ORG_ENDS):
            return cut      # "龙山街道和龙山社区": after an organisation's word, 和 joins two of them (not 和龙) —
            #                 but 经 of "农村经济经营管理中心" joins nothing
        freq = tokenizer().dt.FREQ     # as _after_last_verb reads it: the user dictionary kept up to date
        start = _word_across(window, cut, freq)
        if start is None and (len(window) - cut <= 1 and window[cut - 1] in _ADVERBS or window[cut - 1] == "和"):
            # one character or none left for the name: the adverb or joining word ends a word of the name (大都 of
            # 海亮大都汇, 共同 of 共同村); 和 ending a word is no "and" whatever follows (祥和家园居民区, 协和医院)
            start = next((a for a in range(max(0, cut - 3), cut - 1) if freq.get(window[a:cut], 0) >= WORD_FREQ), None)
        if start is None:
            return cut
        cut = _boundary_end(window[:start]) if start > 0 else 0
    return cut


def _word_across(window: str, cut: int, freq: dict[str, int]) -> int | None:
    """Where the first common word (``WORD_FREQ``) begins that starts up to three characters before ``cut`` and runs
    on up to three characters past it; None when none does. (jieba's ``FREQ`` holds every prefix of its words, at
    0: a string it lacks begins no word, and the longer ones from the same start are not looked up: some half of
    the look-ups of fresh strings in a dictionary of 500,000.)"""
    for a in range(max(0, cut - 3), cut):
        for b in range(cut + 1, min(len(window), cut + 3) + 1):
            f = freq.get(window[a:b])
            if f is None:
                break
            if f >= WORD_FREQ:
                return a
    return None


_ONE_CHARACTER_BOUNDARIES = frozenset(w for w in re.findall(r"[\u4e00-\u9fff]+", _BOUNDARY_WORDS) if len(w) == 1)
_TIME_AFTER = frozenset("后前")   # one-character boundaries that say when ("会后", "节前")
_PRONOUNS = "我你他她它咱您俺该本其这那此每各"
_LEVELS = "省市县区镇乡村街"
_DIRECTIONS = frozenset("东西南北中")   # the 东里, 中里 … of a lane's name
_FORESTRY_UNITS = ("林场", "农场", "牧场", "苗圃", "经营所", "管护站")


def _named_with_he(text: str) -> bool:
    """Whether ``text`` begins with one character and 和 that are a name's first two (亿和, 协和), not a pronoun or a
    level joined to what follows (我和, 市和区)."""
    return text[1:2] == "和" and text[:1] not in _PRONOUNS + _LEVELS


def _he_after_place(prefix: str) -> bool:
    """Whether ``prefix`` is a place's short name, then a name's first character and 和 (湖南 + 人和 of
    湖南人和律师事务所): the 和 is the firm's name, not "and"."""
    return len(prefix) >= 4 and _named_with_he(prefix[-2:]) and bool(gazetteer().codes_named(prefix[:-2]))


_ORG_ENDS = ("街道", "社区", "村", "镇", "乡", "公司", "局", "委", "会", "院", "校", "厂")
_JOINERS = frozenset("和与及同跟")
_MEASURE_FIRST = frozenset("万亿元千百个名户人家座栋幢所支批类项")   # (7栋零星楼宇: seven buildings, no name)
# a division's name, then 一 and the organisation word: "a community (village, firm) of that place" (but 建设一社区,
# 新村一社区 are numbered names: 一 after no division's suffix)
_ONE_OF_AN_AREA = re.compile(r"(?:省|市|区|县|旗|州|镇|乡|街道)一$")
_RICH_LABEL = re.compile(r"[十百千万亿]+元(?:村|社区)")
_ACTS = re.compile(r"(?:把|被|给|让|借)|有(?=[近约多数几十百千万两一二三四五六七八九不\d])")
_COUNT_IN_GAP = re.compile(r"[\d数几十百千万两一二三四五六七八九][余多]?[个家座栋所名处]")
_DATE_UNITS = frozenset("年月日号")   # written right after a date's digits
_DATE_EDGES = frozenset("底初末")      # … and after a year's or a month's unit: its end or its start (年底, 月初)
_ADVERBS = frozenset("都就更又也还才只再同")
WORD_FREQ = 50    # how common a dictionary word must be to hold a name together across a boundary character


def _gap_breaks(gap: str) -> bool:
    """Whether the text between a place word and an organisation word holds something no name holds (的, a verb)
    — prepositions such as 由 may well be a name's first character (由桥村)."""
    if "的" in gap or "了" in gap or _PARTY_RE.search(gap):
        return True     # "宫河镇党委以彭姚川村…": the town's Party committee acts, the village is not named after it
    if "被" in gap or _GOES_TO_RE.search(gap):
        return True     # "街道干部胡文法被派回村": a passive or a going-to ends whatever the place began
    if _RENAMED_OR_UNDER.search(gap):
        return True     # "…中心医院转型为暨南大学附属第六医院", "…街道办事处辖下崇安社区": a new name, a body under it
        #                 (and "南华社区有个地方叫玉腰冲村": what a place there is called, its own name)
    if _ACTS.match(gap) or _COUNT_IN_GAP.search(gap):
        return True     # "…集聚区把“江城红领驿站”设在…", "市北区有近百个商务楼宇", "沙洲街道借莲花北苑社区党群服务中心…":
        #                 the place acts or is counted in
    return any(f[:1] == "v" and f != "vn" and len(w) >= 2 and w not in _NAME_VERBS for w, f in _words(gap))


# (each alternative written out whole, so that every one begins with a character re can skip ahead to)
_RENAMED_OR_UNDER = re.compile(r"转型为|更名为|改名为|改制为|升格为|改为|成为|辖下|下辖|所辖|管辖|旗下|下属|地方叫|名叫|叫做")
# verbs that belong in organisations' names (供电公司, 调解委员会, 监督委员会 …)
_NAME_VERBS = frozenset("供电 变电 发电 配送 监督 管理 服务 调解 建设 发展 投资 控股 审批 执法 检验 检测 维修 运维 工作 合作 登记 露天 "
                        "联合 综合 培训 孵化 救助 养老 保障 交易 物流 速递 快递 运输 营销 治理 办事 便民 社会工作 志愿 "
                        "输电 送电 配电 检修 供水 供气 运营 施工 勘察 设计 监理 采油 炼油 作业 安装 调度 营业 "
                        "采购 销售 批发 零售 生产 制造 加工 开发 经营 研发 咨询 租赁 贸易 印刷 养殖 种植 显示 照明 外卖 "
                        "收购 收储 "
                        # … and the verbs communities and villages are named after (奋斗社区, 胜利村, 团结村)
                        "奋斗 胜利 团结 前进 解放 跃进 振兴 复兴".split())
_PLACE_UNITS = frozenset(("村", "社区", "嘎查", "居委会", "村委会"))
_POST = re.compile(r"支书|书记|主任|委员|会计|文书|干部|党支部书记|第一书记|两委")
_DEMONSTRATIVES = frozenset("该本其这那此每各我你他她它某哪")
# a verb or a preposition that takes a body as its object ("请村党总支书记出任…", "由村党支部牵头"): no one-character
# name of a village
_ASKS_OF = frozenset("请让由把给被向对从到在为叫派")
_ORG_WORDS = frozenset("班 科 部 站 所 队 组 中心 车间 工区 公司 分公司 集团 有限公司 委员会 协会 医院 学校 驿站 局 厅 署".split())


@segmented   # (cleared when the user dictionary changes)
@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part of speech) with our user dictionary, dictionary words only (no HMM guessing: fast, and a name
    jieba does not know stays in single characters, which read as neither verbs nor pronouns)."""
    tokenizer()
    return tuple((p.word, p.flag) for p in jieba_posseg().cut(text, HMM=False))


@segmented   # (cleared when the user dictionary changes)
@lru_cache(maxsize=8192)
def _after_last_verb(name: str, tail: str = "", post_follows: bool = False) -> str:
    """The name after the last verb, preposition or pronoun in it ("热线工单直派" → ""; "兖州联诚机械" stays);
    ``tail`` is the organisation word that follows the name."""
    if len(name) <= 1:
        return name
    words = _words(name)
    freq = tokenizer().dt.FREQ
    # where a road's number begins (乐西高速S1总包部): found once for the name, not tried after every word
    roads = {m.start() for m in _ROAD_NUMBER.finditer(name)}
    cut = 0
    pos = 0
    for i, (w, f) in enumerate(words):
        pos += len(w)
        if "某" in w:       # 某村, 某公司: a name kept anonymous is still a name
            continue
        if (words[i + 1][0] if i + 1 < len(words) else tail) in _ORG_WORDS and w not in _GOES_TO:
            continue        # 输电班, 调解委员会, 发展统筹+中心: a verb that names what the organisation does
        if w == "与" and _SUBJECT_JOINED.match(name + tail, pos):
            continue        # 能源与材料系: two subjects joined in a department's name
        if w == "和" and _DEPARTMENT_AND_RE.match(name + tail, pos - 1):
            continue        # 人力资源和社会保障局: two fields joined in a government department's name
        if i == 1 and w == "和" and len(words[0][0]) == 1 and _named_with_he(name):
            continue        # 亿和精密工业: one character is no subject for 和 to join, it begins the name
        if w == "和" and _he_after_place(name[:pos]):
            continue        # 湖南人和律师事务所: nor is one after a place's short name (湖南 + 人和)
        if pos in roads:
            continue        # 乐西高速S1总包部: a road and its number name a project (高速 is no adverb there)
        if w in ("结合", "融合") and name[:pos - len(w)].endswith(("医", "医养", "产教", "军民")):
            continue        # 中西医结合医院, 医养结合中心: the joining is the organisation's kind, not a clause's verb
        if i == 0 and f[:1] == "p" and len(name) == len(w) + 1 and tail in _PLACE_UNITS:
            continue        # 向荣村 (克音河乡的向荣村): a preposition with one character after it begins a village's name
        if w == "根" and f[:1] == "p":
            continue        # 格根塔拉供电所: jieba tags a lone 根 as a preposition (short for 根据), which it never is
            #                 on its own; in a name it is a name's character
        if w == "何" and i + 1 < len(words):
            continue        # 何桥村: a lone 何 with more of the name after it is the surname villages are named
            #                 after (the pronoun comes in words, 如何, 为何, 任何)
        if i == len(words) - 1 and w == "地" and tail:
            continue        # 六户地村: 地 right before the organisation word ends a name (the particle 地 comes
            #                 before a verb, never before 村 or 公司)
        if i == len(words) - 2 and w == "地" and tail and len(words[i + 1][0]) == 1 and i > 0 \
                and words[i - 1][1][:1] in ("n", "j"):
            continue        # 南京地调中心: 地 and one character before the organisation word are a short form
            #                 (地质调查), not an adverb and its verb
        if len(words) == 1 and len(w) >= 2 and f[:1] == "d" and tail in _PLACE_UNITS:
            continue        # 共同村: a village named by one adverb (a verb there is more often the clause's: 深入社区)
        if i == len(words) - 1 and len(w) == 1 and f[:1] in ("r", "p") and w not in _DEMONSTRATIVES \
                and not post_follows:
            continue        # 任 of 藕池任村, 顺 of 新顺社区: only a demonstrative (该村, 本村) stands for a name right
            #                 before its word (prepositions that do, 在村 or 到社区, end the words before the name
            #                 earlier) — or 任 "serves as" when a post follows (彭育晚任村支书)
        if f[:1] == "v" and i + 1 < len(words) and (words[i + 1][0] in _TOPONYM_ENDS or words[i + 1][0] == "点"):
            continue        # 下马崖, 卧牛山, 回龙湾: a verb with a landform after it is a place's own name; 安置点小区,
            #                 示范点: with 点 after it, a site's
        # a rare "verb" (引航) or a single character read as one (联诚) is more likely part of a proper name
        common = freq.get(w, 0) >= 300 and (len(w) >= 2 or f[:1] in ("p", "c", "r", "u"))
        # … but a headline's verb with its result, however rare (撑起, 蹚出, 唱响, 筑牢), is never part of a name
        common = common or (len(w) == 2 and f == "v" and w[1] in _RESULT_COMPLEMENTS)
        # … and so is a one-character verb with its result 好 (写好, 办好, 管好), which jieba writes as two words
        # (… or with another result, 筑牢, which jieba writes as 筑 + 牢)
        done_well = (w == "好" or w in _RESULT_COMPLEMENTS or w in _UNDERSTOOD) and i > 0 \
            and len(words[i - 1][0]) == 1 and words[i - 1][1] == "v"
        done_well = done_well or (len(w) >= 3 and f[:1] in ("v", "l") and w.endswith(_UNDERSTOOD_ENDS))   # (搞清楚)
        # … and so is the word the adverbial particle 地 leads to (针对性地指导石渠县人民医院: 指导, tagged a noun)
        led = i > 0 and words[i - 1] == ("地", "uv") and len(w) >= 2 and i + 1 < len(words)
        if (f[:1] in ("v", "p", "c", "r", "d", "u") and f != "vn" and w not in _NAME_VERBS and common) \
                or w in ("的", "了") or w in _GOES_TO or done_well or led \
                or (w in ("助", "受", "借") and f == "v" and pos > 2):
            cut = pos   # (林下经济助小黑垡村脱贫, 王联春受海南大学党委委托, 沙洲街道借莲花北苑社区党群服务中心改造的机会)
    # … whether or not the dictionary holds the word (派回 is read as 派 + 回, 搭上联村 as 搭 + 上联 + 村)
    # (a body named after the aid it gives, …帮扶 + 中心, keeps that word: only what comes before it is read)
    if last := _LAST_BEFORE_A_NAME.match(name[:-2] if name.endswith(tuple(_AIDS_ONE)) else name):
        cut = max(cut, last.end())
    for m in _RENAMED_OR_UNDER.finditer(name):      # (…辖下崇安社区, …转型为…医院)
        cut = max(cut, m.end())
    return name[cut:]


_RESULT_COMPLEMENTS = frozenset("起出亮响就牢密")
# … and a verb's "made clear" (弄明白, 搞清楚, 讲透), which jieba may read as a name (明白 as a surname and name)
_UNDERSTOOD = frozenset(("明白", "清楚", "透"))
_UNDERSTOOD_ENDS = tuple(w for w in _UNDERSTOOD if len(w) == 2)   # (… ending a longer word: 搞清楚)
# the landforms that end a place's own name
_TOPONYM_ENDS = frozenset("崖岭沟坡湾屯铺岗坪峪堡寨坝滩洼嘴垭")
# going somewhere, however rare the word or however jieba tags it (前往 as a time word, 赶往 as an adverb): the place
# gone to is named after it ("赶往乌兰布鲁克村")
_GOES_TO = frozenset("赶往 前往 奔赴 赶赴 去往 来到 走进 赶到 直奔 回到 进驻 驻扎 扎根 派回 调回 返回 派驻 下派 选派 传回 送回 发回 传到 送往 发往 "
                     "带进 带到 带回 请进 搬进 "   # (… and a thing brought there: "把满绣带进钱家沟村")
                     "送进 住进 转到 转往 转进 曾获 荣获 获评 获颁 调研 考察 视察 蹲点".split())   # (… and an honour won from a body: 曾获国家电网…)
# joining up with another (玉山村搭上联村党总支的快车: the village rides the joint branch's train)
_JOINS_UP = frozenset("搭上 赶上 跟上 牵手 结对 对接".split())
# singling one out of many ("乡里名气最大的要数杜坑村"): the name follows; jieba reads 要数 as a noun
_SINGLES_OUT = frozenset("要数 当数 当属 首推 首数".split())
# the last of them in a name, by one regex from the right (not a search for each word): all are two characters
# long, so the one that begins last ends last
# aiding another ("热科院开始定点帮扶拥处村"): the one aided is named after it
_AIDS_ONE = frozenset(("帮扶",))
# a headline's work helping a place along ("电商助推李家村", "党建赋能青山村"; 赋能 is read as 赋 + 能, 助力 as a noun):
# the one helped is named after it (the one-character 助, and 受 "by", in the loop of ``_after_last_verb``)
_HELPS_ALONG = frozenset("助力 助推 赋能".split())
# carrying out another's decisions ("环庆采油厂坚决执行油田公司党委的部署", jieba reads 坚决执行 as one idiom): the body
# whose decisions are carried out is named after it, the one carrying them out before it
_CARRIES_OUT = frozenset("执行 贯彻 落实 紧扣 响应 服从".split())
_BEFORE_A_NAME = _GOES_TO | _JOINS_UP | _SINGLES_OUT | _AIDS_ONE | _HELPS_ALONG | _CARRIES_OUT
assert {len(w) for w in _BEFORE_A_NAME} == {2}
_LAST_BEFORE_A_NAME = re.compile(".*(?:" + "|".join(sorted(_BEFORE_A_NAME)) + ")", re.S)
_GOES_TO_RE = re.compile("|".join(sorted(_GOES_TO)))
# the residents' body named after its estate (祥和家园 → 祥和家园居民区): the text speaks of one organisation
_ESTATE_BODIES = frozenset(("居民区", "居委会", "社区"))
_PLACE_ELEMENT = (r"[\u4e00-\u9fff]{1,7}?(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|"
                  r"省|(?<!超)市|盟|县|(?<![社小校景厂园片矿营])区(?!域)|旗(?![镇乡])|街道|(?<=[\u4e00-\u9fff]{2})办事处|镇|乡|苏木)(?=[\u4e00-\u9fff“]{2})")
_LEADING_PLACE = re.compile(r"^(?:中共)?(?:" + _PLACE_ELEMENT + ")+")
_PLACE_ELEMENT_RE = re.compile(_PLACE_ELEMENT)


_PLACE_UNIT_END = re.compile(r"(?:村|嘎查|社区|居委会|村委会|居民区|乡|镇|苏木|街道)$")


def without_party(name: str) -> str:
    """A name without the Party organisation it ends with (由桥村党委 → 由桥村); a bare 党委 stays."""
    if not name.endswith(PARTY):
        return name     # (most names: one C call instead of a generator over the Party words)
    return next((name[:-len(p)] for p in PARTY if name.endswith(p) and len(name) > len(p) + 1), name)


# a short name that only its place makes a name: 来宾市人民医院 and 金秀瑶族自治县人民医院 are two hospitals
_NAMED_BY_PLACE = re.compile(r"(?:第[一二三四五六七八九十\d]+)?(?:人民|中心|中医|中西医结合|妇幼保健)?(?:医院|法院|检察院)|"
                             # a trade's association, or a mass organisation, of each city or county (佳木斯市个体私营
                             # 企业协会 and 鹤岗市个体私营企业协会 are two bodies)
                             r"(?:个体私营企业|个体劳动者|私营企业|个私|律师|消费者|工商业)(?:协会|联合会)|总工会|妇联|科协|工商联")


def _other_place(longer: str, shorter: str, short: str) -> bool:
    """Whether two names of one short name that only a place makes a name (人民医院) are written with different
    places: neither's place part holds the other's."""
    if not _NAMED_BY_PLACE.fullmatch(short) or not (longer.endswith(short) and shorter.endswith(short)):
        return False
    a, b = longer[:-len(short)], shorter[:-len(short)]
    return bool(a and b) and b not in a and a not in b


@lru_cache(maxsize=4096)    # (a text names its organisations again and again: a third of the calls repeat one)
def short_name(name: str) -> str:
    """A name without its leading place chain and its Party organisation (南湖区大桥镇由桥村党委 → 由桥村); places
    inside a company's name stay (国网甘肃省电力公司兰州供电公司)."""
    name = without_party(name)
    m = _LEADING_PLACE.match(name)
    rest = name[m.end():] if m else name
    if m and _PLACE_UNIT_END.fullmatch(rest):
        # the last "place" was the community's own name (北城新区社区: 北城新区 is no district): keep it
        last = [x for x in _PLACE_ELEMENT_RE.finditer(name) if x.end() <= m.end()]
        if last and last[-1].group(0).endswith("区"):   # (经二路街道社区 is the street's communities, no name)
            rest = name[last[-1].start():]
    # a leading province or city named without its suffix (山东枣庄供电公司 → 枣庄供电公司 is how the text goes on)
    places = _leading_places(rest)
    lead = [e for e, x in places if not x.weak]
    if lead and gazetteer().division(places[0][1].adcode).level == "province" and len(rest) - max(lead) >= 2:
        rest = rest[max(lead):]     # (but 河南村 is a village's whole name: nothing of a name is left after 河南)
    # a township, village or community keeps no place before its own name at all, however the chain is written
    # (内蒙古新巴尔虎右旗克尔伦苏木芒来嘎查 → 芒来嘎查, 海北刚察吉尔孟乡 → 吉尔孟乡), where a firm keeps its city
    # (but right after a township only its village comes: 群科镇安达其哈村 holds no 安达市)
    township = bool(m and m.group(0).endswith(TOWN_TYPES))
    while _PLACE_UNIT_END.search(rest):
        m = _LEADING_PLACE.match(rest)
        township = township if m is None else m.group(0).endswith(TOWN_TYPES)
        after = rest[m.end():] if m else rest
        found = [e for e, x in _leading_places(after) if not x.weak]
        if found and len(after) - max(found) >= 3 and not township:
            after = after[max(found):]
        if after == rest or _PLACE_UNIT_END.fullmatch(after):
            break   # (nor is the last place taken off when only the kind of unit would be left: 北城新区社区)
        rest = after
    short = (rest if len(rest) >= 2 else name).strip("“”\"")
    # (a quoted name keeps its quotes: “和风江岸”项目)
    return short if short.count("“") == short.count("”") else (rest if len(rest) >= 2 else name)


def _leading_places(text: str) -> list:
    """(end, surface) of every place name ``text`` begins with, as the gazetteer lists them."""
    return [(e, x) for s, e, x in gazetteer().mentions(text[:6]) if s == 0]


def guess_unit(title: str, text: str, source: str = "") -> str:
    """The unit a write-up is about ("" when it names none); ``source``: who published it, as its source line gives
    it (its publication, its author's unit)."""
    ranking = rank_candidates(title, text)
    if ranking is None:
        return ""
    weights = unit_model.weights()
    scores = {core: score(f, weights) for core, f in ranking.features.items()}
    titled = {core for core, f in ranking.features.items() if f.keys() & _TITLE_FEATURES}
    helper = _helper_of_place(scores, ranking.shorts, ranking.body_cands, ranking.body, titled, title)
    if not helper and (revealed := _revealed_over_place(scores, ranking.shorts, ranking.body)):
        helper = revealed.core
        ranking.shorts.setdefault(helper, revealed.short)
    if not helper:
        helper = _utility_of_place(scores, ranking, title, source)
    if helper:   # "国网富顺县供电公司…来到福善镇周安村": the text is about the helper's work, the place is served
        scores[helper] = max(scores.values()) + 0.5
    for core, f in ranking.thanks.items():
        scores[core] += score(f, weights)
    best = _leader(scores)
    short = ranking.shorts[best]
    if host := _CENTRE_OF.fullmatch(best):
        # "闻莺园社区党群服务中心" is the community's venue: the unit is the community (its Party body, written after it)
        best = host.group(1)
        short = short_name(best)
    party = [p.group(0) for name in (short, best) for end in _ends(text, name)
             for p in (_PARTY_AFTER.match(text, end),) if p and p.group(0).endswith(PARTY + ("支部",))]
    # the most frequent; on a tie the first written (never a set's order: that changes from one process to the next)
    suffix = max(dict.fromkeys(party), key=party.count) if party else ""
    # "中共…义工联合会支部委员会" is the Party branch of the 义工联合会, in its formal name
    formal = _FORMAL_BRANCH.fullmatch(best)
    if formal is None and best.startswith("中共"):     # the name found without its 支部委员会, which follows it
        formal = _FORMAL_BRANCH.match(text, text.find(best))
        formal = formal if formal and formal.group("org") == best[2:] else None
    if formal:
        return formal.group("org") + ("党总支" if formal.group("kind").startswith("总") else "党支部")
    if best.startswith("中共") and len(best) >= 5 and any(
            i < 2 or text[i - 2:i] != "中共" for i in positions(text, best[2:])):
        # "中共英利集团党委" is the Party committee of 英利集团, written without 中共 elsewhere: 中共 names the Party,
        # not the unit (but 中共一大会址纪念馆 is the memorial's own name, never written without it)
        best = best[2:]
    branch = _branch_written_after(best, title, text) or _project_written_after(best, title, text)
    if branch:
        # (the short form the text defines between the two is no part of the name: "中建二局第二建筑工程有限公司（下称
        # 中建二局二公司）博林君瑞花园项目部")
        return _ALIAS.sub("", branch)
    # a title that is the unit's whole name, its branch named after whom it gathers ("大连理工大学环境学院环境微生物
    # 工程研究生导师纵向党支部"): the branch, not the school that begins it
    head = title.strip()
    if head.startswith(best) and (party_end := next((p for p in PARTY if head.endswith(p)), None)):
        middle = head[len(best):-len(party_end)]
        if 2 <= len(middle) <= 16 and _CJK_RUN.fullmatch(middle) and not _CLAUSE_IN_NAME.search(middle):
            return head
    return best + suffix


# a village's or a community's Party and public service centre: the place where its Party body works, not a body
_CENTRE_OF = re.compile(r"([\u4e00-\u9fff]{2,}?(?:社区|村|嘎查))党群(?:活动|服务){1,2}(?:中心|站)")


BRANCH_CHARS = 1500   # how far into the body a branch written after the unit's name is looked for
# (a department's other name in brackets is part of it: "办公厅秘书处（督查处）党支部")
_BRANCH_AFTER = re.compile(r"的?((?:[\u4e00-\u9fff]|[（(][\u4e00-\u9fff]{2,6}[）)]){2,18}?)(党总支|党支部)")
_BRANCH_CLAUSE = re.compile(r"[在到把将对从为给的了和及是让被由各等个多几两些某]|^与|[院司校局]与|成立|组建|建立|设立|下设|[里内中]设|所属|基层|"
                            r"全体|所有|担任|联系|先行|开展|召开|举办|组织|推动|带领|带动|^联合|指导|帮助|选派|派出|通过|借助|依托|"
                            r"发挥|推进|建成|打造|作为|成为|获评|评为|荣获|入选|认定|命名|搭上|搭建|结对|共建|携手|牵头|党")
# a branch named only after whom it gathers is one of many of its kind, not the one the text is about ("新疆大学教师党支部")
_GENERIC_BRANCH = re.compile(r"(?:教师|教工|学生|研究生|本科生|机关|离退休|退休|在职|流动|流动党员|党员|职工|员工|司机|货车司机)+")


def _written_after(best: str, title: str, text: str, pattern: re.Pattern) -> list[re.Match]:
    """Each match of ``pattern`` right after the unit's name, in the title or the first ``BRANCH_CHARS`` characters."""
    return [m for part in (title, text[:BRANCH_CHARS]) for at in positions(part, best)
            if (m := pattern.match(part, at + len(best)))]


def _branch_written_after(best: str, title: str, text: str) -> str:
    """The Party branch or general branch written right after the unit's name, its departments between, in the title
    or the first ``BRANCH_CHARS`` characters ("山东农业大学农学院植物科学与信息党支部", "宁夏医科大学总医院麻醉与
    围术期医学科第一党支部"): the text is about that branch, not the whole university. "" when none is, or when more
    than one is."""
    if best.endswith(PARTY):
        return ""
    found = {(m.group(1), m.group(2)) for m in _written_after(best, title, text, _BRANCH_AFTER)   # (name, Party word)
             if not _BRANCH_CLAUSE.search(m.group(1))}
    # (two different branches named, "新疆大学教师党支部" in the title and "新疆大学数学与系统科学学院教工第五党支部" in
    # the text: the text is about the school or the firm, its branches are examples)
    if len(found) != 1:
        return ""
    (name, party), = found
    return "" if _GENERIC_BRANCH.fullmatch(name) else best + name + party


# a builder's project department written after the builder's name, a company of it between: "中铁十五局四公司的渝黔
# 项目部", "中建二局华中公司承建的武汉都市圈环线北段4标项目". Its name holds no clause word and no list (等, 多个)
_BUILDER = re.compile(r"(?:局|公司|集团|工程处)$")
_PROJECT_AFTER = re.compile(r"((?:[\u4e00-\u9fff]{1,6}(?:分公司|公司|局))?)(?:承建的|所属的|的)?"
                            r"([^\s，。、；：“”《》的在到把将对从为给了和及是让被由等各个多几些]{2,24}?)项目(部|经理部)?")
# how the text refers back to the project's own body: the project, not the builder, is the one acting
_PROJECT_BODY = re.compile(r"项目(?:部|经理部|党支部|党总支|党委|临时党支部|团队)|(?:该|这个|这一)项目")
_SHORT_GLOSS = re.compile(r"[（(][\u4e00-\u9fff]{1,4}[）)]")   # 渝（重庆）昆（昆明）: a place spelt out, not part of the name


def _project_written_after(best: str, title: str, text: str) -> str:
    """The project department a builder's name is followed by in the title or the first ``BRANCH_CHARS``
    characters, when the text goes on about that project's own body (项目部, 项目党支部, 该项目 at least twice
    more): "中铁十五局四公司渝黔项目部" rather than 中铁十五局. Named as the text names its body: the department
    (…项目部), the project's Party branch when the text writes one (…项目党支部), else the project. "" when the unit
    is no builder, when none is written so, or when more than one project is."""
    if not _BUILDER.search(best):
        return ""
    found = {(m.group(1), _SHORT_GLOSS.sub("", m.group(2)), m.group(3) or "")
             for m in _written_after(best, title, text, _PROJECT_AFTER)}
    if len(found) != 1:
        return ""
    (company, name, department), = found
    bodies = [m.group(0) for m in _PROJECT_BODY.finditer(text)]
    if len(bodies) < 2 + bool(department):     # (the department's own first mention is one of them)
        return ""
    if department:
        return best + company + name + "项目" + department
    branch = next((b for b in bodies if b.endswith(PARTY)), "")
    return best + company + name + (branch or "项目")


# (not ``_CLAUSE_WORDS``: its 向 is the 纵向 of such a branch's name, and 到, 是, 由 begin clauses here too)
_CLAUSE_IN_NAME = re.compile(r"[在到把将对从为给的了和与及是让被由]")


@dataclass
class Ranking:
    """What the unit finder knows of each organisation a write-up names, before it weighs it: ``features`` maps each
    name (the fullest of the forms that stand for one organisation) to the evidence for and against it (the
    features of ``unit_model``); ``thanks`` holds the evidence of a thanking scene, weighed after a helper of the
    place has been preferred."""
    features: dict[str, dict[str, float]]
    thanks: dict[str, dict[str, float]]
    shorts: dict[str, str]
    body_cands: list[UnitCandidate]
    body: str


# the kind of a Party organisation a title names ("…村党支部": 村)
_TITLE_KIND = re.compile(r"(律所|村|社区|局|公司|医院|学校|法院|驿站|商会|协会)(?:党支部|党委|党总支)")


def _subtitle(line: str) -> str:
    """What of a line near the top names the unit as plainly as the title: a subtitle line ("——定西市安定区某镇某村
    党支部抓党建…"), or a feature's "——记…" written after its headline on one line ("给“大粮仓”守电的一支队伍——记
    国家电网…共产党员服务队"); "" for any other line."""
    if line.strip().startswith(("——", "--", "—")):
        return line
    at = line.find("——记")
    return line[at:] if at >= 0 else ""


def rank_candidates(title: str, text: str) -> Ranking | None:
    """Every organisation ``title`` and ``text`` name, with its evidence; None when they name none."""
    body = text[:4000]
    first_end = _first_sentence_end(text)
    subtitle = "\n".join(part for line in text[:300].split("\n")[:4] if (part := _subtitle(line)))
    titled = [(c, part) for part in (title, subtitle) for c in candidates(part)]
    # a credit line (…供稿) taken for the title names who wrote the text, not whom it is about
    credited = {id(c) for c, part in titled if _CREDIT.search(bracketed(part, c.start)) or _in_column(part, c)
                or _visited_in_title(part, c)}
    found = [(c, "title") for c, _ in titled] + [(c, "body") for c in candidates(body)]
    if not found:
        return None
    found = _under_the_town(found)
    weights = unit_model.weights()
    feats: dict[str, dict[str, float]] = {}
    shorts: dict[str, str] = {}

    def add(core: str, name: str, value: float = 1.0) -> None:
        f = feats.setdefault(core, {})
        f[name] = f.get(name, 0.0) + value

    def weighed(core: str) -> float:
        return score(feats[core], weights)

    def merge(into: str, core: str) -> None:
        for name, value in feats.pop(core).items():
            add(into, name, value)

    # (an editor's note may speak of the series rather than its subject)
    in_note = {id(c) for c, where in found if where == "body" and _only_in_note(body, c)}
    body_cands = [c for c, where in found if where == "body" and id(c) not in in_note]
    examples: dict[str, bool] = {}     # named only as an example of the unit's parts ("例如…")
    lists = _LIST_WORD in body         # (once: _listed looks back for its sentence's start, to the text's start)
    for c, where in found:
        shorts.setdefault(c.core, c.short)
        feats.setdefault(c.core, {})
        if where == "title":
            if id(c) not in credited:
                add(c.core, "title_party" if c.party else "title")
        elif c.start < first_end:
            add(c.core, "first_sentence")
        if where == "body" and (_SOURCE.search(body[max(0, c.start - 3):c.start + len(c.core) + 8])
                                or _CREDIT.search(bracketed(body, c.start))
                                or _REPORTER_AFTER.match(body, c.start + len(c.core))):
            add(c.core, "source")        # "记者从市司法局了解到", "（物理与能源学院供稿）": where the news came from
        if where == "body" and _CREDIT_LINE.match(body, body.rfind("\n", 0, c.start) + 1):
            add(c.core, "credit_line")   # "来源：鸿顺集团·集团新闻　2021年8月31日": who ran the report
        if id(c) in in_note:
            add(c.core, "in_note")       # "编者按：由律新社与…法学院共同举办的…": who ran the series, not its subject
        if where == "body" and _in_column(body, c):
            add(c.core, "column")        # "【踏访幸福新社区】": a column's name, not the subject
        if where == "body" and _ESCORT.search(body, max(0, c.start - 12), c.start) and \
                _STAFF_AFTER.match(body, c.start + len(c.core)):
            add(c.core, "escort")        # "陪同采访的杜志礼是原平市农业农村局的干部": a guide's employer
        if where == "body" and _SITUATED_BEFORE.search(body, max(0, c.start - 4), c.start):
            add(c.core, "situated")      # "蟠龙华都小区位于江阴高新区": where something lies is its address
        if where == "body" and _ZONE_END.search(c.core) and _zone_as_address(body, c, body_cands):
            add(c.core, "zone_address")  # "乌鲁木齐经开区（头屯河区）中亚南路街道铁路花园社区": a zone heading an address
        if where == "body" and _SENDS_AFTER.match(body, _after_name(body, c)):
            add(c.core, "sends")         # "上海第九人民医院派来的专家": who sends help is not whom the text is about
            #                              (… "湖北日报传媒集团党委选派3人": nor is its Party committee that sends them)
        if where == "body" and (_EXAMPLE_BEFORE.search(body, max(0, c.start - 4), c.start)
                                or (lists and _listed(body, c.start))):
            add(c.core, "example")       # "例如路口派出所打造了…": one of the unit's parts, given as an example
            examples.setdefault(c.core, True)
        else:
            examples[c.core] = False
    if body_cands:   # the first organisation of the text is usually its subject (a street written with the
        # community under it is the community's address: 盐州路街道芙蓉社区, not 盐州路街道)
        first = body_cands[0]
        fuller = [c for c in body_cands if c.start == first.start and len(c.core) > len(first.core)]
        # … and so is the street a community is said to be under (归东关大街街道管辖的五一社区)
        said_under = _UNDER.match(body, first.start + len(first.core))
        under = [c for c in body_cands if said_under and c.start == said_under.end()
                 and not (said_under.group(0) == "的" and _ITS_PEOPLE.match(body, c.start + len(c.core)))]
        if (fuller or under) and _TOWN_END.search(first.core):
            first = min(fuller, key=lambda c: len(c.core)) if fuller else max(under, key=lambda c: len(c.core))
        add(first.core, "first_body")
    title_kinds = {_kind(w) for w in _TITLE_KIND.findall(title)}
    by_short: dict[str, list[str]] = {}
    for core in sorted(feats, key=len, reverse=True):      # one core per short name: the fullest
        same = [k for k in by_short.get(shorts[core], ()) if k != core and not _other_place(k, core, shorts[core])]
        if same:
            merge(same[0], core)
        else:
            by_short.setdefault(shorts[core], []).append(core)
    # a title naming the kind of unit but not its name ("一座卫生院的“翻身”起点"): the text is about one of that kind
    named_kinds = {c.core[-3:] for c, where in found if where == "title"}
    bare_kinds = {m.group(0) for m in _ORG_SCAN.finditer(title) if len(m.group(0)) >= 2 and m.group(0) not in TOWN_TYPES
                  and _ONE_OF_A_KIND.search(title, 0, m.start()) and not any(k.endswith(m.group(0)) for k in named_kinds)}
    aliases: dict[str, list[str]] = {}
    for c in body_cands:
        alias = _ALIAS.match(body, c.start + len(c.core) + len(c.party))
        name = alias and _alias_of(alias)
        if name and name not in c.core:
            aliases.setdefault(c.core, []).append(name)
    # a headline that names the unit by the short form its body defines ("质标所赴…联学共建", the body's
    # "…检测技术研究所（简称“质标所”）"): the title names it
    for core, names in aliases.items():
        if title and any(a in title for a in names) and "title" not in feats.get(core, {}) \
                and "title_party" not in feats.get(core, {}):
            add(core, "title")
    first_at: dict[str, int] = {}
    for c in body_cands:
        first_at.setdefault(c.core, c.start)
    anaphora_of: dict[str, int] = {}   # per kind, counted once: a text's villages share its 该村, 村里 …
    for core in feats:
        short = shorts[core]
        kind = _kind(short)
        if kind and kind in title_kinds:
            add(core, "title_kind")
        if any(core.endswith(k) for k in bare_kinds):
            add(core, "bare_kind")
        if kind not in anaphora_of:
            anaphora_of[kind] = sum(1 for _ in _anaphora(kind).finditer(body)) if kind else 0
        anaphora = anaphora_of[kind]
        # a short form the text defines for it ("…有限公司第二党支部（下称“第二党支部”）") names it as often
        add(core, "count", min(5, body.count(short) + sum(body.count(a) for a in aliases.get(core, ()))))
        add(core, "anaphora", min(4, anaphora))
        if any(body.startswith(PARTY, end) for end in _ends(body, short, overlapping=True)):
            add(core, "party_follows")
    # a residents' area named after a village the text also writes with its place chain (幸福村居民区 and 杨浦区大桥街道
    # 幸福村, a Shanghai neighbourhood): one organisation, named by both (杨浦区大桥街道幸福村居民区)
    for core in [k for k in feats if k.endswith("居民区") and k[:-3].endswith("村")]:
        base = core[:-3]
        others = [k for k in feats if k not in (core, base) and shorts.get(k) == base and k.endswith(base)]
        if others and core in feats:
            full = max(others, key=len) + "居民区"
            feats.setdefault(full, {})
            shorts[full] = shorts[core]
            for other in [core, *others]:
                if other != full and other in feats:
                    merge(full, other)
    # a name that another name extends (中国农业银行 → 中国农业银行股份有限公司赤峰分行; 雅庄村 → 芝英镇雅庄村;
    # 重庆大学 → 重庆大学附属肿瘤医院) or abbreviates (秋田公司 → 重庆秋田齿轮有限责任公司) lends it its score: the
    # text speaks of one organisation, named fully once
    for core in sorted(feats, key=len):
        longer = [k for k in feats if len(k) > len(core) and ((k.endswith(core) and k[-len(core) - 1] not in _CLAUSE_WORDS) or (
            k.startswith(core) and (_BRANCH.search(k[len(core):]) or _OWN_ORG.fullmatch(k[len(core):])
                                    or k[len(core):] in _ESTATE_BODIES or k[len(core):] == "楼宇")) or
            _short_form_of(core, k))]
        if longer and core in feats:
            merge(max(longer, key=lambda k: (weighed(k), len(k))), core)
    for core in [k for k in feats if examples.get(k)]:
        del feats[core]
    for core, f in feats.items():
        # what the name itself shows, once for the organisation however many of its forms were merged into it
        # (no rule weighs these: they weigh what the fitted weights give them)
        short = shorts[core]
        f["in_title_text"] = float(short in title)
        f[_type_feature(short)] = 1.0
        f["place_chain"] = float(core != short)
        f["late"] = min(1.0, min((at for name, at in first_at.items() if name.endswith(short)), default=len(body)) / 2000)
    # "隆尧烟草：为残疾零售户…": a headline names its subject before the colon, often shortened
    subject = _headline_subject(title)
    if subject and not any(c.start < len(subject) + 12 for c, where in found if where == "title"):
        place, proper = _place_and_proper(subject)
        named = [core for core in feats if _names_subject(subject, place, proper, core)]
        if not named:    # a body no organisation word names ("襄阳人社服务大厅：…" ~ 湖北省襄阳市人社服务大厅)
            # … or one the body names only with its Party organisation ("汉口北：…" ~ "汉口北党总支宣告成立")
            written = _written_in(place, proper, body, _after(title, body)) or \
                _with_its_party(subject, body, _after(title, body))
            if written:
                named = [written]
                feats.setdefault(written, {})
                shorts.setdefault(written, short_name(written))
        for core in named:
            add(core, "headline_subject")
    if not feats:
        return None
    thanks: dict[str, dict[str, float]] = {}
    scene = _THANKS.search(body, 0, first_end + 200)
    if scene:   # "村民来到望城区供电公司，送来一面锦旗": who is thanked is the subject, who thanks is served by it
        opening = body[:scene.start()]
        sentence = opening.rfind("。") + 1
        came = next(reversed(list(_CAME_TO.finditer(opening, sentence))), None)
        if came:
            for c in body_cands:
                if c.core in feats and c.start == came.end():
                    thanks.setdefault(c.core, {}).setdefault("thanked", 0.0)
                    thanks[c.core]["thanked"] += 1.0
                elif c.core in feats and sentence <= c.start < came.start():
                    thanks.setdefault(c.core, {}).setdefault("thanking", 0.0)
                    thanks[c.core]["thanking"] += 1.0
    return Ranking(feats, thanks, shorts, body_cands, body)


_VISITOR_AFTER = re.compile(r"(?:党委|党组|党工委)?(?:主要)?(?:领导|负责人|一行|同志)[^，。：:]{0,4}?(?:莅临|来到|走进|深入|到)")
_VISIT_BEFORE = re.compile(r"(?:到|赴|走进|前往|来到|走访)(?:自治区|[\u4e00-\u9fff]{0,6}?(?:省|市|县|区|州|盟|旗))?$")
_VISIT_AFTER = re.compile(r"[^，。；：:]{0,24}?(?:学习|参观|调研|考察|交流|观摩|取经|联学|共建|联建)")


def _visited_in_title(title: str, c: UnitCandidate) -> bool:
    """"广西威壮集团党支部到自治区工商联商会协会党委党群服务中心学习交流": the body a headline's subject went to learn
    from is not whom the text is about."""
    if _VISITOR_AFTER.match(title, c.start + len(c.core)):
        return True    # "省医学学术交流管理中心领导莅临我协会调研指导工作": the visitor, not the host
    return c.start > 0 and bool(_VISIT_BEFORE.search(title, 0, c.start)) and \
        bool(_VISIT_AFTER.match(title, c.start + len(c.core)))


_SITUATED_BEFORE = re.compile(r"(?:位于|坐落于|坐落在|地处)$")
_ZONE_END = re.compile(r"(?:开发区|高新区|经开区)$")
_BRACKETED_AT = re.compile(r"[（(][^）)]{1,10}[）)]")


def _only_in_note(body: str, c: UnitCandidate) -> bool:
    """Whether an organisation is named in an editor's note and nowhere after it: one who ran the series or the
    event the note is about ("编者按：由律新社与上海交通大学凯原法学院…共同举办"). (The subject a note introduces,
    "以下是国网东营供电公司开展帮扶工作的见闻", is named again in the report.)"""
    line = body.rfind("\n", 0, c.start) + 1
    if not _EDITORS_NOTE.match(body, line):
        return False
    end = body.find("\n", c.start)
    return end < 0 or body.find(c.core, end) < 0


def _zone_as_address(body: str, zone: UnitCandidate, cands: list[UnitCandidate]) -> bool:
    """Whether a development zone is written as the address of what follows it: another organisation named right
    after it (its bracketed district aside), or one whose name begins with it (江阴高新区同心圆公益服务社)."""
    end = zone.start + len(zone.core)
    if m := _BRACKETED_AT.match(body, end):
        end = m.end()
    return any(c.start == end or (c.start == zone.start and len(c.core) > len(zone.core)) for c in cands)


_ONE_OF_A_KIND = re.compile(r"(?:一|这|那)(?:座|个|家|所|间|支)$")
_THANKS = re.compile(r"锦旗|感谢信|表扬信")
_CAME_TO = re.compile(r"来到|走进|赶到|找到")


# an organisation helping a village or community: it takes the place on as its charge, carries out the place's
# project, pairs with it, or its people come to it
_TAKES_ON = re.compile(r"[^。；！？]{0,8}?(?:把|将)[^。；！？]{0,12}?(?:作为|列为|确定为)[^。；！？]{0,4}?(?:帮扶|联系|结对|扶贫|包联)")
_CARRIES_OUT = re.compile(r"[^。；！？]{0,4}?(?:承担|实施|负责)的(?P<place>[^。；！？]{2,14}?)(?:工程|项目|改造)")
_PAIRS = re.compile(r"[^。；！？]{0,24}?(?:和|与|同)(?P<place>[^。；！？]{2,14}?)结成了?(?:帮扶)?对子")
_COMES_TO = re.compile(r"[^。；！？]{0,30}?(?:党员|服务队|队员|同事|员工|职工|经理|团队)[^。；！？]{0,12}?"
                       r"(?:来到|走进|深入|赶到|前往|进驻)(?P<place>[^，。；！？]{2,30})")   # its people, not a visit
# … or it led what was done there: "志愿者进村…，由…指导，市公益服务协会党支部牵头，会同浆水镇党委…共同组织"
_LEADS_EVENT = re.compile(r"(?:党支部|党委|党总支)?(?:牵头|发起)[，,]?(?:会同|联合|组织|带领)")
_HELPER_END = re.compile(r"(?:公司|集团|局|供电所|银行|协会|商会|医院|学校|大学|学院|科院|研究院|研究所|派出所|法院|检察院|服务队|"
                         r"示范队|中心|" + _SHORT_NAMED_OFFICES + ")$")
# … or, named in the title, it aids the place, in the sentence that names it ("百色职业学院送技术送培训" over
# "…全力帮扶那坡城厢镇的者兰村", "中国热科院职工购买拥处村农产品" over "热科院开始定点帮扶拥处村"; the place within
# AID_PLACE characters of the verb) — but not only sends it a first secretary: "由海南省政务中心派到丰丹村任驻村第一书记"
# is one line of the village's own story (r1006, r1276); and a helper the title does not name is one line of it too
_AIDS = re.compile(r"(?:定点|对口|结对|精准)?帮扶")
AID_REACH, AID_PLACE = 40, 16
_TITLE_FEATURES = frozenset(("title", "title_party", "headline_subject"))
_SENTENCE_STOP = re.compile(r"[。；！？\n]")
_SERVED_END = re.compile(r"(?:村|社区|嘎查)$")
# … or the title says so, right after the helper's name (its team between): "…局帮扶…村", "…局驻村工作队助…村"
_TITLE_AIDS = re.compile(r"(?:驻村工作队|工作队|党支部|党委|党员)?(?:定点|对口|结对|精准)?(?:帮扶|助力|帮助|扶持|助)")


def _helps(body: str, c: UnitCandidate, place: str, titled: bool = False) -> re.Match | None:
    """Where the words saying that ``c`` helps ``place`` end, read from ``c``'s mention on; None when they do not.
    ``titled``: the title names ``c`` (then aiding the place is enough: ``_AIDS``)."""
    end = c.start + len(c.core)
    m = _TAKES_ON.match(body, end)
    if m and place[:2] in body[end:end + 40]:
        return m
    if body[max(0, c.start - 1):c.start] == "由" and (m := _CARRIES_OUT.match(body, end)) and place in m.group("place"):
        return m
    for pattern in (_PAIRS, _COMES_TO):
        if (m := pattern.match(body, end)) and place in m.group("place"):
            return m
    if titled:
        stop = _SENTENCE_STOP.search(body, end, end + AID_REACH)
        for m in _AIDS.finditer(body, end, stop.start() if stop else end + AID_REACH):
            if place in body[m.end():m.end() + AID_PLACE]:
                return m
    return _LEADS_EVENT.match(body, end)


def _leader(scores: dict[str, float]) -> str:
    """The name scored highest; on a tie the longer (the fuller name of the same organisation)."""
    return max(scores, key=lambda k: (scores[k], len(k)))


def _helper_of_place(scores: dict[str, float], shorts: dict[str, str], cands: list[UnitCandidate],
                     body: str, titled: set[str] = frozenset(), title: str = "") -> str:
    """The organisation a text about its help to a village or community is about, when the place leads
    (``titled``: the names the title gives)."""
    best = _leader(scores)
    place = shorts.get(best, best)
    if not _SERVED_END.search(place):
        return ""
    helper, helped_at = "", -1
    for c in cands:
        # (a short form merged into its full name is that name: "热科院" of 中国热科院)
        core = c.core if c.core in scores else next((k for k in scores if k.endswith(c.core)), "")
        if not core or core == best or not _HELPER_END.search(shorts.get(core, core)):
            continue
        m = _helps(body, c, place, core in titled)
        # of organisations written one after another before the verb (国网自贡供电公司下属富顺县供电公司…来到),
        # the one nearest to it does the work
        if m is not None and (helped_at < 0 or m.end() == helped_at):
            helper, helped_at = core, m.end()
    if not helper and title:
        # the title says who helps the place: "州地税局帮扶韩旗村种药材拔穷根", "来凤县地税局驻村工作队助小梅庄村脱贫"
        for core in sorted(titled - {best}, key=lambda k: (-scores.get(k, 0.0), k)):
            short = shorts.get(core, core)
            at = title.find(short)
            if at >= 0 and _HELPER_END.search(short) and (m := _TITLE_AIDS.match(title, at + len(short))) \
                    and place in title[m.end():m.end() + AID_PLACE]:
                return core
    return helper


def _utility_of_place(scores: dict[str, float], ranking: "Ranking", title: str, source: str = "") -> str:
    """The power utility a report on power service is about, when a village or community it serves leads: the title
    or the report's source line speaks of power ("电力托起神水台村的…", "来源：锡林郭勒供电公司") and the text names
    one of the utility's offices more than once ("乌拉盖供电公司党员服务队一早就赶到了牧民家里") or the source line
    names it ("作者单位：牡丹江林口县柳树供电所")."""
    best = _leader(scores)
    if not _SERVED_END.search(ranking.shorts.get(best, best)):
        return ""
    heading = title + source + "".join(line for line in ranking.body[:400].split("\n")
                              if _CREDIT_LINE.match(line) or _CREDIT.search(line[:12]))
    if not _POWER_TOPIC.search(heading):
        return ""
    offices = [core for core, f in ranking.features.items()
               if core != best and _UTILITY_END.search(short := ranking.shorts.get(core, core))
               and (f.get("count", 0.0) >= 2 or short in source)]
    # (the office whose Party organisation the text names, before its parent: "泉州供电公司所属的泉港供电服务中心党支部")
    return max(offices, key=lambda k: (ranking.features[k].get("party_follows", 0.0) > 0, scores[k], len(k)), default="")


# a report on power service: its title or source line speaks of power; a utility's office by its name's end
_POWER_TOPIC = re.compile(r"电力|供电|电网|用电|送电|保电|通电|电工")
_UTILITY_END = re.compile(r"(?:供电所|供电(?:分)?公司|供电局|供电服务中心|电力(?:分)?公司|电业局)$")


# a report that opens on a scene and then names whose work it showed: "这是吉林供电公司党委推进…工程的一个片段",
# "这只是汇文高中推进党建“牵手行动”的一个片段", "这正是文德村借党建带动产业的一个缩影"
_REVEALED = re.compile(r"这(?:是|正是|就是|只是|也是)(?P<who>[^。，；！？\n]{2,40}?)(?:的)?(?:一个|一段)?(?:片段|缩影|写照)|"
                       # "让党员服务队守在安置点，只是国网青海省电力公司推行…工程当中的一项具体做法"
                       r"[，,](?:这)?(?:只是|正是|就是|也是)(?P<who2>[^。，；！？\n]{2,40}?)(?:当中|之中|中)的(?:一项|一个)(?:具体)?"
                       r"(?:做法|举措|缩影|片段)")


def _revealed_over_place(scores: dict[str, float], shorts: dict[str, str], body: str) -> UnitCandidate | None:
    """The organisation a "这是…的一个片段/缩影" sentence names as the one whose work the scene showed, when the leader
    is a village or a community (the scene took place there: the village is served, the organisation serves)."""
    best = _leader(scores)
    if not _SERVED_END.search(shorts.get(best, best)):
        return None
    for m in _REVEALED.finditer(body):
        named = [c for c in candidates(m.group("who") or m.group("who2")) if c.start == 0 and not _SERVED_END.search(c.short)
                 and not _TOWN_END.search(c.short)]
        if named:
            return max(named, key=lambda c: len(c.core))
    return None


# a headline's subject: the words before its colon, after a column's label ("集团新闻｜苏州中设建设：…")
_HEADLINE = re.compile(r"^\s*(?:[^｜|丨\n]{1,10}[｜|丨]|【[^】\n]{1,12}】)?\s*([\u4e00-\u9fff]{3,14})\s*[：:]")
# … unless they are a label, a phrase (邻里齐心、从野战医院到…、长江边的东红村) or a place alone (镇江：, 上海南汇：)
_HEADLINE_LABEL = re.compile(r"^(?:摘要|问题|作者|发布时间|发布日期|本文转自|来源|编者按|导语|记者|通讯员|视频|图文|专题|"
                             r"关键词|核心提示|提要|标题|原标题)$|的|在|从|到|让|把|被|和|与|是|了|"
                             # 党建引领下、建在产业链上 — but 岸下村 and the places a subject begins with (上饶) are names
                             r"[上下](?![村庄屯寨湾街坊营堡])")


def _headline_subject(title: str) -> str:
    m = _HEADLINE.match(title or "")
    if not m:
        return ""
    subject = _PARTY_SUFFIX.sub("", m.group(1))     # its Party branch stands for the unit the branch is in
    # a phrase is told by the words after the places (a Party word holds none of the label's characters)
    proper = _place_and_proper(subject)[1]
    return subject if len(proper) >= 2 and not _HEADLINE_LABEL.search(proper) else ""


def _place_and_proper(subject: str) -> tuple[str, str]:
    """A headline's subject as the places it begins with and what is left (隆尧烟草 → 隆尧, 烟草; 上海南汇 → 上海南汇, "")."""
    spans = gazetteer().mentions(subject)
    at = 0
    while ends := [e for s, e, _ in spans if s == at]:
        at = max(ends)
    return subject[:at], subject[at:]


_PARTY_SUFFIX = re.compile("(?:" + _PARTY_WORDS + ")$")
_PLACE_WORD_END = re.compile(r"(?:区|县|市|州|镇|乡|街道|旗|盟|村|园区|开发区)$")


def _after(title: str, body: str) -> int:
    """Where the body goes on after its headline (a masthead may stand above it)."""
    at = body.find(title) if title else -1
    return at + len(title) if at >= 0 else max(0, body.find("\n"))


def _written_in(place: str, proper: str, body: str, start: int = 0) -> str:
    """The headline's subject (``_place_and_proper``) as the body writes it after ``start``, a place's suffix filled
    in (襄阳人社服务大厅 → 襄阳市人社服务大厅), when the body writes it at all."""
    if not place or _PLACE_WORD_END.search(proper):
        return ""       # 邻里齐心: a slogan, not a body; 贵阳高新区: a zone is where the unit is, not what it is
    pattern = re.compile(re.escape(place) + r"(?:省|市|县|区|州|盟|旗)?" + re.escape(proper))
    m = pattern.search(body, start)
    return m.group(0) if m else ""


def _with_its_party(subject: str, body: str, start: int = 0) -> str:
    """The headline's subject when the body writes it right before a Party organisation of its own (汉口北党总支),
    as a name of its own: not the end of a longer one (县税务局第九党支部 is the bureau's ninth branch)."""
    return subject if any(at >= start and _PARTY_RE.match(body, at + len(subject))
                          and not (at > 0 and "\u4e00" <= body[at - 1] <= "\u9fff")
                          for at in positions(body, subject)) else ""


def _names_subject(subject: str, place: str, proper: str, core: str) -> bool:
    """The organisation a headline's shortened subject stands for: the subject inside its name (南宁交警 ~ 南宁交警支队,
    苏州中设建设 ~ 苏州中设建设集团), or its place first and its own words after it (隆尧烟草 ~ 隆尧县烟草专卖局).
    (Any name holding the subject's characters in order matched too many: it lost one unit on the sealed sets.)"""
    if subject in core:
        return True
    if subject.endswith("所") and core.endswith("律师事务所") and subject[:-1] in core:
        return True     # 明炬所 ~ 四川明炬律师事务所: a law firm called by its proper name and 所
    # (… after the state group a local company's name begins with: 浦城供电 ~ 国网浦城县供电公司)
    own = core[group.end():] if (group := _group_names(shortest=2).match(core)) else core
    return bool(place) and own.startswith(place) and proper in own[len(place):]


def _under_the_town(found: list[tuple[UnitCandidate, str]]) -> list[tuple[UnitCandidate, str]]:
    """"镇卫生院" in a text about one town (绿葱坡镇) is that town's health centre: named so, it is one
    organisation with the town's name rather than a nameless one."""
    towns = {c.core for c, _ in found if c.core[-1:] in "镇乡" and len(c.short) >= 3 and c.core == c.short}
    if len(towns) != 1:
        return found
    town = next(iter(towns))
    out = []
    for c, where in found:
        if len(c.core) >= 3 and c.core[0] == town[-1] and c.core == c.short and not _TOWN_RE.match(c.core, 1):
            c = UnitCandidate(town + c.core[1:], c.core, c.start, c.party)   # counted as the text writes it
        out.append((c, where))
    return out


_UNDER = re.compile(r"(?:所?管辖的|下辖的|所辖的?|辖内的|的(?=[\u4e00-\u9fff]{2,8}(?:社区|村)))")
# a character that ends a clause's own words, not a name: "芜湖市把关河村列为试点" holds 关河村, not a longer name of it
_CLAUSE_WORDS = frozenset("把将对被向给让从为和与及的了在")
# the people of a place ("三灶镇的楼子村村民老刘"): the village is where a person lives, not the subject
_ITS_PEOPLE = re.compile(r"(?:村民|居民|群众|老人|党员|干部|的)")
_TOWN_END = re.compile("(?:" + "|".join(TOWN_TYPES) + ")$")
_FORMAL_BRANCH = re.compile(r"中共(?P<org>[\u4e00-\u9fff“”]{4,30}?)(?P<kind>总支部委员会|支部委员会)")
def _ends(text: str, name: str, overlapping: bool = False):
    """Where each occurrence of ``name`` in ``text`` ends (str.find: a pattern compiled per name would fill re's
    cache with one-off names and cost more than the search)."""
    at = text.find(name)
    while at >= 0 and name:
        yield at + len(name)
        at = text.find(name, at + (1 if overlapping else len(name)))


@lru_cache(maxsize=64)
def _anaphora(kind: str) -> Prefiltered:
    """The text's own references to its subject: 该局, 本村, 村里, 局机关, 公司党委 …
    (Prefiltered: re cannot skip ahead in these alternations, whose branches begin with a group or a look-behind,
    and tried them at every character of the body; they begin with 该, 本, 全, 这 or the kind itself.)"""
    if kind == "行":    # a bank: 该行, 全行 — not 全行业, 推行党支部
        return Prefiltered(re.compile(r"(?:该|本|全)行(?!业|动|政|为|列|走|使|程|进)|(?<![推实执试施运进履])行(?:党委|党支部|党总支)"))
    # (an association is spoken of by its kind alone, opening a clause: "。协会把党建统领摆在前头")
    bare = f"|(?<=[。，；：！\n]){kind}(?=[\u4e00-\u9fff])" if kind in ("协会", "商会", "公司") else ""
    return Prefiltered(re.compile(f"(?:该|本|全|这家|这个|这所|这座){kind}|{kind}(?:里|机关|党委|党支部|党总支){bare}"))


_SOURCE = re.compile(r"从[^，。]{1,20}(?:了解到|获悉|得知|获知)|据[^，。]{1,20}(?:介绍|消息|统计)")
_CREDIT = re.compile(r"供稿|供图|撰稿|来源|通讯员|记者|图片由|照片由|视频由|稿件由")   # (written out: see _RENAMED_OR_UNDER)
# a credit line of its own under the title
_EDITORS_NOTE = re.compile(r"\s*(?:编者按|编者的话|编辑按|编前语|编者注)\s*[：:]")
_CREDIT_LINE = re.compile(r"\s*(?:来源|稿源|信息来源|文章来源|转自|转载自|作者|责任编辑|编辑|审核)\s*[：:]")
def _in_column(text: str, c: UnitCandidate) -> bool:
    """Whether the candidate is a column's name in 【…】 ("【踏访幸福新社区】新顺社区：…")."""
    opened = text.rfind("【", max(0, c.start - 12), c.start + 1)
    return opened >= 0 and "】" not in text[opened:c.start] and text.startswith("】", c.start + len(c.core))


# "泸定县融媒体中心记者 梁爽": the outlet a reporter writes for
_REPORTER_AFTER = re.compile(r"\s*(?:首席|特约|见习)?(?:记者|通讯员|报道组|融媒记者)")


def _short_form_of(short: str, full: str) -> bool:
    """A company's short name and its full one (秋田公司 ~ 重庆秋田齿轮有限责任公司): the same kind, the short name's
    proper part inside the full name; or a court's, a hospital's or a centre's usual contraction (高安法院 ~
    江西省高安市人民法院, 疾控中心 ~ 忠县疾病预防控制中心): its characters in order, its first two together; or a
    service centre without its 服务 (政务中心 ~ 新晃侗族自治县政务服务中心)."""
    name = short.removesuffix("公司").removesuffix("集团")
    if len(name) >= 2 and name != short and full.endswith(("公司", "集团")) and name in full[:-2]:
        return True
    if len(short) >= 4 and short.endswith("中心") and full.endswith(short[:-2] + "服务中心"):
        return True
    if len(short) < 4 or len(full) <= len(short) or not short.endswith(_CONTRACTED) or short[-2:] != full[-2:]:
        return False
    rest = iter(full)
    return (short[:2] in full or short == "疾控中心") and all(ch in rest for ch in short)


_CONTRACTED = ("法院", "检察院", "医院", "疾控中心")


# an organisation of its own named after its parent's name (重庆大学 + 附属肿瘤医院, …集团 + 第二分厂); a department
# or a centre is a part of the parent (_BRANCH)
_OWN_ORG = re.compile(r"[\u4e00-\u9fff]{2,10}(?:医院|学院|中学|小学|高中|研究院|研究所|公司|分厂)|党群(?:活动)?(?:服务)?中心")
# what extends an organisation's name into one of its own parts (…赤峰分行, …兰州供电公司, …运维部, …输电班, …项目部)
_BRANCH = re.compile(r"(?:分行|支行|分公司|供电公司|供电所|分局|分院|分中心|分会|部|科|科片|班|工区|车间|系|烟站|烟叶站|段|项目|法庭|院区|校区|分校)$")


# (patterns compiled once, not looked up in re's cache on every call)
_KIND_END = re.compile(r"(律师事务所|律所|村|社区|局|公司|医院|学校|中学|小学|学院|大学|法院|法庭|驿站|商会|协会|合作社|所|站|中心|"
                       + "|".join(PARTY_DEPARTMENTS) + ")$")
_SENTENCE_END = re.compile(r"[。！？]")
_DEPARTMENT_END = re.compile(r"(?:科|部|站|处|系)$")


def _kind(short: str) -> str:
    """The organisation word a name ends with, as the text would refer back to it (村, 社区, 局, 公司 …)."""
    m = _KIND_END.search(short)
    kind = m.group(1) if m else ("行" if short.endswith("银行") else "")
    return "律所" if kind == "律师事务所" else "部" if kind in PARTY_DEPARTMENTS else kind


def _first_sentence_end(text: str) -> int:
    m = _SENTENCE_END.search(text, 10)     # (not a copy of the text after its tenth character)
    return m.start() if m else len(text)


def _type_feature(short: str) -> str:
    if _TOWN_END.search(short):
        return "town"           # a town or street is the unit only when nothing below it is named
    if short.endswith(PARTY_DEPARTMENTS):
        return "party_department"   # a Party department promotes a practice across units; it is the unit when the text says 部里
    if _DEPARTMENT_END.search(short):
        return "department"
    return "organisation"


# an organisation writing of itself on its own site ("我院报送的党建案例…", "我校教师…"): the word it uses for itself,
# and the names of that kind it may stand for
_SELF_WORDS = re.compile(r"我(院|校|局|公司|司|行|所|会|厂|矿)(?![长子里外内])")
_SELF_KINDS = {"院": ("医院", "卫生院", "学院", "研究院", "设计院", "法院", "检察院", "科院"),
               "校": ("学校", "中学", "小学", "大学", "学院", "幼儿园"), "局": ("局",), "公司": ("公司", "集团"),
               "司": ("公司", "集团"), "行": ("银行", "分行", "支行"), "所": ("所",), "会": ("会",), "厂": ("厂",),
               "矿": ("矿",)}
# a unit found inside the site's organisation: a department or a Party branch of it keeps its own name
_PART_OF_ITS_SITE = re.compile(r"(?:科|部|室|病区|中心|车间|班组|支部|党总支|党委)$")


def own_site(head: str, body: str) -> str:
    """The organisation a page's masthead or breadcrumb names when the text speaks of it in the first person ("江西省
    肿瘤医院 > 党群工作 > 党建动态" over "我院荣登…榜首"): a hospital's, school's or bureau's news on its own site is about
    it. ``head``: the masthead and breadcrumb lines, and the source line ("来源：蕉岭县人民检察院网站"); "" when it names
    no organisation the body calls 我院, 我校 …"""
    kinds = [k for m in _SELF_WORDS.finditer(body) for k in _SELF_KINDS[m.group(1)]]
    if not kinds or not head.strip():
        return ""
    for line in head.split("\n"):
        for part in re.split(r"[>＞›»/／|｜\s]+", line):
            part = _SITE_WORDS.sub("", part)   # "蕉岭县人民检察院网站“检察动态”栏目": the body whose site it is
            found = [c for c in candidates(part) if c.start == 0 and c.core.endswith(tuple(kinds))]
            if found:
                return max(found, key=lambda c: len(c.core)).core
    return ""


# a site's or an account's word after its body's name, and all that follows it (its column)
_SITE_WORDS = re.compile(r"(?:官方)?(?:门户网站|网站|官网|微信公众号|公众号|微信号).*$")


def prefer_own_site(site: str, guess: str) -> str:
    """The unit: the site's organisation (``own_site``) over the unit finder's ``guess``, unless the guess is the
    site's organisation or a part of it (its department, its Party branch)."""
    if not site:
        return guess
    part_of_it = bool(_PART_OF_ITS_SITE.search(guess)) and not _OWN_ORG.search(without_party(guess))
    return guess if guess and (site in guess or guess in site or part_of_it) else site
