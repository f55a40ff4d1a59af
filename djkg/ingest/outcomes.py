"""Stage 4c — outcomes: the results of the work ({metric, value, unit, direction, scope, evidence}), not the numbers
that describe the unit.

Real reports put background next to results ("全村319户、854人" beside "集体收入92万元"), prices and rates
("每积1分相当于0.1元"), durations ("经过5个多月"), baselines ("由3年缩短到5个月"), quotas, plans, other bodies'
figures ("教育部公布100个") and a wider area's figures ("全县…264家"). So every number is judged in its clause:
a result verb or a result lead ("达到", "累计", "截至目前", "一年来") and a named metric speak for it; plans,
prices, durations, quotas, inputs, anecdotes and scene-setting speak against it. A before/after pair is one outcome
with ``baseline`` (its "from"). ``scope`` is ``region`` when the clause speaks of an area wider than the unit
(全县、全市、全省、街道面上 …) — such figures are never shown as the unit's own. Honours and promotion by higher
levels (获评…, 被推广…) are qualitative outcomes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from . import outcome_model
from .outcome_model import Candidate
from .pos_tagging import posseg
from .regexscan import Prefiltered
from .regions import gazetteer
from .sections import OPENERS, Sentence
from .taxonomy import Taxonomy, segmented, tokenizer
from .units import short_name

UNITS = ("个百分点|%|‰|万美元|亿美元|美元|万元|亿元|千元|元|万人次|人次|万人|人|万户|户次|户|个工作日|个多月|多个月|个月|个多小时|个小时|个|件|次|家|名|位|"
         "天|小时|分钟|分(?!之|钟|别|成|批|散|类|享|红|配|析|布|工|管|局|行|会|店|公司)|公里|万亩|亩|吨|项|条|所|支|场|批次|批|宗|倍|座|间|套|单|起|处|篇|门|部|种|棵|株|台|辆次|辆|期|份|张|块|本|册|"
         "平方米|万平方米|㎡|万㎡|亿立方米|万立方米|立方米|平米|万千瓦|千瓦时|千瓦|兆瓦|亿度|千米|米|盏|公斤|斤|担|根|枚|架次|车次|"
         "发(?=[、，。；])|"
         "基(?![地层础金本因站建数督于])|眼(?![睛光前下看里界见神熟])|栋(?!梁)|列(?![车入为出举席队宁])|"
         "具(?![有体备])|车(?![间辆站队道位库主费上里程牌次厢型])|"
         "例次|例(?!如)|只(?![有是能要好会在])|头(?=[牛羊猪驴马骡，。；、,;])|"
         "面(?=[\u4e00-\u9fff]{0,2}(?:锦旗|红旗|奖牌))|口(?![人径号岸子])|万")
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_DIGIT = re.compile(r"\d")
# "2000多万美元", "近3000人", "40余家": the approximation is kept, the unit stays whole
_QUANTITY = re.compile(rf"(?<![\d.第])(?P<pre>近|约|逾|超过|超)?(?P<v>{_NUM})\s*(?P<ap>余|多)?(?P<u>{UNITS})"
                       rf"(?P<post>左右|以上|多(?=[，。；、”\s]|$))?(?![\d])")   # 3万多 is approximate too
# "从2019年的5万元增加到2023年的60万元": a year may date either end of a change
_DATED = r"(?:(?:19|20)\d{2}年(?:底|初|末)?的?)?"
_FROM_WORDS = (r"(?:(?:过去|原来|原先|以前|此前|之前|当初|最初)的?(?:每年|每天|每月|一年|全年|人均)|"   # 从过去每年10万元
               r"原来的|最初的|过去的|原先的|当初的|起初的|之前的|以前的|此前的|起步时的|起步时|成立时的|成立之初的|开始时的|"
               r"最初|原来|当初|起初|不足|不到|近|约|(?:每年|每天|每月)(?:平均)?|"
               # "从10年前的400元，涨到了现在的3600多元": a time counted back from now
               r"\d{1,3}(?:多|余)?(?:年|个月)(?:前|以前|之前)的?|"
               # "从建支部时的6人", "从投产当年的4600万元", "由项目推行前的86.62分": the time of the start, named by
               # what happened then
               r"[\u4e00-\u9fff]{1,6}?(?:时|之初|当年|那年|初期|前|之前|以前)的)")
# the "from" of a change: "由原来的…", "从2019年的…", "由负债12万元…"
_FROM = rf"(?:由|从){_DATED}{_FROM_WORDS}?(?P<debt>负债|欠债|欠款|亏损|亏空)?\s*(?P<a>{_NUM})\s*(?:余|多)?"
_TRANSITION = re.compile(
    rf"{_FROM}(?P<ua>{UNITS})?[^，。；\d]{{0,8}}?"
    rf"(?P<verb>提高|提升|增加|增长|上升|跃升|攀升|下降|减少|降低|缩短|压缩|降|升|增|减)?(?:到|至|为)了?\s*{_DATED}"
    rf"(?:现在的|如今的|目前的|眼下的)?(?:近|约|盈余|结余|盈利|最多|最少|每天|每年|每月)?(?P<b>{_NUM})\s*(?P<ap>余|多)?(?P<ub>{UNITS})")
# the "from" of a change whose "to" is no figure ("由原来的20万元一下子冲过了百万元"): a baseline all the same
_FROM_ONLY = re.compile(rf"{_FROM}(?:{UNITS})?"
                        r"(?=，?[^，。；\d]{0,12}?(?:增加|增长|增至|提高|提升|涨|上升|升至|升到|下降|降至|降到|降低|减少|减至|缩短|压缩|跃升|攀升|冲过|冲到|突破|"
                        r"变成|变为|翻|到|至|达到)|，(?:到|至)(?:19|20)\d{2}年)")   # "从…4600万元，到2021年已攀升至8亿元"
# where a figure can start: 近/约/逾/超 or a digit, not after a digit, "." or 第 (_QUANTITY's own lookbehind, checked
# once the character is found: re scans for a leading character class fast, where a leading lookbehind and optional
# group make it try the whole of _QUANTITY at every character)
_FIGURE_START = re.compile(r"[近约逾超\d](?<![\d.第].)")
_QUANTITIES = Prefiltered(_QUANTITY, starts=_FIGURE_START)   # (what _QUANTITY.finditer yields)
_YEAR = re.compile(r"^(19|20)\d{2}$")
_WAN_UNIT = re.compile(r"[元人户亩]")
_WAN_MORE = re.compile(r"[多余](元|人次|人|户次|户|亩|个|次|件|名|家|吨)")
# what a bare 万 counts, written right after it ("3624.8万吨", "2.5万多株", "1.25万余条"): the unit shown whole (the
# figure is judged with 万 alone, as it always was; only what is stored and shown says what was counted)
_WAN_OF = re.compile(r"(?P<ap>[多余])?(?P<u>吨|公斤|斤|株|棵|套|台|只|羽|头|辆次|辆|件|例|册|条|张|份|袋|粒|单|标箱|"
                     r"平方千米|平方米|平米|公里|千米|米|度|千瓦时|千伏安|小时|窖|枚|箱|担|根|个|名|次|人|户|亩|元)")


def _shown_unit(text: str, end: int, unit: str) -> tuple[str, bool]:
    """The unit a figure ending at ``end`` is stored and shown with: a figure read as 万 alone gets the word it counts
    when one follows (万吨, 万株 …), with whether an approximation (多, 余) stood between them; any other keeps its unit."""
    m = _WAN_OF.match(text, end) if unit == "万" else None
    return ("万" + m.group("u"), bool(m.group("ap"))) if m else (unit, False)


_DOWN = ("下降", "减少", "降低", "缩短", "压缩", "降至", "减至", "下滑", "少了", "降到")
_UP = ("提高", "提升", "增加", "增长", "上升", "达到", "突破", "跃升", "翻番", "增至", "升至")
_QUALITATIVE = re.compile(r"(获评|被评为|荣获|入选|被授予|被命名为|获得.{0,12}(?:称号|荣誉|表彰|奖)|"
                          r"在全[国省市区县](?:内)?(?:推广|复制)|全[国省市区县]范围(?:内)?(?:推广|复制)|被.{0,12}(?:推广|采纳|复制|写入)|"
                          r"经验.{0,10}(?:推广|交流)|写入.{0,12}(?:文件|报告|条例))")
_CLAUSE = re.compile(r"[，；：:,;]")
# an honour asked about ("一个县级大厅凭什么入选？" opening a section): what the text goes on to answer, no result in itself
_ASKS = re.compile(r"[？?]$|凭什么|为什么|为何|怎么")
_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,4}[：:]")   # "成效：一年来……"

# --- what speaks for a number being a result -----------------------------------------------------------
# every branch starts with a character (服(?<!政务服)务, not (?<!政务)服务): re then skips to the first characters
_RESULT_VERB = re.compile(
    r"达到|达|多收(?!费)|多挣|多赚|高出|拿下|创汇|壮大|扩大|扩充|扩展|增加|增长|增至|提高|提升|升至|突破|超过|实现|带动|累计|共计|新增|净增|完成|化解|办结|解决|惠及|受益|覆盖|吸纳|培育|"
    r"发展|建成|建起|建到|建立|组建|创收|分红|增收|收益|收入|减少|下降|降至|降到|降低|缩短|压缩|节约|节省|帮助|帮|服(?<!政务服)务(?!中心|站|大厅|窗口|平台|阵地|体系|型|点|队)|开展|"
    r"举办|办理|受理|调解|调处|排查|处置|认领|兑现|兑换|招募|吸引|引进|培训|结对|走访|挽回|创造|带来|获得|争取到|"
    r"纳入|报到|亮出|谈成|开发出|投产|上线|成立|挂牌|签约|落地|推出|盈利|分出|分到|找回|提出|创效|获批|到位|发放|"
    r"控制在|保持在|保持|形成|评定|评选|命名|孵化|实施|入选|获奖|挽回|回收|收回|转化|涌现|培养|选派|派出(?!所|法庭|机构)|动员|"
    r"征集|收集|募集|募得|回应|响应|答复|整改|清理|拆除|修复|改造|迁改|新建|新修|增设|设立|打造|创建|吸收|发动|修通|修建|硬化|铺设|"
    r"主持|获|递交|提交|上报|反映|随访|入户|登记(?!在册)|恢复|梳理|引回|引来|"
    r"收缴|缴获|查获|破获|侦破|抓获|查处|打掉|查扣|"   # what police and border work seize and solve
    r"多了|多出|增多|摊到|人均|户均|平均|做了|加装|安装|布下|布设|建有|开了|开出|办了|搞了|解答|帮扶|救助|慰问|"
    r"少了|降了|升到|涨到|涨了|提到|到了|辐射|接待|接转|开出|"
    r"清掉|清理掉|追回|补交|翻了|贡献|省下|省了|扩大到|扩大了|做到了|修了|新开|开发了|代办(?![员点站处])|提供|"
    r"拉动|拆掉|拆了|铺了|修起|快了|写出|腾出|开具|接访|联系指导|办成|冲到|冲上|越过|刷新|装上|"
    r"清运|清掏|吸走|献出|产出|出产|善款")   # (the refuse a drain's works removed: "吸走污垢3车"; the blood a drive collected)
_RESULT_LEAD = re.compile(r"^(?:截至|截止|到目前|目前|至今|迄今|如今|现在|去年|今年以来|当年|此后|推行后|实施后|运行以来|据统计，?|"
                          r"通过(?:这项|这一|这个|这些|该项?)[\u4e00-\u9fff]{1,4}[，,]|"
                          r"建成后|近(?:几|\d+|[一两二三四五六七八九十]+)?年(?:来)?|这(?:几|些)年|"
                          r"(?:\d+|[一两二三四五六七八九十几多半]+)(?:个)?(?:年|个月|月|天)(?:来|以来|内|后|间|多来|下来)|"
                          r"\d{4}年(?:底|末|全年)?|全年)")
# --- what speaks against it ----------------------------------------------------------------------------
# an aim stated at the head of the sentence governs every clause after it ("目标是培养头部电商企业十家、…，每年实现营收
# 50亿元"): its figures are targets however far the clause is from the word
_AIM_LEADS = re.compile(r"(?:目标是|目标为|目标：|力争)[^。！？；]*$|"
                        # … and so does a plan named at its head, across its semicolons ("按照计划，今年村里要培训…；
                        # 另外还要培育12名…")
                        r"(?:按照|按|根据)(?:今年的|年度)?(?:计划|规划)[^。！？]*$")
_AIM_WORD = re.compile(r"目标|力争|计划|规划")   # in every _AIM_LEADS match, and found fast (like _THEN_WORD)
# (every branch starts with a character, 可(?<![认许]可) for (?<![认许])可: re then skips to the first characters)
_HOPED = r"预计|估计|预估|计划|打算|力争|拟|将要|目标|预期|可能|争取(?=在|冲|实现|达到|突破|完成|超过|早日|尽快|年内|今年|明年)|有望|规划|可(?<![认许]可)(?:再|望|达|增|实现|带动|新增)|" \
         r"还要(?=再|培|建|新建|发展|完成|实现|引进|新增|打造|推动|组织|开展|吸纳|带动)"   # "另外还要培育12名", "后面还要再运2000吨": what is still to do
_PLAN = re.compile(_HOPED + r"|可以|能够|允许")
# … in the clause before a figure: "可以" and "能够" there say what can be done now ("684项服务事项可以全程在网上办理，
# 网上办理率83%"), not what is hoped for
_PLAN_BEHIND = re.compile(_HOPED)
# … unless the figure's clause says what was done against it ("实际生产煤炭53000吨", "比计划多出16000吨"), or that it was
# done ("计划任务干完了，一口气完成产值8391万元", "计划产值是8329万元，完成了100.7%")
_ACTUAL = re.compile(r"实际(?!上)|实绩|最终(?!目标)|(?:一口气|已经?|提前|超额)?完成(?!后|之后|时)")
_AGAINST_PLAN = re.compile(r"(?:比|较|超过|超出|超)(?:原|年度|既定)?计划")
_PERFECT = re.compile(r"目前|截至|截止|至今|迄今|已有|已经|已(?!退休|离休|退役|去世|过世)|一共|总共|共计|累计|(?:年|个月|月)(?:里|来|以来|内)|以来|现已")
_FRAME = re.compile(r"^(?:个|项|条|大)?(?:方面|方向|环节|步骤|维度|板块|类|层面|层级|阶段|原则|要素|机制|体系|工程|行动|举措|班次|统一|任务|目标)")
_PRICE = re.compile(r"每[\u4e00-\u9fff]{0,4}(?:分|斤|公斤|亩|人|次|小时|单|个|名|户|件)?[^，。；]{0,6}?(?:相当于|折合|可兑换|兑换|奖励|补贴|收取|收费|费用)|"
                    r"相当于|折合|单价|元/|/斤|/亩|材料费|报名费|会费|工本费|标准为|"
                    r"每(?:吨|斤|公斤|亩|件|单|台|方)[^，。；]{0,4}(?:省|节约|节省|便宜|少花)|"
                    r"(?:售价|价格|收购价|卖价|价钱)[^，。；]{0,10}?每(?:吨|斤|公斤|千克|件)")
_DURATION_UNITS = ("天", "小时", "分钟", "个月", "个工作日")
_DURATION = re.compile(r"经过|历时|为期|用了|花了|连续|前后|每天|每周|每月|每年|每旬|一连|足足|整整|坚持了|干了|持续|(?<![利使应采运作费少多节省])用$")
# cases taken in, with the cases concluded counted next to them (r1360, r2049, r2204; "受理纠纷225起，全部得到化解"
# and "受理邻里纠纷11件，全部得到解决，解决率为100%" count what was resolved, and keep it)
_INTAKE = re.compile(r"受理[^，。；\d]{0,14}$")
# what a figure is compared with: "比1992年的人均860元", "较改造前的…" (not 评比, 对比, 相比, 排比: no comparison of it)
_COMPARED_WITH = re.compile(r"(?<![评对相排])(?:比|较)(?:(?:19|20)\d{2}年(?:底|初|末|同期)?|[^，。；\d比较]{1,8}?)的"
                            r"(?:人均|户均|平均|年均|村均)?$")
_CONCLUDED = re.compile(r"[^。；\d]{0,8}?(?:结案|审结|办结|执结|化解|解决)[^。；\d率]{0,6}?\d+[余多]?(?:件|起|宗|个|项)")
_QUOTA = re.compile(r"只能|最多|不超过|上限|限报|名额|至少|每校|每个省")
# "拍板当年扩招不少于2000人": a floor set, a target — but "增速已经连着七年不低于8%" is a level held
_AT_LEAST = re.compile(r"不少于|不低于")
_POOL = re.compile(r"从(?:近|约)?$")
_LOW_BASE = re.compile(r"仅|只有|只在|不足|不到|才有|才|只拿到|只得到|只剩|顶多|至多")
_INPUT = re.compile(r"投入|投资|总投资|出资|筹集|拿出|花费|捐款|捐赠|流转|租金|贷款")
_ANECDOTE = re.compile(r"他|她|他家|她家|老人|大爷|大妈|阿姨|拿到|领到|领得|最多的|最少的|一户是|这回")
_SETTING = re.compile(r"全村|全镇|现有|共有|下辖|下设|设有|辖区|辖有|常住|户籍|总人口|人口|面积|占地|有党员|党员\d|两委|村民小组|资产总额|总资产|注册资本|"
                      r"位于|地处|始建|成立于|始于|组建于|在册|编制|规模")
# "组建了9支党员突击队", "一共划了5个网格": how the work was organised (a measure), not what it achieved
_SETUP_VERB = re.compile(r"组建|划了|划分|划出|划成|下设|设立|设置|设有|分成|编成|建起|成立")
_STRUCTURE = re.compile(r"设有|下设|下辖|辖有")
# the teams and groups a unit sets up, named after their count (_SETUP_OBJECT) or before it (_SETUP_NAMED)
_TEAMS = r"突击队|服务队|志愿队|小分队|网格|小组|专班|工作组|工作室|项目组|攻关组|课题组|工作队"
_SETUP_NAMED = re.compile(rf"(?:先锋岗|示范岗|责任岗|{_TEAMS})$")
# whom an organisation counts ("支部里的党员一共946名", "目前协会有正式党员52名", "会员有120家"), and the next item
# of such a list ("…党员有12人，团员162人", "…52名、入党积极分子4名")
_MEMBERS = r"(?:正式|预备)?(?:党员|团员|会员|成员|职工|员工|干警|入党积极分子|积极分子)"
_COUNTED = rf"(?:{_MEMBERS}(?:人数|总数)?(?:为|共|一共|总共|合计|共有|总数为|总计|有)|(?:现有|共有|有){_MEMBERS})"
_MEMBER_STOCK = re.compile(rf"{_COUNTED}$|会员有$|"
                           # "社区目前有退役军人700余人，其中党员280余人": who lives or serves there, as it is
                           r"(?:现有|共有|目前有|如今有|住着|居住着|^有)(?:退役军人|居民|村民|常住人口|户籍人口|流动人口|"
                           r"老年人|老人|残疾人|留守儿童)$|其中(?:有)?(?:党员|退役军人|老年人|老人)$|"
                           # "支部党员里有正高级职称的3人、副高级职称的21人": the members as they are, by title
                           r"(?:党员|成员|职工|员工|干部)(?:里|中|当中)(?:有|具有)[^，。；]{0,24}?的$")
_MEMBER_LISTED = re.compile(rf"{_COUNTED}\d+(?:\.\d+)?(?:名|人|位)[，、]{_MEMBERS}$")
_DATED_BASE = re.compile(r"\d{4}年(?:底|末|初|时|全年)?(?:[^，。；\d]{0,8}?(?:是|为|只有|仅有|仅|还要|还需|还得)|时)$")
# a sum for each one of a group named by a condition (an age, a result in an exam), not a total paid out
_PER_HEAD = re.compile(r"(?:周岁|岁)以上的?[\u4e00-\u9fff]{0,4}?(?:发放|发|补助|补贴|奖励|奖)$|"
                       r"(?:考上|考取|考入)[^，。；]{0,10}?的?[\u4e00-\u9fff]{0,3}?(?:发放|发|奖励|奖)$")
_FAST = re.compile(r"[^，。；\d]{0,2}?(?:就|便)(?:[^，。；\d]{0,4}?)(?:拿到|办好|办完|办结|领到|办下|完成|搞定|到位|解决)")
_RESPONDS = re.compile(r"(?:以内|之内|内)[^，。；\d]{0,3}?(?:赶到|到场|到达|响应|办结|办好|答复|回复|处置)")
_BEFORE_THE_WORK = re.compile(r"(?:帮扶|改造|整治|改革|结对|入股|建社|接手|上任|接任|推行|实施|创建|合作)(?:前|之前|以前)[，,]?"
                              r"[^，。；\d]{0,4}?(?:是|为|只有|仅有|仅|才|有|不到|不足)$")
_RISES_LATER = re.compile(r"[^。；]*?(?:涨到|涨至|升到|增加到|增加至|增长到|增长至|提高到|提高至|提升到|提升至|上升到|上升至|跃升到|跃升至|达到|增至|升至|降到|降至|减少到|下降到|"
                          r"缩短为|缩短到|缩短至|压缩到|压缩至|压缩为|减为|降为|"
                          r"\d{4}年[^，。；]{0,4}?(?:已|则)[^，。；]{0,3}?(?:超过|突破|达)|"
                          r"(?:如今|现在|眼下|目前)(?:已经?|则)(?:是|为|达|超过|突破))")   # "…为3793元，如今已是7586元"
# meetings held, counted ("支部委员会一年开了12次", "专题会开了5次", "大讲堂一起办了6次"): what the work did, not
# what it reached (on the development sets annotators listed ten such counts as no result and one as a result)
_MEETINGS_HELD = re.compile(r"(?:(?<![社机学协商工都体领理误])会|会议|讲堂|党课)[^，。；\d]{0,6}?(?:开|召开|举办|办|讲)了?"
                            r"[^，。；\d]{0,3}?$")
_PICKED = re.compile(r"(?:选了|选出|选取|挑选|选定|确定了?|择优选)$")
_SETUP_OBJECT = re.compile(rf"^[\u4e00-\u9fff]{{0,6}}?(?:队伍|{_TEAMS})")
_OTHERS = re.compile(r"(?:教育部|农业农村部|中组部|组织部|国务院|民政部|有关部门|专家|评审|省委|省级|国家级)[^，。；]{0,10}"
                     r"(?:公布|发布|评选|遴选|认定|命名|审议|申报)")

# --- scope: an area wider than the unit ---------------------------------------------------------------
_AREA = [("全国", 5), ("全省", 4), ("省内", 4), ("全市", 3), ("全州", 3), ("全盟", 3), ("市内", 3), ("全县", 2),
         ("全区", 2), ("全旗", 2), ("县内", 2), ("全镇", 1), ("全乡", 1), ("全街道", 1), ("街道面上", 1), ("全街", 1),
         ("面上", 1), ("各村", 1), ("全域", 3), ("三地", 4), ("两地", 4), ("多地", 4), ("该县", 2), ("该市", 3), ("该区", 2), ("该镇", 1)]
_AREA_RE = re.compile("(?:" + "|".join(a for a, _ in sorted(_AREA, key=lambda x: -len(x[0]))) + ")"
                      r"(?![^获得有是为，、。；\d]{0,8}(?:大赛|比赛|竞赛|评比|典型|先进|优秀|示范|文明|会议|表彰|称号|第一|首个|首家|率先|领先|前列|排名|推广))")
_AREA_LEVEL = dict(_AREA)
ACCEPT = 2.0


@dataclass
class OutcomeFact:
    metric: str            # metric id from the taxonomy, "" when only a noun phrase names it
    name: str              # readable label: the metric's name or a clean noun phrase ("" when none)
    value: float | None    # None for qualitative outcomes
    unit: str
    direction: str         # up / down / none
    evidence: str
    baseline: float | None = None   # the "from" of a before/after pair
    scope: str = "unit"             # unit: the unit's own result; region: a figure of a wider area (全县…)
    approx: bool = False            # 2000多万, 近3000, 约40

    def to_dict(self) -> dict:
        d = {"name": self.name, "metric": self.metric or None, "value": self.value, "unit": self.unit or None,
             "direction": self.direction, "evidence": self.evidence, "scope": self.scope}
        if self.baseline is not None:
            d["from"] = self.baseline
        if self.approx:
            d["approx"] = True
        return d


# organisations whose work covers the area they are named after (a city's power company, a county's tax bureau,
# a district's Party committee): 全市 is their own scope
_SERVES_AREA = re.compile(r"供电|电力|电网|移动|联通|电信|烟草|邮政|供销|银行|分行|支行|水务|燃气|公交|税务|公安|法院|检察院|局|委|办|厅|"
                          r"政府|党委|党工委|工会|妇联|团委|协会|联合会|商会")


def unit_level(unit: str) -> float:
    """How wide the unit is, on the scale of ``_AREA``: no unit named 1 (the text speaks for a town at most);
    a village, community or organisation without a place in its name 0, a town or street 1, and otherwise the deepest division its name carries (a county 2, a city 3, a
    province 4: "赣州供电公司" serves 赣州, so 全市 is its own scope). An area marker wider than this makes a
    figure a region's, not the unit's."""
    u = unit or ""
    if not u:
        return 1   # no unit named: a town-wide figure is the text's own (its actor is the town); wider ones are not
    g = gazetteer()
    mentions = [(a, b, s) for a, b, s in g.mentions(u) if not s.weak]
    # the divisions named in it blanked out: 镇 of 镇江市 is no town, 乡 of 乡宁县 no township
    rest = u
    for a, b, s in mentions:
        if g.division(s.adcode).level in ("province", "city", "county"):
            rest = rest[:a] + "\0" * (b - a) + rest[b:]
    if re.search(r"村|社区|居委|小区|嘎查|网格|楼宇|驿站|[^\u4e00-\u9fff]站", rest):
        return 0
    if re.search(r"街道|镇|乡|苏木", rest):
        return 1
    if not _SERVES_AREA.search(re.sub(r"(?:党委|党总支|党支部|党工委|党组)$", "", u)):
        return 0     # a firm, school or hospital named after its place is still one organisation
    levels = [g.division(s.adcode).level for _, _, s in mentions]
    return max(({"province": 4, "city": 3, "county": 2}[lv] for lv in levels), default=0) if levels else 0


def extract_outcomes(sentences: list[Sentence], tx: Taxonomy, *, unit: str = "", limit: int = 40,
                     text: str = "") -> list[OutcomeFact]:
    """``text`` (the normalised document the sentences index into) tells where paragraphs end: a paragraph that
    opens with a wider area as its topic ("从全市看，…") keeps its figures the area's until it ends."""
    level = unit_level(unit)
    out: list[OutcomeFact] = []
    seen: set[tuple[str, float | None, str]] = set()
    area_topic = False
    previous_end = 0
    for k, s in enumerate(sentences):
        if s.heading or (text and "\n" in text[previous_end:s.start]):
            area_topic = False         # a new paragraph or section
        previous_end = s.end
        if s.heading:
            continue
        if _opens_with_area(s.text, level):
            area_topic = True
        nxt = sentences[k + 1] if k + 1 < len(sentences) else None
        if nxt is not None and not nxt.heading and _FACING.match(nxt.text.lstrip(OPENERS)):
            continue   # "…受理案件7712件，比上年增加38.98%。面对这种局面，…": the situation the work answered
        if nxt is not None and not nxt.heading and _compared_next_year(s.text, nxt.text):
            continue   # "2020年，…发生入室盗窃247起…；到了2021年，这三类案件分别只发生了115起": the year compared against
        facts = _sentence_outcomes(s, tx, level)
        if area_topic:
            for fact in facts:
                fact.scope = "region"
        if _example_of_area(s.text, unit):
            area_topic = True      # what follows in the paragraph is the area's story, its figures the area's
        for fact in facts:
            # (a figure with neither metric nor name stands for the unit's own of the same size only in the same scope:
            # "全县已有3000余名…", the county's, and "3000余名在职党员认领了…", the unit's, are two)
            key = (fact.metric or fact.name or fact.scope, fact.value, fact.unit)
            if key not in seen:
                seen.add(key)
                out.append(fact)
        q = not facts and s.role != "problem" and _QUALITATIVE.search(s.text)   # (the cheap conditions first)
        clause = _clause_around(s.text, q.start()) if q and not _PLAN.search(s.text[:q.start()]) else None
        if clause is not None and not _ASKS.search(clause):
            key = ("qualitative", None, clause)
            if key not in seen:
                seen.add(key)
                kind = "推广" if ("推广" in q.group(0) or "复制" in q.group(0) or "写入" in q.group(0)) else "荣誉"
                out.append(OutcomeFact("promotion" if kind == "推广" else "honour", clause[:40], None, "",
                                       "none", s.text))
        if len(out) >= limit:
            break
    return out[:limit]


