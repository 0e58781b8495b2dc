"""Typed text read as a value, the one way for every door in: the interview's answers, a sheet's
cells, ``--set`` and text where a profile file wants a number (0.8亿, 8,000万元, ５０％, 对, 没有).

A finance manager reads amounts off statements in 元 or 亿 and answers yes or no in whatever
words come first; refusing ``0.8亿`` or ``对`` makes them stop, and a sheet that took what the
interview refuses (or the other way round) would teach them that the tool is arbitrary. So there
is one list of yes and no words, one amount reader (亿/万/元, thousands separators, full-width
digits) and one way of saying what was expected (``messages.EXPECT``). Money becomes the
profile's 万元 in Decimal, and the conversion made is returned, so the interview can show it
back ("0.8亿 = 8,000万元") before it is saved. No terminal, no sentences of its own.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from littlegiant import lazyre
from littlegiant.errors import InputError
from littlegiant.load.consistency import MONEY_TYPES
from littlegiant.load.profile import (
    Scalar,
    brief,
    check_value,
    choice_hint,
    choice_named,
    choice_near,
    choices_meant,
    field_words,
)
from littlegiant.load.rules import FieldDef
from littlegiant.messages import EXPECT, Choices, Got, Text, expect_money, grouped, unit_text
from littlegiant.records import record

YES = frozenset({"是", "是的", "对", "对的", "有", "有的", "没错", "对头", "是滴", "嗯", "嗯嗯", "算", "算是", "y", "yes", "yep", "yeah", "yup", "true", "1", "✓", "✔", "√", "☑", "✅",
                 "存在", "列入", "已列入", "被列入"})
NO = frozenset({"否", "不是", "不对", "没有", "无", "没", "不", "不是的", "不对的", "不算", "没有过", "没过", "未有",
                "还没有", "还没", "暂时没有", "目前没有", "目前还没有", "暂时还没有", "尚无", "还不是", "目前不是", "n", "no", "nope", "nah", "false", "0", "✗", "✘", "×", "☒", "❌", "✕", "✖", "非",
                "不存在", "未列入", "没列入", "没有列入", "未被列入", "没被列入", "没有被列入",
                "没有的", "无此情况", "无此类情况", "无该情况", "没有此情况", "没有这种情况", "不存在此情况", "不存在该情况",
                "从未", "从来没有", "从没有", "从没", "未发生", "未发生过", "没发生", "没发生过", "没有发生", "没有发生过",
                "无记录", "never", "nonever", "notlisted"})
"""Yes and no as people write them (compared after NFKC and in lower case; yep and nope were refused as
no yes or no): a park's sheet ticks
(√, ☑ as a form's ticked box) and crosses (×, ☒, ❌) its yes/no columns (an empty box, □, is left out: unticked
or not filled in, no one can tell); a red line (是否存在…行为, 是否列入经营异常名录) is answered in its
own words, 不存在 or 未列入, which the report itself writes back (the interview asked again), or as a
statement does (无此情况, 从未, 没发生过, 无记录: each was refused as no yes or no). Not 不涉及 ("does
not apply"): said of 境内注册 it would be 否 and fail the gate."""
_YES_NO = {**dict.fromkeys(YES, True), **dict.fromkeys(NO, False)}
UNKNOWN = frozenset({"", "null", "~", "不知道", "待定", "未定", "还没定", "不清楚", "不确定", "不详", "未知", "跳过", "略过", "skip",
                     "不晓得", "不知", "不记得", "记不清", "不太清楚", "不太确定", "说不清", "说不准", "不好说", "不了解",
                     "dontknow", "donotknow", "unknown", "notsure", "idk", "-", "--", "---", "—", "——", "/",
                     "无数据", "暂无数据", "待补充", "未填", "未填写", "空", "(空)", "不适用", "n/a", "na", "n.a.", "n.a",
                     "#n/a", "暂缺", "缺", "缺失", "缺数据", "数据缺失", "数据暂缺", "数据暂无", "保密", "涉密",
                     "商业秘密", "商业机密",
                     "未评", "未参评", "暂未参评", "尚未参评", "没有参评", "没参评", "未参加评价", "未评价", "暂未评价",
                     "尚未评价", "未评分", "无评分", "暂无评分", "没有评分", "无得分", "未评测", "未测评",
                     "没评", "没评过", "没测评", "没评测", "没有测评", "没有评测", "没做过评测", "没做评测",
                     "notrated", "unrated", "notevaluated"})
"""Text that says "don't know" (compared as YES and NO are, spaces and apostrophes out): nothing,
YAML's words for nothing, the words people type when they do not know (refusing 不知道 taught users
that only Enter means it; 不晓得 and 不记得 are as common in speech), and the dashes and slash a sheet
puts in a cell it has no figure for, and what a sheet writes there instead (暂无, N/A, 不适用, （空）: one
such cell made the whole company an error row, no verdict at all). It stays unknown, never 0; 无 alone
is refused for a figure, as only the person can say it means 0. Not 待定: of a title, pending means
not held (_SURE). Not 暂无 (NONE_YET). 未参评, 未评价 and the like: no score, level or rating yet, as
the platform's 专精特新发展评价得分 of a company that has not taken part is (one such cell made an error
row, 「应填数字」, for the answer the plan then asks for). #N/A is Excel's own "not available" (typed, or
NA()), unlike its other error values (FORMULA_ERROR). 暂缺 (missing for now), 缺 and 保密 say the figure
is not given, not that there is none: read as 无, 暂缺 under a title made it 否 and failed its tier; see
NOT_GIVEN for the rest (未填报, 未提供, 待核实, 不便透露)."""
NOT_GIVEN = lazyre.compile(r"(?:暂|尚|还|目前|暂时)?(?:未|没有?)(?:填|填报|填写|提供|上报|报|报送|报送数据|统计|披露|公开|收集)"
                       r"(?:数据)?"
                       r"|(?:暂|尚|有)?待(?:提供|补充|补|补填|核实|核查|确认|填|填报|填写|统计|更新|上报|收集)"
                       r"|(?:暂|暂时)?(?:不便|不予|不愿|不能|无法|不)(?:透露|提供|公开|填写|填报)"
                       r"|(?:暂|暂时|目前|还|手上|手头)?(?:没有?|无)(?:相关|这个|这项|该)?(?:数据|数字|统计)"
                       r"|(?:数据|数字|报表)(?:还|尚|暂|暂时)?(?:没|未)出(?:来)?|(?:还|尚|暂|暂时)?(?:没|未)出来|(?:还在|正在|尚在)?(?:审计|统计|核算|汇算)中"
                       r"|(?:还在|正在|尚在)(?:审计|统计|核算|汇算|做账)")
"""The sentences a park's sheet (or an owner at the interview: 没有数据, 还没出来, 还在审计) writes where it has no figure, in their usual forms: not
filled, given or reported (未填报, 未提供, 暂未提供, 未上报, 未报: under a title, never applied, _NEVER_APPLIED), to be given or checked (待提供, 待核实),
not to be told (不便透露, 无法提供). Each made the whole company an error row, 「应填金额…现在是“未提供”」,
where 不详 beside it was read as unknown: they are unknown too, the row scored and the cell named in it
as missing, never 0 and never 否. None says a title was won or lost (未认定, 未获得 are _NOT_WON's), nor
pending (待认定, _LAPSED_OR_PENDING), nor none (无, 没有: NONE_IS_ZERO; 暂无: NONE_YET)."""
FORMULA_ERROR = lazyre.compile(r"#(?:DIV/0!|N/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!"
                           r"|UNKNOWN!|EXTERNAL!|PYTHON!|GETTING_DATA)|ERR:\d{3}")
"""What a spreadsheet shows in a cell whose formula failed (Excel and WPS: #DIV/0!, #N/A, #VALUE!,
#REF!; LibreOffice's Err:502 in a CSV it saved), full-width folded, upper-cased: no figure. Said as
「应填金额…现在是“#DIV/0!”」, it read as a typing slip, where the sheet's formula is what to correct.
#N/A, "not available", is read as unknown before this (UNKNOWN): a park types it, or a lookup finds no
figure for the company, and it made the whole company an error row for one figure not given."""
DONT_KNOW = lazyre.compile(
    r"(?:我|真|实在|暂时|目前|现在|也|还)*(?:忘了|忘记了?|想不起来?了?|记不(?:清|得|住)(?:楚)?|不(?:是|是很|是太|很|太|大)?(?:知道|清楚|记得|确定|晓得)"
    r"|没印象|搞不清(?:楚)?|说不清(?:楚)?)(?:了|啊|呀|哦|呢|吧|耶|诶)*"
    r"|i?(?:forgot|forget|(?:dont|donot|cant|cannot)(?:remember|recall)|(?:dont|donot)know|(?:have)?noidea|noclue|dunno"
    r"|notknown|unsure|notsure|notcertain)(?:it|sorry)?")
""""Don't know" said as people say it, past UNKNOWN's fixed words (compared as they are): that it was
forgotten (忘了, 记不清了, 想不起来), with 我 or a particle (不知道啊, 我忘了), and in English (forgot, no idea,
dunno, I don't know). Each was refused as no amount, the owner told to type what they had just said."""
NONE_YET = frozenset({"暂无"})
""""None so far": of a yes/no (被列入经营异常名录: 暂无), a rank whose 0 means none, or a choice with a
none, it answers 无, as 无 does; of a figure, it is unknown (no figure given, never a silent 0)."""
_LOSS = lazyre.compile(r"(?:净?亏(?:损了?|了)?|赔了?|负|(?i:a?(?:net)?lossof|a?(?:net)?loss|minus))(?=[\d.０-９〇零一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟])")
"""A loss said in words before its figure (亏损300万, 净亏损0.5亿, 亏了300万, 赔了300万, 负三百万): the interview's
net profit asked "亏损写负数", and the owner who typed 亏损300万 (later 亏了300万, as it is said) was asked again."""
_LOSS_ABOUT = lazyre.compile(r"(净?亏(?:损了?|了)?|赔了?|负)(约合?|大约|大概|差不多|将近|接近|近)")
"""A loss said before the word that makes it approximate (亏损约300万, 净亏损大概0.5亿): read as 约亏损300万
is. It was refused as no amount, where 约亏损300万 was read."""
_PROFIT = lazyre.compile(r"(?:净?盈利|净?利润|赚了?|(?i:a?(?:net)?profit(?:of)?))(?:为|是)?(?=[-−\d.０-９〇零一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟]|约|大约|大概|差不多|将近|接近|近)")
"""A profit said in words before its figure (盈利300万, 净利润-50万, 赚了300万), to the net profit question
that names it: the owner who typed 盈利300万 was told an amount was expected, and asked again."""
_COUNT_WORDS = {"人": ("个人", "个", "位", "名员工", "个员工", "位员工", "名职工", "员工", "职工", "people", "persons",
                       "person", "staff", "employees"),
                "项": ("个", "件", "items", "item"), "年": ("years", "year", "yrs")}
"""Other words a count is said with (12个, 12位, 十二个人, 200名员工; 5件 for IP): refused as no whole number,
where 12人 was read."""
_RANKED = lazyre.compile(r"(?:国内|全国|行业内?|细分市场)?(?:排名|排)?(第.+)")
_TOP = lazyre.compile(r"(?:国内|全国|行业内?|细分市场)?(?:排名|排)?(?:在|位列|位居)?前(\d{1,3})(?:名|位)?(?:以内|之内)?")
"""A rank said as a range (前三, 排名前3名, 国内前三以内): no rank, and the criteria read the rank itself."""
_RANKED_ABROAD = lazyre.compile(r"(?:全球|世界|全世界|国际|国外|海外|亚洲|欧洲)(?:市场)?(?:排名|排)?第|(?i:(?:world|global|international)(?:ly)?)")
"""A rank said of the world (全球第一, 世界排名第3, world No. 1), typed for a rank the question asks of China or of
an award's winners: not its figure. Read as 1, a world leader exported mostly abroad passed 国内前三名."""
_RANKED_EN = lazyre.compile(r"(?:(?:ranked|rank|no\.?|number|#)(\d+)|(\d+)(?:st|nd|rd|th))", re.IGNORECASE)
"""A rank in English (2nd, No. 2, #2, ranked 2): the figure."""
"""A rank said with where it stands (排名第3, 国内第二, 全国第一): the rank is the figure."""
_ABOUT = lazyre.compile(r"^(?:约合?|大约|大概|差不多|将近|接近|近|approximately|approx\.?|about|around|roughly|circa|~)"
                    r"|(?:左右|上下|orso)$", re.IGNORECASE)
"""Words that make a figure approximate (约500万, 500万左右, 差不多220万, 将近3000万, 近3000万; about,
around, roughly, or so): the figure is what is read, as a finance manager means it; an answer is
never more exact than its statement. 将近 and 接近 say "a little under" as 约 says "about": both mark
the figure approximate, never a range (refusing 差不多220万 as no amount made a user retype what the
tool could read; "around 80 million" was refused as no amount where "about" was read)."""
_SINCE = lazyre.compile(r"(?:从|自|于)?(\d{4})年?(?:(?:开始|起)?(?:至今|到现在|到目前|到今天|到今)|开始|起|以来)|(?:从|自)(\d{4})年?|(?:since|from)(\d{4})(?:onwards?)?"
                    r"|(?:从|自|于)?(\d{2})年(?:开始|起)",
                    re.IGNORECASE)
"""A start year said as such (2008年开始, 从2008年起, 2008年以来, 2008年到现在, 从2008年, since 2008), typed for a number of years;
or by its last two digits, as it is said (12年开始做的, 从98年起: 2012, 1998), only with 开始 or 起: 12年 alone, or 12年以来,
is twelve years. 12年开始做的 was refused as no number."""
_SINCE_DOING = lazyre.compile(r"(?:就|便)?(?:开始)?(?:做|干|从事|进入|经营|涉足|深耕|专注|专做)(?:这个|这一|该|本)?"
                          r"(?:行业|领域|市场|细分市场|业务|产品)?$|(?:就|便)开始$")
"""What follows a start year as it is said (2012年开始做的, 从2012年开始做, 2012年就进入这个行业了): the doing and the
market, which say no more than 开始 (a closing 的 or 了 is taken off first). Each was refused as no number."""
_FOUNDED = lazyre.compile(r"(\d{4})年?(?:\d{1,2}月)?(?:注册)?(?:成立|注册|创立|创办|建厂)")
"""A founding year typed for the years in a niche (公司2009年成立, 2009年注册): the company's age, which may not be
the main product's; refused as no number, it left the owner to guess what was asked."""
_COUNT_LEAD = lazyre.compile(r"^(?:一共|总共|共计?|合计|总计|已有|已经|已|有)+")
"""What a count is said after (一共120人, 已经12年): the count alone. Refused as no whole number."""
_YEARS_SAID = lazyre.compile(r"^(?:做了|干了|从事了?|经营了?|深耕了?|专注了?)?(?P<n>[\d.]+|[〇零一二三四五六七八九十两]+)年(?:了|来|之久)*$")
"""A count of years as people say it (8年来, 12年了, 做了12年, 已经12年了): the years. Refused as no number."""
_PARTICLES = lazyre.compile(r"(?:吧|啊|呀|哦|噢|呢|啦|嘛|哈)+$")
"""The particles an answer typed as speech ends with (3200万吧, 3200万元左右吧, 没有啊): a figure with 吧 is one the
person hedges, taken as approximate (约3200万); the others add nothing. Each was refused as no amount."""
_HEDGE = "吧"
_UNSURE = lazyre.compile(r"(?:应该|好像|可能|大概|估计|也许|似乎)?(.+?)(?:吧|呢|吗|吧[?？]|[?？])|(?:应该|好像|可能|大概|估计|也许|似乎)(.+)")
"""A yes or no said unsure (是吧, 没有吧, 应该是, 好像不是, 可能有): not an answer to a red line or a title, but asked
again saying so; it was told 「应填是或否」 or, of 是吧, that a lapsed title is 否."""
_FIRM_LEAD = lazyre.compile(r"^(?:肯定|绝对|确实|的确|当然|真的|确定|一定|完全)(?:是)?(?=[没无不否有是对])")
"""Words that make a yes or no firmer (肯定没有, 绝对没有, 确实有, 当然是): the yes or no itself. Refused as no yes or no,
where 没有 alone was read. (应该, 可能 make it less sure: _UNSURE.)"""
_HAD = frozenset({"有过", "有过的", "曾有", "曾有过", "曾经有", "曾经有过", "发生过", "出现过", "有一次", "有过一次",
                  "发生过一次", "出过一次", "有一起", "发生过一起"})
"""It has happened (有过, 有一次), to a question whether something happened (近三年发生…, 有偷漏税…: _EVENT): yes. Not
to one of now (经营异常名录) nor to a title or honour (_HELD): listed or held once says nothing of today."""
_MEASURE = "(?:次|起|回|项|个|件|家|条|份|种|张|本|类|套)"
_COUNTED = lazyre.compile(r"(?:有的?|有过|是的?|是有|发生过|出过|出现过|一共|共|总共|有了)?(?P<bound>不到|少于|不足|不超过)?"
                      r"(?P<n>\d+|[〇零一二两三四五六七八九十百]+|好几|好多|几|多|若干|不少|很多|没几|十几|几十)"
                      rf"{_MEASURE}(?:左右|多|以上|了)?")
"""A count typed to a yes/no (有的，一次 to 近三年发生重大事故; 两项, 好几个 to 参与制修订标准): more than none is a yes,
0个 a no; 不到10个 may be none, and is asked again. Each was refused as no yes or no."""
_NOW_ONLY = frozenset({"registered_in_china", "compliance.abnormal_operation", "compliance.serious_dishonesty",
                       "compliance.prohibited_products"})
"""Questions of a state today (在经营异常名录中): 有的，一次 there may be a listing since lifted, so a count is no yes."""
_NONE_COUNTED = lazyre.compile(rf"一{_MEASURE}(?:都|也)(?:没有?|无|没发生过?)|没有?一{_MEASURE}|一{_MEASURE}(?:都|也)不(?:是|在)")
"""None said by counting (一个都没有, 没有一项): no."""
_ALL_OF = frozenset({"以上都是", "以上均是", "以上都有", "以上均有", "都是", "都有", "全都是", "全都有", "全部", "全部都有",
                     "全部都是", "全有", "全是"})
"""All of those the question lists (质量、环境、职业健康安全… to 取得相关管理体系认证): yes."""
_NOT_YET = lazyre.compile(r"(?:目前|现在|还在|正在|已经)?(?:申请中|在申请|正在申请|申报中|在申报|正在申报|在办理?|办理中|审核中|在审核|审批中)"
                      r"|(?:下个?月|下周|月底|年底|年内|明年|近期|马上|即将|快要?|很快|过几天)(?:就|能|会|可以|要)?"
                      r"(?:拿到?|取得|下来|下证|发证|批下来|获批|通过)(?:证|证书)?了?"
                      r"|(?:还没|尚未|还未|暂未)(?:拿到?|取得|下来|下证|发证|批下来|获批)(?:证|证书)?")
"""A certificate applied for, or to come (申请中, 下个月拿证): not held today, when the question is asked: no.
Refused as no yes or no (申请中 was read so only for a title or an honour)."""
_IP_PENDING = lazyre.compile(r"申请中|在申请|正在申请|申报中|在申报|审查中|在审|已受理|还没(?:授权|下证|拿到?证)|未授权|尚未授权"
                         r"|(?:下个?月|年底|明年|很快|马上|即将)(?:就|能|会|可以|要)?(?:拿证|下证|授权|拿到?证书?)")
"""IP applied for and not yet granted (申请中, 正在申请, 下个月拿证) typed for a count of IP held: refused as
「应填整数」, which left the owner guessing whether applications count."""
_NOT_YET_ASKED = ("certification.", "quality.iso9001")
"""The yes/no questions besides titles and honours asking for a certificate held."""
_NEVER_ONCE = frozenset({"一次都没有", "一次也没有", "一次都没", "一次也没", "没有的事", "从来没有过", "不在", "不在名录里",
                         "不在名录中", "不在名录上", "不在名单里", "不在名单中", "不在名单上", "均无", "均没有", "都没有",
                         "全都没有", "都没", "均未发生", "都没发生", "都没有发生", "无此事", "无上述情形", "无上述情况",
                         "无以上情形", "无以上情况", "以上都没有", "以上均无", "上述均无", "上述情形均无", "没出过", "没出过事", "没出事", "没出过事故",
                         "未出过", "从没出过事"})
"""No, as said of an event or a list (一次都没有, 没有的事; 不在名录里 to 被列入经营异常名录; 均无, 无上述情形 to a red line
that lists several): refused as no yes or no."""
_SAID_TWICE = lazyre.compile(r"([\u4e00-\u9fff]{1,3}?)(?:[,，]?\1){1,3}")
"""A word said again for emphasis (没有没有, 对对对, 不是不是): the word, once. Refused as no yes or no."""
_FIRM_PARTICLES = lazyre.compile(r"(?:啊|呀|哦|噢|啦|哈)+$")
"""The particles after a yes or no that keep it as firm as it was (没有啊, 是啊, 对呀): not 吧 or 呢, which make
「是吧」 a question back (is it?), no answer to a red line."""
_IP_WORDS = {"ip.class2": lazyre.compile(r"^(?:实用新型(?:专利)?|外观(?:设计)?(?:专利)?|软件著作权|软著)|(?:个|项|件)?"
                                      r"(?:实用新型(?:专利)?|外观(?:设计)?(?:专利)?|软件著作权|软著)$")}
_CLASS1 = lazyre.compile(r"^(?:发明专利|发明)|(?:个|项|件)?(?:发明专利|发明)$")
_CLASS2_WORDS = lazyre.compile(r"实用新型|外观设计|外观专利|软件著作权|软著")
"""A count of IP said with its kind (发明专利5项, 5个发明专利; to Ⅱ类: 实用新型10项, 软著30个): the kind the question
asks, its count. Refused as no whole number; 实用新型 or 软著 typed for a Ⅰ类 count is Ⅱ类, said so."""
_NONE_SAID = lazyre.compile(r"(?:从来?|还|尚|暂|目前|一直)?(?:没有?|未|无|从未|从没)(?:获得?|得|拿到?|评上|进入?)?过?(?:任何)?"
                        r"(?:奖项?|奖励|获奖|名次|排名|排上名|上榜)?过?(?:的|了)?")
"""None said in a sentence, to a rank whose 0 means none (没获过奖, 没有获奖, 从未获奖, 没拿过奖, 没有排名) or a choice
holding none (创客中国 名次): 0 or none, as 没有 and 未获奖 are. Each was refused as no whole number."""
_EVENT = lazyre.compile(r"近[\d一二两三四五六七八九十]+年")
"""How a question about something that happened begins (近三年发生…, 近三年有偷漏税…): 有过 answers it yes. Of
one about now (被列入经营异常名录, 严重失信, a certification, a title), 有过 says nothing of now: it was read as
yes, and a company listed once and since removed failed every tier on a red line."""
_MORE = lazyre.compile(r"(?P<figure>[0-9.〇零一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟]+[万亿]?)"
                   r"(?:多一点|多一些|多点|多些|多|余|来|出头)(?P<rest>.*)")
"""A figure said with 多 (余, 来, 出头) after it, 3200多万, 120多人, 3200万多: a bit over it (来: about it)."""


def _narrow_more(raw: str) -> str | None:
    """``raw`` without its 多 (3200多万 → 3200万), where the most it leaves open (up to the next step of the
    figure's last place: 3200多 is under 3300) is within CLOSE_MARGIN (5%) of the figure: saved as approximate,
    a verdict near it is then checked for that margin and flagged, so nothing the 多 hides goes unsaid. A
    wider one (500多万 is up to 600万, 三千多万 4000万, 十多年 20) stays refused as no figure: read as 500, it is
    a fifth off. None: no such 多, or too wide."""
    from littlegiant.load import numerals

    said = _MORE.fullmatch(raw)
    if said is None or not said["figure"][:1].strip("0."):
        return None
    try:
        figure = numerals.value_of(said["figure"])
    except ValueError:
        return None
    if figure <= 0 or figure != figure.to_integral_value():
        return None
    digits = str(int(figure))
    step = Decimal(10) ** (len(digits) - len(digits.rstrip("0")))
    if step / figure > Decimal("0.05") or (said["rest"] and not re.fullmatch(r"[万亿]?元?|人|项|个|年|%", said["rest"])):
        return None
    return said["figure"] + said["rest"]


_AVERAGE = lazyre.compile(r"^(?:(?:近|过去|最近)?[\d一二两三四五六七八九十]+年(?:来)?(?:的)?)?"
                      r"(?:年均|年平均|平均每年|每年平均|平均一年|一年平均|平均)(?:为|是)?")
"""An amount said as an average of years (年均3200万, 平均每年3200万) to a year's question: not the year's own
figure. Refused, saying so (value.average): taken as each year's, approximately, it made growth 0% and decided
a tier without a word; a person who knows the year's figure roughly says so (约3200万) for that year."""
_PER_YEAR = lazyre.compile(r"^(?:每年|一年|全年)|(?:/|每|一)年度?$|(?i:/a|/yr|/year|peryear|ayear|ayr)$")
"""An amount of a year said so (3200万/年, 每年3200万, 一年3200万): the question asks the year's figure already."""
FIRST_START_YEAR = 1949
"""The earliest start year read for years in a market: one before it is a slip of the year, not a count."""
NONE_IS_ZERO = frozenset({"无", "没有", "没", "none", "no", "nil"})
"""What an owner answers "how many?" or "how much?" with when there is none (compared as NO is), which
the interview reads as 0 for a count or an amount (``read_typed``'s ``none_is_zero``)."""
BREAK_EVEN = frozenset({"盈亏平衡", "盈亏持平", "持平", "不盈不亏", "不亏不赚", "不赚不亏", "收支平衡", "保本"})
"""A net profit of nothing, as an owner says it (盈亏平衡, 不亏不赚): 0, where it was told an amount was expected."""
NEVER_NONE = frozenset({"total_assets"})
"""Amounts no company is without: it holds assets (its cash, at least), so 无 or 没有 to 资产总额 is no 0 but
a slip or a figure not at hand. Read as 0 (and said back as 0万元), it made the debt ratio 无法计算 at
the report, and sized the company by assets of nothing."""
_ECHO = lazyre.compile(r"(?P<no>没有?|未|不|从未|尚未|还没有?|并未|并不|暂未)?(?:已经?|确实|都)?(?P<verb>[\u4e00-\u9fff]{2})(?:了|过|的)*")
_ECHO_VERBS = frozenset({"属于", "通过", "参与", "拥有", "获得", "取得", "具有", "具备", "采用", "符合", "达到", "满足",
                         "主导", "列入", "发生", "存在"})
"""A yes or no said by the question's own verb, as Chinese answers one (属于？— 属于 / 不属于; 通过ISO9001认证？— 通过了 /
没通过; 参与制修订标准？— 参与过 / 没参与): each was refused as no yes or no. Only a verb the question's label holds,
so that 通过 answers no question that does not ask it; not a title's or honour's (_HELD), whose state words say
more (未通过 there is a renewal failed)."""


def _names_subject(remark: str, f: FieldDef) -> bool:
    """Whether a yes's remark only names what the question asks of (是高新, 是高企, 是专精特新 to 有效期内的高新技术
    企业 / 持有有效的专精特新中小企业称号): its characters, in order, among the question's words, as an
    abbreviation takes them. Each was refused as a remark that might undo the yes (已过期); no such remark
    (过期, 申报, 撤销) is made of the question's own characters."""
    said = remark.strip(" ，,、；;:：的")
    if len(said) < 2:
        return False
    words = iter(f.label.zh)
    return all(ch in words for ch in said)


def _echoed(low: str, f: FieldDef) -> bool | None:
    """Whether ``low`` (normalised) answers the yes/no ``f`` by the verb of its question: yes, no, or None."""
    said = _ECHO.fullmatch(low)
    if said is None or said["verb"] not in _ECHO_VERBS or not _asks_by(f.label.zh, said["verb"]):
        return None
    return said["no"] is None


def _asks_by(label: str, verb: str) -> bool:
    """Whether ``label`` asks its question by ``verb``: not where the word names a thing (主导产品, the main
    product, whose 主导 is no verb: 主导的 to 主导产品在…占有率较为靠前 was saved as 是, found in review)."""
    return any(not label.startswith("产品", i + len(verb)) for i in range(len(label)) if label.startswith(verb, i))


_HELD = ("titles.", "honors.")
"""The fields of a title or an honour held, which a park's sheet marks by how it was won rather than 是/否."""
_UNDER_REVIEW = lazyre.compile(r"(?:复核|复审|重新认定)中")
"""A title under its renewal review (复核中): still held if its three years have not run out, lapsed if they
have; only the person knows. Refused as 省级（复核中） and 是（复核中） are, saying what to write, not 「应填是或否」."""
_NEVER_APPLIED = lazyre.compile(r"(?:暂|尚|还|目前|从)?(?:未|没有?|无)(?:申报|申请|报)过?")
"""A title or honour never applied for (未报, 没报, 未申报, 尚未申请): not held, 否. Elsewhere 未报 says a figure
was not reported (NOT_GIVEN); under a title it read as unknown and left the tier 未知 for a title the company lacks."""
_WON = "(?:认定|评定|认证|入选|获评|获得?|取得{})"
_IS_WON = r"(?:已经?|于|经|被)*{}(?:为|且?有效|在?有效期内|未过期)?|(?:在|仍在)?有效期内|仍?有效|未过期"
_NOT_WON = r"(?:尚|还|仍|目前)?(?:未|没有?|无)(?:被|经)?{}"
_LAPSED_OR_PENDING = r"(?:已经?|现已|早已)?(?:过期|失效|到期失效|被?撤销|被?取消)|(?:正在|尚在)?(?:申报|申请|认定|评审)中|" \
    r"正在(?:申报|申请)|(?:待|尚待|等待)(?:认定|评定|公示)|(?:申报|申请|认定|复核)?未通过"
_STATES = {registered: (lazyre.compile(_IS_WON.format(won)), lazyre.compile(f"{_NOT_WON.format(won)}|{_LAPSED_OR_PENDING}"))
           for registered, won in ((False, _WON.format("")), (True, _WON.format("|入库")))}
_LAPSED = lazyre.compile(_LAPSED_OR_PENDING)
"""A title or honour answered by its state alone (已认定, 有效期内: held; 未认定, 没有获得: not): one such
cell made a park's whole company an error row, 「应填是或否」. 已入库 answers the 科技型中小企业 (a
registration) only: under another title it may be that one, not the title asked. A lapsed or pending
title (已过期, 失效, 申报中, 待认定, 未通过) is not held: the tool's own refusal of 是（已过期） says to
write 否 for it, and refusing 已过期 itself cost a park a call and a rerun for an answer it knew."""


_CONFERRED: dict[str, tuple[str, tuple[str, ...], Text, Text]] = {
    "titles.zjtx_sme": ("省级", ("专精特新中小企业", "专精特新企业", "专精特新"),
                        Text("专精特新中小企业（由省级中小企业主管部门认定）",
                             "the 专精特新中小企业 title, conferred by the provincial SME authority"),
                        Text("省级认定的", "the provincial one")),
    "titles.little_giant": ("国家级", ("专精特新小巨人企业", "专精特新小巨人", "小巨人企业", "小巨人"),
                            Text("专精特新“小巨人”企业（由工业和信息化部认定）",
                                 "the 专精特新 little giant title, conferred by the Ministry of Industry and IT"),
                            Text("工业和信息化部认定的", "the Ministry's")),
}
"""The titles conferred at one level only, by that level's word (the 管理办法: 专精特新中小企业 by the
province, 小巨人 by MIIT), the title's short names, what it is and who confers it, and whose title is
held. A park's 是否专精特新中小企业 column records the level of the title held: 省级, 是（省级）, which was
refused as no yes (or as a lapsed or pending title), each company an error row."""
_LEVELS = lazyre.compile(r"国家级|省部级|省级|地市级|市级|区县级|县区级|区级|县级|市区级")
"""A level of government as a park writes it beside a title (省级, 市级专精特新, 是（市级）)."""
_LEVEL_EN = {"国家级": "national", "省部级": "provincial or ministerial", "省级": "provincial", "地市级": "city-level",
             "市级": "city-level"}
"""Each level in English; the rest are a district's or a county's."""
_TITLE_QUOTES = str.maketrans("", "", "\"“”'‘’")
_BRACKETS = str.maketrans("", "", "()")


def _at_level(low: str, path: str, shown: str, where: str, label: Text | None, f: FieldDef) -> str:
    """A title's cell (normalised, lower case) that names a level, with the level of the title asked
    read as held (省级 → 是, 是（省级） → 是, 是（2023年省级认定） → 是（2023年认定）); the cell as it was when
    it names no level or answers no (否（市级）). Another level is refused, saying the title asked is
    conferred at its own level: 市级专精特新 is a city's title, not the province's 专精特新中小企业, and
    read as yes it passed a tier on a title the company does not hold; read as no, a company holding
    both failed it. Only the person can say."""
    found = _LEVELS.findall(low)
    if not found:
        return low
    said = _REMARK.fullmatch(low) or _SAID_AFTER.fullmatch(low)
    if said is not None and said.group(1) in NO:
        return low
    conferred, names, title, held = _CONFERRED[path]
    other = next((level for level in found if level != conferred), None)
    if other is not None:
        raise InputError(kind="value.title_level", params={"shown": brief(shown), "title": title,
                                                           "level": Text(other, _LEVEL_EN.get(other, "district or county")),
                                                           "held": held}, field=where, label=label or field_words(f, where))
    text = low.translate(_TITLE_QUOTES)
    for name in names:  # 省级专精特新, 是（省级专精特新）: the title's own name beside its level
        text = text.replace(conferred + name, conferred)
    if (said is None or said.group(1) not in YES) and text.startswith(conferred):  # the level for the answer
        rest = text[len(conferred):].translate(_BRACKETS).strip(" ，,、；;:：")
        if rest and _held(rest, path) is False:  # 省级（已过期）, 省级,已过期: as 已过期 alone reads, 否
            return rest
        if re.search(r"\d", rest) and not _LAPSED.search(rest) and "到期" not in rest and not _VALID_UNTIL.search(rest):
            # 省级（2021年认定）, 省级2020年, 省级（2021.06）: when it was won, not whether it is valid now (a
            # title lapses after three years unless renewed); read as 是, a lapsed title passed 小巨人's prerequisite
            raise InputError(kind="value.held_when", params={"shown": brief(shown)}, field=where,
                             label=label or field_words(f, where))
    text = ("是" + text[len(conferred):] if text.startswith(conferred) else text).replace(conferred, "")
    return text.replace("()", "").strip(" ，,、；;:：") or "是"


_VALID_UNTIL = lazyre.compile(r"(?:有效期)?(?:至|到|截至|截止|截止到|until|to|till)(\d{4})年?(?:\d{1,2}月)?(?:\d{1,2}[日号])?(?:止|到期|为止)?"
                          r"|(?:有效期)?(\d{4})年?(?:\d{1,2}月)?(?:\d{1,2}[日号])?(?:到期|止)")
"""A title or honour said with the year it is valid until (有，有效期到2027年; 是（2027年到期）; 有效期至2026年12月).
It was refused as saying when the title was won (「说的是何时获得」), or as no sure yes: it says until when."""


def _held_until(low: str, f: FieldDef, typed: str, where: str, label: Text | None, last_year: int | None) -> bool | None:
    """Whether a title said as valid until a year (有效期到2027年, 是（2027年到期）) is held; None when the text says
    no such thing (or says no: 否（有效期到2027年） is read as before). Valid past this year (the one after
    ``last_year``, the interview's): held; to a year already past: lapsed, not held. To this year, or
    with no date to judge by (a sheet, a file), it is refused, saying the day decides."""
    until = _VALID_UNTIL.search(low)
    if until is None:
        return None
    rest = (low[: until.start()] + low[until.end():]).translate(_BRACKETS).strip(" ，,、；;:：")
    if rest and rest not in YES and _held(rest, f.path) is not True and rest not in ("有效期", "valid", "isvalid", "yesvalid"):
        return None
    year = int(until.group(1) or until.group(2))
    if last_year is not None and year != last_year + 1:
        if year < last_year + 1 and (rest in YES or _held(rest, f.path) is True):  # 是（有效期到2024年）: a yes its
            raise InputError(kind="value.yes_doubt", params={"shown": brief(typed)},  # own date undoes; the person says
                             field=where, label=label or field_words(f, where))
        return year > last_year + 1
    raise InputError(kind="value.held_until", params={"shown": brief(typed), "until": Text(f"{year}年", str(year))},
                     field=where, label=label or field_words(f, where))


_YEAR = lazyre.compile(r"\d{4}")
_REGISTERED = "titles.tech_sme"
"""The 科技型中小企业: a registration (入库) rather than a title won (认定)."""


def _held(low: str, path: str) -> bool | None:
    """Whether a title's cell without 是/否 says it is held (True), not held (False), or neither (None).
    A date makes it neither: 2022年认定 says when the title was won, and a title lapses after three
    years; only the person knows whether it was renewed (2024 alone may be the year it was won,
    applied for, or lapsed)."""
    words = low.strip(" ，,、；;:：")
    words = words[:-1] if len(words) > 2 and words[-1] in "了的" else words  # 入库了, 已认定的: the state itself
    won, not_won = _STATES[path == _REGISTERED]
    if not_won.fullmatch(words):
        return False
    return True if won.fullmatch(words) else None


_REMARK = lazyre.compile(r"(.+?)\((.*)\)")
"""是（2024年认定）: a yes or no with a remark in brackets (full-width folded by NFKC)."""
_SAID_AFTER = lazyre.compile(r"(是|否)[;:；：]?(.+)")
"""是，2023年认定 (its comma gone with the separators ``normalise`` drops): a remark after the answer
rather than in brackets, read as the bracketed one is."""
_DATES = lazyre.compile(r"\d{1,4}\s*(?:年度?|月|日|号|[./-])?")
_SURE = lazyre.compile(r"(?:已|于|经|获|获得|获评|被|认定|评定|认证|入选|入库|复核|复审|重新认定|通过|有效|有效期内|仍有效|在有效期内|期内|"
                   r"审核|评审|公示后|未过期|没过期|未到期|没到期|未撤销|未被撤销|没有撤销|首次|第[一二三四五六七八九十]+批|批|"
                   r"certified|recogni[sz]ed|valid|renewed|approved|since|in|and|notexpired|"
                   r"[\s，,、；;:：]|的$)*")
"""What a yes's remark may say and still be a yes: when and how the title was won or renewed, that
it is valid (是（2024年认定）, 是（2025年复核通过）, 是（未过期）, 是，2023年认定的). Anything else (已过期, 申报中, 待认定,
已满3年, 到2025年12月, 不含子公司) is refused, saying to answer 否 or 不知道: a lapsed or pending title
is not held, and reading such a remark as yes passed a tier on a title the company does not have."""


# money units → how many 万元 one of them is; longest first so 亿元 wins over 元
MONEY_UNITS: tuple[tuple[str, Decimal], ...] = (
    ("万亿元", Decimal(100000000)), ("亿元", Decimal(10000)), ("亿", Decimal(10000)),
    ("千万元", Decimal(1000)), ("千万", Decimal(1000)), ("百万元", Decimal(100)), ("百万", Decimal(100)),
    ("万元", Decimal(1)), ("万", Decimal(1)), ("千元", Decimal("0.1")), ("元", Decimal("0.0001")),
)
ENGLISH_SCALES: tuple[tuple[str, Decimal], ...] = (
    ("billion", Decimal(100000)), ("bn", Decimal(100000)), ("million", Decimal(100)), ("mn", Decimal(100)),
    ("m", Decimal(100)), ("thousand", Decimal("0.1")), ("k", Decimal("0.1")),
)
"""English amounts, in CNY (80 million, 3.2m, 800k) → how many 万元 one of them is. An English
speaker thinks in millions, not in 万: 80 million is 8,000 万元, shown back before it is saved."""
SHORTHAND_UNITS: tuple[tuple[str, Decimal], ...] = (("w", Decimal(1)),)
"""w for 万 (500w, 500W), as Chinese chat and notes write it: the pinyin initial of wàn, in no other
use after an amount."""
_EXACTLY = lazyre.compile(r"(?<=[万亿元])整$")
"""整 after the unit (500万元整, 500万整), as a cheque or contract closes an amount: exactly that much,
which the figure already is."""
CURRENCY = ("人民币", "cny", "rmb", "yuan", "¥")
"""Words for yuan around an amount (3,200,000 CNY, RMB 3.2 million, ¥800万): an amount with one and
no other unit is in 元, not in the profile's 万元. The sign ¥ (and ￥, which NFKC folds to it) gives
way to a unit the column or the sheet names: Excel's currency format writes "¥1,200" for 1200 in a
营业收入（万元） column, and under 金额单位：万元 or a units row of 万元 alike, so there an amount after
it is in that unit (read as 元, it became a ten-thousandth of itself without a word). Where the only
unit is the default 万元, ¥ means 元, as RMB does: "￥80,000,000" in a column headed 营业收入（2025年）
is 8,000万元 as typed; read as 万元, it was 8,000亿 and failed every tier of a company that met them."""
FOREIGN_CURRENCIES = ("美元", "美金", "港元", "港币", "欧元", "日元", "英镑", "澳元", "加元", "新台币", "台币", "澳门元",
                      "韩元", "卢布", "新加坡元", "瑞士法郎")
"""Money not in 人民币, by its Chinese name: amounts the tool has no rate to turn into 万元."""
FOREIGN_CODES = ("usd", "hkd", "eur", "jpy", "gbp")
"""The same by currency code, as a header or a cell writes it (USD, in any letter case)."""
_FOREIGN_AMOUNT = lazyre.compile("[$€£]|" + "|".join(FOREIGN_CURRENCIES) + r"|(?<![a-z])(?:" + "|".join(FOREIGN_CODES) + ")(?![a-z])",
                             re.IGNORECASE)
"""What marks a typed amount as foreign ($5,000, 5000万美元, USD 5m; a cell Excel shows as $ or €)."""
YUAN = Decimal("0.0001")
"""One 元 in 万元."""
_YUAN_WORDS = ("人民币", "cny", "rmb", "yuan")
_TEN_K = lazyre.compile(r"[\s(]10k(?:\s*(?:cny|rmb|yuan))?\)?$")
"""The English name of 万元 itself after an amount (8000 (10k CNY), 8000 10k CNY): not "k" times 10."""
_NUMBER = lazyre.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,9})?")
"""A plain decimal, with an exponent as Excel writes a large number to CSV (1.2E+07)."""
_GROUP_SEP = "[,'’、_\\s]+"
_GROUPED = lazyre.compile(rf"[\d.]*\d(?:{_GROUP_SEP}\d+)+(?:\.\d*)?")
"""A number whose digits a separator splits (1,200; 1 200; 1,20; 1.200,50): the commas people group
thousands with, and what Excel and other countries write in their place."""
_PLAIN = lazyre.compile(r"-?\d{1,15}(\.\d{1,15})?", re.ASCII)
"""A number as most cells hold it, which needs none of the rest (the result is the same)."""
MOST_TYPED = 200
"""The longest answer read for a figure, a yes/no or a choice (约8000万元（2025年审计数） is some 20
characters; 是（2024年认定，……） under 60): a longer one is refused as not what was asked. 20,000 digits
took the thousands-grouping check 10 s (its pattern backtracks over each start), a CSV cell's limit
some minutes."""
NUMERIC_TYPES = frozenset({"int", "number", "percent", *MONEY_TYPES})
"""Field types whose text is a number (MONEY_TYPES: of those the amounts in 万元)."""


