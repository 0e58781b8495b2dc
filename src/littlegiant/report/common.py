"""What every report (text, Markdown, HTML) shares: the report's parts in order, as data and sentences.

A report leads with the answer (one line per tier), then the plan, then the evidence to prepare; the
criterion-by-criterion trace comes after (in the terminal only with ``--detail``). Each renderer lays
these parts out its own way; the words come from ``report_words``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from littlegiant import __version__
from littlegiant.core.result import CLOSE_MARGIN, MET, REVIEW, UNMET, CloseCall, Result, TierResult, json_value
from littlegiant.core.tierplan import Move, Shift, TierPlan, hurried, pace, shift_pace
from littlegiant.errors import InputError
from littlegiant.i18n import SIZE
from littlegiant.load.consistency import (
    ABOVE,
    FRACTION,
    HELD_IN,
    LARGE,
    LARGE_PER_HEAD,
    LATER,
    MONEY_TYPES,
    NO_STAFF,
    RATIO,
    SHARE,
    SMALL,
    WITHIN,
    YEAR_END,
    YUAN_SIGN,
    Figure,
    PartOverWhole,
    Unusual,
)
from littlegiant.load.profile import (
    Assumed,
    OtherQuestion,
    Profile,
    Scalar,
    UnknownSet,
    answered_set,
    field_for_path,
    input_label,
    other_questions,
    part_words,
    unknown_set,
    year_in_path,
)
from littlegiant.load.rulecalendar import Choice, Period, Round
from littlegiant.load.rules import RuleSet, Text
from littlegiant.messages import plural, say, shell_word
from littlegiant.records import record
from littlegiant.report.explanations import document_text, fmt, unit_text
from littlegiant.report.words import (
    Coming,
    Words,
    evidence,
    exact,
    gate_stops,
    given,
    num,
    said_set,
    said_sets,
    stale_year,
    w,
    year_ahead,
)

if TYPE_CHECKING:  # littlegiant.compare would shadow the API's compare() once imported
    from littlegiant.report.compare import Move as StatusMove

FOOTER = {
    "zh": "依据 {rules} · 评估日期 {as_of} · littlegiant {version}",
    "en": "Rules: {rules} · as of {as_of} · littlegiant {version}",
}
CHECK_CODE = {
    "zh": " · 资料校验码 {sha}（核对本报告对应哪一份资料时用）",
    "en": " · profile check code {sha} (to match this report to the profile it read)",
}


def footer_line(result: Result, lang: str, traced: bool = False) -> str:
    """The report's last line: the rules by their title, the date and the tool, never an id. A file
    report (``traced``: Markdown, HTML, the ones a consultant files and compares) adds the first 8
    digits of the profile's fingerprint, labelled by what it is for; the terminal report does not,
    and the full hash stays in the JSON, where a script compares it."""
    line = FOOTER[lang].format(rules=result.rules_title.get(lang), as_of=result.as_of.isoformat(),
                               version=__version__)
    return line + CHECK_CODE[lang].format(sha=result.input_sha256[:8]) if traced else line


def renewed_title(result: Result, lang: str) -> str:
    """The title a renewal run renews, as the rule set names it."""
    tier = result.tiers.get(result.renewal or "")
    return tier.title.get(lang) if tier is not None else (result.renewal or "")


def size_words(result: Result, lang: str) -> str:
    """The company's size as a report's head says it: an SME whose exact size needs more figures is
    said to be one ("未知" beside a met SME condition read as a contradiction)."""
    if result.sme_size is None and result.sme_status == MET:
        return "中小企业（具体规模尚缺数据）" if lang == "zh" else "an SME (exact size needs more figures)"
    return SIZE[result.sme_size][lang]


def calendar_lines(cal: Choice | None, lang: str) -> list[str]:
    """Why these rules judge this day (a renewal round's notice, the new measures' start), and the
    round notice in force when the reason does not name it: the report's 评估依据 and a results
    workbook's 说明 sheet say it alike."""
    if cal is None:
        return []
    zh = lang == "zh"
    reason = cal.reason.get(lang)
    if not zh:  # a line of its own: 「the rule set named by --rules」 opened the basis in lower case
        reason = reason[:1].upper() + reason[1:]
    lines = [reason + ("。" if zh and not reason.endswith("。") else "")]
    if cal.round is not None and not cal.forced and cal.round.ref not in reason:
        lines.append((f"年度通知 {cal.round.ref}：{cal.round.summary.get(lang)}。") if zh
                     else f"Round notice {cal.round.ref}: {cal.round.summary.get(lang)}.")
    return lines


def calendar_pick(result: Result) -> Choice | None:
    """What the rule calendar picks for the result's day and kind of assessment (the set and its round
    notice), whatever judged it; None for a day before the calendar's first period."""
    from littlegiant.load.rules import calendar

    try:
        return calendar().choose(result.as_of, result.renewal)
    except InputError:
        return None


COMING_DAYS = 366
"""How far ahead a change of rule set for the same kind of assessment is said beside the basis."""


def _coming(result: Result) -> Period | None:
    """The calendar period that next changes the rule set for this kind of assessment, within a year; None
    where none does, or where a set was forced (the user chose what to see)."""
    from littlegiant.load.rules import calendar

    cal = result.calendar
    if cal is None or cal.forced:
        return None
    kind = result.renewal or "application"
    ahead = sorted((p for p in calendar().periods if kind in p.kinds and result.as_of < p.start
                    and (p.start - result.as_of).days <= COMING_DAYS), key=lambda p: p.start)
    return next((p for p in ahead if p.rules != cal.rule_set), None)


def _changing_round(result: Result) -> tuple[Period, Round, bool] | None:
    """The next calendar period for this kind of assessment, within a year, that keeps the rule set but
    changes the round notice that modifies it (a round file ending, or one beginning): the period, the
    notice, and whether it begins (else it ends). A 小巨人 renewal dated 20 December 2025, under 190号's 5000万
    floor and growth waiver, was told nothing of 1 January 2026, when the growth is checked again and the
    floor is gone. None where a set was forced, or the set changes first (``coming_change`` says that)."""
    from littlegiant.load.rules import calendar

    cal = result.calendar
    if cal is None or cal.forced:
        return None
    kind = result.renewal or "application"

    def modifying(r: Round | None) -> Round | None:  # a notice that only confirms a set (117号) changes nothing
        return r if r is not None and r.rules is not None else None

    now = modifying(cal.round)
    for p in sorted((p for p in calendar().periods if kind in p.kinds and result.as_of < p.start
                     and (p.start - result.as_of).days <= COMING_DAYS), key=lambda p: p.start):
        if p.rules != cal.rule_set:
            return None
        then = modifying(p.round)
        if then != now:
            return (p, then, True) if then is not None else (p, now, False) if now is not None else None
    return None


def coming_change(result: Result, lang: str) -> list[str]:
    """The next rule set the calendar names for this kind of assessment, where it differs and starts within
    a year: a company that met 小巨人 in March 2026 under the 2022 measures, and would not under the 2026
    ones from 1 April, was told nothing of it. In plain words, for every report: the option that shows
    both is a terminal hint (``compare_hint``); 「可在命令后加上 --compare（写法见 littlegiant assess
    --help）」 stood in the header of an HTML report a finance manager forwards."""
    from littlegiant.load.rules import load

    rounds = _round_change_lines(result, lang)
    change = _coming(result)
    if change is None:
        return rounds
    title = load(change.rules).title.get(lang)
    # titles, not the sets' ids: a report is handed to a client, who reads titles
    if lang == "zh":
        day = f"{change.start.year}年{change.start.month}月{change.start.day}日"
        return [*rounds, f"{day}起，{assessment_kind(result, lang)}改按《{title}》，届时请按新办法重新评估。"]
    return [*rounds, f"From {change.start.isoformat()}, {assessment_kind(result, lang)} follows {title}: assess again "
            "under it then."]