def _sentence_outcomes(s: Sentence, tx: Taxonomy, level: float) -> list[OutcomeFact]:
    text = s.text
    if not _DIGIT.search(text):
        return []      # every figure is written in digits by now (normalise): most sentences hold none
    transitions = list(_TRANSITION.finditer(text))
    quantities = list(_QUANTITIES.finditer(text))
    if not transitions and not quantities:
        return []      # digits but no figure (a year, a date): a third of them; skip the clauses, cues and lead
    lead = bool(_RESULT_LEAD.match(_LABEL.sub("", text.lstrip(OPENERS))))
    clauses = _clauses(text)
    cues = tx.metric_cues(text)
    facts: list[tuple[int, OutcomeFact]] = []
    consumed: list[tuple[int, int]] = []
    for m in transitions:
        a, b = _num(m.group("a")), _num(m.group("b"))
        if m.group("debt"):
            a = -a   # "由负债12万元变为盈余36万元": the starting point was a debt
        unit = m.group("ub") or m.group("ua") or ""
        approx = bool(m.group("ap"))
        more = unit == "万" and _WAN_MORE.match(text, m.end())
        if more:                 # "由5万多元提高到23万余元" ends on 23 万元, approximately (as a lone "8万多元" does)
            unit, approx = "万" + more.group(1), True
        c0, c1 = _clause_of(clauses, m.start())
        clause_before = text[c0:m.start()]
        consumed.append((m.start(), m.end() + (len(more.group(0)) if more else 0)))
        if _PLAN.search(clause_before) or s.role == "problem" and not lead and not _later_now(text, m.start()):
            continue
        metric, name, direction = _metric_for(text, c0, m.start(), cues, unit)
        if name is None:
            name = noun_phrase(text[c0:m.start()])
        verb = m.group("verb") or ""
        if verb:
            direction = "down" if any(v in verb for v in ("降", "减", "缩", "压")) else "up"
        elif a != b:
            direction = "up" if b > a else "down"
        scope = _scope(text, c0, m.start(), level)
        shown, more_after = _shown_unit(text, m.end(), unit)
        facts.append((m.start("b"), OutcomeFact(metric, name, b, shown, direction, text, baseline=a, scope=scope,
                                               approx=approx or more_after)))
    consumed += [(m.start("a"), m.end()) for m in _FROM_ONLY.finditer(text)
                 if not any(x <= m.start() < y for x, y in consumed)]
    for m in quantities:
        start, end = m.span()   # (read once: a dozen uses below)
        if consumed and any(x <= start < y for x, y in consumed):
            continue
        raw, unit = m.group("v"), m.group("u")
        after = text[end:end + 1]
        if _YEAR.match(raw) and (unit in ("",) or after in ("年", "-", "—", "/", ".")):
            continue
        if unit == "个" and text.startswith(("年头", "多年头", "昼夜", "日夜", "星期", "多星期", "礼拜", "钟头",
                                            "多钟头"), end):
            continue   # "已经有15个年头", "连续苦战3个昼夜": a span of time, not fifteen of something
        if _MILESTONE.match(text, end):
            continue   # "结案数第一次跨过20000件这道坎", "突破两万件大关": the mark passed, not a figure of the unit's
        if after in ("制", "级") or (start >= 2 and text[start - 1] in "-—~～－" and text[start - 2].isdigit()):
            continue   # "5人制足球场", "亿元级项目" are kinds; "3-4次" is one figure, given by its first number
        if unit == "万" and _WAN_UNIT.match(after or "x"):
            continue   # "5万元" is matched whole elsewhere; a bare 万 stands for 万 (people, items)
        approx = bool(m.group("pre") or m.group("ap") or m.group("post"))
        if unit in ("个多月", "多个月"):      # "经过5个多月": a duration, its 多 an approximation
            unit, approx = "个月", True
        elif unit in ("个小时", "个多小时"):  # "3个小时": hours, not three of something
            unit, approx = "小时", approx or unit == "个多小时"
        elif unit == "个" and text.startswith("亿", end):   # "冲上1个亿", "2个亿元": spoken for 1 亿, 2 亿元 …
            if text.startswith(("亿元级", "亿级"), end):
                continue                   # … but "2个亿元级的文旅项目" is a class of project, not a sum
            unit = "亿元"
        more = unit == "万" and _WAN_MORE.match(text, end)
        if more:                           # "8万多元" is 8 万元, approximately (not 8 万 of something)
            unit, approx = "万" + more.group(1), True
        c0, c1 = _clause_of(clauses, start)
        if _COMPARED_WITH.search(text, c0, start):
            continue   # "比1992年的人均860元增长了32倍": the figure compared with, a baseline
        metric, name, direction = _metric_for(text, c0, start, cues, unit)
        # a clause that follows a result in the same sentence ("半年来办结诉求1300件，满意率98.62%") goes on with it
        named = _named_metric(text, c0, start)
        carried = named and (any(pos < c0 for pos, _ in facts) or bool(_PERFECT.search(text[:c0])))
        (score, penalty), value = _score(text, s, m, c0, c1, unit, lead, direction, named=named), _num(raw)
        scope = _scope(text, c0, start, level)
        if not outcome_model.is_result(Candidate(text, start, end, c0, c1, unit, value, s.role, s.section,
                                                 lead, direction, approx, score,
                                                 score + (1.0 if carried else 0.0) >= ACCEPT, scope == "region",
                                                 penalty)):
            continue
        if name is None:
            name = noun_phrase(text[c0:start])
        window = text[max(c0, start - 8):start]
        if any(v in window for v in _DOWN):
            direction = "down"
        elif any(v in window for v in _UP) and direction == "none":
            direction = "up"
        shown, more_after = _shown_unit(text, end, unit)
        facts.append((start, OutcomeFact(metric, name, value, shown, direction, text,
                                         scope=scope, approx=approx or more_after)))
    return [f for _, f in sorted(facts, key=lambda x: x[0])]