@record(frozen=True, hot=True)
class Conversion:
    """Typed text read as a figure it does not spell: an amount in another unit than 万元 (0.8亿), a
    rough one (约8000万), a start year for a count of years (2008年开始), 无 for a count (无): what was
    typed and the value saved, to be said back before it counts."""

    typed: str
    value: Decimal
    approximate: bool = False  # said as 约500万 or 500万左右: the figure read, but no more exact than that
    by_sign: bool = False  # ¥ alone, no unit named anywhere, made it 元: a column in 万元 formatted as currency reads so too
    since: int | None = None  # a start year (2008年开始) made the years from its end to last year end


_TRADITIONAL = str.maketrans({"萬": "万", "億": "亿"})
"""萬 and 億 as people used to traditional characters type them after digits (500萬, 0.8億): the same
units as 万 and 亿, which NFKC leaves apart. 五百萬 in numerals was read and 500萬 refused, so the
person retyped an answer the tool could have read."""


_CLOSING = lazyre.compile(r"(?<=[\w%)])(?:\.|!+|;)$")
"""The full stop, exclamation or semicolon a sentence ends with (500万。, 是。, 没有！), typed out of habit
after an answer: refused, 「500万。」 read as no amount. One mark after a word, a digit, % or a bracket;
a lone mark, or an ellipsis trailing off (500万…), stays as typed."""


