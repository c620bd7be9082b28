"""Timeline pictures: found by any name, PNG/SVG bytes, pinyin labels when no CJK font exists."""
from __future__ import annotations

import subprocess

import pytest
from typer.testing import CliRunner

from tests.dataset_builders import reform_store
from pipeline import plot
from pipeline.cli import app
from pipeline.store import open_store
from pipeline.tenures import infer_ends


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "lsg.db") as opened:
        reform_store(opened)
        infer_ends(opened)
        yield opened


@pytest.fixture
def no_cjk_font(monkeypatch):
    def missing(*args, **kwargs):
        raise FileNotFoundError("fc-list")
    plot.cjk_font.cache_clear()
    monkeypatch.setattr(subprocess, "run", missing)
    yield
    plot.cjk_font.cache_clear()


def test_group_timeline_by_chinese_english_or_abbreviation(store, no_cjk_font):
    by_zh = plot.timeline(store, "group", "中央全面深化改革领导小组", fmt="svg").decode("utf-8")
    assert plot.find_group(store, "CLGCDR").id == plot.find_group(store, "中央全面深化改革領導小組").id
    assert "Xi Jinping (leader)" in by_zh and "Wang Huning (deputy leader)" in by_zh
    assert "习近平" not in by_zh  # no CJK font: pinyin labels, not empty boxes
    assert "end inferred, awaiting review" in by_zh


def test_person_timeline_lists_the_bodies_of_the_lineage(store, no_cjk_font):
    svg = plot.timeline(store, "person", "習近平", fmt="svg").decode("utf-8")
    assert "Central Commission for Comprehensively" in svg and "Deepening Reform (leader)" in svg
    png = plot.person_chart(store, plot.find_person(store, "Xi Jinping").id)
    assert png.startswith(b"\x89PNG")


def test_labels_carry_hanzi_only_when_a_cjk_font_can_draw_them():
    view = {"canonical": "Xi Jinping", "name_zh": "习近平", "name": "习近平"}
    assert plot.label(view, with_hanzi=True) == "Xi Jinping 习近平"
    assert plot.label(view, with_hanzi=False) == "Xi Jinping"
    unknown = {"canonical": None, "name_zh": "中央某某工作领导小组", "name": "中央某某工作领导小组"}
    assert plot.label(unknown, with_hanzi=False).startswith("Zhong Yang")


def test_unknown_names_are_errors_not_empty_pictures(store, tmp_path, no_cjk_font):
    with pytest.raises(plot.PlotError):
        plot.timeline(store, "person", "Nobody Atall")
    runner = CliRunner()
    missing = runner.invoke(app, ["plot", "group", "Harbour Works Group", "--db", str(store.path),
                                  "--out", str(tmp_path / "x.png")])
    assert missing.exit_code == 1 and not (tmp_path / "x.png").exists()
    out = tmp_path / "charts" / "xi.png"
    made = runner.invoke(app, ["plot", "person", "Xi Jinping", "--db", str(store.path),
                               "--out", str(out)])
    assert made.exit_code == 0, made.output
    assert out.read_bytes().startswith(b"\x89PNG")
    wrong = runner.invoke(app, ["plot", "person", "Xi Jinping", "--db", str(store.path),
                                "--out", str(tmp_path / "xi.pdf")])
    assert wrong.exit_code == 2