# households or people out of poverty, right after their count ("…全部脱贫", "…脱了贫", "摆脱了贫困"), not the poor
# still there (尚未脱贫), the households that left it once (脱贫户, who are served) or the campaign (脱贫攻坚)
_OUT_OF_POVERTY = re.compile(r"(?:\d+[余多]?(?:户|人|名|口)、?)?[^，。；\d]{0,10}?(?<!尚未)(?<![未没不])(?:实现|全部|全都|已经?|都已?|先后|相继|稳定|如期|顺利)?"
                             r"(?:脱贫|脱了贫|摆脱了?贫困)(?![户攻对人])")
# "2004年以前，…只有1750元": a sentence that opens before the work began gives the starting point
_BEFORE_WORK = re.compile(r"^(?:\d{4}年(?:以前|之前|前)|(?:\d+|[一两二三四五六七八九十几]+)年(?:以前|之前|前)，|"
                          r"过去|以前|此前|之前|早些年|早年|当初|那时|那会儿|那几年|原来|原先)")
# (every branch starts with a character, 刚? spelt out in the order re tries it: re then skips to the first characters)
_AT_THE_START = re.compile(r"(?:刚起步时|起步时|起步之初|起初|最初|刚成立时|成立时|成立之初|组建时|组建之初|创办时|创办之初|创建之初|"
                           r"建立之初|建厂时|建厂之初)")
