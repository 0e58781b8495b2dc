"""The CLI's own messages in zh and en (rule texts carry their own zh/en)."""

from __future__ import annotations

import os

STATUS = {
    "met": {"zh": "满足", "en": "met"},
    "unmet": {"zh": "不满足", "en": "not met"},
    "unknown": {"zh": "未知", "en": "unknown"},
    "manual_review": {"zh": "待审核", "en": "awaits review"},
}
SIZE = {
    "micro": {"zh": "微型", "en": "micro"},
    "small": {"zh": "小型", "en": "small"},
    "medium": {"zh": "中型", "en": "medium"},
    "large": {"zh": "大型", "en": "large"},
    None: {"zh": "未知", "en": "unknown"},
}
MESSAGES = {
    "score": {"zh": "得分", "en": "Score"},
    "score_range": {"zh": "得分区间", "en": "Score range"},
    "criterion": {"zh": "条件", "en": "Criterion"},
    "status": {"zh": "状态", "en": "Status"},
    "detail": {"zh": "计算与说明", "en": "Computation"},
    "sme": {"zh": "企业规模", "en": "SME size"},
    "rules": {"zh": "规则版本", "en": "Rule set"},
    "as_of": {"zh": "评估日期", "en": "As of"},
    "last_year": {"zh": "上年度", "en": "Last year"},
    "renewal": {"zh": "复核", "en": "renewal"},
    "missing": {"zh": "缺少的数据", "en": "Missing data"},
    "evidence": {"zh": "需准备的材料", "en": "Evidence to prepare"},
    "disclaimer": {
        "zh": "本报告为企业自评结果，不是主管部门的正式认定。",
        "en": "This is a self-assessment, not an official determination.",
    },
    "confidence": {"zh": "依据可靠度", "en": "Source confidence"},
    "footer": {"zh": "输入摘要", "en": "Input sha256"},
    "tool": {"zh": "工具版本", "en": "Tool version"},
}
CONFIDENCE = {
    "gov": {"zh": "政府网站原文", "en": "government page"},
    "multi": {"zh": "多个独立转载一致", "en": "several independent reposts"},
    "single": {"zh": "单一第三方来源，未交叉核对", "en": "one third-party source, not cross-checked"},
    "recalled": {"zh": "凭记忆，未见来源，请核实", "en": "recalled, no source seen: verify"},
}


def default_lang() -> str:
    """zh when the locale says Chinese, else en (CONTRACT.md §1)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def t(key: str, lang: str) -> str:
    return MESSAGES[key][lang]