def normalise(text: str) -> str:
    """Full-width digits and punctuation to their ASCII forms (NFKC), 萬 and 億 to 万 and 亿, thousands
    separators, spaces and a closing full stop out: ``８，０００ 萬元。`` → ``8000万元``."""
    text = unicodedata.normalize("NFKC", text).strip().translate(_TRADITIONAL)
    return _CLOSING.sub("", re.sub(r"[,_\s'’、]", "", text.replace("。", ".")))


def without_about(text: str) -> str:
    """``text`` without the words that make it approximate (约6%, 500万左右), normalised: what it states."""
    return _ABOUT.sub("", normalise(text))


def percent_signed(f: FieldDef, text: str) -> bool:
    """Whether ``text`` gives a share with its percent sign (0.5%, 约0.5％, 百分之零点五): a share so
    typed says which it is, and is never the fraction (0.005 for 0.5%) the loaders warn a bare 0.5 may
    be (consistency.FRACTION)."""
    if f.type != "percent":
        return False
    raw = PERCENT_WORDS.sub("%", without_about(text))
    return raw.endswith("%") or raw.startswith("百分之")


_TENTHS = lazyre.compile(r"([\d.一二两三四五六七八九十]+)成(?:(半)|([1-9一二两三四五六七八九]))?")
"""A share in tenths (两成 is 20%, 一成半 15%, 两成五 25%: the digit after 成 is the next place, as 三成八 is
38%), as a share is said in speech: refused as no percentage."""
_PART_OF = lazyre.compile(r"(?P<half>一半)|(?P<whole>[\d一二两三四五六七八九十百]+)分之(?P<piece>[\d一二两三四五六七八九十]+)")
"""A share said as a part (一半, 四分之一, 五分之二), as a share is said in speech: refused as no percentage."""
PERCENT_WORDS = lazyre.compile(r"(?<=[\d.〇零一二三四五六七八九十])(?:(?:个)?百分点|个点)$|(?i:(?:per)?cent|pct|percentagepoints?)$")
"""A share said in words after its figure (12个百分点, 12个点, 12 percent; spaces gone): its % sign. 12个百分点 was
refused as Chinese numerals of more than one reading, told to write 1200万."""