# … until the text moves on to what it became ("两年后", "现已增加到53户", "壮大到45人")
_LATER = re.compile(r"后|现已|现在|如今|目前|眼下|已经?|增加到|增至|增长到|壮大到|发展到|变成|变为|成了|到了|扩大|达到|升至|"
                    r"提高到|做到|长成")
# how many people live in or are served by the unit's area: its setting ("常住人口有1.2万人"), not a result
_HEADS = frozenset(("户", "人", "万人", "名", "口", "万户"))
_POPULATION = re.compile(r"(?:居民|常住人口|户籍人口|流动人口|总人口|人口|住户|服务对象)"
                         r"(?:有|共有|约有|总数|总量|共计|合计|一共|为|是)?(?:约|近|达|超过|逾|超)?"
                         # … and the count right after it in the same breath ("常住居民共计10642人、2923户")
                         r"(?:\d[\d.]*万?(?:人|户|口)、)?$")
_REACHED_PEOPLE = re.compile(r"惠及|带动|覆盖|帮助|帮扶|走访|接待|服务(?!对象)|受益|吸引|动员|组织|新增|增加|增长|增至|提高|"
                             r"由|从|发展到|扩大")
_HONOUR_LIST = re.compile(r"(?:全国|全省|全市|全区|省级|市级|国家级)[^，。；、]{0,6}?(?:优秀共产党员|优秀党务工作者|先进基层党组织|"
                          r"先进集体|先进个人|劳动模范|优秀党员|先进工作者|道德模范|示范点|示范单位|标杆)$")
# people picked and sent are an input of the work, not its result ("挑选党员干部86名，下派到…")
_RECEIVED = re.compile(r"收到[^，。；]{0,8}$")
_THANKS = re.compile(r"[^，。；]{0,6}(?:锦旗|感谢信|表扬信)")
_AFTER_THE_WORK = re.compile(r"(?:改完|改造完|建成|建好|投用|完工|竣工|修好)后")
_GAINED = re.compile(r"省下|省了|节约了?|节省了?|提高了|提升了|增加了|升到了?|涨到了?|翻了")
_HANDOUT = re.compile(r"(?:发放|送出|送去|分发|散发|印发|印制|张贴|发出|赠送)[^，。；]{0,12}$")
# goods weighed or packed, given on a visit or handed out (the whole list after the verb)
_GOODS_UNITS = ("公斤", "斤", "千克", "袋", "桶", "箱")
_GOODS_GIVEN = re.compile(r"(?:发放|送去|送上|送出|捐赠|赠送|分发|带去)[^。；]{0,30}$")
_POOL_AFTER = re.compile(r"[^，。；\d]{0,16}?(?:中|里|当中)[，,]?(?:还|仍|就|只|竟)?(?:有|共有|其中)|"
                         # … or the field a rank is taken in ("在全省139个所当中排在第100名上下", "在全县244个…中排第1位")
                         r"[^，。；,;\d]{0,12}?(?:当中|之中|中|里)[^，。；,;\d]{0,4}?(?:排|位列|名列|位居|列第)")
_HONOURED_WITH = re.compile(r"[家个所]?(?:单位|医院|企业|学校|集体|党组织|基层党组织|社区|村)[^，。；\d]{0,4}?"
                            r"(?:入选|获评|上榜|被评为|被命名|获此殊荣|获得表彰|受到表彰)")