def _round_change_lines(result: Result, lang: str) -> list[str]:
    """``_changing_round`` in plain words: the notice by its number and what it says, and the measures that
    go on judging."""
    from littlegiant.load.rules import load

    found = _changing_round(result)
    if found is None:
        return []
    period, notice, begins = found
    title = load(period.rules).title.get(lang)
    kind = assessment_kind(result, lang)
    if lang == "zh":
        day = f"{period.start.year}年{period.start.month}月{period.start.day}日"
        if begins:
            return [f"{day}起，{kind}另按年度通知{notice.ref}（{notice.summary.zh}），届时请重新评估。"]
        return [f"{day}起，年度通知{notice.ref}不再适用（{notice.summary.zh}），{kind}仍按《{title}》，届时请重新评估。"]
    said = _lower_first(notice.summary.en)
    if begins:
        return [f"From {period.start.isoformat()}, {kind} also follows the round notice {notice.ref} ({said}): assess "
                "again then."]
    return [f"From {period.start.isoformat()}, the round notice {notice.ref} no longer applies ({said}); {kind} "
            f"still follows {title}: assess again then."]


def compare_hint(result: Result, lang: str) -> list[str]:
    """For the terminal alone, below the report: the --compare that shows this result beside the one under
    the rule set ``coming_change`` names."""
    change = _coming(result)
    if change is None or result.calendar is None:
        return []
    sets = f"{result.calendar.rule_set},{change.rules}"
    return ([f"想同时看两版规则的结果：在同一条命令后面加上 --compare {sets} 再运行一次。"] if lang == "zh" else
            [f"To see both rule sets side by side, run the same command again with --compare {sets} added."])


def assessment_kind(result: Result, lang: str) -> str:
    """新申请 or 复核, as the calendar's sentences name the kind of assessment."""
    if lang == "zh":
        return "复核" if result.renewal else "新申请"
    return "a renewal" if result.renewal else "a new application"


def in_force_instead(result: Result, lang: str) -> list[str]:
    """Where ``--rules`` forced a set the calendar would not pick that day, which one it picks: a report
    under the 2022 measures, dated December 2026 and handed to a client, said only 「由 --rules 指定的规则集」,
    and read as the rules a new application follows now."""
    cal = result.calendar
    if cal is None or not cal.forced:
        return []
    from littlegiant.load.rules import load

    picked = calendar_pick(result)
    if picked is None:
        return []
    chosen = picked.rule_set
    round_ = round_left_out(result, picked)
    without = [f"评估日期 {result.as_of.isoformat()} 还适用年度通知 {round_.ref}（{round_.summary.get(lang)}）；"
               "本报告按指定的规则集评估，不含这一通知，结论可能与按通知评估不同。" if lang == "zh" else
               f"On {result.as_of.isoformat()} the round notice {round_.ref} applies too "
               f"({_lower_first(round_.summary.get(lang))}); this report applies the rule set as named, without it, so the "
               "verdicts may differ."] if round_ is not None else []
    if chosen == result.rules_id:  # the very set the calendar picks: at most without its notice
        return without
    title = load(chosen).title.get(lang)
    kind = assessment_kind(result, lang)
    return [f"评估日期 {result.as_of.isoformat()} 的{kind}按《{title}》；本报告按指定的《{result.rules_title.get(lang)}》"
            "评估，结论仅供对比参考。" if lang == "zh" else
            f"On {result.as_of.isoformat()} {kind} follows the {title}; this report applies the {result.rules_title.get(lang)} "
            "as asked, for comparison only.", *without]


def round_left_out(result: Result, picked: Choice | None) -> Round | None:
    """The round notice that modifies the calendar's set that day (190号's 5000万 floor), left out of a set
    named by --rules: the set itself, or an overlay of it (a province's 特色化 indicators over the 2022
    measures, whose 2025 小巨人 on 4,000万 read 待审核 without a word of the notice). ``picked``: the
    calendar's choice that day (``calendar_pick``). None where the set was not forced, the round file was
    named, or the set forced is another altogether."""
    cal = result.calendar
    if cal is None or not cal.forced or picked is None:
        return None
    round_ = picked.round if picked.round is not None and picked.round.rules is not None else None
    if round_ is not None and result.rules is not None and result.rules.round == round_.id:  # the round file, named
        return None
    if round_ is not None and picked.rule_set != result.rules_id and (
            result.rules is None or result.rules.extends != picked.rule_set):
        return None  # another set altogether: in_force_instead says which one the day follows
    return round_


def calendar_notes(result: Result, lang: str) -> dict[str, Any]:
    """What the JSON ``calendar`` adds where --rules forced a set: the set (and round notice) the calendar
    picks that day, the notice left out, and the report's sentences saying so. The text said 「还适用年度通知
    工信厅企业函〔2025〕190号……本报告……不含这一通知」 of a Shandong overlay dated 2025; the JSON, read by a
    consultant's script, said only that the set was forced."""
    cal = result.calendar
    picked = calendar_pick(result) if cal is not None and cal.forced else None
    left = round_left_out(result, picked)
    return {"in_force": None if picked is None else {"rule_set": picked.rule_set,
                                                     "round": picked.round.ref if picked.round else None},
            "round_left_out": left.ref if left is not None else None,
            "round_left_out_id": left.id if left is not None else None,
            "notes": in_force_instead(result, lang),
            "renewal_clauses": _renewal_clauses_json(result, lang),
            # a change of set, or of the round notice, within the year ahead, as the report's header says it
            "coming": coming_change(result, lang)}


def _lower_first(sentence: str) -> str:
    """A sentence set in brackets inside another: 'applies too (In 2025 no …)' read as two sentences run together."""
    return sentence[:1].lower() + sentence[1:]


def _applying_today(result: Result, lang: str) -> str:
    """Whether a new application on the renewal's day follows the measures the other tiers were judged by:
    a 2027 小巨人 renewal, whose 专精特新 beside it is judged by the very measures a new application follows
    that day, read 「不代表今天新申请适用的标准」, and a 2026 one (the 2022 measures under 117号) did not say
    which measures a new application follows instead. Unsaid where a set was forced (``in_force_instead``)."""
    from littlegiant.load.rules import calendar, load

    zh = lang == "zh"
    cal = result.calendar
    try:
        today = calendar().choose(result.as_of) if cal is not None and not cal.forced else None
    except InputError:
        today = None
    if today is None:
        return "，不代表今天新申请适用的标准" if zh else ": a new application today may follow other rules"
    if today.rule_set == result.rules_id:
        return "；今天新申请也按这一办法" if zh else "; a new application today follows the same measures"
    other = load(today.rule_set).title.get(lang)
    return (f"；今天新申请按《{other}》，结论可能不同" if zh else
            f"; a new application today follows the {other}, which may judge differently")


def _renewal_clauses(result: Result, lang: str) -> list[str]:
    """What the renewed tier's renewal checks that a new application does not, and what it leaves out, by
    the rule data's ``applies``: a 2027 小巨人 renewal said only 「按复核条款评估」, and a finance manager
    who knows the published criteria looked in vain for the 5% growth, which the renewal does not check."""
    rules = result.rules
    tier = rules.tiers.get(result.renewal) if rules is not None and result.renewal is not None else None
    if tier is None:
        return []
    zh = lang == "zh"
    prefix = "复核：" if zh else "Renewal: "
    own = [n.title.get(lang).removeprefix(prefix) for n in tier.criteria.walk() if n.applies == "renewal"]
    left = [n.title.get(lang) for n in tier.criteria.walk() if n.applies == "new"]
    said = []
    if own:
        said.append("复核按" + "".join(f"「{t}」" for t in own) + "评估" if zh else
                    "the renewal checks " + ", ".join(f'"{t}"' for t in own))
    if left:
        said.append("不评估" + "".join(f"「{t}」" for t in left) if zh else
                    "it does not check " + " or ".join(f'"{t}"' for t in left))
    if not said:
        return []
    return [f"复核与新申请条件的不同：{'，'.join(said)}。" if zh else
            f"Where the renewal differs from a new application: {'; '.join(said)}."]


def _renewal_clauses_json(result: Result, lang: str) -> dict[str, Any] | None:
    """``_renewal_clauses`` for the JSON: what the renewed tier checks that a new application does not, and
    what it leaves out, by id and title (a condition left out has no row in ``tiers``: the JSON of a 2027
    小巨人 renewal had no word of the 5% growth the text says it does not check). None outside a renewal."""
    rules = result.rules
    tier = rules.tiers.get(result.renewal) if rules is not None and result.renewal is not None else None
    if tier is None:
        return None

    def listed(applies: str) -> list[dict[str, str]]:
        return [{"id": n.id, "title": n.title.get(lang)} for n in tier.criteria.walk() if n.applies == applies]

    return {"checks": listed("renewal"), "not_checked": listed("new"), "text": _renewal_clauses(result, lang)}