def plain(value: Decimal) -> Decimal:
    """8000.0 → 8000, 0.50 → 0.5: a value that saves as it would be typed."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _expected(f: FieldDef, unit: Decimal | None) -> Text:
    """What a value of ``f`` should be (EXPECT), an amount's in the unit its sheet or column gives (``unit``,
    in 万元 per plain number): a sheet declared in 元 was told 「应填金额（单位万元…）」 of a cell gone wrong."""
    if f.type in MONEY_TYPES and unit is not None and unit != 1:
        named = next((name for name, size in MONEY_UNITS if size == unit and name.endswith("元")), None)
        if named is not None:
            return expect_money(f.type, named, unit)
    return EXPECT[f.type]


def read_typed(f: FieldDef, text: str, *, where: str | None = None, label: Text | None = None,
               unit: Decimal | None = None, numbered: bool = False, last_year: int | None = None,
               none_is_zero: bool = False, spoken: bool = False) -> tuple[Scalar | None, Conversion | None]:
    """The value typed text gives field ``f`` (None: unknown), and the conversion made, if any.

    ``unit`` is how many 万元 a plain amount is, when a sheet says it (a column headed 营业收入（元）
    or 营业收入（万元）, a title 金额单位：元); None: nothing says, and a plain amount is in 万元, one
    after ¥ alone in 元. A unit in the text wins over it. ``numbered`` takes a choice's number as listed (the interview's "1) 工业"),
    which a sheet must not: a stray 1 in a cell would silently pick a choice. ``last_year`` (the
    interview's, which knows its as-of date) reads a start year typed for a count of years (2008年开始)
    as the years to that year's end; without it (a sheet, a file) the start year is refused, as it
    would be read differently under another date. ``none_is_zero``: 无 or 没有 to a count or an amount
    that may be 0 is 0, where a person typed it to the question (a sheet's 无 may be a blank's filler).
    ``spoken``: the interview's, which says back what it read before it is saved: amounts and shares as
    they are said (1亿2, 2千5, 两亿五千, 3200多万, 两成五, 一半, 盈亏平衡) are read there only; in a sheet's cell,
    a file or --set, where nothing is said back, each was taken silently (1亿2千 may be written for
    100,002,000元 as well) and is refused as before. So is an answer that says more or less than the question
    asks (两项 or 申请中 to a yes/no, 三分之一 as 约33.33%).
    Raises InputError saying what was expected, naming the field as ``where`` (en) and ``label`` (zh)."""
    where = where or f.path
    if f.type != "text" and len(text) > MOST_TYPED:  # before any pattern meets it (see MOST_TYPED)
        raise InputError(kind="value.typed", params={"expect": _expected(f, unit), "shown": brief(text.strip())},
                         field=where, label=label or field_words(f, where))
    if f.type in MONEY_TYPES and ("." in text or "．" in text):  # 8.000: 8000 or 8? asked, never read as 8
        check_dotted(f, text, where, label or field_words(f, where))
    if f.type in NUMERIC_TYPES and _PLAIN.fullmatch(text):  # 5000, -120, 12.5: most cells, read at once
        number = Decimal(text)
        if unit is None or unit == 1:
            return check_value(f, number, where=where, label=label), None
        return _as_typed(f, plain(number * unit), text, where, label), None
    if f.type == "bool" and text in _YES_NO:
        return _YES_NO[text], None
    stripped = text.strip()
    raw = normalise(text)
    hedged = False  # 3200万吧: a figure the person hedges, saved as approximate
    if f.type in NUMERIC_TYPES or f.zero is not None or f.type == "choice":
        bare = _PARTICLES.sub("", raw)
        if bare and bare != raw:
            raw, hedged = bare, _HEDGE in raw[len(bare):]
    elif f.type == "bool":
        firm = _FIRM_PARTICLES.sub("", raw)
        said_twice = _SAID_TWICE.fullmatch(firm)  # 没有没有, 对对对: one word said again, as in speech
        firm = said_twice.group(1) if said_twice is not None else firm
        firm = _FIRM_LEAD.sub("", firm) if _FIRM_LEAD.sub("", firm).lower() in _YES_NO.keys() | _HAD else firm
        if firm and firm.lower() in _YES_NO:  # 没有啊, 是啊, 肯定没有: the yes or no itself
            return _YES_NO[firm.lower()], None
        if firm in _NEVER_ONCE and not f.path.startswith(_HELD):
            return False, None
        counted = _COUNTED.fullmatch(firm) if spoken and not f.path.startswith(_HELD) \
            and f.path not in _NOW_ONLY else None
        if counted is not None:  # 有的，一次 / 两项 / 好几个 to a yes/no: how many says whether there is any
            if counted["bound"]:  # 不到10个: maybe none; only the person can say
                raise InputError(kind="value.count_for_yes", params={"shown": brief(stripped)}, field=where,
                                 label=label or field_words(f, where))
            return counted["n"] not in ("0", "零", "〇"), None
        if spoken and _NONE_COUNTED.fullmatch(firm) and not f.path.startswith(_HELD):  # 一个都没有, 没有一项
            return False, None
        if spoken and firm in _ALL_OF and not f.path.startswith(_HELD):  # 以上都是 to 质量、环境…管理体系: yes
            return True, None
        if spoken and _NOT_YET.fullmatch(firm) and (f.path.startswith(_HELD) or f.path.startswith(_NOT_YET_ASKED)):
            return False, None  # 下个月拿证, 申请中 to a certificate: not held today, the day the questions are of
        if firm in _HAD:  # 有过 to 近三年发生…: it happened, yes; of a title, held once says nothing of now
            if not _EVENT.match(f.label.zh):  # 被列入经营异常名录, a title: whether it is so now, which 有过 does not say
                raise InputError(kind="value.had_now", params={"shown": brief(stripped)}, field=where,
                                 label=label or field_words(f, where))
            if f.path.startswith(_HELD):
                raise InputError(kind="value.yes_doubt", params={"shown": brief(stripped)}, field=where,
                                 label=label or field_words(f, where))
            return True, None
        unsure = _UNSURE.fullmatch(raw)
        meant = unsure.group(1) or unsure.group(2) if unsure is not None else None
        if meant is not None and (meant.lower() in _YES_NO or _echoed(meant, f) is not None):
            # 是吧, 没有吧, 应该是: a yes or no not yet sure; told it as such, not as a title's lapse (yes_doubt)
            raise InputError(kind="value.unsure", params={"shown": brief(stripped)}, field=where,
                             label=label or field_words(f, where))
    if f.type == "bool" and f.path.startswith(_HELD) and _NEVER_APPLIED.fullmatch(raw):
        return False, None  # 未报 under a title: never applied for, so not held (read as unknown, its tier went 未知)
    if raw.lower() in UNKNOWN or NOT_GIVEN.fullmatch(raw) or DONT_KNOW.fullmatch(raw.lower()):
        return None, None
    expect = _expected(f, unit)
    if f.type != "text" and FORMULA_ERROR.fullmatch(unicodedata.normalize("NFKC", stripped).upper()):  # #DIV/0!
        raise InputError(kind="value.formula_error", params={"expect": expect, "shown": brief(stripped)},
                         field=where, label=label or field_words(f, where))
    if raw in NONE_YET:
        if f.type == "bool" or f.zero is not None or f.type == "choice":
            try:  # as 无 reads: 否, 0 (未获奖), the choice of none; a choice without one: unknown
                return read_typed(f, "无", where=where, label=label, unit=unit, numbered=numbered)
            except InputError:
                return None, None
        return None, None
    if spoken and f.type == "signed_money" and raw in BREAK_EVEN:  # 盈亏平衡 to the net profit: 0, said back
        return check_value(f, Decimal(0), where=where, label=label), Conversion(stripped, Decimal(0))
    if none_is_zero and raw.lower() in NONE_IS_ZERO and f.zero is None and _counts_from_zero(f):
        # an answer, not a missing input: said back as 0 (无 = 0项) before it counts, never a silent 0
        return check_value(f, Decimal(0), where=where, label=label), Conversion(stripped, Decimal(0))
    if f.type == "choice" and "none" in f.choices and _NONE_SAID.fullmatch(raw):  # 没获过奖 to 创客中国's 名次
        return check_value(f, "none", where=where, label=label), None
    if f.zero is not None and (raw.lower() in NO or raw.lower() in (f.zero.zh, f.zero.en.lower())
                               or _NONE_SAID.fullmatch(raw)):
        return check_value(f, Decimal(0), where=where, label=label), None  # 没有 to 获奖排名（0为未获奖）: 0, as it says
    if f.type in NUMERIC_TYPES:
        _check_grouping(stripped, f, where, label or field_words(f, where))

    def wrong() -> InputError:
        # 无 for an amount: none, most likely, but only the person can say it is 0, not unknown; say how.
        # Not 0 where 0 is refused (a level 1–4): there none is no level, left unknown
        none = f.type in NUMERIC_TYPES and (raw.lower() in NO or raw.lower() in NONE_IS_ZERO)  # "none" as 没有
        kind = ("value.typed_none_assets" if f.id in NEVER_NONE else  # 资产总额: never none
                "value.typed_none_part" if f.type == "money" and f.part_of else  # 主营业务收入: not 0, the whole
                "value.typed_none" if zero_allowed(f) else "value.typed_none_unknown") if none else "value.typed"
        return InputError(kind=kind,
                          params={"expect": expect, "shown": brief(stripped)},
                          field=where, label=label or field_words(f, where))

    if f.type == "text":
        return check_value(f, stripped, where=where, label=label), None
    if f.type == "bool":
        low = raw.lower()
        if f.path in _CONFERRED:
            low = _at_level(low, f.path, stripped, where, label, f)
        if f.path.startswith(_HELD):
            held = _held_until(low, f, stripped, where, label, last_year)
            if held is not None:
                return held, None
        whole = low
        remark = _REMARK.fullmatch(low) or _SAID_AFTER.fullmatch(low)
        if remark is not None:  # 是（2024年认定）, 是，2023年认定, 否（已过期）: the word before the remark answers
            low = remark.group(1)
            again = _FIRM_LEAD.sub("", remark.group(2).strip(" ，,、；;:：").removeprefix("的")).lower()  # 是的，没有
            if (low in YES or low in NO) and (again in _YES_NO or again in _HAD):
                if (low in YES) != (again in YES or again in _HAD):  # 是，没有: yes and no at once; only the person knows
                    raise InputError(kind="value.yes_and_no", params={"shown": brief(stripped)}, field=where,
                                     label=label or field_words(f, where))
                return low in YES, None  # 是，有; 否，没有: the remark says it again
            if low in YES and _SURE.fullmatch(_DATES.sub("", remark.group(2))) is None \
                    and not _names_subject(remark.group(2), f):
                # a title's lapse (已过期, 申报中) is no word for a red line's remark (是，偶尔): said plainly there
                raise InputError(kind="value.yes_doubt" if f.path.startswith(_HELD) else "value.yes_remark",
                                 params={"shown": brief(stripped)}, field=where,
                                 label=label or field_words(f, where))
        if low in YES or low in NO:
            return low in YES, None
        echoed = _echoed(low, f) if remark is None and not f.path.startswith(_HELD) else None
        if echoed is not None:  # 不属于, 通过了: the question's own verb
            return echoed, None
        if f.path.startswith(_HELD):  # the whole cell: 已认定（已过期） is no 已认定
            held = _held(whole, f.path)
            said = _held(low, f.path) if held is None and remark is not None else None
            note = remark.group(2) if remark is not None else ""
            if said is False and _LAPSED.fullmatch(low.strip(" ，,、；;:：")) and _DATES.sub("", note).strip() \
                    and _held(_DATES.sub("", note), f.path) is not False:
                # 已过期（2025年复核通过）, 申报中（原称号有效期内）: a lapse its remark undoes, or says held
                # beside it; read as the lapse, a renewed title failed 小巨人. Only the person can say
                raise InputError(kind="value.yes_doubt", params={"shown": brief(stripped)}, field=where,
                                 label=label or field_words(f, where))
            if said is False or (said and not _YEAR.search(note) and _SURE.fullmatch(note)):
                held = said  # 已认定（有效期内）, 未认定（申报中）: a state its remark keeps
            elif said:  # 已认定（已过期）, 取得（已撤销）: a held state its remark undoes (已认定（2021年）: below)
                if not _YEAR.search(note):
                    raise InputError(kind="value.yes_doubt", params={"shown": brief(stripped)}, field=where,
                                     label=label or field_words(f, where))
            if held is not None:
                return held, None
            if _STATES[True][0].search(whole) and _YEAR.search(whole):  # 2022年认定: held then; lapsed now, unless renewed
                raise InputError(kind="value.held_when", params={"shown": brief(stripped)}, field=where,
                                 label=label or field_words(f, where))
            if _UNDER_REVIEW.search(whole):  # 复核中: held until its term ends, or lapsed awaiting; said as 省级（复核中） is
                raise InputError(kind="value.yes_doubt", params={"shown": brief(stripped)}, field=where,
                                 label=label or field_words(f, where))
        raise wrong()
    if f.type == "choice":
        if len(raw) > 1 and raw.endswith("的"):  # 省级的, 市级的: the choice, as said
            raw = raw[:-1]
        if numbered and raw.isdigit() and 1 <= int(raw) <= len(f.choices):
            return f.choices[int(raw) - 1], None
        found = choice_named(f, stripped) or choice_named(f, raw)
        meant = choices_meant(f, stripped) if found is None else ()
        if numbered and not meant:  # the choices are on the screen, numbered: say that, not the list of ids
            if found is None:  # with their range: 7 on a list of 5 was told only "one of the choices listed"
                near = choice_near(f, stripped)
                named = f.choice_labels.get(near) if near is not None else None
                hint = choice_hint(f, near, stripped) if near is None and not raw.isdigit() else {}
                if hint:  # 化工 to 行业: who picks which choice (制造业企业…选“工业”), by its number on the screen
                    raise InputError(kind="value.choice_numbered_hint", params={
                        "n": len(f.choices), "shown": brief(stripped), "number": f.choices.index(str(hint["choice"])) + 1,
                        **hint}, field=where, label=label or field_words(f, where))
                if near is not None:  # 制照业: the choice it likely means, by its number on the screen
                    raise InputError(kind="value.choice_numbered_near", params={
                        "n": len(f.choices), "shown": brief(stripped), "number": f.choices.index(near) + 1,
                        "near_label": named or Text(near, near)}, field=where, label=label or field_words(f, where))
                raise InputError(kind="value.choice_numbered", params={"n": len(f.choices), "shown": brief(stripped)},
                                 field=where, label=label or field_words(f, where))
            return found, None
        if meant:  # 批发和零售业 is 批发业 or 零售业: those two are named, not every choice
            options = [lab for lab in map(f.choice_labels.get, meant) if lab is not None]
            raise InputError(kind="value.choice_either", params={"got": Got(stripped), "options": Text(
                "、".join(lab.zh for lab in options[:-1]) + "或" + options[-1].zh,
                ", ".join(lab.en for lab in options[:-1]) + " or " + options[-1].en)},
                field=where, label=label or field_words(f, where))
        if found is None:  # said in the choices' words (a sheet's user never saw their ids), and in full
            near = choice_near(f, stripped)
            params: dict[str, object] = {
                "choices": Choices(f.choices, tuple(f.choice_labels.get(c) for c in f.choices)),
                "labels": "；".join(lab.zh for lab in map(f.choice_labels.get, f.choices) if lab is not None),
                "got": Got(stripped)}
            if near is not None:
                params |= {"near": near, "near_label": f.choice_labels.get(near) or near}
            hint = choice_hint(f, near, stripped)  # 电子元器件: who fills which choice, before the list
            kind = "value.choice_words_near" if near is not None else "value.choice_words"
            raise InputError(kind=f"{kind}_hint" if hint else kind, params=params | hint, field=where,
                             label=label or field_words(f, where))
        return check_value(f, found, where=where, label=label), None
    noted = False  # 500万（不含税）: the basis asked, said back as read
    estimated = False  # 500万（暂估）: a figure no more exact than 约500万
    if f.type in MONEY_TYPES:
        raw, noted = _tax_basis(raw, f, stripped, where, label)
        raw, noted = _entity_basis(raw, f, stripped, where, label, noted)
        bare = _AUDIT_NOTE.sub("", raw)
        if bare not in ("", raw):
            raw, noted = bare, True
        bare = _ESTIMATE_NOTE.sub("", raw)
        if bare not in ("", raw):
            raw, estimated = bare, True
        if f.per_year and _PER_YEAR.sub("", raw) not in ("", raw):  # 3200万/年, 一年3200万: the year's figure, as asked
            raw, noted = _PER_YEAR.sub("", raw), True
    profit = _PROFIT.match(raw) if f.type == "signed_money" else None
    if profit:  # 盈利300万: the figure alone, its sign its own
        raw = raw[profit.end():]
    swapped = _LOSS_ABOUT.match(raw) if f.type == "signed_money" else None
    if swapped:  # 亏损约300万 as 约亏损300万: the 约 is taken off first, then the loss
        raw = swapped[2] + swapped[1] + raw[swapped.end():]
    exact = _ABOUT.sub("", raw) or raw  # 约500万, 500万左右: the figure itself, shown back as read
    about = exact != raw or hedged or estimated
    if f.type in MONEY_TYPES and f.per_year and _AVERAGE.match(exact) is not None:
        # 年均3200万 is no year's figure: taken for each year asked, it made growth 0% and decided it
        # silently; the person who knows the year's figure only roughly says so (约3200万), for that year
        raise InputError(kind="value.average", params={"shown": brief(stripped)}, field=where,
                         label=label or field_words(f, where))
    if spoken and f.type in NUMERIC_TYPES:
        narrow = _narrow_more(exact)
        if narrow is not None:  # 3200多万: about 3200万, the range it leaves within what a verdict on it is checked for
            exact, about = narrow, True
    factor, typed, raw = Decimal(1) if unit is None else unit, about or noted or profit is not None, exact
    by_sign = False
    loss = f.type == "signed_money" and _LOSS.match(raw)
    if loss:  # 亏损300万, 负300: a loss as people say it, shown back as the negative figure it is saved as
        raw, typed = raw[loss.end():], True
    tenths = _TENTHS.fullmatch(raw) if f.type == "percent" else None
    if tenths is not None:  # 两成, 一成半: tenths, as a share is said; 20%, said back
        from littlegiant.load import numerals

        try:
            tenth = numerals.value_of(tenths.group(1))
        except ValueError:
            tenth = None
        if tenth is not None and (spoken or not tenths.group(3)):  # 两成五 in a cell: refused as before
            more = 5 if tenths.group(2) else numerals.value_of(tenths.group(3)) if tenths.group(3) else 0
            raw, typed = f"{plain(tenth * 10 + more)}%", True
    part = _PART_OF.fullmatch(raw) if f.type == "percent" and spoken else None
    if part is not None:  # 一半, 四分之一: the share it is, said back (25%)
        from fractions import Fraction

        from littlegiant.load import numerals

        try:
            parts, piece = (Decimal(2), Decimal(1)) if part["half"] else \
                (numerals.value_of(part["whole"]), numerals.value_of(part["piece"]))
            share: Fraction | None = Fraction(piece * 100) / Fraction(parts)
        except (ValueError, ArithmeticError):
            share = None
        if share is not None:
            figure = Decimal(share.numerator) / Decimal(share.denominator)
            if Fraction(figure) != share:
                # 三分之一 is no finite decimal: read as 约33.33%, said back with its 约. It was refused as no
                # share (and 三分之二 saved as 66.66666666666666666666666667). A share said as a part is an
                # estimate already; two decimals are far finer than any threshold (10%), and the 约 flags a
                # verdict resting on it, as 约33.33% typed would. Refused, the owner had to work it out
                figure, about = figure.quantize(Decimal("0.01")), True
            raw, typed = f"{plain(figure)}%", True  # (read at the interview alone: a sheet refuses it as before)
    if f.type == "percent" and PERCENT_WORDS.search(raw):  # 12个百分点, 12 percent: 12%, said back as 百分之12 is
        raw, typed = PERCENT_WORDS.sub("%", raw), True
    if f.type == "int" and f.path.startswith("ip.class") and _IP_PENDING.search(raw):
        # 申请中, 3项在申请: what is applied for is not yet held, and only the person knows how many are granted
        raise InputError(kind="value.ip_pending", params={"shown": brief(stripped)}, field=where,
                         label=label or field_words(f, where))
    if f.type == "int" and f.path.startswith("ip.class"):  # 发明专利5项: the kind the question asks, its count
        said_kind = _IP_WORDS.get(f.path, _CLASS1)
        if f.path != "ip.class2" and _CLASS2_WORDS.search(raw):
            raise InputError(kind="value.ip_class2", params={"shown": brief(stripped)}, field=where,
                             label=label or field_words(f, where))
        if said_kind.sub("", raw) not in ("", raw):
            raw, typed = said_kind.sub("", raw), True
    if f.type in ("int", "number") and f.unit in _COUNT_WORDS:  # 120(人), 12(项): the unit in brackets, as forms write it
        for word in sorted((f.unit or "", *_COUNT_WORDS[f.unit or ""], *(("名",) if f.unit == "人" else ())),
                           key=len, reverse=True):
            if word and raw.endswith(f"({word})") and len(raw) > len(word) + 2:
                raw, typed = raw[: -len(word) - 2], True
                break
    if f.type in ("int", "number") and f.unit in _COUNT_WORDS and _COUNT_LEAD.sub("", raw) not in ("", raw):
        raw, typed = _COUNT_LEAD.sub("", raw), True  # 一共120人, 已经12年: the count (一共 is no numeral)
    if f.unit == "年":  # 一二年开始, 二〇一二年开始: the start year, as 12年开始 is
        from littlegiant.load import numerals

        years = numerals.spelled_years(raw)
        raw, typed = years, typed or years != raw
    written = _numerals(raw, f, stripped, where, label, spoken)  # 五百万 → 500万, shown back before it is saved
    if written is not None:
        raw, typed = written, True
    if f.type in MONEY_TYPES:
        raw = raw.replace("−", "-")  # the minus sign of Word and Excel
        if f.type == "signed_money" and raw.startswith("(") and raw.endswith(")"):
            raw = "-" + raw[1:-1]  # (120) is how statements write a loss
        if loss:
            raw = "-" + raw  # 亏损-300 is no figure: refused below as "--300"
        raw, size, sign = _money_unit(raw, stripped)
        if size is None and sign:
            size = YUAN if unit is None else unit  # ¥ alone: the unit the column or sheet names, else 元 (CURRENCY)
            by_sign = unit is None
        if size is not None:
            factor, typed = size, typed or size != 1
        # 8000w, ¥8000万, (120): read by a rule the person may not know the tool has, said back as 0.8亿 is
        typed = typed or _BARE_AMOUNT.fullmatch(normalise(text)) is None
    elif f.type == "percent":
        raw = raw.removesuffix("%")
    else:
        founded = _FOUNDED.search(raw) if f.unit == "年" and last_year is not None else None  # (a sheet: as before)
        if founded is not None:  # 2009年成立: the company's year, not the niche's; said which to write
            raise InputError(kind="value.founded", params={"shown": brief(stripped), "year": founded.group(1)},
                             field=where, label=label or field_words(f, where))
        since = (_SINCE.fullmatch(raw) or _SINCE.fullmatch(_SINCE_DOING.sub("开始", re.sub("[的了]+$", "", raw))))\
            if f.unit == "年" else None
        if since is not None:
            year = int(next(group for group in since.groups() if group))
            if year < 100 and last_year is not None:  # 12年开始: 2012; 98年开始: 1998; 26年开始 in 2026: this year,
                # told it has not reached a year's end (read as 1926, it was told it began before 1949)
                year += 2000 if 2000 + year <= last_year + 1 else 1900
            if last_year is None:  # a sheet or a file has no date of its own to count to: refused as 2008 is,
                # saying it looks like the year it began (read against another date, it would differ)
                _as_typed(f, Decimal(year), stripped, where, label, converted=False)
                raise wrong()  # years that could reach 2008: a start year is no count of them all the same
            return _years_since(f, year, last_year, stripped, about, where, label)
        counted = _YEARS_SAID.fullmatch(raw) if f.unit == "年" else None
        if counted is not None and counted.group("n") + "年" != raw:  # 8年来, 做了12年: the years, said back
            raw, typed = counted.group("n"), True
        for word in sorted((f.unit or "", *_COUNT_WORDS.get(f.unit or "", ())), key=len, reverse=True):
            if word and raw.lower().endswith(word):
                raw = raw[: -len(word)]
                break
        if f.unit is None and _RANKED_ABROAD.search(raw):  # 全球第一 to 国内排名: not the rank asked
            asked = Text(f"「{f.label.zh}」", f.label.en[:1].lower() + f.label.en[1:])
            raise InputError(kind="value.rank_abroad", params={"shown": brief(stripped), "asked": asked},
                             field=where, label=label or field_words(f, where))
        top = _TOP.fullmatch(raw) if f.unit is None and f.path.endswith("rank") else None
        if top is not None:  # 前三: a range, not a rank; told what to type, where 「应填整数」 left the owner stuck
            raise InputError(kind="value.rank_top", params={"shown": brief(stripped), "n": top[1]},
                             field=where, label=label or field_words(f, where))
        ranked = _RANKED.fullmatch(raw) if f.unit is None else None
        if ranked is not None:  # 排名第3, 国内第二: the rank, as the question asks it
            raw = ranked[1]
        ranked_en = _RANKED_EN.fullmatch(raw) if f.unit is None else None
        if ranked_en is not None:
            raw = ranked_en[1] or ranked_en[2]
        if raw.startswith("第") or raw.endswith("名"):  # a rank typed as 第3名
            raw = raw.removeprefix("第").removesuffix("名")
    if _NUMBER.fullmatch(raw) is None:
        if f.type in MONEY_TYPES and _FOREIGN_AMOUNT.search(stripped):  # said as foreign, not as not a number
            raise InputError(kind="value.foreign_money", params={"shown": brief(stripped)}, field=where,
                             label=label or field_words(f, where))
        raise wrong()
    try:
        number = Decimal(raw)
    except InvalidOperation:  # pragma: no cover - the pattern admits only what Decimal reads
        raise wrong() from None
    if factor != 1:
        if not number.is_finite() or number.adjusted() > 30:  # past any size check_value takes
            return _as_typed(f, number, stripped, where, label, converted=False), None
        number = plain(number * factor)
    value = _as_typed(f, number, stripped, where, label, converted=factor != 1)
    return value, Conversion(stripped, number, about, by_sign) if typed else None


def zero_allowed(f: FieldDef) -> bool:
    """Whether 0 is a value ``f`` takes: not for a level 1–4, where saying "if none, type 0" sent the
    person to an answer refused in turn (不能小于 1)."""
    low, high = f.value_range()
    return (low is None or low <= 0) and (high is None or high >= 0)


def _counts_from_zero(f: FieldDef) -> bool:
    """Whether 无 can be 0 for ``f``: a count (staff, IP) or an amount that may be 0. Not a signed amount
    (没有 to 净利润 may be a loss), a share, a score or a level (0 is no level), nor years in a market;
    nor an amount that is part of another (主营业务收入 of 营业收入): an owner who does not split out main
    revenue answers 无, and 0 made the main-business share 0%, failing the 80% and 90% tests."""
    low, _ = f.value_range()
    return f.type in ("int", "money") and low is not None and low <= 0 and not (f.type == "money" and f.part_of) \
        and zero_allowed(f) and f.id not in NEVER_NONE


def _years_since(f: FieldDef, year: int, last_year: int, typed: str, about: bool, where: str,
                 label: Text | None) -> tuple[Scalar, Conversion]:
    """The years in a market of one that began in ``year``, counted to the end of ``last_year`` (criteria.md:
    截至上年末): the whole years after the start year, ``last_year - year``. The month it began in is not
    said, so the start year itself is not counted: 2008年开始 is 17 years to the end of 2025 (between 17 and
    18 in fact), never 18, which a start in December 2008 does not reach; a 3-year threshold is then met
    by 2022年开始, not by 2023年开始 (3 years only for a start on 1 January). The person who knows the month
    can type the exact figure. A start after last year (no years yet) or before 1949 (a slip) is refused."""
    shown = brief(typed)
    if year > last_year:
        raise InputError(kind="value.start_after", params={"shown": shown, "last_year": str(last_year)},
                         field=where, label=label or field_words(f, where))
    if year < FIRST_START_YEAR:
        raise InputError(kind="value.start_before", params={"shown": shown, "first": str(FIRST_START_YEAR)},
                         field=where, label=label or field_words(f, where))
    years = Decimal(last_year - year)
    return _as_typed(f, years, typed, where, label, converted=False), Conversion(typed, years, about, since=year)


def _as_typed(f: FieldDef, number: Decimal, typed: str, where: str, label: Text | None, *,
              converted: bool = True) -> Scalar:
    """``check_value`` of what ``typed`` was read as, a refusal quoting the text as typed: "-3 million"
    refused as "-300" leaves the person wondering where that figure came from. A converted amount adds
    the figure in 万元 it was read as."""
    try:
        return check_value(f, number, where=where, label=label)
    except InputError as exc:
        if "shown" not in exc.params:
            raise
        quoted = brief(typed.strip())
        zh, en = (quoted.zh, quoted.en) if isinstance(quoted, Text) else (quoted, quoted)
        shown = Text(f"“{zh}”", f"'{en}'")
        if converted and number.is_finite():
            figure = grouped(str(number))
            shown = Text(f"{shown.zh}（即 {figure}{f.unit or ''}）", f"{shown.en}, that is {figure}{unit_text(f.unit, 'en', number)}")
        raise InputError(kind=exc.kind, params={**exc.params, "shown": shown}, file=exc.file, line=exc.line,
                         field=exc.field, label=exc.label) from None


def quoting_typed(exc: InputError, bare: str, text: str) -> InputError:
    """``exc`` quoting ``text`` as it was typed where it quoted ``bare``, the figure read off it (营业收入3200多万元
    refused as “3200多万元”): the person looks for what they typed, and a quote of part of it reads as if the rest
    had been lost."""
    shown = exc.params.get("shown")
    if bare == text or shown is None:
        return exc
    typed = brief(text.strip())
    if isinstance(shown, str) and shown == brief(bare.strip()):
        shown = typed
    elif isinstance(shown, Text) and isinstance(typed, str):  # quoted with the figure it was read as: “…”（即 …）
        shown = Text(shown.zh.replace(f"“{bare.strip()}”", f"“{typed}”", 1),
                     shown.en.replace(f"'{bare.strip()}'", f"'{typed}'", 1))
    else:
        return exc
    return InputError(kind=exc.kind, params={**exc.params, "shown": shown}, file=exc.file, line=exc.line,
                      field=exc.field, label=exc.label)


def _numerals(raw: str, f: FieldDef, typed: str, where: str, label: Text | None, spoken: bool = False) -> str | None:
    """``raw`` with its Chinese numerals in digits (五百万 → 500万, 第二 → 第2), None if it has none.
    A range or bound (两三百万, 500多万, 不到1亿) and numerals with more than one reading (一千二万) are
    refused, each saying why: read one way they were a figure the person never gave."""
    from littlegiant.load import numerals

    params: dict[str, object]
    try:
        return numerals.spelled(raw, money=f.type in MONEY_TYPES, percent=f.type == "percent", spoken=spoken)
    except numerals.Vague:
        kind, params = "value.vague", {}
    except numerals.Mixed:
        kind, params = "value.numeral_mixed", {}
    except numerals.Unclear as unclear:
        kind, params = "value.numeral", {}
        if unclear.readings:  # 一万二 for an amount: 1.2万 as said, or 12000万 in the question's unit
            kind, params = "value.numeral_unit", {"write": Text(" 或 ".join(unclear.readings), " or ".join(unclear.readings))}
    raise InputError(kind=kind, params={"shown": brief(typed), **params}, field=where,
                     label=label or field_words(f, where))


def _check_grouping(typed: str, f: FieldDef, where: str, label: Text) -> None:
    """Refuse a number whose separators do not group thousands: ``1,20`` read by dropping its comma
    is 120, where the person most likely meant 1.20 (a decimal comma) or mistyped 1,200; either way
    a figure a hundred times off must not be scored. ``1,200``, ``12,000.5`` and ``1 200 000`` pass;
    the message quotes what was typed and says what to write instead: only readings that can be meant,
    so ``1 2000 0000`` (digits grouped by four, as 万 and 亿 group them) is offered as 120000000 alone,
    its marks before the last grouping no thousands."""
    text = unicodedata.normalize("NFKC", typed)
    ten_k = _TEN_K.search(text.lower())
    if ten_k is not None:  # "8000 10k CNY": the English name of 万元, not a group of digits
        text = text[: ten_k.start()]
    for found in _GROUPED.finditer(text):
        token = found.group()
        whole, dot, fraction = token.partition(".")
        groups = re.split(_GROUP_SEP, whole)
        marks = re.findall(_GROUP_SEP, whole)
        if (not dot or not re.search(_GROUP_SEP, fraction)) and len(groups[0]) <= 3 and groups[0][:1] != "0" \
                and all(len(g) == 3 for g in groups[1:]) and all(len(m.strip()) <= 1 for m in marks):
            continue
        digits = re.sub(_GROUP_SEP, "", token)
        if dot and re.search(_GROUP_SEP, fraction):  # 1.200,50: the dot groups, the comma marks the decimals
            head, _, tail = re.sub(_GROUP_SEP, ",", token).replace(".", "").rpartition(",")
            decimal, integer = head.replace(",", "") + "." + tail, None
        else:
            head, _, tail = re.sub(_GROUP_SEP, ",", whole).rpartition(",")
            decimal, integer = head.replace(",", "") + "." + tail + fraction, digits
        start, end = found.span()
        head_groups = groups[:-1]  # the decimal reading keeps the marks before the last as thousands marks
        thousands = not head_groups or (len(head_groups[0]) <= 3 and all(len(g) == 3 for g in head_groups[1:]))
        # four digits after the last mark group as 万 groups them (1,2000万 is 1亿2000万): offered as 1.2000万 too,
        # that hint, followed, saved 1.2万元 for 1.2亿 without a word; a first group of 0 is no such grouping
        by_ten_k = len(groups) > 1 and len(groups[-1]) == 4 and groups[0][:1] != "0"  # 1,2000.5万 too (found in review)
        options = [] if (f.type == "int" or not thousands or by_ten_k) and integer is not None \
            else [text[:start] + decimal + text[end:]]
        if integer is not None:  # a count is never 1.20: only the whole number is offered for it
            options.append(text[:start] + (integer.lstrip("0") or "0") + text[end:])
        raise InputError(kind="value.grouping", field=where, label=label,
                         params={"shown": brief(typed.strip()), "write": Text(" 或 ".join(options), " or ".join(options))})


_OWN_BASIS = "不含(?:增值)?税|未含税|除税|(?i:excl(?:\\.|uding)?vat|exvat|netofvat|withoutvat|vatexcluded)"
"""An amount said to be without VAT (500万（不含税）, 5 million excl. VAT; spaces gone): the basis the
statements, and so every amount asked, are on."""
_TAX_IN = lazyre.compile(r"(?<![不未])含(?:增值)?税|价税合计|(?i:incl(?:\.|uding)?vat|withvat|vatincluded|vatinclusive)")
"""An amount said to include VAT (500万（含税）, 含税500万, 5 million incl. VAT): not the figure asked, some 13%
above the books."""

_PRE_TAX = lazyre.compile(r"税前|(?i:beforetax|pretax|pre-tax)")
"""A profit said before income tax (300万（税前）, 3 million before tax): the total profit, not the net."""


def _tax_basis(raw: str, f: FieldDef, typed: str, where: str, label: Text | None) -> tuple[str, bool]:
    """``raw`` (normalised) without a note of its tax basis that is the field's own (不含税; 税后 for a net
    profit, which is after income tax), and whether there was one. A note that makes it another figure is
    refused saying which figure is asked: 含税 (revenue with VAT, 13% over the books: read as the net
    figure, it passed the revenue bands of a company below them), 税前 for a net profit (the total
    profit, before income tax). Only the person knows the rate to take it off, so it is not guessed."""
    own = _OWN_BASIS + ("|税后|(?i:aftertax)" if f.type == "signed_money" else "")
    bare = re.sub(rf"^\(?(?:{own})\)?[:]?|\(?(?:{own})\)?$", "", raw)
    kind = ("value.pre_tax_profit" if f.type == "signed_money" and (_TAX_IN.search(bare) or _PRE_TAX.search(bare))
            else "value.tax_inclusive" if _TAX_IN.search(bare) else None)
    if kind is not None:
        raise InputError(kind=kind, params={"shown": brief(typed)}, field=where, label=label or field_words(f, where))
    return bare, bare != raw


_AUDIT_NOTE = lazyre.compile(r"\((?:经审计|审计数|已审计|审计后|审定数?|未经审计|未审计|未审|已审|审计前|报表数)(?:数据?)?\)$")
"""An amount's audit state in brackets after it (12000万（审计数）, 1.2亿（未审）), as a finance manager copies the
figure from a statement or a park's sheet notes it: nothing the figure says. The interview read most of
them after the name too; 未审 and 已审, and every one in a sheet's cell, --set or a profile file, were refused
as no amount (found trying the tool as a finance manager)."""
_ESTIMATE_NOTE = lazyre.compile(r"\((?:暂估|预估|估计|估算|估)(?:数据?|值)?\)$")
"""An amount said to be an estimate (12000万（暂估）): read as approximate, as 约12000万 is, and flagged where its
verdict rests on it. (预计, a figure foreseen, stays refused: for a year closed it says the books are not.)"""


_OWN_ENTITY = r"(?:母公司|单体|本部|本公司|本企业|公司本部|单户)(?:财务)?(?:报表|口径)?(?:数据?)?"
"""An amount said to be the company's own (3200万元（母公司）, 单体报表3200万): the figure the question asks,
the applying company's (an 独立法人's) own, from its own audited statements or annual tax return."""
_CONSOLIDATED = r"(?:合并|集团(?:合并)?|归母|归属于母公司(?:所有者|股东)?的?)(?:财务)?(?:报表|口径|利润表|资产负债表)?(?:数据?)?"
"""An amount said to be a group's (3200万元（合并报表）, 合并口径3200万, 集团口径, 归母: the net profit a consolidated
statement gives the parent's owners): the company with its subsidiaries."""