_MONEY = frozenset(("元", "万元", "亿元", "千元", "万美元", "美元"))
_SPENT = re.compile(r"(?:(?<!科研)经费|的钱|拨付了?|划拨了?|下拨了?|补助了?)[^，。；]{0,3}$")
# money put into something, told before its sum ("农场投向农业基础设施的资金达到700多万元")
_FUNDS_INTO = re.compile(r"(?:投向|投到|投进|投放到|投放在|用到|用在)[^，。；]{1,14}?的(?:资金|经费|钱)[^，。；\d]{0,4}$")
_PERSONAL = re.compile(r"(?<![其])[他她](?:家)?[^，。；他她]{0,6}?(?:营业额|收入|工资|利润|存款)")
_SENT = re.compile(r"挑选|选派|下派|派驻|派出|抽调|选调|选聘|招募|动员")
_SENT_DOWN = re.compile(r"[^，。；]{0,14}?下沉")
# a stretch of a city named as the setting, not the unit ("这片区域的税收累计达到388亿元")
_WIDER_STRETCH = re.compile(r"这片区域|该区域|这一区域|整个区域|整个片区|单在[^，。；]{1,8}一地")
# "增加48万元以上的收入": the money after 的 is what the figure measures, not a group the threshold picks out
_AMOUNT_AFTER = re.compile(r"的[\u4e00-\u9fff]{0,4}?(?:收入|收益|效益|产值|利润|分红|营业额|销售额)")
# "村委会每年能从中拿到5.4万元收益", "凤塘村就从基地拿到分红约8万元": the collective's takings, no one person's story
_COLLECTIVE_GETS = re.compile(r"(?:村集体|集体经济|村委会|村里|村级|合作社|[\u4e00-\u9fff]{1,4}村)[^，。；他她的]{0,10}(?:拿到|领到)")   # (not "村里的张大爷领到")
# a sentence that opens on the money spent and goes on to what it paid for ("这次改造，办事处一共投资20万元，为楼院…")
_BOUGHT_WITH = re.compile(r"(?:投资|投入|出资|花费|花了|拿出)(?:资金)?[约近]?\d[\d.]*[余多]?[万亿]?元[，,](?:为|给|对|用于|把)")
# … but what the works brought, told after them, is a result ("投资500万元，为村里建起扶贫车间，新增就业岗位50个")
_BROUGHT = re.compile(r"新增|增加|带动|吸纳|提供|创造|解决|惠及|受益")
# a capacity that names the project it belongs to, written right before the project's word
# (万 only as 万吨: "1万株苗木的种植项目" counts seedlings, no capacity)
_CAPACITY_UNITS = frozenset(("吨", "千瓦", "万千瓦", "兆瓦"))
_PROJECT_NAMED = re.compile(r"[\u4e00-\u9fff]{0,12}?(?:项目|改造|技改|工程|生产线)(?![建投竣完])")
# … unless the clause says it was built ("村里已经建起…年产1000吨的茶叶生产线"): the line built is a result
_BUILT = re.compile(r"建起|建成|新建|投产|建好")
_WORKS_UNITS = frozenset(("平方米", "㎡", "米", "个", "处", "台", "盏", "公里", "座", "条", "间", "块", "根", "套"))
_PUT_IN = re.compile(r"(?:投入|投资|出资|拿出|花费|花了)了?(?:[^，。；\d]{0,8}?资金)?$")   # (投入新农村建设资金300多万元)
_AVERAGE = re.compile(r"(?:平均|人均|户均)(?=每[年月周天季亩])")   # "平均每年…" is how often (平均每户 is a share)
_RATE = re.compile(r"(?:按照?|以)?每[人户月年天周次亩][^，。；]{0,5}$|(?:一亩|一棵|一株|一头|一箱)(?:的|地)[^，。；]{0,5}$")
_ATTENDED = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?:参加|出席|参与|列席)了?(?:会议|培训|活动|仪式|座谈|开幕|启动|签约|交流)")
# … or who turned up ("20名热心居民到场"; not "3分钟内到场", a response time)
_TURNED_UP = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?:到场|到会)")
# … or counted by the words for who was there ("与会人数共50余人", "到会的28名代表", "与会者总数超过300人")
_PRESENT = re.compile(r"(?:与会|参会|到会)[^，。；\d]{0,8}$")
_THEN = re.compile(r"以前|以往|过去|原来|原先|从前|那时|(?:\d+|[一两二三四五六七八九十几多])年前")
# words every _THEN (_LAST_CENTURY) match holds: re finds them fast, so ``_score`` asks for them first (most sentences
# have none; the patterns themselves open with a digit or a lookbehind, which re tries at every character)
_THEN_WORD = re.compile(r"以前|以往|过去|原来|原先|从前|那时|年前")
_CENTURY_WORD = re.compile(r"世纪|年代")
_NOW = re.compile(r"(?:现在|如今|眼下|这几年|今年|这次|这一次|这回)[^，。；]{0,6}$")
_NOW_ANYWHERE = re.compile(r"现在|如今|眼下|这次|这一次|这回|(?<![\d年月天周])(?:以后|之后)，")


def _later_now(text: str, pos: int) -> bool:
    """A sentence that opens on the past and turns to the present before ``pos`` ("以前一台炉一天能出170多吨，…办法定
    下来以后，…工资也由4600元涨到了6500元"): what follows the turn is the result."""
    then = _THEN.search(text, 0, pos)
    return bool(then and _NOW_ANYWHERE.search(text, then.end(), pos))
# a sentence telling one example ("比如2023年6月，…") and a survey's findings (the state the work started from)
_EXAMPLE = re.compile(r"(?:比如|例如|譬如|举个例子|有一次|有一回)")
_SURVEY = re.compile(r"(?:摸排|摸底|排查|调查|调研|梳理|盘点)(?:下来|发现|显示|结果|后发现)")
_DATED_EVENT = re.compile(r"(?:(?:19|20)\d{2}年|去年|今年|前年)\d{1,2}月(?:\d{1,2}日)?(?:的一天)?[，,]")
_STUDIED = re.compile(r"(?:集中学习|学习|学了|讨论|研讨)[^，。；\d]{0,8}$")
_WRITTEN_UP = re.compile(r"(?:心得体会|心得|体会文章|学习体会|读书笔记|学习笔记|笔记)[^，。；\d]{0,6}$")
_ENDOWMENT = re.compile(r"人均(?:耕地|土地|林地|草场)|海拔|库容|(?:森林|绿化|植被)覆盖率|绿化率|老龄化率")
# "往南离沪蓉高速30公里", "距县城12公里": where the place lies
_DISTANCE = re.compile(r"(?:距|距离|离|相距)[^，。；\d]{1,14}$")
_MARKETS = re.compile(r"(?:多|余)?个?国家和地区")
_RATE_FOLLOWS = re.compile(r"[，,]?(?:较上年|比上年|较去年|比去年|同比|较上年同期|比上年同期|[比较](?:19|20)\d{2}年(?:同期)?)?"
                           r"(?:增长|增加|提高|上升|下降|减少|多出)了?"
                           r"\d+(?:\.\d+)?(?:%|个百分点|倍)")
_MILESTONE = re.compile(r"[^，。；\d]{0,2}?(?:这道坎|这个坎|这一关|大关|关口|的门槛|这道门槛)")
_STOCK = re.compile(r"存栏|在栏|养着|饲养着|圈养着")
# (… and a journey told as it went: "顺着国道往东开了四十多分钟", "驱车一个多小时")
_TRAVEL = re.compile(r"单程|往返|来回|开车|坐车|乘车|步行|走路|骑车|路上|[开走骑驶]了|赶往|驱车|车程|行驶")
_REFERS_BACK = re.compile(r"(?:这|那)$")
_LAST_CENTURY = re.compile(r"上世纪|上个世纪|(?<!\d)[5-9]0年代")
_AID_FUNDS = re.compile(r"(?:援[\u4e00-\u9fff]{1,2}|扶贫|帮扶|财政|专项|补助|奖补|上级)资金[^，。；]{0,2}$")
_ONE_OF = re.compile(r"(?:其中)?(?:一位|有位|有一位|一名)[\u4e00-\u9fff]{0,3}?(?:阿姨|大爷|大妈|老人|村民|居民|大姐|大哥|老党员|群众)")
# difficulties dealt with: a sentence that names them and then counts those solved ("专门议…难事，前后解决了47项",
# "这类问题已处理25件") reports a result in its count
_DONE = re.compile(r"(?:解决|化解|破解|处理|办成|办结|办好|调处|调解)了?")
# a number inside a short quoted name is part of the name ("暖心10条", "奋战150天劳动竞赛")
_QUOTED_NAME = re.compile(r"“[^“”，。；！？,;!?]{0,14}$")
_IN_QUOTED_NAME = re.compile(r"[^“”，。；！？,;!?]{0,13}”")
_RANGE = re.compile(r"[^，。；]{0,12}?之间|(?:到|至|~|～)\d|比\d")   # …之间, 3%到5%, a match won 3比2
_GREW = re.compile(r"增收|增加|增长|提高|提升|多收|多挣")
_RANGE_TOP = re.compile(r"\d(?:%|个百分点|[万亿]?元|[万亿]|个|家|人|名|户|倍|亩)?(?:到|至|~|～)$")   # the 5% of "3%到5%"


_MOBILISED = re.compile(r"(?:动员|发动|抽调|选派|派出|组织|召集)(?:了|起)?[^，。；\d]{0,3}$")
_MOBILISED_WHO = re.compile(r"(?:党员|干部|骨干|医护|职工|员工|专家|律师|民警|技术人员|队员)")   # (volunteers rallied are a result)
# "由15名调解员组成的…队伍": the people a team is made of (the 由 of a make-up, not of a change's start; a figure's 近
# or 约 is part of its match, so the word before it is what ``before`` ends with)
_MADE_UP = re.compile(r"[^，。；\d]{0,12}?组成")
_BODIES = re.compile(r"(?:部门|单位|部委|机关|委办局)")
# the patterns _score once wrote inline (compiled once here: re's cache lookup, and the join, were paid per figure)
_WHERE_COUNTED = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:社区|村|乡镇|镇|街道|小区|单位|企业|学校|部门|科室)的")
_CHANGE_WORD = re.compile("|".join(_DOWN + _UP))
_FASTER = re.compile("缩短|压缩|减少|提速|提前|突破|达到|超过|实现")
_SHORTER = re.compile("缩短|压缩|减少|节省|省下|省去")
_ROUND_THE_CLOCK = re.compile(r"(?:全天候|不打烊|不断线|不间断|无休|值守|在线|营业|服务|骑手|驿站|热线|便民|自助|候)")
_STOCK_CHANGED = re.compile(r"增加|增长|扩大|翻|由|从")