def basis_lines(result: Result, lang: str) -> list[str]:
    """Which rules judged this and why, the official texts, and how firm they are: every report says it."""
    zh = lang == "zh"
    lines = calendar_lines(result.calendar, lang) + in_force_instead(result, lang)
    if result.renewal is not None:
        title = renewed_title(result, lang)
        rules = result.rules_title.get(lang)
        lines.append(f"本次为{title}复核：该层级按复核条款评估；其他层级按同一办法（{rules}）的新申请条件评估，"
                     f"仅供参考{_applying_today(result, lang)}。" if zh
                     else f"A renewal (复核) of {title}: that tier is judged by its renewal clauses; the other tiers "
                          f"are judged as new applications under the same measures ({rules}), for reference only"
                          f"{_applying_today(result, lang)}.")
        lines.extend(_renewal_clauses(result, lang))
    if result.documents:
        sep = "、" if zh else ", "
        lines.append(("依据文件：" if zh else "Official texts: ") + sep.join(document_text(d, lang) for d in result.documents)
                     + ("。" if zh else "."))
    lines.extend(n.get(lang) for n in result.rules_notes)
    return lines


@record
class Report:
    """A result with what its report needs: the rule set for labels, the checked plans, what-if moves."""

    result: Result
    lang: str
    rules: RuleSet | None = None
    plans: dict[str, TierPlan] = field(default_factory=dict)
    profile_file: str | None = None
    rules_ref: str | None = None  # --rules as the user gave it, for the appendix commands
    sets: list[str] = field(default_factory=list)  # the user's own --set arguments
    assumed: list[Assumed] = field(default_factory=list)  # each figure the user's --set changed
    what_if: list[StatusMove] | None = None  # statuses the user's --set changed
    detail: bool = True  # the criterion trace (the terminal shows it only with --detail)
    asked_otherwise: list[OtherQuestion] = field(default_factory=list)  # answers given to another set's question
    unknown_set: UnknownSet | None = None  # answered_under naming a set this tool does not have
    answered_under: Text | None = None  # the title of another set whose questions the profile answered
    whole: bool = False  # Markdown and HTML: a document handed on lists every question (Words.whole)
    coming: Coming | None = None  # judged under the set new applications follow from a day within the year
    approximate: frozenset[str] = frozenset()  # the paths of figures the profile gives as 约… (its detail says 约)

    def warnings(self) -> list[str]:
        """What to check before reading on: figures for a year after the profile's latest (re-run after
        New Year, every tier turned 未知 with the accounts question buried), answers given to another
        rule set's question (or to one this tool does not have), then unusual figures."""
        r = self.result
        stale = stale_year_text(r.latest_year, r.last_year, r.as_of, self.lang)
        unheld = unheld_text(r.renewal, r.renewal_held, renewed_title(r, self.lang), self.lang)
        return ([unheld] if unheld else []) + ([stale] if stale else []) \
            + answered_under_texts(self.answered_under, self.asked_otherwise, self.unknown_set, r.rules_title,
                                   r.as_of, self.lang, _forced(r)) \
            + close_texts(standing_close(r), self.lang) + warning_lines(r, self.lang)

    @property
    def words(self) -> Words:
        return Words(self.result, self.rules, self.plans, self.lang, whole=self.whole, coming=self.coming,
                     approximate=self.approximate)

    def basis(self) -> list[str]:
        """The header's one line: which rules judged it (the reason and sources follow in ``basis_detail``)."""
        r = self.result
        zh = self.lang == "zh"
        line = f"{w('basis', self.lang)}{'：' if zh else ': '}{r.rules_title.get(self.lang)}"
        if r.renewal:
            # which title is renewed, in English too: "(renewal)" alone left a foreign client to guess
            line += f"（{renewed_title(r, 'zh')}复核）" if zh else f" (renewal of {renewed_title(r, 'en')})"
        return [line, *coming_change(r, self.lang)]

    def basis_detail(self) -> list[str]:
        """Why these rules (the calendar), the official texts, and the notes on how firm they are."""
        return basis_lines(self.result, self.lang)

    def summary(self) -> list[tuple[TierResult, str, str]]:
        """(tier, verdict line, what holds it back) for every tier, in ladder order."""
        words = self.words
        return [(t, *words.tier_line(t)) for t in self.result.tiers.values()]

    def plan(self) -> list[tuple[str, list[str], list[str]]]:
        """(headline, why not this round, steps) per tier not met; the red line alone when one stands."""
        words = self.words
        stopped = words.stop_lines()
        if stopped:
            return [(line, [], []) for line in stopped]
        out = []
        for t in self.result.tiers.values():
            head, notes, steps = words.plan_lines(t)
            if head:
                out.append((head, notes, steps))
        return out

    def evidence(self) -> list[tuple[str, list[tuple[str, list[str]]]]]:
        """(tier heading, [(criterion title, documents)]): the materials to prepare, by tier."""
        return evidence(self.result, self.lang, self.plans)

    def appendix(self) -> list[tuple[str, str]]:
        """(tier title, command) that re-assesses the profile with a plan's changes applied.

        The report goes to the client, so the command names figures by the labels the report shows
        (``--set "研发费用（2026年）=370.38"``, which ``--set`` reads as it reads a path) and the profile
        by its file name alone, never the consultant's folders; ``--rules`` only where the user forced
        a set (by a file's name, too): otherwise the calendar picks, for a later round, the set that
        checked the plan, where naming this assessment's set re-judged a 2028 round by the 2022 measures."""
        if not self.profile_file:  # made from a script's dict or a sheet's row: there is no file to run it on, and
            # the client read 「littlegiant assess PROFILE …」, a placeholder no one had told them to fill
            return []
        out = []
        lang = self.lang
        words = self.words
        for tid, p in self.plans.items():
            if words.held_apart(self.result.tiers[tid]):  # a title held: no plan to re-check
                continue
            judge = p.judged_by or self.rules
            args = said_sets(p, judge, lang) if judge is not None else []
            if not args:
                continue
            day = p.as_of or self.result.as_of
            # in the report's language: run where the locale is another (an English Windows), a Chinese report's
            # command gave an English report
            cmd = ["littlegiant", "assess", Path(self.profile_file).name,
                   "--as-of", day.isoformat(), "--lang", lang]
            # a later round is a new application (the renewal failed, the title lapsed): checked so, run so
            cmd += ["--renewal", self.result.renewal] if self.result.renewal and p.later == 0 else []
            cmd += ["--rules", Path(self.rules_ref).name] if self.rules_ref else []
            own = [said_set(item, judge, lang) for item in self.sets] if judge is not None else self.sets
            # the renewed title lapses when its renewal fails this round: the later round's check runs without it,
            # where it read 「已持有这一称号」 and 「已持有，无需准备」 for the title the plan applies for again
            lapsed = [said_set(f"titles.{tid}={'否' if lang == 'zh' else 'no'}", judge, lang)] \
                if judge is not None and tid == self.result.renewal and p.later > 0 and self.result.renewal_held is True \
                else []
            cmd += [x for a in [*own, *args, *lapsed] for x in ("--set", a)]
            out.append((self.result.tiers[tid].title.get(lang), " ".join(shell_word(x) for x in cmd)))
        return out

    def answer_hint(self) -> str:
        """How to give the answers a plan still asks (the terminal's line under the plans), with the
        command that goes on with this profile's own file: 「littlegiant assess --save 文件名」 left the
        user to work out which file, though the report had just read it. As typed, to be run where it
        was; a file the interview cannot save to (not YAML) keeps the placeholder."""
        name = self.profile_file
        if name and Path(name).suffix.lower() in (".yaml", ".yml"):
            save = shell_word(name)
        else:
            save = "文件名" if self.lang == "zh" else "FILE"
        # the run's own date, renewal and forced set, as the appendix's commands carry them: without them the
        # interview went on as a new application dated today under the set the calendar picks today
        extra = ["--as-of", self.result.as_of.isoformat(), "--lang", self.lang]  # (in the report's language, as the appendix)
        extra += ["--renewal", self.result.renewal] if self.result.renewal else []
        extra += ["--rules", Path(self.rules_ref).name] if self.rules_ref else []
        command = " ".join(["littlegiant", "assess", "--save", save, *(shell_word(x) for x in extra)])
        return w("answer_hint", self.lang).replace("{command}", command)

    def answer_heading(self) -> str:
        """结论, or under a what-if 结论（按上述假设）: an answer copied into an email must not pass
        for the company's own."""
        return w("answer_assumed" if self.assumed else "answer", self.lang)

    def assumed_lines(self) -> list[str]:
        """What the user's --set assumed, each figure named as the reports name it, with the value it
        replaced: 研发费用（2025年）：520 → 900万元."""
        return assumed_lines(self.assumed, self.rules, self.lang) if self.rules is not None else []

    def what_if_lines(self) -> list[str]:
        """What the user's own --set changed, by titles."""
        if self.what_if is None:
            return []
        zh = self.lang == "zh"
        words = self.words
        if not self.what_if:
            return [w("what_if_none", self.lang)]
        tiers = self.result.tiers
        shown = [m for m in self.what_if if _moves_a_verdict(m, self.what_if, self.result)]
        # a criterion with its tier: one several tiers share (细分市场年限 under 专精特新 and 小巨人) was
        # listed twice in the same words, as if the what-if had moved it twice
        lines = [f"{'' if m.id == m.tier else tiers[m.tier].title.get(self.lang) + ('——' if zh else ' — ')}"
                 f"{m.title}{'：' if zh else ': '}{words.status(m.before)} → {words.status(m.after)}"
                 for m in shown]
        rest = len(self.what_if) - len(shown)
        if rest:
            lines.append(f"另有{rest}项细项条件也随之变化，未带来上面以外的判定变化" if zh else
                         f"{rest} more inner condition{'s' if rest > 1 else ''} changed too, moving no verdict "
                         "beyond those above")
        return lines


