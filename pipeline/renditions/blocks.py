"""The blank-line blocks of a text, shared by the HTML and PDF renditions."""
from __future__ import annotations


def text_blocks(lines: list[str]) -> list[list[str]]:
    """Non-empty stripped lines grouped into blocks separated by blank lines."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]