def _score(text: str, s: Sentence, m: re.Match, c0: int, c1: int, unit: str, lead: bool,
           direction: str = "none", *, named: bool) -> tuple[float, float]:
    """How strongly the clause says this number is a result of the work (accepted from ``ACCEPT``), and what the rules
    that speak against it took off (the penalty: the learned model adds no figure back past ``OutcomeModel.veto``).
    ``named``: a noun naming what it measures leads to it (``_named_metric``, which the caller has asked already)."""
    start, end = m.span()
    before = text[c0:start]
    after = text[end:c1]
    verb_before = bool(_RESULT_VERB.search(before))   # read by four rules: looked for once
    score = 0.0
    penalty = 0.0   # what the rules that rule a figure out took off (the model may not add back much of it)
    # "以前一年挣不到5000元，现在能挣3万多": in a sentence that opens on the past, the figure of now is the result
    # (the now may open an earlier clause: "几年前谁也想不到的局面如今出现了：…收缴率升到了97%")
    then = _THEN_WORD.search(text, 0, c0) and _THEN.search(text[:c0])
    now_vs_then = bool(then and (_NOW.search(before) or _NOW_ANYWHERE.search(text, then.end(), start)))
    opening = text.lstrip(OPENERS)
    if _BEFORE_WORK.match(opening) and not now_vs_then:
        penalty += 4.0
    elif (began := _AT_THE_START.search(text, 0, start)) and not _LATER.search(text, began.end(), start):
        penalty += 4.0   # "它起步时只是一座小煤窑：一年出煤8.24万吨，总产值605万元": the unit when it began, a baseline
    if (m.group("post") or (m.group("pre") in ("超过", "逾", "超") and unit not in ("%", "成"))) \
            and after.startswith("的") and not (unit in _MONEY and _AMOUNT_AFTER.match(after)):
        penalty += 4.0   # "考到140分以上的学生", "面积超过5000平方米的楼宇": a threshold that picks out a group
        #                (but "超过95%的家庭" is the share of households the work reached)
    elif unit in ("个", "家", "所") and _WHERE_COUNTED.match(after):
        penalty += 2.0   # "26个城市社区的具体岗位", "5个村的300户": the count names where, the result is what follows
    if verb_before or _DONE.search(before[-6:]) or (_RECEIVED.search(before) and (
            _THANKS.match(after) or _THANKS.search(before[-8:]))):
        score += 2.0   # (thanks received count: "收到10面感谢锦旗"; suggestions received are no result)
    elif _RESULT_VERB.search(after[:16]) or (unit in _DURATION_UNITS and _RESPONDS.match(after)):
        score += 1.0   # (also "10分钟内就能赶到": how fast the service now answers)
    if _RATE_FOLLOWS.match(text, end):
        score += 2.0   # "急诊为2600人次，增长40%": a level reported with its growth is a result
    out_of_poverty = unit in _HEADS and _OUT_OF_POVERTY.match(after) is not None
    if out_of_poverty:
        score += 2.0   # "全村63户247名贫困群众全部脱贫", "16户52人脱了贫": the households the work lifted out of poverty
    if lead or _RESULT_LEAD.match(before.lstrip()) or _PERFECT.search(before) or _AFTER_THE_WORK.search(before):
        score += 1.5
    if named:
        score += 1.0
    if s.role == "outcome":
        score += 1.5
    elif s.role == "problem" and not now_vs_then and not _GAINED.search(before[-4:]) and not _DONE.search(before):
        penalty += 2.0   # (but "针对油耗高的老问题，…研制出转子发动机，能耗省下40%" states what the work gained)
    # (a plan the figure is measured against is no plan of it: "计划产量是37000吨，实际生产煤炭53000吨，比计划多出16000吨")
    planned = _PLAN.search(_AGAINST_PLAN.sub("", before)) or (
        _PLAN_BEHIND.search(text[:c0][-12:]) and not _ACTUAL.match(before.lstrip(OPENERS)))
    if planned or (_AIM_WORD.search(text, 0, c0) and _AIM_LEADS.search(text[:c0])):
        penalty += 4.0
    if _PRICE.search(text[c0:c1]) and not _CHANGE_WORD.search(before):
        penalty += 4.0
    if unit in _DURATION_UNITS and _DURATION.search(before) and \
            not _FASTER.search(text, c0, c1):
        penalty += 4.0
    if _QUOTA.search(before) or _POOL.search(before) or (_AT_LEAST.search(before) and not _PERFECT.search(before)):
        penalty += 4.0
    if _INTAKE.search(before) and _CONCLUDED.match(text, end):
        penalty += 4.0   # "受理各类案件12462件，结案11545件": what came in, the workload; the cases concluded are the result
    fast = unit in _DURATION_UNITS and _FAST.match(after)
    if fast:
        score += 2.0   # "不到5天就全部拿到手", "这次不到6个小时就拿到了": how fast the service now is
    if direction != "down" and _LOW_BASE.search(before) and not _CHANGE_WORD.search(before) \
            and not fast:
        penalty += 4.0   # "当年集体收入仅1.2万元": the low point the work started from (but "用时仅3天" is a result)
    if unit in ("万元", "亿元", "元", "千元", "万美元", "美元", "亩", "万亩") and \
            (_INPUT.search(before[-10:]) or after.startswith(("资金", "的资金", "专项资金", "经费"))):
        penalty += 5.0 if _PUT_IN.search(before) else 3.0   # "累计投入364亿元": what went in, however much
    if unit in ("元", "万元") and _ANECDOTE.search(before) and not _COLLECTIVE_GETS.search(before):
        penalty += 3.0
    if _SETTING.search(before) and not (verb_before or out_of_poverty or
                                        (_PERFECT.search(before) and not _STRUCTURE.search(before))):
        penalty += 3.0   # "…下面一共设有24个党支部": how the unit is organised, whatever 一共 says
    if _FRAME.match(after.lstrip()) and not (after.lstrip().startswith(("班次", "个班次")) and _num(m.group("v")) >= 50):
        penalty += 4.0   # (but "一共跑了4255个班次" counts the runs made, no shifts the work is divided into)
    if (unit in _CAPACITY_UNITS or (unit == "万" and after.startswith("吨"))) \
            and _PROJECT_NAMED.match(after, 1 if unit == "万" else 0) and not _BUILT.search(before):
        penalty += 4.0   # "5000吨竹长丝连续纺改造", "20万吨碳纤维全产业链项目": a project named by its capacity
    if unit in ("分钟", "小时") and _TRAVEL.search(before) and not _SHORTER.search(text, c0, c1):
        penalty += 4.0   # "开车到办税服务厅单程就要40分钟": how far people had to go, not a result
    if unit == "天" and _num(m.group("v")) in (365, 366) and before.endswith(("一年", "全年", "每年", "一年到头")):
        penalty += 4.0   # "一天24小时开通，一年365天": open all year round, an attribute
    if unit in ("小时", "天") and _ROUND_THE_CLOCK.match(after):
        penalty += 4.0   # "24小时骑手驿站", "365天不打烊": an attribute, not a result
    if _SETUP_VERB.search(before) and (_SETUP_OBJECT.match(after) or _SETUP_NAMED.search(before)) \
            and direction != "down":
        penalty += 3.0   # (also "设立党员先锋岗4个、…组建党员突击队3支": the posts and teams named before their count)
    if unit in ("名", "人", "位", "家") and not verb_before and (
            _MEMBER_STOCK.search(before) or _MEMBER_LISTED.search(text, 0, start)):
        penalty += 3.0   # how many members there are, now as before (目前 is no result here), not what the work reached
    if unit in ("名", "人", "位") and _MOBILISED.search(before) and _MOBILISED_WHO.match(after):
        penalty += 3.0   # "先后动员400多名党员加入": the people the work drew on, not what it reached
    if before.endswith("长达"):
        penalty += 4.0   # "封冻期长达210天", "长达23公里的…": how long something is, a description, not what the work reached
    if unit in ("名", "人", "位") and before.endswith("由") and _MADE_UP.match(after):
        penalty += 4.0   # "组建起一支由100多名党员志愿者组成的先锋队": a team's make-up, what the work set up with
    if unit in ("个", "家") and before.endswith("等") and _BODIES.match(after):
        penalty += 4.0   # "被农业部等9个部门认定为…": the bodies that gave an honour, counted
    if unit in _MONEY and _PER_HEAD.search(before):
        penalty += 4.0   # "给60周岁以上的老人发放500元补助，70周岁以上的发放1000元": what each one gets, a rate
    if _BEFORE_THE_WORK.search(before):
        penalty += 4.0   # "人均纯收入，帮扶前是1600多元，如今已超过两万元": the figure before the work began
    if _DATED_BASE.search(before) and _RISES_LATER.search(text, c1):
        penalty += 4.0   # "人均纯收入在2014年是3400元，到2018年底涨到9977元": the year the rise started from
    if unit in ("次", "场", "场次") and _MEETINGS_HELD.search(before):
        penalty += 4.0   # "馆长办公会共开10次，专题会开了5次": meetings held
    if "试点" in after[:16] and _PICKED.search(before[-8:]):
        penalty += 3.0   # "择优选了21个村先行试点": the pilots chosen, not what they reached
    if _OTHERS.search(text[:c1]):
        penalty += 3.0
    if (_RANGE.match(after) or _RANGE_TOP.search(before)) and not _GREW.search(before):
        penalty += 3.0   # "人均收入在1500元到3000元之间", "占销售收入的3%到5%": a range describes where the unit
        #                stands; "以3比2击败": a match's score (but "人均增收8000元至10000元" is what the work brought)
    if _POOL_AFTER.match(text, end) or _HONOURED_WITH.match(text, end):
        penalty += 4.0   # "第一批7项标准中，有6项…", "132张里有123张…": the whole the result is counted out of
        #                ("最后有127家单位入选": all the units honoured, the unit one of them)
    if unit in _MONEY and _SPENT.search(before):
        penalty += 3.0   # "用于党建活动的钱有30万元", "已向社会组织党组织拨付9.9万元": money put in
    elif unit in _MONEY and _FUNDS_INTO.search(before):
        penalty += 5.0   # "投向农业基础设施的资金达到700多万元": what went in, however much (as 累计投入)
    if unit in _WORKS_UNITS and _BOUGHT_WITH.search(text, 0, start) and not _BROUGHT.search(before):
        penalty += 3.0   # "投资20万元，为楼院硬化地面900平方米，铺设地砖1400平方米…": what the money bought, the work's input
    if unit in ("份", "本", "册", "张", "套") and _HANDOUT.search(before):
        penalty += 3.0   # "送出健康宣传资料300多份", "张贴通知300份": what was handed out, not what it achieved
    if unit in _GOODS_UNITS and _GOODS_GIVEN.search(before):
        penalty += 3.0   # "慰问困难群众38人次，送去面粉200公斤、清油150公斤": the goods a visit brought
    if unit in ("人次", "人", "名") and "投入" in before[-6:]:
        penalty += 4.0   # "累计投入340余人次": volunteers put in, not people served
    if unit in _MONEY and _PERSONAL.search(text, 0, start):
        penalty += 5.0   # "他一年的营业额只有10万元上下，现在已经超过1000万元": one member's business
    if _IN_QUOTED_NAME.match(text, end) and _QUOTED_NAME.search(text[max(0, start - 15):start]):
        penalty += 4.0   # "“10万元村”": a figure inside a quoted name (not inside a quoted sentence: "“…能增加20万元。”")
    if _CENTURY_WORD.search(text, 0, start) and _LAST_CENTURY.search(text, 0, start) \
            and not _NOW_ANYWHERE.search(text, 0, start):
        penalty += 4.0   # "上世纪90年代，村里铁矿投产第一年的产值就有10万元": long before the work
    if unit in _MONEY and _AID_FUNDS.search(before):
        penalty += 4.0   # "上海援青资金3000万元到位", "争取到天津援疆资金200万元": money that came in
    if unit in _MONEY and _ONE_OF.search(text, 0, start):
        penalty += 3.0   # "其中一位李阿姨…帮居民挽回损失3万元": one person's story
    if _REFERS_BACK.search(before):
        penalty += 4.0   # "这3项分别达到140%": a number that refers back to what was just counted
    if _STOCK.search(before) and not _STOCK_CHANGED.search(before):
        penalty += 4.0   # "存栏的药材鸡达20000只", "养着1020箱蜜蜂": what the unit holds, not what the work changed
    if unit == "分" and text[end:end + 1] == "地":
        penalty += 4.0   # "人均不到1分地": a measure of land, not points
    if (unit in ("名", "人", "位") and _SENT.search(before)) or \
            (unit in ("名", "人", "位", "个") and _SENT_DOWN.match(after)):
        penalty += 3.0   # (and those "sunk" to the communities: "6个党支部、13名党员干部下沉到2个包联社区")
    if _WIDER_STRETCH.search(text[:c1]):
        penalty += 5.0
    if _RATE.search(before) and not _RESULT_VERB.search(_AVERAGE.sub("", before)):
        penalty += 3.0   # "按照每人每月300元的标准", "平均每年要开12次": a rate or a standard, not a level reached
    if (_ATTENDED.match(after) or (unit in _HEADS and _TURNED_UP.match(after))) and not _PERFECT.search(before):
        penalty += 3.0   # "30余名干部参加了培训", "20名热心居民到场": who came to one event
    if unit in _HEADS and _PRESENT.search(before):
        penalty += 4.0   # "与会人数在70人以上": how many came to the meeting the report describes
    if unit in ("人", "名", "户") and before.endswith(("平均", "每")) and _num(m.group("v")) == 1:
        penalty += 3.0   # "平均1人要顾600多户": one person as a rate's base
    if unit in _HEADS and _POPULATION.search(before) and not _REACHED_PEOPLE.search(before):
        penalty += 4.0   # "社区目前共有居民6348户", "服务对象超过2万人": who lives there, whatever 目前 says
    if unit in ("名", "个", "人", "位", "家") and _HONOUR_LIST.search(before):
        penalty += 4.0   # "表彰全国优秀共产党员400名、全国优秀党务工作者300名": the size of an honour list
    if _ENDOWMENT.search(before) or (unit in ("公里", "千米", "米", "里") and _DISTANCE.search(before)):
        penalty += 3.0   # "全村287口人，人均耕地3.5亩", "海拔2100米", "森林覆盖率在95%以上", "距县城12公里": what the
        #                place is, not what the work did
    if _MARKETS.match(text, end) or "国家和地区" in before[-8:]:
        penalty += 4.0   # "产品销往120多个国家和地区": how far a firm sells, part of what it is
    if before.endswith("来自"):
        penalty += 4.0   # "来自10个部门的…": where people came from
    if now_vs_then:
        score += 2.0
    if unit in ("户", "名", "位", "人") and _num(m.group("v")) <= 5 and _DATED_EVENT.match(opening):
        penalty += 3.0   # "去年8月，小区1户居民说…", "2025年1月，2户村民闹了别扭": one incident told, not a result
    if unit in ("篇", "字", "万字", "万") and _WRITTEN_UP.search(before):
        penalty += 4.0   # "写出调研文章26篇、心得体会82篇，读书笔记累计20多万字": the members' own study, written up
    if unit in ("次", "场", "期") and _STUDIED.search(before):
        penalty += 3.0   # "党员集中学习先后搞了50余次", "讨论一共开了90余场": the members' own study, an activity
    if _EXAMPLE.match(opening):
        penalty += 4.0   # "比如…菜地收窄1米", "有一次，2户村民…": the figures of one example, not results
    if not verb_before and _SURVEY.search(text[:c0]):
        penalty += 3.0   # "摸排下来，…已有党支部的21家，还有11家是空白": what a survey found, the starting point
    if m.group("pre") == "超" and not before:
        penalty += 1.0
    return score - penalty, penalty