def _moves_a_verdict(m: StatusMove, moved: list[StatusMove], result: Result) -> bool:
    """Whether a what-if's status change is worth its line: a tier's verdict, or a condition of a tier not
    reached either way that no group above it, itself listed, says already. A 科技型 route turned 满足
    inside a tier met before and after, and the three groups it sits in with it, made a list of seven
    where no verdict moved."""
    if m.id == m.tier:
        return True
    tier = result.tiers[m.tier]
    was = next((x.before for x in moved if x.tier == m.tier and x.id == m.tier), tier.status)
    if was in (MET, REVIEW) and tier.status in (MET, REVIEW):
        return False  # the tier is reached before and after: which route reaches it moves nothing
    by_id = {c.id: c for c in tier.criteria}
    changed = {x.id for x in moved if x.tier == m.tier}
    c = by_id.get(m.id)
    while c is not None and c.parent is not None:
        if c.parent in changed:
            return False  # part of a group listed: the group says it
        c = by_id.get(c.parent)
    return True


def assumed_lines(assumed: list[Assumed], rules: RuleSet, lang: str) -> list[str]:
    """What a what-if assumed, each figure named as the reports name it, with the value it replaced:
    研发费用（2025年）：520 → 900万元 (约 kept). Every report with --set says it above its answer."""
    colon = "：" if lang == "zh" else ": "
    about = "约" if lang == "zh" else "about "
    out = []
    for a in assumed:
        f = field_for_path(rules, a.path)
        shown = [w("not_given", lang) if v is None else
                 f.choice_labels[v].get(lang) if isinstance(v, str) and v in f.choice_labels else  # 工业, not industrial
                 (about if near else "") + given(v, lang) + unit_text(f.unit, lang, v)  # as typed
                 for v, near in ((a.before, a.approximate_before), (a.after, a.approximate_after))]
        if a.before == a.after and a.approximate_before == a.approximate_after:
            # --set industry=工业 on a company already 工业 read 「工业 → 工业」, as if something had moved
            out.append(f"{input_label(f, a.path).get(lang)}{colon}{shown[1]}"
                       + ("（与企业现有数据相同，未改变）" if lang == "zh" else " (unchanged: the company's own figure)"))
            continue
        out.append(f"{input_label(f, a.path).get(lang)}{colon}{shown[0]} → {shown[1]}"
                   + "".join(_part_kept(rules, a, part, value, lang) for part, value in a.parts_kept))
    return out


def _part_kept(rules: RuleSet, a: Assumed, part: str, value: Scalar, lang: str) -> str:
    """A part the what-if left as it was beside its whole, with its share of the whole before and after
    where both are figures: （主营业务收入（2025年）仍为2,300万元，占比由92%变为19%；…）. No option named:
    the report may be a client's (Markdown, HTML), which carries no command."""
    f = field_for_path(rules, part)
    label = input_label(f, part).get(lang)
    amount = given(value, lang) + unit_text(f.unit, lang, value)
    shares = [v for v in (a.before, a.after) if isinstance(v, Decimal) and v > 0]
    if isinstance(value, Decimal) and len(shares) == 2:
        # as a criterion's line writes a share: two places, more where rounding would carry it across the
        # whole percent beside it (89.9995% is not "90%", which reads as the 90% line met)
        was, now = (fmt(share, share.to_integral_value(ROUND_HALF_UP), lang) + "%"
                    for share in (value * 100 / v for v in shares))
        if lang == "zh":
            return f"（{label}仍为{amount}，占比由{was}变为{now}；如随之变化，请一并假设）"
        return f" ({label} stays {amount}, its share going from {was} to {now}; if it changes too, assume that as well)"
    if lang == "zh":
        return f"（{label}仍为{amount}；如随之变化，请一并假设）"
    return f" ({label} stays {amount}; if it changes too, assume that as well)"


def later_rules(result: Result) -> Callable[[date], RuleSet] | None:
    """What judges a plan's later rounds: the calendar's set for a new application that day, unless
    the user forced a set (``--rules``), which then judges every round."""
    if result.calendar is None or result.calendar.forced:
        return None
    from littlegiant.load.rules import for_application

    return for_application


def plans_of(rules: RuleSet, profile: Profile, result: Result) -> dict[str, TierPlan]:
    """The checked plan of every tier not met: what a report's 行动计划 and a batch row's 下一步 both
    read, so the cell is the report's first step (a batch that made its own, without the calendar,
    judged 2027 by the 2022 measures and told a company "just wait" where the report asked for more)."""
    from littlegiant.core.tierplan import plan_all

    # a gate condition answered no stops every tier: a plan would only say "obtain: registered in China"
    return {} if gate_stops(result) else plan_all(rules, result, profile, later_rules(result))


def make_report(rules: RuleSet, profile: Profile, result: Result, lang: str, **kw: Any) -> Report:
    """The report of ``result`` with a checked plan for every tier not met (``kw``: Report's other fields)."""
    return Report(result, lang, rules, plans_of(rules, profile, result), **kw, **_answered_under(rules, profile),
                  coming=coming_result(profile, result), approximate=profile.approximate)


def coming_result(profile: Profile, result: Result) -> Coming | None:
    """A new application's profile judged, on the same figures, under the rule set the calendar names from
    a day within the year (``coming_change``), as --compare judges it: a tier met today is said with what it
    is then. None for a renewal, a set chosen by the user, or no change ahead."""
    from littlegiant.core import engine
    from littlegiant.load.rules import calendar, load

    change = _coming(result)
    if change is None or result.renewal is not None:
        return None
    later = load(change.rules)
    return Coming(change.start, engine.evaluate(later, profile, result.as_of, None, calendar().choose(change.start, None)))


def _answered_under(rules: RuleSet, profile: Profile) -> dict[str, Any]:
    """What the profile's ``answered_under`` calls for under ``rules``: Report's fields for it."""
    answered = answered_set(rules, profile)
    return {"asked_otherwise": other_questions(rules, profile), "unknown_set": unknown_set(rules, profile),
            "answered_under": answered.title if answered is not None else None}


def compared_warnings(judged: Sequence[tuple[RuleSet, Profile, Result]], lang: str) -> list[str]:
    """What to check before reading a comparison: each set's report's 请先核对 (a renewal of a title not
    held, unusual figures, answers given to another set's questions), a warning both sets give said
    once. A comparison said none of them, so 研发费用高于营业收入 was read as two sound verdicts."""
    said: dict[str, None] = {}
    for rules, profile, result in judged:
        said.update(dict.fromkeys(Report(result, lang, rules, **_answered_under(rules, profile)).warnings()))
    return list(said)


def answered_under_text(answered: Text, judged_by: Text, as_of: date, lang: str, forced: bool = False) -> str:
    """Answers saved under one rule set, judged under another: said first, or a file answered under the
    2022 measures was read as a 2026 verdict with no word of the change. ``forced``: the set was chosen
    (``--rules``, ``--compare``), not picked by the date; said as the date's, a comparison called both
    sets the one in force, two lines apart."""
    if lang == "zh":
        how = "所选的" if forced else f"评估日期 {as_of.isoformat()} 适用的"
        return f"这些回答是按《{answered.zh}》的问题填写的，本次按{how}《{judged_by.zh}》评估"
    how = "the rule set chosen" if forced else f"the rules for {as_of.isoformat()}"
    return f"These answers were given to the questions of {answered.en}; they are judged here under {judged_by.en}, {how}"


