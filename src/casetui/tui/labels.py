"""The app's own words in English and Chinese, on top of casetui.i18n (which covers case fields).

Binding descriptions are words too: `localize_bindings` rewrites a node's footer descriptions when
the language changes, keyed on each `Binding.id`.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from casetui import i18n
from casetui.when import Span, SpanUnit

GOTO = "goto-"
"""Prefix of binding ids that name a place by its word key: `goto-timeline`."""

_WORDS: dict[str, tuple[str, str]] = {
    # Screens and panes.
    "library": ("Library", "案例库"),
    "preview": ("Preview", "预览"),
    "problems": ("Problems", "问题"),
    "keys": ("Keys", "按键"),
    "search": ("Search", "搜索"),
    "search_placeholder": ("/ search name, company, tag", "/ 搜索名称、公司、标签"),
    "all": ("all", "全部"),
    "sort": ("Sort", "排序"),
    "marked": ("marked", "已标记"),
    "shown": ("shown", "显示"),
    "cases": ("cases", "个案例"),
    "broken": ("broken", "无法读取"),
    "no_match": ("No case matches.", "没有匹配的案例。"),
    "no_cases": ("No cases found. Add a folder with --cases DIR.", "没有找到案例。用 --cases DIR 添加文件夹。"),
    "file": ("File", "文件"),
    "error": ("Error", "错误"),
    "warning": ("Warning", "警告"),
    "failed_to_load": ("This file did not load:", "此文件无法读取："),
    "n_problems": ("{n} problems in the library: press p to see them.", "案例库有 {n} 个问题：按 p 查看。"),
    "one_problem": ("1 problem in the library: press p to see it.", "案例库有 1 个问题：按 p 查看。"),
    "no_problems": ("No problems: every case file loaded.", "没有问题：所有案例文件均已读取。"),
    "mark_more": ("Mark at least two cases with m, then press c.", "先用 m 标记至少两个案例，再按 c。"),
    "no_case": ("No case with id {id}.", "没有编号为 {id} 的案例。"),
    "screenshot_saved": ("Screenshot saved: {path}", "截图已保存：{path}"),
    "screenshot_failed": ("Could not save the screenshot: {error}", "无法保存截图：{error}"),
    "screenshot_read_only": ("Read-only: screenshots are off here.", "只读模式：此处不能保存截图。"),
    "did_you_mean": ("Did you mean: {ids}?", "你是否想找：{ids}？"),
    "stale_file": (
        "Saved with errors; the last good version stays on screen until the file is fixed:",
        "文件保存后有错误；修正前仍显示上一个正确版本：",
    ),
    "case_removed": ("The file of this case is gone.", "此案例的文件已不存在。"),
    "no_events": ("No timeline: this case has no events.", "没有时间线：此案例没有事件。"),
    "notes_hidden": ("Trainer notes hidden: press r to reveal.", "讲师备注已隐藏：按 r 显示。"),
    "trainer_notes": ("Trainer notes", "讲师备注"),
    "at_event": ("At event", "对应事件"),
    "none": ("None.", "无。"),
    "by": ("by", "来自"),
    "publisher": ("Publisher", "出版方"),
    "url": ("URL", "网址"),
    "phase": ("Phase", "阶段"),
    "value": ("Value", "值"),
    "language": ("English", "中文"),
    "key": ("Key", "键"),
    "action": ("Action", "操作"),
    "on_screen": ("On this screen", "本屏幕"),
    "everywhere": ("Everywhere", "全局"),
    "help_live_reload": (
        "Case files are read again as they are saved; a save with errors keeps the last good version on screen "
        "and shows where the errors are.",
        "案例文件保存后会自动重新读取；若保存的文件有错误，屏幕上保留上一个正确版本，并指出错误所在。",
    ),
    "help_speaker": (
        "Speaker view: run `casetui present {id} --speaker` in a second terminal on this machine for the "
        "trainer notes, the next event and a clock; stepping in either moves both (POSIX systems only).",
        "讲者视图：在本机另一个终端运行 `casetui present {id} --speaker`，可看讲师备注、下一个事件和时钟；"
        "任一端翻步，两端同步（仅限 POSIX 系统）。",
    ),
    "help_speaker_here": (
        "This speaker view follows `casetui present {id}` in another terminal; stepping here moves it too. "
        "With several presenters of this case, pick one with --pid.",
        "此讲者视图跟随另一个终端中的 `casetui present {id}`；在此翻步，演示端同步移动。"
        "若此案例有多个演示，请用 --pid 选择。",
    ),
    "close_help": ("Press escape or ? to close.", "按 escape 或 ? 关闭。"),
    "tab_model": ("Model", "商业模式"),
    "col_notice": ("Notice", "通知期"),
    "stops": ("stops", "停止"),
    # Binding descriptions (keyed by Binding.id).
    "b_quit": ("Quit", "退出"),
    "b_help": ("Keys", "按键"),
    "b_lang": ("中文", "English"),
    "b_theme": ("Light/dark", "明暗"),
    "b_palette": ("palette", "命令"),
    "b_screenshot": ("Screenshot", "截图"),
    "b_back": ("Back", "返回"),
    "b_search": ("Search", "搜索"),
    "b_open": ("Open", "打开"),
    "b_mark": ("Mark", "标记"),
    "b_compare": ("Compare", "对比"),
    "b_sunset": ("Sunset", "关停回放"),
    "b_sort": ("Sort", "排序"),
    "b_reverse": ("Reverse", "倒序"),
    "b_status": ("Status", "状态"),
    "b_tag": ("Tag", "标签"),
    "b_clear": ("Clear filters", "清除筛选"),
    "b_problems": ("Problems", "问题"),
    "b_reveal": ("Notes", "备注"),
    "b_next_tab": ("Next tab", "下一页"),
    "b_prev_tab": ("Previous tab", "上一页"),
    # Palette.
    "palette_placeholder": ("Search for commands and cases…", "搜索命令和案例…"),
    "p_open": ("Open case", "打开案例"),
    "p_sunset": ("Sunset timeline", "关停回放"),
    "p_mark": ("Mark for compare", "标记对比"),
    "p_unmark": ("Unmark", "取消标记"),
    "p_compare": ("Compare marked cases", "对比已标记案例"),
    "p_clear_marks": ("Clear marks", "清除标记"),
    "p_lang": ("Switch language", "切换语言"),
    "p_theme": ("Toggle light/dark theme", "切换明暗主题"),
    "p_problems": ("Show library problems", "查看案例库问题"),
    "p_library": ("Back to the library", "返回案例库"),
    "p_overview": ("Overview: charts of the cases shown", "概览：当前案例的统计图"),
}


_SHORT: dict[str, tuple[str, str]] = {
    # Footer labels for a narrow terminal, keyed by Binding.id: the footer uses them before it drops a key.
    "sunset": ("Sunset", "回放"),
    "compare": ("Compare", "对比"),
    "diffs": ("Diffs", "差异"),
    "baseline": ("Base", "基准"),
    "next_diff": ("Next", "下个"),
    "view": ("View", "视图"),
    "next": ("Next", "下一"),
    "prev": ("Prev", "上一"),
    "first": ("First", "首"),
    "last": ("Last", "末"),
    "choose": ("Show", "显示"),
    "next_chart": ("Next", "下图"),
    "lang": ("中文", "EN"),
}


def short_label(binding_id: str, lang: str) -> str | None:
    """A shorter footer label for the binding `binding_id` in `lang`, or None when it has none."""
    pair = _SHORT.get(binding_id)
    return None if pair is None else pair[is_zh(lang)]


def word(key: str, lang: str = "en", **values: object) -> str:
    """The app's word for `key` in `lang`, with `{name}` fields filled; falls back to casetui.i18n."""
    pair = _WORDS.get(key)
    text = i18n.label(key, lang) if pair is None else pair[is_zh(lang)]
    return text.format(**values) if values else text


