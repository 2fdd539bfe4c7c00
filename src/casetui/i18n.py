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
    # Beside a date after the case's `as_of`, or a span resting on one: announced, not confirmed.
    "scheduled": ("scheduled", "计划"),
    "off": ("off", "已停"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
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


MODEL_LABELS: dict[str, tuple[str, str]] = {
    # The shared `[model]` vocabulary (cases/README.md), then the other keys the bundled cases use.
    "parent_platform": ("Parent platform", "所属平台"),
    "selling_model": ("Selling model", "销售模式"),
    "how_to_join": ("How to join", "加入方式"),
    "membership_fee": ("Membership fee", "会员费"),
    "take_rate": ("Take rate", "抽成比例"),
    "promoter_reward": ("Promoter reward", "推广者收益"),
    "fulfilment": ("Fulfilment", "履约"),
    "target_users": ("Target users", "目标用户"),
    "cities": ("Cities", "城市"),
    "merchant_fee": ("Merchant fee", "商家费用"),
    "users": ("Users", "用户数"),
    "gmv": ("GMV", "成交额（GMV）"),
    "price_positioning": ("Price positioning", "价格定位"),
    "member_benefits": ("Member benefits", "会员权益"),
    "traffic_acquisition": ("Traffic acquisition", "流量来源"),
    "orders": ("Orders", "订单数"),
    "units_sold": ("Units sold", "销量"),
    "operator": ("Operator", "运营方"),
    "store_sales": ("Store sales", "店铺销售额"),
    "store_followers": ("Store followers", "店铺粉丝数"),
    "regulator": ("Regulator", "监管机构"),
    "compliance_deadline": ("Compliance deadline", "整改期限"),
    "licence": ("Licence", "牌照"),
    "payment_fee_rate": ("Payment fee rate", "支付手续费率"),
    "expected_savings": ("Expected savings", "预计节省"),
}
"""Labels of `[model]` keys; a key not listed here is shown made readable (`store_sales` -> `Store sales`)."""

UNITS: dict[str, str] = {"people": "人", "CNY": "元", "orders": "单", "phones": "部"}
"""Chinese words for the units the bundled cases use; any other unit is shown as written."""


def model_label(key: str, lang: str = "en") -> str:
    """casetui's label for the `[model]` key `key` in `lang`: `how_to_join` -> `How to join` / `加入方式`."""
    pair = MODEL_LABELS.get(key)
    if pair is None:
        return humanise(key)
    return pair[1] if lang.split("-")[0].lower() == "zh" else pair[0]


def kind_name(kind: str, lang: str = "en") -> str:
    """An event kind in a text output: as written in English (`service-stop`), in words in Chinese (`停止服务`)."""
    if lang.split("-")[0].lower() == "zh" and f"kind_{kind}" in _LABELS:
        return label(f"kind_{kind}", lang)
    return kind


def unit_text(value: str, unit: str | None, lang: str = "en") -> str:
    """A value with its unit in `lang`: `396 CNY` / `396元`, `20%`, `1,000 people` / `1,000人`."""
    if not unit:
        return value
    if lang.split("-")[0].lower() == "zh" and unit in UNITS:
        # A figure the source gave only in words may carry its unit already: `数亿元`, not `数亿元元`.
        return value if value.endswith(UNITS[unit]) else f"{value}{UNITS[unit]}"
    return f"{value}{unit}" if unit == "%" else f"{value} {unit}"


def unit_label(unit: str | None, lang: str = "en") -> str:
    """A unit alone, in `lang` (a table's Unit column): `people` / `人`."""
    if not unit:
        return ""
    return UNITS.get(unit, unit) if lang.split("-")[0].lower() == "zh" else unit


def label(key: str, lang: str = "en") -> str:
    """casetui's own label for `key` in `lang` (English when there is none)."""
    pair = _LABELS.get(key)
    if pair is None:
        return humanise(key)
    return pair[1] if lang.split("-")[0] == "zh" else pair[0]


def scheduled_mark(lang: str = "en") -> str:
    """What follows a scheduled date or a span resting on one: ` (scheduled)`, `（计划）` in Chinese."""
    word = label("scheduled", lang)
    return f"（{word}）" if lang.split("-")[0] == "zh" else f" ({word})"


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