# a sentence that opens on a year, and the next that opens on a later one with fewer of the same (named back to:
# "这三类…分别只", "同期…下降": "2020年，…发生入室盗窃247起…；到了2021年，这三类案件分别只发生了115起、161起和302起")
_OPENS_ON_YEAR = re.compile(r"(?:在|截至|截止)?((?:19|20)\d{2})年")
_OPENS_ON_LATER_YEAR = re.compile(r"(?:而|可|但)?(?:到了?|至|截至|截止)?((?:19|20)\d{2})年(?:底|末|全年)?[，,]?"
                                  r"[^。；;！？]{0,30}?(?:分别|这[一些几两三四五]|同期)[^。；;！？]{0,12}?"
                                  r"(?:只|仅|下降|降至|降到|降为|减少|减至|减为)")


def _compared_next_year(text: str, following: str) -> bool:
    """Whether ``text`` gives the figures of a year that ``following`` compares a later year's with: the baseline."""
    first = _OPENS_ON_YEAR.match(text.lstrip(OPENERS))
    later = first and _OPENS_ON_LATER_YEAR.match(following.lstrip(OPENERS))
    return bool(later) and later.group(1) > first.group(1)


# a sentence that takes up the one before as the situation to answer ("面对这种局面，院党组…")
_FACING = re.compile(r"(?:面对|针对|鉴于|面临)(?:这种|这一|这些|这样的|上述|此种|此)(?:局面|情况|形势|压力|困境|问题|状况|难题|现状|矛盾|困难)")


# the unit as one example of what a wider area does: "润丰村的变化，是宁夏帮扶村级集体经济做大做强的一个缩影",
# "在成都高新区，安博成都律所只是律师行业抓党建的一个样本"
_EXAMPLE_NOUN = re.compile(r"缩影|样本|例子|剪影")
_EXAMPLE_OF = re.compile(r"(?:是|只是|正是|就是|成为|成了)(?P<whole>[^。；！？]{2,40}?)的?(?:一个|一处)?(?:生动|典型|鲜活)?的?"
                         rf"(?:{_EXAMPLE_NOUN.pattern})")


def _example_of_area(text: str, unit: str) -> bool:
    """Whether the sentence makes the unit an example of a wider area's work: the whole it is an example of does not
    name the unit ("这只是…中华巷社区党委推行…办法的一个例子" is the unit's own), and the sentence names a place or
    area other than in the unit's name."""
    # the noun first: most sentences have none, and it is found six times faster than the whole (every sentence is asked)
    m = _EXAMPLE_NOUN.search(text) and _EXAMPLE_OF.search(text)
    if not m:
        return False
    # longest first, and in an order of their own (a set's order changes from one process to the next): the
    # full name blanked before its short form, or the places in it would be left behind
    names = sorted({n for n in (unit, short_name(unit)) if n and len(n) >= 2}, key=lambda n: (-len(n), n))
    if any(n in m.group("whole") for n in names):
        return False
    rest = text
    for n in names:
        rest = rest.replace(n, "\0" * len(n))
    return bool(_AREA_RE.search(rest) or re.search(r"高新区|开发区|新区", rest)
                or any(not s.weak for _, _, s in gazetteer().mentions(rest)))


# an opening that makes a wider area the topic of what follows: "从全市看，", "放眼全省，", "全县：", "就全区而言，"
_AREA_TOPIC = re.compile(r"^(?:从|放到|放眼|纵观|就|在|看)?(?P<area>全国|全省|全市|全州|全县|全区|全旗|全镇|全乡|全街道|全域)"
                         r"(?:来)?(?:看|而言|范围内?|层面)?[，：:,]")


def _opens_with_area(text: str, level: float) -> bool:
    m = _AREA_TOPIC.match(text.lstrip(OPENERS))
    area = m.group("area") if m else None
    return bool(area) and _AREA_LEVEL.get(area, 3) > level