def other_question_text(q: OtherQuestion, judged_by: Text, lang: str) -> str:
    """An answer given to another rule set's question, judged under this one's: which, and what to do."""
    if lang == "zh":
        return (f"「{q.field.label.zh}」一项是按《{q.title.zh}》的问题（“{q.answered.label.zh}”）回答的，"
                f"本次依据的《{judged_by.zh}》问法和范围不同：原来的回答仍计入了评估，请按现在的问题核对后重新填写")
    return (f"\u201c{q.field.label.en}\u201d was answered to the question of {q.title.en} (\u201c{q.answered.label.en}\u201d); "
            f"{judged_by.en} asks it differently, about other cases: the answer given is counted as it is; please check it against "
            f"this question and answer it again")


def unknown_set_text(u: UnknownSet, judged_by: Text, lang: str) -> str:
    """``answered_under`` naming a rule set this tool does not have: that it cannot check the answers'
    questions against the judging set's, and the sets it has (id, as the file writes it, and title)."""
    if lang == "zh":
        sets = "、".join(f"{i}《{title.zh}》" for i, title in u.shipped)
        return (f"“answered_under: {u.said}”所说的规则本工具没有收录，无法核对各项回答所依据的问题与本次依据的"
                f"《{judged_by.zh}》是否相同；收录的规则有 {sets}，请改为其中之一或删去这一项")
    sets = ", ".join(f"{i} ({title.en})" for i, title in u.shipped)
    return (f"answered_under: {u.said} names no rule set this tool has, so whether the answers were given to the "
            f"questions of {judged_by.en} cannot be checked; the rule sets it has are {sets}: write one of them, "
            f"or remove it")


def _forced(result: Result) -> bool:
    """Whether the set that judged ``result`` was chosen by ``--rules`` or ``--compare``, not by the date."""
    return result.calendar is not None and result.calendar.forced


def answered_under_texts(answered: Text | None, asked: list[OtherQuestion], unknown: UnknownSet | None,
                         judged_by: Text, as_of: date, lang: str, forced: bool = False) -> list[str]:
    """What the profile's ``answered_under`` calls for: that its answers were given to another shipped
    set's questions (``answered``, that set's title), each answer to a question that set asked in other
    words, or that the set it names is not one this tool has. The report and a batch row say these alike."""
    return ([answered_under_text(answered, judged_by, as_of, lang, forced)] if answered is not None else []) \
        + [other_question_text(q, judged_by, lang) for q in asked] \
        + ([unknown_set_text(unknown, judged_by, lang)] if unknown is not None else [])


def stale_year_text(latest: int | None, last_year: int, as_of: date, lang: str) -> str | None:
    """The notice that the profile gives no figures for last year but for an earlier year, or None: a
    profile saved in 2026 and assessed in January 2027 turned every tier 未知, with the 2026 accounts
    question buried under the awards; or for the year still running (2025's accounts typed in as
    2026's), which only the plan reads. Every report, the JSON result and a batch row say it first."""
    if latest is None or latest == last_year:
        return None
    return stale_year(latest, as_of, last_year, lang) if latest < last_year else year_ahead(latest, as_of, last_year,
                                                                                              lang)


def unheld_text(renewal: str | None, held: bool | None, title: str, lang: str) -> str | None:
    """A renewal (复核) of a title the profile says the company does not hold: there is nothing to
    renew, and a company that runs it by mistake would read a 复核 verdict as its own. Said first. Of
    one the profile leaves blank: to answer it (a renewal presumes it; a 专精特新 renewal was told under 小巨人
    to apply for 专精特新 first, with no word why), as the engine fills no blank."""
    if renewal is None or held is True:
        return None
    if held is None:  # blank: a renewal holds it, but the engine fills no blank (CONTRACT §2): the user is asked
        # no tier asks for the top title: of a 小巨人 renewal, 「要求持有这一称号的条件按未知处理」 named conditions
        # there are none of, beside verdicts the blank had not touched
        asked = renewal != "little_giant"
        if lang == "zh":
            return (f"本次按{title}复核评估，但资料中未填是否持有这一称号：复核以持有为前提，请把这一项填为「是」"
                    + ("；未填时，要求持有这一称号的条件按未知处理" if asked else ""))
        return (f"This is a renewal of {title}, but the profile does not say whether the company holds it: a renewal "
                "presumes it does, so answer yes" + ("; left blank, the criteria that ask for the title stay unknown"
                                                     if asked else ""))
    if lang == "zh":
        return (f"本次按{title}复核评估，但资料中填的是未持有这一称号：没有这一称号，就谈不上复核。"
                "如确未持有，请按新申请评估（不选复核）；如已持有，请把资料中这一项改为「是」")
    return (f"This is a renewal of {title}, but the profile answers no to holding that title: there is "
            "nothing to renew. If the company does not hold it, assess it as a new application (no renewal); "
            "if it does, answer yes")


def unheld_warning(result: Result, lang: str) -> list[dict[str, Any]]:
    """The not-held renewal notice as an entry of the JSON result's ``warnings`` (kind
    ``renewal_not_held``, the title answer's ``path`` and ``value``), or none."""
    said = unheld_text(result.renewal, result.renewal_held, renewed_title(result, lang), lang)
    if said is None:
        return []
    if result.renewal_held is None:
        return [{"kind": "renewal_title_blank", "path": f"titles.{result.renewal}", "value": None, "message": said}]
    return [{"kind": "renewal_not_held", "path": f"titles.{result.renewal}", "value": False, "message": said}]


def stale_year_warning(result: Result, lang: str) -> list[dict[str, Any]]:
    """The stale-year notice as an entry of the JSON result's ``warnings`` (kind ``stale_year``, the
    latest year given as its ``value``, no one figure's ``path``), or none: a script reading the JSON
    must learn what the reports say first."""
    said = stale_year_text(result.latest_year, result.last_year, result.as_of, lang)
    if said is None:
        return []
    kind = "stale_year" if result.latest_year is not None and result.latest_year < result.last_year else "year_ahead"
    return [{"kind": kind, "path": None, "value": result.latest_year, "last_year": result.last_year,
             "message": said}]


def _move_json(m: Move) -> dict[str, Any]:
    return {"path": m.path, "kind": m.kind, "criterion": m.criterion, "before": json_value(m.before),
            "after": json_value(m.after), "set": m.set_arg}