def _entity_basis(raw: str, f: FieldDef, typed: str, where: str, label: Text | None,
                  noted: bool) -> tuple[str, bool]:
    """``raw`` without a note of whose accounts the amount is from, and whether there was one (or ``noted``).
    The question takes the figure from the company's audited statements or its annual tax return
    (汇算清缴申报表), which the applying company (an 独立法人) files for itself: its own accounts. Said of
    them (母公司, 单体), the figure is the one asked and is read. Said of the group's (合并报表), it holds the
    subsidiaries' figures too, which nothing here may take off for the person: refused, saying which figure
    to type, and that one without subsidiaries types the same figure alone. Both were refused as no amount."""
    for pattern, own in ((_OWN_ENTITY, True), (_CONSOLIDATED, False)):
        bare = re.sub(rf"^\(?(?:{pattern})\)?[:]?(?=[\d.〇零一二两三四五六七八九十百千约大概近])|\((?:{pattern})\)$", "", raw)
        if bare in ("", raw):
            continue
        if not own:
            raise InputError(kind="value.consolidated", params={"shown": brief(typed), "figure": brief(bare)},
                             field=where, label=label or field_words(f, where))
        return bare, True
    return raw, noted


_DOTTED = lazyre.compile(r"(?<![\d.,])([1-9]\d{0,2})((?:\.\d{3})+)(?![\d.,])")
"""Digits grouped by points, 8.000 or 1.234.567: where a point groups thousands (much of Europe, and a
slip for the comma), 8.000 is 8000; as a decimal it is 8."""


