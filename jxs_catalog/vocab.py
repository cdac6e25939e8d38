"""Controlled vocabularies: canonical values, accepted variants, nearest suggestions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

METHODS: tuple[str, ...] = ("主动", "依申请")
AUDIENCES: tuple[str, ...] = ("全社会", "特定群体")
LEVELS: tuple[str, ...] = ("县级", "乡级", "村级")
# The two kinds of village-level committee: a 村 (村民委员会) and a 社区 (居民委员会).
VILLAGE_KINDS: tuple[str, ...] = ("村", "社区")

# The standard checklist, in the order the published tables print it.
STANDARD_CHANNELS: tuple[str, ...] = (
    "政府网站", "政府公报", "两微一端", "发布会/听证会", "广播电视", "纸质媒体", "公开查阅点",
    "政务服务中心", "便民服务站", "入户/现场", "社区/企事业单位/村公示栏（电子屏）", "精准推送", "其他",
)
# The village channels the county plan names.
VILLAGE_CHANNELS: tuple[str, ...] = ("村（居）民微信群", "益农信息社", "公众号", "信息公示栏", "大喇叭")
OTHER = "其他"

# The status of a registered document (bases.yaml); the last two are no longer in force.
STATUSES: tuple[str, ...] = ("现行有效", "已修订", "已废止", "已失效")
NOT_IN_FORCE: tuple[str, ...] = ("已废止", "已失效")
STATUS_VARIANTS = {"有效": "现行有效", "现行": "现行有效", "废止": "已废止", "失效": "已失效", "修订": "已修订",
                   "已被修改": "已修订", "已修改": "已修订", "已修正": "已修订"}

METHOD_VARIANTS = {"主动公开": "主动", "依申请公开": "依申请"}
AUDIENCE_VARIANTS = {"特定群众": "特定群体", "特定群体(请写明)": "特定群体", "特定对象": "特定群体"}
LEVEL_VARIANTS = {"县": "县级", "乡": "乡级", "村": "村级", "镇级": "乡级", "乡镇级": "乡级", "乡（镇）级": "乡级"}
CHANNEL_VARIANTS = {
    "政府网": "政府网站",
    "门户网站": "政府网站",
    "政府门户网站": "政府网站",
    "一微一端": "两微一端",
    "两微一端（政务微博、微信、客户端）": "两微一端",
    "发布会": "发布会/听证会",
    "听证会": "发布会/听证会",
    "新闻发布会": "发布会/听证会",
    "纸质载体": "纸质媒体",
    "报刊": "纸质媒体",
    "行政服务中心": "政务服务中心",
    "政府服务中心": "政务服务中心",
    "便民服务中心": "便民服务站",
    "入户": "入户/现场",
    "现场": "入户/现场",
    "公示栏": "社区/企事业单位/村公示栏（电子屏）",
    "村公示栏": "社区/企事业单位/村公示栏（电子屏）",
    "存公示栏": "社区/企事业单位/村公示栏（电子屏）",
    "村务公开栏": "社区/企事业单位/村公示栏（电子屏）",
    "社区/企事业单位/村公示栏": "社区/企事业单位/村公示栏（电子屏）",
    "社区/企事业单位/村公示栏(电子屏)": "社区/企事业单位/村公示栏（电子屏）",
    "电子屏": "社区/企事业单位/村公示栏（电子屏）",
    "微信群": "村（居）民微信群",
    "村民微信群": "村（居）民微信群",
    "村(居)民微信群": "村（居）民微信群",
    "微信公众号": "公众号",
    "广播": "广播电视",
    "电视": "广播电视",
}


PAPERS = ("A4", "A3")  # the workbooks' paper sizes (jxs.yaml `paper`)


def normalize_choice(value: str, canonical: Sequence[str], variants: dict[str, str]) -> str | None:
    """The canonical spelling of value, or None when it is not in the vocabulary."""
    v = value.strip()
    if v in canonical:
        return v
    return variants.get(v)


def normalize_channel(value: str, extra: Iterable[str] = ()) -> str | None:
    """Channels also accept `其他：名称` and the workspace's own extra channels."""
    v = value.strip()
    if v.startswith((OTHER + "：", OTHER + ":")) and len(v) > 3:
        return OTHER + "：" + v[3:].strip()
    extras = tuple(extra)
    if v in STANDARD_CHANNELS or v in VILLAGE_CHANNELS or v in extras:
        return v
    return CHANNEL_VARIANTS.get(v)


def all_channels(extra: Iterable[str] = ()) -> tuple[str, ...]:
    return (*STANDARD_CHANNELS, *VILLAGE_CHANNELS, *[e for e in extra if e not in STANDARD_CHANNELS])


def channel_order_key(channel: str, extra: Sequence[str] = ()) -> tuple[int, str]:
    """Order channels as the checklist prints them; `其他：…` sits with 其他."""
    base = OTHER if channel.startswith(OTHER + "：") else channel
    order = all_channels(extra)
    return (order.index(base) if base in order else len(order), channel)


def nearest(value: str, choices: Iterable[str], variants: dict[str, str] | None = None) -> str | None:
    """The choice a typist most likely meant, or None when nothing is close."""
    v = value.strip()
    pool = list(choices)
    if variants:
        for wrong, right in variants.items():
            if wrong in v or v in wrong:
                return right
    contained = [c for c in pool if v and (v in c or c in v)]
    if contained:
        return min(contained, key=lambda c: abs(len(c) - len(v)))
    from difflib import get_close_matches  # only when a guess is needed
    match = get_close_matches(v, pool, n=1, cutoff=0.5)
    return match[0] if match else None