def plans_json(report: Report) -> dict[str, Any]:
    """The plans for the JSON result: every move with its ``--set`` argument, the re-assessed verdict."""
    out: dict[str, Any] = {}
    words = report.words
    for tid, p in report.plans.items():
        head, notes, steps = words.plan_lines(report.result.tiers[tid])
        if words.held_apart(report.result.tiers[tid]):
            # the title is held: no application to plan, whatever a new one would need (the report says so)
            out[tid] = {"held": True, "checked": None, "as_of": None, "rounds_later": 0, "moves": [], "otherwise": [],
                        "if_not_this_year": None, "only_if_this_year": None, "blockers": [], "missing": [],
                        "assumed": {}, "estimated_from": {}, "estimated_from_share": {}, "assumed_none": [],
                        "floors": {}, "rests_on": {}, "shifts": [], "rules": report.result.rules_id,
                        "text": [head, *notes, *steps]}
            continue
        out[tid] = {
            "held": False,
            "checked": p.checked,
            "as_of": p.as_of.isoformat() if p.as_of else None,
            "rounds_later": p.later,
            "moves": [_move_json(m) for m in p.moves] + _lapse_json(report, tid, p),
            # should an answer still asked fail its route: the other route's moves (not in "moves" above)
            "otherwise": _otherwise_json(p),
            # where this plan raises a figure of the current year by more than its days left bring: the round after
            "if_not_this_year": None if p.unhurried is None else {
                "checked": p.unhurried.checked, "as_of": p.unhurried.as_of.isoformat() if p.unhurried.as_of else None,
                "rounds_later": p.unhurried.later, "moves": [_move_json(m) for m in p.unhurried.moves],
                "otherwise": _otherwise_json(p.unhurried)},
            # where the round before this one raises a figure of the current year far beyond what its days
            # left bring (the plan leads with this round): that round, only if those raises are made
            "only_if_this_year": None if p.sooner is None else {
                "checked": p.sooner.checked, "as_of": p.sooner.as_of.isoformat() if p.sooner.as_of else None,
                "rounds_later": p.sooner.later, "moves": [_move_json(m) for m in p.sooner.moves],
                "otherwise": _otherwise_json(p.sooner),
                "raises": [{"path": m.path, "after": json_value(m.after),
                            "days_bring": json_value(pace(m, report.result.as_of)),
                            # where the raise takes the rest of its whole down (其他业务收入): to what, and what
                            # the days left bring of that rest at its present rate
                            **({"rest_after": json_value(sh.rest_after),
                                "rest_days_bring": json_value(shift_pace(sh, m, report.result.as_of))}
                               if (sh := p.sooner.shifts.get(m.path)) is not None else {})}
                           for m in hurried(p.sooner, report.result.as_of)]},
            "blockers": [{"kind": b.kind, "criterion": b.criterion, "paths": b.paths} for b in p.blockers],
            "missing": p.missing,
            # what a later round assumes (its years' figures as the nearest given year's, years in the niche grown),
            # and the rule set that judges it where that is not this assessment's: the premises of "checked"
            "assumed": {path: json_value(v) for path, v in sorted(p.assumed.items())},
            # the year each later year's figure not given is taken from: the nearest year before it given
            # (2027's revenue from 2026's where the user gave 2026's), for "assumed" and the moves' "before"
            "estimated_from": dict(sorted(p.basis.items())),
            # figures kept at that year's proportion to their whole (or part) instead, and amounts paid in at
            # once (new equity) taken as none in a later year not given
            "estimated_from_share": dict(sorted(p.shares.items())),
            "assumed_none": sorted(p.none),
            # the least each figure in "assumed" may fall to, the others as assumed (said as what to keep)
            "floors": {path: json_value(v) for path, v in p.floors.items()},
            # each step's figures in "assumed" it holds on only as estimated (a 1% move the way that hurts fails it)
            "rests_on": {path: list(on) for path, on in p.rests.items()},
            # a part raised by more than its whole: the rest of the whole falls; "together": the part and its
            # whole raised alike, the rest kept, that keep the verdict (null: none found)
            "shifts": [_shift_json(sh) for sh in p.shifts.values()],
            "rules": p.judged_by.id if p.judged_by is not None else report.result.rules_id,
            "text": [head, *notes, *steps],
        }
    return out


def _lapse_json(report: Report, tid: str, p: TierPlan) -> list[dict[str, Any]]:
    """The renewed title lapsing, as a move (kind ``lapse``), where this round's renewal cannot pass and the
    plan is a new application in a later round: the report says 「这一轮复核不能通过，称号将失效」 and its
    appendix re-checks with ``--set titles.…=否``, but a script applying the JSON moves kept the title and
    judged the later round as a renewal the plan never checked."""
    r = report.result
    if tid != r.renewal or p.later == 0 or r.renewal_held is not True:
        return []
    return [{"path": f"titles.{tid}", "kind": "lapse", "criterion": None, "before": True, "after": False,
             "set": f"titles.{tid}=false"}]


def _shift_json(sh: Shift) -> dict[str, Any]:
    """A part the plan raises by more than its whole (``tierplan.Shift``), as the JSON gives it."""
    return {"part": sh.part, "whole": sh.whole, "part_after": json_value(sh.part_after),
            "whole_after": json_value(sh.whole_after), "rest_before": json_value(sh.rest_before),
            "rest_after": json_value(sh.rest_after),
            "together": None if sh.together is None else {sh.part: json_value(sh.together[0]),
                                                          sh.whole: json_value(sh.together[1])}}


def _otherwise_json(p: TierPlan) -> list[dict[str, Any]]:
    """A plan's steps should a blank answer fail its route, as the JSON gives them."""
    return [{"group": o.group, "unless": o.unless, "reachable": o.reachable, "moves": [_move_json(m) for m in o.moves]}
            for o in p.otherwise]


def report_json(report: Report) -> dict[str, Any]:
    """The JSON document of a report: docs/output.md §4, the checked plans, and what the user's --set moved."""
    from littlegiant.report.result_json import to_dict

    doc = to_dict(report.result, report.lang, __version__)
    if report.plans:
        doc["plans"] = plans_json(report)
    if report.what_if is not None:
        doc["what_if"] = {"set": report.sets, "assumed": [
            {"path": a.path, "before": json_value(a.before), "after": json_value(a.after)} for a in report.assumed],
            "changes": [
            {"tier": m.tier, "id": m.id, "before": m.before, "after": m.after} for m in report.what_if]}
    doc["warnings"] += answered_under_warnings(report.answered_under, report.asked_otherwise, report.unknown_set,
                                               report.result.rules_title, report.result.as_of, report.lang,
                                               _forced(report.result))
    return doc


def answered_under_warnings(answered: Text | None, asked: list[OtherQuestion], unknown: UnknownSet | None,
                            judged_by: Text, as_of: date, lang: str, forced: bool = False) -> list[dict[str, Any]]:
    """``answered_under_texts`` as entries of a JSON result's ``warnings`` (kinds ``answered_under``,
    ``asked_otherwise`` and ``answered_under_unknown``): assess's document and a batch's full result
    carry them alike, as a script reading either learns what the reports and the summary row say."""
    return ([{"kind": "answered_under", "path": None, "answered_under": answered.get(lang),
              "message": answered_under_text(answered, judged_by, as_of, lang, forced)}] if answered is not None else []) \
        + [{"kind": "asked_otherwise", "path": q.field.path, "answered_under": q.title.get(lang),
            "message": other_question_text(q, judged_by, lang)} for q in asked] \
        + ([{"kind": "answered_under_unknown", "path": None, "answered_under": unknown.said,
             "message": unknown_set_text(unknown, judged_by, lang)}] if unknown is not None else [])


def _figure(fig: Figure, lang: str) -> tuple[str, str]:
    """(label with its year, value with its unit) of one figure, as a reader names them."""
    return input_label(fig.field, fig.path).get(lang), num(fig.value, lang=lang) + unit_text(fig.field.unit, lang, fig.value)


def close_text(call: CloseCall, lang: str) -> str:
    """A verdict that rests on a figure given as approximate (约5100万) within 5% of its threshold, or
    a score item's points that 5% either way would change: which figure, which criterion and threshold
    (or points), and to check the exact figure before relying on it."""
    c = call.criterion
    name = input_label(call.field, call.path).get(lang)
    value = c.inputs.get(call.path)
    said = num(value, lang=lang) + unit_text(call.field.unit, lang, value) if value is not None else ""
    margin = num(CLOSE_MARGIN * 100, lang=lang)
    if c.item is not None:
        points = num(c.points, lang=lang) if c.points is not None else ""
        if lang == "zh":
            return (f"「{name}」填的是约数（约{said}），上下浮动{margin}%就会改变「{c.title.zh}」的得分（现为{points}分）："
                    f"这一项的得分取决于这个约数，请核对准确数字")
        return (f"{name} was given as approximate (about {said}); {margin}% either way changes the points of "
                f"\u201c{c.title.en}\u201d (now {points}): they rest on that approximation; please check the exact figure")
    limit = num(c.threshold, lang=lang) + unit_text(c.unit, lang, c.threshold)
    # a figure the criterion computes from it (a share, a growth): said, for 约220万 is not within 5% of 3%, the
    # 3.14% made of it is; the reader compared 220万 with 3% and could not see what was close
    made = value is not None and isinstance(c.value, Decimal) and c.value != value
    got = num(c.value, lang=lang, near=c.threshold) + unit_text(c.unit, lang, c.value) if made else ""
    if made and isinstance(c.threshold, Decimal) and abs(c.value - c.threshold) > abs(c.threshold) * CLOSE_MARGIN:
        # a growth or share further off than 5% that a rough input moved 5% still decides otherwise (约4500万 two
        # years back: 5.41% met 5%, 4.27% at 4,599万): "within 5% of the threshold" would not be true of it
        if lang == "zh":
            return (f"「{name}」填的是约数（约{said}），上下浮动{margin}%就会改变「{c.title.zh}」的结论（由它算出的现为约{got}，"
                    f"门槛{limit}）：这一项的结论取决于这个约数，请核对准确数字")
        return (f"{name} was given as approximate (about {said}); {margin}% either way changes the verdict on "
                f"\u201c{c.title.en}\u201d (roughly {got} worked out from it, threshold {limit}): it rests on that "
                "approximation; please check the exact figure")
    if lang == "zh":
        # 约 as --detail's row says it (约91.67%): the figure made of an approximate one is approximate too
        return (f"「{name}」填的是约数（约{said}），" + (f"由它算出的约{got}" if made else "")
                + f"与「{c.title.zh}」的门槛{limit}相差不到{margin}%：这一项的结论取决于这个约数，请核对准确数字")
    return (f"{name} was given as approximate (about {said})" + (f"; the roughly {got} worked out from it is" if made else ",")
            + f" within {margin}% of the threshold {limit} of \u201c{c.title.en}\u201d: the verdict on it rests on "
            "that approximation; please check the exact figure")