def is_zh(lang: str) -> bool:
    """True for any Chinese tag (`zh`, `zh-Hans`)."""
    return lang.split("-")[0].lower() == "zh"


def span_text(span: Span | None, lang: str, compact: bool = False) -> str:
    """A span in words of `lang`: `3 years` / `3年`, `59 days` / `59天`; empty for None.

    `compact` shortens English for table cells: `3y 3mo`, `59d`, `2d 5h`.
    """
    if span is None:
        return ""
    if compact and not is_zh(lang):
        return _compact(span)
    return span.display(lang)


def _compact(span: Span) -> str:
    """`3y 3mo`, `59d`, `2d 5h`: the T-offset's units without the `T+` (a long span in years and months)."""
    span = span.shown()
    sign = "-" if span.amount < 0 else ""
    n = abs(span.amount)
    if span.unit is SpanUnit.MONTH and n >= 12:
        years, months = divmod(n, 12)
        return f"{sign}{years}y {months}mo" if months else f"{sign}{years}y"
    return sign + Span(n, span.unit).offset().removeprefix("T+")


def localize_bindings(node: DOMNode, lang: str) -> bool:
    """Rewrite the footer descriptions of `node`'s own bindings in `lang`; True if any changed.

    Textual has no public hook for translated descriptions, so this replaces the (frozen) bindings
    in the node's own map; when it returns True the caller refreshes the footer with
    `refresh_bindings()` (which rebuilds every footer key, so it is worth skipping when nothing changed).
    """
    changed = False
    bindings_map = node._bindings
    for key, bindings in bindings_map.key_to_bindings.items():
        localized = [_localized(b, lang) for b in bindings]
        if localized != bindings:
            bindings_map.key_to_bindings[key] = localized
            changed = True
    return changed


def _localized(binding: Binding, lang: str) -> Binding:
    """`id="sort"` takes the word `b_sort`; `id="goto-timeline"` takes the word `timeline`."""
    if binding.id is None:
        return binding
    key = f"b_{binding.id}"
    if key in _WORDS:
        return replace(binding, description=word(key, lang))
    if binding.id.startswith(GOTO):
        return replace(binding, description=word(binding.id.removeprefix(GOTO), lang))
    return binding
