"""Labels for casetui's own words (not case text) in the languages the UI speaks."""

from __future__ import annotations

LANGUAGES = ("en", "zh")

_LABELS: dict[str, tuple[str, str]] = {
    # key: (English, Chinese)
    "id": ("ID", "编号"),
    "name": ("Name", "名称"),
    "company": ("Company", "公司"),
    "status": ("Status", "状态"),
    "summary": ("Summary", "概要"),
    "region": ("Region", "地区"),
    "tags": ("Tags", "标签"),
    "launched": ("Launched", "上线"),
    "ended": ("Ended", "结束"),
    "reason": ("Reason", "原因"),
    "as_of": ("Facts as of", "资料截至"),
    "model_type": ("Model", "模式"),
    "model_summary": ("Model summary", "模式概要"),
    "lifespan": ("Lifespan", "存续时间"),
    "notice": ("Notice period", "通知期"),
    "notice_period": ("Notice period", "通知期"),
    "events": ("Events", "事件数"),
    "services": ("Services", "服务数"),
    "announced": ("Announced (T-0)", "宣布日 (T-0)"),
    "shutdown": ("Final shutdown", "最终关停"),
    "sources": ("Sources", "来源"),
    "quotes": ("Quotes", "引语"),
    "lessons": ("Lessons", "启示"),
    "questions": ("Questions", "讨论题"),
    "timeline": ("Timeline", "时间线"),
    "overview": ("Overview", "概览"),
    "model": ("Business model", "商业模式"),
    "date": ("Date", "日期"),
    "kind": ("Kind", "类型"),
    "title": ("Title", "标题"),
    "source": ("Source", "来源"),
    "stops": ("Stops", "停止的服务"),
    "offset": ("T", "T"),
    "to_shutdown": ("To shutdown", "距关停"),
    "dimension": ("Dimension", "维度"),
    "unit": ("Unit", "单位"),
    "note": ("Note", "注"),
    "on": ("on", "可用"),
    "off": ("off", "已停"),
    # Section headings and column names of the CLI's show/compare output.
    "services_section": ("Services", "服务"),
    "phases": ("Phases", "阶段"),
    "notes": ("Notes", "备注"),
    "value": ("Value", "数值"),
    "baseline": ("baseline", "基准"),
    # Event kinds, as the CLI, the app and the handouts name them.
    "kind_launch": ("launch", "上线"),
    "kind_milestone": ("milestone", "里程碑"),
    "kind_growth": ("growth", "增长"),
    "kind_partnership": ("partnership", "合作"),
    "kind_financial": ("financial", "财务"),
    "kind_regulatory": ("regulatory", "监管"),
    "kind_announcement": ("announcement", "公告"),
    "kind_service-stop": ("service stop", "停止服务"),
    "kind_shutdown": ("shutdown", "关停"),
    "kind_migration": ("migration", "迁移"),
    "kind_other": ("other", "其他"),
    # Statuses.
    "active": ("active", "运营中"),
    "sunsetting": ("sunsetting", "关停中"),
    "paused": ("paused", "暂停"),
    "shut-down": ("shut down", "已关停"),
    "merged": ("merged", "已并入"),
}


def label(key: str, lang: str = "en") -> str:
    """casetui's own label for `key` in `lang` (English when there is none)."""
    pair = _LABELS.get(key)
    if pair is None:
        return humanise(key)
    return pair[1] if lang.split("-")[0] == "zh" else pair[0]


def lang_note(lang: str) -> str | None:
    """The line to say when casetui has no words of its own in `lang`; None for English and Chinese.

    The tag is still used for case text (an author may write `fr = "…"`): only casetui's labels fall back.
    """
    if lang.split("-")[0].lower() in LANGUAGES:
        return None
    return f"casetui: --lang {lang!r} is not supported (en, zh): falling back to English."


def humanise(key: str) -> str:
    """`membership_fee` -> `Membership fee`."""
    words = key.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]