def standing_close(result: Result) -> list[CloseCall]:
    """The close calls whose tier no red line, exclusion or gate answer no has decided already: under a
    red line 「请先核对」 said 「这一项的结论取决于这个约数」 of a verdict the red line had settled, and a
    consultant chased an exact R&D figure that could change nothing."""
    if gate_stops(result):
        return []
    vetoed = {tid for tid, t in result.tiers.items()
              if any(c.kind == "veto" and c.status == UNMET for c in t.criteria)}
    return [c for c in result.close if c.tier not in vetoed]


def close_texts(calls: list[CloseCall], lang: str) -> list[str]:
    """The close calls as sentences, each said once: 专精特新 and 小巨人 both hold 前年研发费用占比不低于3%,
    and one approximate 约220万 near it printed the same sentence twice under 「请先核对」 (the sentence
    names the figure, the criterion and its threshold, not the tier: the same call is one thing to check)."""
    return list(dict.fromkeys(close_text(c, lang) for c in calls))


def close_warning(result: Result, lang: str) -> list[dict[str, Any]]:
    """The verdicts resting on an approximate figure as entries of the JSON result's ``warnings``
    (kind ``approximate_close``): a script reading the JSON learns what the reports say."""
    return [{"kind": "approximate_close", "path": c.path, "value": json_value(c.criterion.inputs.get(c.path)),
             "tier": c.tier, "criterion": c.criterion.id, "threshold": json_value(c.criterion.threshold),
             **({"points": json_value(c.criterion.points)} if c.criterion.item is not None else {}),
             "message": close_text(c, lang)} for c in standing_close(result)]


def part_text(v: PartOverWhole, lang: str) -> str:
    """Why a part above its whole is refused, in words: the sentence its error says (the interview's
    retry message)."""
    return say("field.part_over_whole", lang, part_words(v))


_TOO_LARGE_ZH = "超出中小企业常见范围：是否把「元」当成了「万元」，或单位填错了？请核对"
"""An amount past any SME's size, asked about in one place: the likely slip (元 typed as 万元) and a unit
given wrongly (a units row of 亿元 over figures in 万元)."""


_TOO_SMALL_ZH = "远低于正常经营的企业：是否把「万元」当成了「元」，或单位填错了？请核对"
"""Revenue too small for the head count, asked about as the amount past any SME's size is, the other way
round: 万元 typed into a sheet in 元 (8000 for 8000万), or a unit given wrongly."""


_TOO_LARGE_A_HEAD_ZH = "远高于正常经营的企业：是否把「元」当成了「万元」，或单位填错了？请核对"
"""Revenue too large for the head count, asked about as revenue too small for it is, the other way round:
a sheet kept in 元 with no unit named (900,000 元 read as 900,000万元 for 12 staff)."""


def yi_a_head(amount: Decimal, staff: Decimal, lang: str) -> str:
    """An amount in 万元 a year per employee in 亿元 (7.5亿元; in English, millions of yuan): past
    PER_HEAD_MOST it is 1亿 a head and more, which 75,000万元 or 750,000,000元 says less plainly."""
    each = amount / staff
    if lang == "zh":
        return num(each / 10000, lang=lang) + "亿元"
    return num(each / 100, lang=lang) + " million yuan"


def yuan_a_head(amount: Decimal, staff: Decimal, lang: str) -> str:
    """An amount in 万元 a year per employee, in whole 元 (80元): the 元 a reader pictures a person
    earning, where 0.008万元 reads as nothing at all; under 1 元 as 不到1元."""
    each = amount * 10000 / staff
    if each < 1:
        return "不到1元" if lang == "zh" else "under 1 yuan"
    return num(each.quantize(Decimal(1)), lang=lang) + ("元" if lang == "zh" else " yuan")


def later_text(first: Unusual, count: int, lang: str) -> str:
    """Figures of a year after last year (consistency.LATER), ``count`` of them, named by the first: that
    the assessment reads last year's and these change nothing, and where to put them if they are last
    year's typed under the wrong year. Given and unread, they vanished without a word."""
    name, value = _figure(first.figure, lang)
    year, last = year_in_path(first.figure.field, first.figure.path), first.limit
    if lang == "zh":
        more = f"等{count}项" if count > 1 else ""
        return (f"资料中填有{year}年的数据（「{name}」{value}{more}）：评估看的是上年度（{last}年）的数据，"
                f"{year}年的数据不影响本次结论；如果它们其实是{last}年的，请改填到{last}年")
    more = f" and {count - 1} more" if count > 1 else ""
    return (f"The profile gives figures for {year} ({name}: {value}{more}): the assessment reads last year's, "
            f"{last}, so the {year} figures do not change this result; if they are {last}'s, enter them under {last}")


