"""Synthetic workspaces for the benchmarks: N townships, M items per domain, Chinese text of
realistic length. Deterministic for a given seed.

    python benchmarks/generate.py OUT_DIR --townships 100 --items 14 [--villages 10]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from jxs_catalog import vocab
from jxs_catalog.pilot import PILOT_DOMAINS

# Common characters of catalog text; sampled to make sentences of realistic length.
_CHARS = ("公开政策文件补贴对象标准资金发放结果申请条件办理流程时限主体渠道项目名称建设内容投资规模"
          "实施单位进度情况监督举报电话地址村组户籍人口救助供养保障服务机构名单审核审批决定依据程序")
_BASES = ("《中华人民共和国政府信息公开条例》（国务院令第711号）",
          "《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）",
          "《社会救助暂行办法》（国务院令第649号）", "《自然灾害救助条例》（国务院令第577号）")


def _text(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(_CHARS) for _ in range(rng.randint(low, high)))


def _item(rng: random.Random, d: int, i: int) -> str:
    levels = rng.choice(["[县级]", "[县级, 乡级]", "[县级, 乡级, 村级]", "[乡级, 村级]"])
    channels = ", ".join(sorted(rng.sample(vocab.STANDARD_CHANNELS[:12], rng.randint(2, 5)),
                                key=vocab.STANDARD_CHANNELS.index))
    bases = "\n".join(f"      - {b}" for b in rng.sample(_BASES, rng.randint(1, 3)))
    return (f"  - category: 类别{d}-{i // 4}{_text(rng, 2, 6)}\n"
            f"    name: 事项{d}-{i}{_text(rng, 4, 10)}\n"
            f"    content: {_text(rng, 30, 80)}\n"
            f"    basis:\n{bases}\n"
            f"    time_limit: 信息形成或者变更之日起20个工作日内\n"
            f"    method: 主动\n"
            f"    channels: [{channels}]\n"
            f"    audience: {rng.choice(['全社会', '特定群体'])}\n"
            f"    levels: {levels}\n")


def generate(out: Path, townships: int, items: int, villages: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    (out / "domains").mkdir(parents=True, exist_ok=True)
    (out / "townships").mkdir(exist_ok=True)
    (out / "jxs.yaml").write_text('county: 测试县\ncode: "622927"\npublisher: 测试县人民政府办公室\n', encoding="utf-8")
    for d, name in enumerate(PILOT_DOMAINS):
        body = "".join(_item(rng, d, i) for i in range(items))
        (out / "domains" / f"d{d:02d}.yaml").write_text(
            f'name: {name}\ndepartment: 测试县{name}主管部门\nreviewed: "2026-11-01"\nitems:\n{body}', encoding="utf-8")
    for t in range(townships):
        names = "".join(f"  - {_text(rng, 2, 3)}{v}村\n" for v in range(villages))
        (out / "townships" / f"t{t:04d}.yaml").write_text(
            f'name: 第{t}乡\ncode: "622927{t:03d}000"\nreviewed: "2026-11-01"\nvillages:\n{names}'
            if t < 1000 else "", encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--townships", type=int, default=100)
    parser.add_argument("--items", type=int, default=14)
    parser.add_argument("--villages", type=int, default=10)
    args = parser.parse_args()
    generate(args.out, args.townships, args.items, args.villages)


if __name__ == "__main__":
    main()