def check_dotted(f: FieldDef, typed: str, where: str, label: Text) -> None:
    """Refuse an amount typed with points that may group thousands: ``8.000`` (or 8.000万) read as a
    decimal is 8, a thousandth of the 8000万 a person who groups with points meant, and was saved so
    without a word; ``1.234.567`` has no decimal reading at all. Three decimals ending in 0 (8.000,
    12.500) are no way to write 8 or 12.5, so they are asked about; 8.125, a figure in 万元 from 81,250元,
    is read as the decimal it most likely is. Every door alike: a cell of 8.000 is as ambiguous."""
    if f.type not in MONEY_TYPES:
        return
    text = unicodedata.normalize("NFKC", typed).strip()
    for found in _DOTTED.finditer(text):
        head, groups = found.group(1), found.group(2)
        if groups.count(".") == 1 and not groups.endswith("0"):
            continue
        before, after = text[: found.start()], text[found.end():]
        options = [before + head + groups.replace(".", "") + after]
        if groups.count(".") == 1:
            options.append(before + format(Decimal(head + groups).normalize(), "f") + after)
        raise InputError(kind="value.dot_grouping", field=where, label=label,
                         params={"shown": brief(typed.strip()), "write": Text(" 或 ".join(options), " or ".join(options))})


_BARE_AMOUNT = lazyre.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:万元?)?")
"""An amount written in the question's own unit (8000, 8000万, 8,000万元, full-width or 萬 folded): read as
it stands, nothing to say back. Anything else (8000w, ¥8000万, 人民币8000万元, (120)) is said back."""