def warning_text(w: Unusual, lang: str) -> str:
    """One unusual figure as a sentence: what it is, what it is compared with, and to check it."""
    if w.kind == LATER:
        return later_text(w, 1, lang)
    if w.kind == NO_STAFF and w.other is not None:
        (heads, staff), (name, value) = _figure(w.figure, lang), _figure(w.other, lang)
        if lang == "zh":
            return (f"「{heads}」{staff}，而「{name}」{value}：有营业收入的企业一般都有从业人员（按社保缴纳人数），"
                    "人数会影响企业规模的划分；如果是不知道，请留空；请核对")
        return (f"{heads} is {staff}, while {name} is {value}: a firm with revenue has staff (its social-insurance "
                "headcount), which decides its size class; if not known, leave it blank; please check")
    if w.kind in (SMALL, LARGE_PER_HEAD) and w.other is not None:
        # revenue a head below any firm in business (万元 typed as 元), or past any firm's (元 typed as 万元)
        small = w.kind == SMALL
        (name, value), (heads, staff) = _figure(w.figure, lang), _figure(w.other, lang)
        each = (yuan_a_head if small else yi_a_head)(w.figure.value, w.other.value, lang)
        if lang == "zh":
            return f"「{name}」{value}，「{heads}」{staff}，人均每年{'仅' if small else ''}{each}，" \
                f"{_TOO_SMALL_ZH if small else _TOO_LARGE_A_HEAD_ZH}"
        far, typed = ("below", "10k CNY entered as yuan") if small else ("above", "yuan entered as 10k CNY")
        return (f"{name} is {value} for {staff} ({heads}), {each} a year each, far {far} any firm in business: "
                f"were amounts in {typed}, or their unit given wrongly? Please check")
    if w.kind == RATIO and w.other is not None and w.limit is not None:  # 0.45 typed for 负债总额: the amount it comes to
        (name, value), (other, other_value) = _figure(w.figure, lang), _figure(w.other, lang)
        ratio = w.limit  # the digits typed: the figure itself, its percent (45 for 45%), or as typed in a sheet in 元
        as_percent = ratio * 100 == w.figure.value
        if ratio != w.figure.value and not as_percent:
            value += f"（即{exact(ratio, lang)}元）" if lang == "zh" else f" ({exact(ratio, lang)} yuan)"
        typed = exact(w.figure.value if as_percent else ratio, lang)
        share, comes_to = exact(ratio * 100, lang), w.other.value * ratio
        amount = num(comes_to, lang=lang) + unit_text(w.figure.field.unit, lang, comes_to)
        if lang == "zh":
            return (f"「{name}」{value}，不到「{other}」{other_value}的1%：如果填的是比例（{typed} 即 {share}%），"
                    f"请改填金额（{other_value} × {share}% ≈ {amount}）；请核对")
        return (f"{name} is {value}, under 1% of {other} at {other_value}: if the ratio was entered "
                f"({typed} for {share}%), enter the amount ({other_value} × {share}% ≈ {amount}); please check")
    if w.kind == FRACTION:  # 0.125 from an unformatted cell: every digit, and the share it is as a fraction
        name = input_label(w.figure.field, w.figure.path).get(lang)
        typed, meant = exact(w.figure.value, lang), exact(w.figure.value * 100, lang)
        if lang == "zh":
            return f"「{name}」{typed}%：如果填的是小数（{typed} 即 {meant}%），请改填 {meant}；请核对"
        return f"{name} is {typed}%: if a fraction was entered ({typed} for {meant}%), enter {meant}; please check"
    if w.kind == YUAN_SIGN:  # ¥ alone decided 元: a 万元 column formatted as currency shows the same
        name, value = _figure(w.figure, lang)
        if lang == "zh":
            return f"「{name}」“{w.typed}”按元读作 {value}；如果指的是万元，请写明单位（在列名或数字后写“万元”）后重新评估"
        return (f"{name} \u201c{w.typed}\u201d was read in yuan, as {value}; if 10k CNY was meant, say so "
                "(write 万元 in the column's header or after the figure) and assess again")
    if w.other is None:  # past a plausible size: for an amount, the likely slip (元 typed as 万元) named
        name, value = _figure(w.figure, lang)
        if w.figure.field.type in MONEY_TYPES:
            if lang == "zh":
                yi = num(w.figure.value / 10000, lang=lang)
                return f"「{name}」{value}，即{yi}亿元，{_TOO_LARGE_ZH}"  # written as 5,000万元 is
            bn = num(w.figure.value / 100000, lang=lang)
            return f"{name} is {value}, {bn} billion CNY, beyond any SME: was an amount in yuan entered as 10k CNY, or its unit given wrongly? Please check"
        limit = num(w.limit, lang=lang) + unit_text(w.figure.field.unit, lang, w.limit)
        if lang == "zh":
            return f"「{name}」{value}，超出常见范围（一般不超过 {limit}）：请核对"
        return f"{name} is {value}, beyond the usual range (at most {limit} as a rule): please check"
    (name, value), (other, other_value) = _figure(w.figure, lang), _figure(w.other, lang)
    if w.kind == SHARE and w.limit is not None:  # R&D over half of revenue, main business under a tenth of it
        share, bound = num(w.figure.value / w.other.value * 100, lang=lang), num(w.limit * 100, lang=lang)
        high = w.figure.value > w.other.value * w.limit
        if not high and w.figure.field.id in YEAR_END:  # assets beside revenue: no share of it
            if not w.figure.value:  # 0 for "not known": a firm with revenue holds something at the year's end
                if lang == "zh":
                    return (f"「{name}」{value}，而「{other}」{other_value}：有收入的企业年末总有资产（现金、应收账款、存货），"
                            "如果是不知道，请留空；请核对")
                return (f"{name} is {value}, while {other} is {other_value}: a firm with revenue holds something at the "
                        "year's end (cash, receivables, stock); if it is not known, leave it blank; please check")
            return _few_days_text(name, value, other, other_value, w.other.field.label.get(lang), share, bound, w.limit, lang)
        if lang == "zh":
            return (f"「{name}」{value}，{'占' if high else '只占'}「{other}」{other_value}的{share}%，"
                    f"{'超过' if high else '不到'}{bound}%：少见，请核对")
        return (f"{name} is {value}, {share}% of {other} at {other_value}, {'over' if high else 'under'} {bound}%: "
                "unusual, please check")
    if w.kind == WITHIN:  # a count above one that by its definition holds each of it
        if lang == "zh":
            return f"「{name}」{value}，多于「{other}」{other_value}：按定义前者每一项都属于后者，请核对"
        return f"{name} is {value}, more than {other} at {other_value}: by definition each of the first is one of the second; please check"
    if w.kind == ABOVE and HELD_IN.get(w.figure.field.id) == w.other.field.id:  # R&D above the costs holding it
        part, whole = w.figure.field.label.get(lang), w.other.field.label.get(lang)
        if lang == "zh":
            return f"「{name}」{value}，高于「{other}」{other_value}：按定义{whole}包含{part}，一般不会低于它，请核对"
        return (f"{name} is {value}, above {other} at {other_value}: {whole[:1].lower() + whole[1:]} include {part} by definition "
                "and are seldom below it; please check")
    if w.kind == ABOVE:
        if lang == "zh":
            return f"「{name}」{value}，高于「{other}」{other_value}：少见，请核对"
        return f"{name} is {value}, above {other} at {other_value}: unusual, please check"
    growth, limit = num(w.growth, lang=lang), num(w.limit, lang=lang)
    sign = "+" if w.growth is not None and w.growth > 0 else ""
    if lang == "zh":
        return f"「{name}」{value}，比上年（{other_value}）变化 {sign}{growth}%，超过 ±{limit}%：少见，请核对"
    return f"{name} is {value}, {sign}{growth}% on {other} at {other_value}, beyond ±{limit}%: unusual, please check"


def _few_days_text(name: str, value: str, other: str, other_value: str, per_day: str, share: str, bound: str,
                   limit: Decimal, lang: str) -> str:
    """An amount far under another it is no part of (year-end assets beside the year's revenue): the share,
    and the days of revenue it comes to, which a finance manager pictures where 0.38% of revenue says little."""
    days = num((limit * 365).quantize(Decimal(1)), lang=lang)
    if lang == "zh":
        return (f"「{name}」{value}，只有「{other}」{other_value}的{share}%（一般不少于{bound}%，即约{days}天的{per_day}）："
                "少见，是否少写了位数或单位填错了？请核对")
    return (f"{name} is {value}, only {share}% of {other} at {other_value} (usually at least {bound}%, some {days} days' {per_day.lower()}): "
            "unusual; were digits left out or the unit given wrongly? Please check")


def warning_lines(result: Result, lang: str) -> list[str]:
    """The result's unusual figures as sentences (empty when there are none)."""
    return warning_sentences(result.warnings, lang)


def warning_sentences(found: list[Unusual], lang: str) -> list[str]:
    """Unusual figures as sentences, the amounts past any SME's size said once: a sheet kept in 元 has
    every amount so, and six sentences asking the same question buried the row's other warnings. So
    are the amounts read in 元 for ¥ alone: a sheet formatted as currency has every amount so, and the
    figures of a year after last year, once a year."""
    later = [w for w in found if w.kind == LATER]
    if later:
        by_year: dict[int | None, list[Unusual]] = {}
        for w in later:
            by_year.setdefault(year_in_path(w.figure.field, w.figure.path), []).append(w)
        rest = warning_sentences([w for w in found if w.kind != LATER], lang)
        return [later_text(ws[0], len(ws), lang) for ws in by_year.values()] + rest
    by_sign = [w for w in found if w.kind == YUAN_SIGN]
    if len(by_sign) > 1:
        first = by_sign[0]
        name, value = _figure(first.figure, lang)
        more = len(by_sign) - 1
        said = (f"「{name}」“{first.typed}”等 {len(by_sign)} 项金额都按元读取（这一项读作 {value}）；"
                "如果指的是万元，请写明单位（在列名或数字后写“万元”）后重新评估" if lang == "zh" else
                f"{name} \u201c{first.typed}\u201d and {more} more {plural(more, 'amount', 'amounts')} after ¥ were read "
                f"in yuan (this one as {value}); if 10k CNY was meant, say so (write 万元 in the columns' headers or "
                "after the figures) and assess again")
        return [*warning_sentences([w for w in found if w.kind != YUAN_SIGN], lang), said]
    large = [w for w in found if w.kind == LARGE and w.figure.field.type in MONEY_TYPES]
    if len(large) < 2:
        return [warning_text(w, lang) for w in found]
    out = [warning_text(w, lang) for w in found if w not in large]
    name, value = _figure(large[0].figure, lang)
    if lang == "zh":
        yi = num(large[0].figure.value / 10000, lang=lang)
        out.append(f"「{name}」{value}（即{yi}亿元）等{len(large)}项金额{_TOO_LARGE_ZH}")
    else:
        bn = num(large[0].figure.value / 100000, lang=lang)
        more = len(large) - 1
        out.append(f"{name} is {value} ({bn} billion CNY), and {more} more {plural(more, 'amount is', 'amounts are')} "
                   "beyond any SME: were amounts in yuan entered as 10k CNY, or their unit given wrongly? Please check")
    return out
