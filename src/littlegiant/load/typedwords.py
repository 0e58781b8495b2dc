"""A day and a renewed title as people type them, read alike by the command line (``--as-of``,
``--renewal``) and by the Python API (``as_of``, ``renewal``): a script passing on what its user typed
was refused words the command line took, and two copies of these tables would drift apart."""

from __future__ import annotations

from datetime import date

from littlegiant import lazyre
from littlegiant.errors import InputError
from littlegiant.load.rulecalendar import RENEWABLE

TYPED_DATE = lazyre.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{4})(\d{2})(\d{2})")
"""A day as people type it: 2026-04-01, 2026/4/1, 2026.4.1, 2026年4月1日, or 20261126 as systems and file
names write it (year first, always: eight digits have one reading)."""


def typed_day(text: str, field: str) -> date:
    """The day ``text`` writes, year, month and day in that order, or the InputError (of ``field``) saying
    why not: 2026-W48-4 or 4/1/2026 refused, not taken for a day the user never wrote; 2026-02-30 said to
    be no day of that month, not a wrong format."""
    found = TYPED_DATE.fullmatch(text.strip())
    if found is None:
        raise InputError(kind="opt.date", params={"got": text}, field=field)
    year, month, day_of = (int(part) for part in found.groups() if part is not None)
    try:
        return date(year, month, day_of)
    except ValueError:
        import calendar

        if year < 1:  # 0000-01-01: no calendar's day, and no month to name
            raise InputError(kind="opt.date", params={"got": text}, field=field) from None
        if not 1 <= month <= 12:
            raise InputError(kind="opt.no_such_month", params={"got": text}, field=field) from None
        raise InputError(kind="opt.no_such_day", params={
            "got": text, "zh_month": f"{year}年{month}月", "en_month": f"{calendar.month_name[month]} {year}",
            "days": calendar.monthrange(year, month)[1]}, field=field) from None


RENEWAL_NAMES = {"专精特新": "zjtx_sme", "专精特新企业": "zjtx_sme", "小巨人": "little_giant",
                 "小巨人企业": "little_giant"}
"""What people call the two titles renewed, said alone: 专精特新 means the 专精特新中小企业 title (its
words are in the 小巨人's title too, so the titles alone would not tell)."""

NO_RENEWAL = "none"
"""A new application, said outright (--renewal none). Answers an interview saved under a renewal resume
as that renewal without --renewal; there was no way to say they are a new application's now."""

NO_RENEWAL_NAMES = frozenset({NO_RENEWAL, "no", "new", "application", "新申请", "新申报", "首次申请", "首次申报",
                              "首次", "否", "无", "不是", "不是复核", "非复核", "不复核"})
"""What people type for "not a renewal", as RENEWAL_NAMES holds what they type for a title renewed."""

_QUOTES = str.maketrans("", "", "\"'“”‘’「」『』《》 \u3000")


def renewal_named(text: str) -> str | frozenset[str]:
    """The title a renewal's words name: a renewable tier id, NO_RENEWAL (新申请, 首次申报, 否), or the
    tiers they fit when they fit several or none renewable (empty: nothing). Read as the tier id, a
    renewed tier's title as a shipped rule set writes it (either language, with or without its quotes:
    专精特新"小巨人"企业) or a part of one title alone, or what people call it (小巨人, 专精特新)."""
    if text in RENEWABLE:
        return text
    from littlegiant.load.rules import shipped_headings

    key = text.translate(_QUOTES).casefold()
    if key in NO_RENEWAL_NAMES:
        return NO_RENEWAL
    if key in RENEWAL_NAMES:
        return RENEWAL_NAMES[key]
    titles: dict[str, set[str]] = {}
    for tiers, _ in shipped_headings():
        for tid, title in tiers.items():
            titles.setdefault(tid, set()).update(t.translate(_QUOTES).casefold() for t in (title.zh, title.en))
    named = {tid for tid, said in titles.items() if key in said} or \
        {tid for tid, said in titles.items() if len(key) > 1 and any(key in title for title in said)}
    if len(named) == 1 and named <= set(RENEWABLE):
        return named.pop()
    return frozenset(named)