_BRACKETED_UNIT = lazyre.compile(r"(\d+(?:\.\d*)?|\.\d+)\((?:金额)?(?:单位:?)?(?:人民币)?(.+)\)")
"""A plain number and, in brackets, its unit (8000（万元）, as people copy a header's 营业收入（万元）): brackets
full-width or not (NFKC folds them). Only a number and one of MONEY_UNITS: 8000万(元), two units, stays refused."""
_UNIT_NAMES = frozenset(name for name, _ in MONEY_UNITS)


def _money_unit(raw: str, typed: str) -> tuple[str, Decimal | None, bool]:
    """The number part of an amount's normalised text ``raw``, how many 万元 its unit says one is
    (None: no unit, the column's or 万元), and whether the sign ¥ stood by it with no unit (CURRENCY: 元
unless the column or sheet names one). Chinese units (亿, 万元, 元…, 500万元整), w for 万, English
    scales (million, k) and words for yuan (CNY, RMB, ¥) before or after it; ``typed`` (spaces kept) tells "8000 10k CNY",
    the English for 万元, from "800010k"."""
    low = raw.lower().replace("个亿", "亿").replace("个万", "万").replace("仟万", "千万").replace("佰万", "百万")  # 1.2个亿, 8仟万
    sign = low[0] if low[:1] in ("-", "+") else ""  # -1.2m, and (RMB 1.2m) made -rmb1.2m
    low = low[len(sign):]
    ten_k = _TEN_K.search(unicodedata.normalize("NFKC", typed).strip().lower())
    if ten_k is not None:
        tail = re.sub(r"\s", "", ten_k.group()).lstrip("(")
        if low.endswith(tail):
            return sign + low[: -len(tail)].removesuffix("("), Decimal(1), False
    bracketed = _BRACKETED_UNIT.fullmatch(low)
    if bracketed is not None and bracketed.group(2) in _UNIT_NAMES:  # 8000（万元）, copied with a header's unit
        low = bracketed.group(1) + bracketed.group(2)
    in_yuan = signed = False
    for word in CURRENCY:
        if low.startswith(word):
            low, in_yuan, signed = low[len(word):], in_yuan or word in _YUAN_WORDS, True
            break
    for word in CURRENCY:
        if low.endswith(word):
            low, in_yuan, signed = low[: -len(word)], in_yuan or word in _YUAN_WORDS, True
            break
    low = _EXACTLY.sub("", low)
    for name, size in (*ENGLISH_SCALES, *SHORTHAND_UNITS, *MONEY_UNITS):
        if low.endswith(name):
            return sign + low[: -len(name)], size, False
    return sign + low, (YUAN if in_yuan else None), signed and not in_yuan
