"""Write models/names/zh_common_chars.txt: the most frequent hanzi in jieba's dictionary.

The Chinese extractor uses it to tell real text from mojibake (text decoded with the wrong
codec is full of rare characters). Re-run after upgrading jieba:
    .venv/bin/python scripts/build_zh_common_chars.py
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import jieba

TOP = 4000
OUT = Path(__file__).resolve().parents[1] / "models" / "names" / "zh_common_chars.txt"


def main() -> None:
    counts: Counter[str] = Counter()
    with open(Path(jieba.__file__).with_name("dict.txt"), encoding="utf-8") as lines:
        for line in lines:
            word, freq, *_ = line.split()
            for ch in word:
                counts[ch] += int(freq)
    chars = [ch for ch, _ in counts.most_common(TOP)]
    body = "\n".join("".join(chars[i:i + 100]) for i in range(0, len(chars), 100))
    OUT.write_text(f"# {TOP} most frequent hanzi in jieba's dict.txt, by summed word frequency\n{body}\n",
                   encoding="utf-8")


if __name__ == "__main__":
    main()
