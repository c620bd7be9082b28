"""Extraction quality along each path documents take into lsg, side by side.

    .venv/bin/python bench/paths.py --gold ../shared/gold/dev
    .venv/bin/python bench/paths.py --gold DIR --via text --via pdf --json out.json

Runs `lsg evaluate --via X` for every path and prints membership and event F1 per language
(tp/gold in brackets), so a loss on one path shows against the plain-text baseline.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.quality import run_evaluation  # noqa: E402
from pipeline.renditions import VIAS  # noqa: E402

KEYS = ("memberships/en", "memberships/zh", "memberships", "events/en", "events/zh", "events")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--via", action="append", choices=VIAS, help="paths to run (default: all)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    vias = args.via or list(VIAS)
    figures: dict[str, dict[str, dict]] = {}
    for via in vias:
        report = run_evaluation(args.gold, via=via,
                                on_note=lambda m, v=via: print(f"[{v}] {m}", file=sys.stderr))
        figures[via] = {k: report.tallies[k].as_dict() for k in KEYS if k in report.tallies}
    print(f"{'F1 (tp/gold)':<16}" + "".join(f"{via:>16}" for via in vias))
    for key in KEYS:
        cells = []
        for via in vias:
            t = figures[via].get(key)
            cells.append(f"{t['f1']:.3f} ({t['tp']}/{t['gold']})" if t else "-")
        print(f"{key:<16}" + "".join(f"{c:>16}" for c in cells))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), "utf-8")


if __name__ == "__main__":
    main()