def _scope(text: str, c0: int, pos: int, level: float) -> str:
    """``region`` when the clause speaks of an area wider than the unit, or the sentence opens with one as its
    topic ("放到全区看，…", "全县：…")."""
    first = _CLAUSE.search(text)
    opening = text[:first.start()] if first and first.start() < c0 else ""
    # the clause itself and the sentence's opening topic (a paragraph's topic: ``extract_outcomes``); a clause that
    # only sums up the one before ("全县有19个村拿到了分红，总额200.51万元") speaks of that clause's area
    own = text[c0:pos]
    before = [m.end() for m in _CLAUSE.finditer(text, 0, max(c0 - 1, 0))]   # where each earlier clause starts
    if _SUMS_UP.match(own):
        own = text[(before[-1] if before else 0):pos]
    for chunk in (own, opening if _AREA_RE.match(opening.lstrip("放到从在就看")) or len(opening) <= 8 else ""):
        for m in _AREA_RE.finditer(chunk):
            if _COMPARED.search(chunk, 0, m.start()):
                continue   # "比全县平均水平高出30%": the area is what the unit's figure is compared with
            if chunk.startswith("项目", m.end()):
                continue   # "国家自然科学基金面上项目": a kind of grant, not an area
            if _AREA_LEVEL[m.group(0)] > level:
                return "region"
    # "2020年，西吉全县马铃薯种了80万亩，主产区每户平均种植10亩以上，总产量148万吨": the clauses after one whose subject
    # is a wider area go on speaking of it
    starts = [0, *before, c0]
    for a, b in zip(starts, starts[1:]):
        m = _AREA_SUBJECT.match(text, a, b)
        if m and _AREA_LEVEL[m.group("area")] > level:
            return "region"
    # "机制已在南宁全市推开，累计覆盖104个社区": figures after the work was rolled out across a wider area are its
    rolled = _ROLLED_OUT.search(text, 0, c0)
    if rolled and _AREA_LEVEL[rolled.group("area")] > level:
        return "region"
    # "如今单看静安区，…已建起796个": a short opening that names a district, county, city or province as its topic
    named = _NAMED_AREA.match(opening)
    if named and _NAMED_LEVEL[named.group("kind")[-1]] > level:
        return "region"
    # "去年，眉县村级集体经济总收入超过2000万元": a county's or a city's total over its villages
    total = _AREA_TOTAL.match(text, c0, pos)
    if total and _NAMED_LEVEL[total.group("kind")] > level and _is_division(total.group("name")):
        return "region"
    return "unit"


_AREA_SUBJECT = re.compile(r"(?![^，。；全]{0,4}?(?:在|为|服务|对|向|比|较))(?:[\u4e00-\u9fff]{1,4}?)?"
                           r"(?P<area>全省|全市|全州|全盟|全县|全区|全旗)"
                           # (… and not the area a name is known across: "这个当年全县有名的老大难村")
                           r"(?![^，。；]{0,8}(?:率先|领先|前列|第一|排名|推广|推开|平均|有名|闻名|出名|知名|挂号|倒数))"
                           r"[\u4e00-\u9fff]{0,12}?"
                           r"(?:种了|种植|有|共有|拥有|建成|累计|产量|总产|总收入|"
                           # (… or its area, output or a change, told with its figure: "全县茶园面积18.4万亩",
                           # "全区的接警数比上年同期下降了31.07%" — not 增长极, a growth pole)
                           r"(?:面积|产值|总值|下降|上升|增长|减少|提高)(?=[^，。；\d]{0,6}\d))")
_SUMS_UP = re.compile(r"(?:总额|总计|合计|共计|总共|总金额)")
_AREA_TOTAL = re.compile(r"(?:去年|今年|前年|全年|目前|如今)?(?P<name>[\u4e00-\u9fff]{1,4}?(?P<kind>县|市|省|州|旗))"
                         r"(?:村级|各村|农村|全部|所有|目前|现已|已经|已|累计|共有)")


def _is_division(name: str) -> bool:
    return bool(gazetteer().codes_named(name))


_COMPARED = re.compile(r"(?:比|较|高于|低于|超过|超出|好于|快于)$")
_ROLLED_OUT = re.compile(r"(?P<area>全国|全省|全市|全州|全县|全区|全旗)(?:范围内|上下|各地)?(?:全面)?(?:推开|推广|铺开|推行|复制推广|全覆盖)")
# an opening clause whose topic is a named area: "单看静安区", "放眼全省", "在武义县", "从滨海新区看"
_NAMED_AREA = re.compile(r"^(?:如今|目前|眼下|现在|截至目前)?(?:单看|放眼|纵观|放到|就|在|从|全)?"
                         r"[\u4e00-\u9fff]{1,6}?(?P<kind>新区|自治县|自治州|区|县|市|省|州|旗)(?:看|来看|范围内|全域)?$")
_NAMED_LEVEL = {"区": 2, "县": 2, "旗": 2, "市": 3, "州": 3, "省": 4}


_METRIC_WORD = re.compile(r"(?:率|量|数|额|度|人次|收入|收益|产值|利润|销售额|营收|效益)$")


def _named_metric(text: str, c0: int, pos: int) -> bool:
    """The number follows a noun naming what it measures ("入社率88%", "受益居民达5万人次")."""
    before = text[c0:pos].rstrip("达到为是了共约近超过逾")
    return bool(_METRIC_WORD.search(before))


def _clauses(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _CLAUSE.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in clauses:
        if a <= pos <= b:
            return a, b
    return 0, len(clauses and clauses[-1][1] or 0)


def _num(text: str) -> float:
    return float(text.replace(",", ""))


def _clause_around(text: str, pos: int) -> str:
    starts = [m.end() for m in _CLAUSE.finditer(text, 0, pos)]
    start = starts[-1] if starts else 0
    end_m = _CLAUSE.search(text, pos)
    end = end_m.start() if end_m else len(text)
    return text[start:end].strip(" 。")


def _metric_for(text: str, clause_start: int, pos: int, cues: list, unit: str) -> tuple[str, str | None, str]:
    """The metric a number at ``pos`` measures: the nearest metric cue before it in its clause (``cues``: the
    sentence's, found once), else ``None`` for the name — the caller asks ``noun_phrase`` for a clean noun phrase
    only once the number is taken (part-of-speech tagging is the costly part of reading outcomes)."""
    best = None
    for start, end, metric in cues:
        if end <= pos and start >= max(0, clause_start - 12):
            if best is None or start > best[0] or (start == best[0] and end > best[1]):
                best = (start, end, metric)
    if best is not None and (not best[2].units or not unit or unit in best[2].units
                             or unit.lstrip("余多") in best[2].units or unit == "%" or unit == "个百分点"):
        return best[2].id, best[2].name, best[2].direction
    return "", None, "none"


_NOUNY = ("率", "量", "额", "数", "费")
# adverbs that posseg tags as abbreviations or nouns: they end a phrase's clause, never its name ("医院一共组织了",
# "治安警情同比下降")
_ADVERB_WORDS = frozenset(("一共", "总共", "共计", "合计", "累计", "同比", "环比", "分别", "先后", "均", "都", "已", "已经"))
_PLACE_KINDS = frozenset(("省", "市", "县", "区", "镇", "乡", "村", "旗", "州"))
_AREA_NAMED = re.compile(r"全[国省市县区镇乡村旗州]|.+(?:街道|镇|乡)")


def noun_phrase(fragment: str) -> str:
    """The noun phrase a fragment ends with ("村集体经济组织的经营收益达到" → 经营收益; "一是他们只收" → "")."""
    fragment = re.sub(r"[\d.,%]+", " ", fragment).strip()
    if not fragment:
        return ""
    return _noun_phrase(fragment[-24:])


@segmented   # (cleared when the user dictionary changes)
@lru_cache(maxsize=4096)
def _noun_phrase(fragment: str) -> str:
    tokenizer()   # our user dictionary first: metric and concept words stay whole
    take: list[str] = []
    trailing = True
    for w, f in _tagged_from_end(fragment):
        if trailing and (f[:1] in ("v", "d", "u", "p", "c", "y", "m", "q", "r", "f", "t") or w in _ADVERB_WORDS) \
                and w not in _NOUNY:
            continue   # what follows the phrase: verbs, adverbs, particles … (一共, 同比: adverbs tagged otherwise)
        trailing = False
        # x: a word of our own dictionary (concept and metric words, added without a tag) — a noun more often than not
        if (f[:1] == "n" and f != "nr") or f in ("vn", "an", "l", "j", "nz") or w in _NOUNY \
                or (f == "x" and len(w) >= 2 and _CJK_WORD.fullmatch(w)):   # nr: a person
            take.insert(0, (w, f))
        else:
            break
    take = [w for w, f in take if not _is_place(w) and f != "ns"] if len(take) > 1 else [w for w, _ in take]
    if len(take) == 1 and take[0] in _PLACE_KINDS:
        return ""   # "来自台湾南投县竹山镇的": a place's names and its kind, no measure
    if _AREA_NAMED.fullmatch("".join(take)):
        return ""   # "全省同比增长", "浉河区湖东街道…": an area, not what was measured
    phrase = "".join(take)
    if len(phrase) < 2 or len(phrase) > 12 or re.search(r"[他她它我你]|[\dA-Za-z]", phrase) or _is_place(phrase):
        return ""   # "烟台" names where, not what was measured
    return phrase


_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")


def _tagged_from_end(fragment: str) -> Iterator[tuple[str, str]]:
    """posseg's (word, tag) pairs of ``fragment``, blanks left out, last first. posseg tags each run of Chinese
    characters, letters and digits, and each piece between runs, on its own (its ``re_han_internal`` splits them),
    so the pieces are tagged one at a time from the end, only as far back as the caller reads: a noun phrase seldom
    reaches past the last run (a sixth of the fragments' characters, and their tagging, are spared)."""
    pseg = posseg()
    for piece in reversed(pseg.re_han_internal.split(fragment)):
        if piece:
            yield from reversed([(w, f) for w, f in pseg.cut(piece) if w.strip()])


def _is_place(word: str) -> bool:
    return bool(gazetteer().codes_named(word))
