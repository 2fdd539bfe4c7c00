"""Write N valid, varied, fictional case files of about 4 KB each, for scale benchmarks.

The text is generated (no facts about real companies), with Chinese and English names so that
search and alignment are exercised as they are on the bundled library.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

STATUSES = ("active", "sunsetting", "paused", "shut-down", "merged")
TAGS = ("membership", "social-commerce", "s2b2c", "local-life", "payments", "marketplace", "community", "video")
SYLLABLES_EN = ("lo", "mi", "ta", "ko", "ra", "ven", "shu", "pin", "yun", "bei", "dao", "hua")
SYLLABLES_ZH = "小米有品鱼淘铺红卡快手云集贝拼多美丽说街"
FILLER = (
    "Members paid a yearly fee for discounts and shared links with friends to earn a commission; "
    "growth came from promoter teams, and the platform handled sourcing and delivery. "
)


def _name(rng: random.Random) -> tuple[str, str]:
    en = "".join(rng.choice(SYLLABLES_EN) for _ in range(rng.randint(2, 3))).capitalize()
    zh = "".join(rng.choice(SYLLABLES_ZH) for _ in range(rng.randint(2, 4)))
    return en, zh


def case_text(index: int, rng: random.Random) -> str:
    """One case file's TOML text."""
    en, zh = _name(rng)
    launched = rng.randint(2005, 2020)
    ended = launched + rng.randint(1, 6)
    status = rng.choice(STATUSES)
    tags = rng.sample(TAGS, 2)
    events = []
    for n in range(8):
        month = 1 + n
        kind = (
            "launch",
            "growth",
            "milestone",
            "partnership",
            "announcement",
            "service-stop",
            "service-stop",
            "shutdown",
        )[n]
        ends = {5: '["ordering"]', 6: '["withdrawal"]', 7: '["app"]'}.get(n, "[]")
        events.append(
            f"""[[events]]
date = {ended if n >= 4 else launched}-{month:02d}-{10 + n:02d}
title = {{ en = "{en} event {n}", zh = "{zh}事件{n}" }}
kind = "{kind}"
detail = {{ en = "{FILLER[: 80 + n * 10]}", zh = "{zh}的第{n}个事件。" }}
ends = {ends}
source = "s1"
"""
        )
    return f"""format = 1

[case]
name = {{ en = "{en} {index}", zh = "{zh}{index}" }}
company = {{ en = "{en} Group", zh = "{zh}集团" }}
status = "{status}"
summary = {{ en = "{FILLER * 3}", zh = "{zh}是一个会员制社交电商平台。" }}
tags = ["{tags[0]}", "{tags[1]}"]
launched = "{launched}"
ended = "{ended}-08"

[model]
type = {{ en = "Membership social e-commerce", zh = "会员制社交电商" }}
membership_fee = {{ value = {rng.choice((99, 168, 199, 396, 399))}, unit = "CNY", source = "s1" }}
take_rate = {{ value = {rng.randint(5, 40)}, unit = "%", source = "s1" }}
fulfilment = "Platform"

[services]
ordering = {{ en = "Ordering", zh = "下单" }}
withdrawal = {{ en = "Withdrawal", zh = "提现" }}
app = {{ en = "App access", zh = "应用" }}

{"".join(events)}
[sources.s1]
title = "Generated source {index}"
date = {ended}-08-01
"""


def generate(target: Path, count: int, seed: int = 1) -> None:
    """Write `count` cases into `target` (created), reusing files already there."""
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        text = case_text(index, rng)
        path = target / f"gen-{index:05d}.toml"
        if not path.exists():
            path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    generate(args.target, args.count)


if __name__ == "__main__":
    main()
