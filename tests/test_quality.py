"""The CI quality gate: which floors apply to a gold set, and which figures fall below them."""
from pathlib import Path

from pipeline.evaluate import Report
from pipeline.quality import below_floors, floors_for


def _report() -> Report:
    report = Report()
    report.add(["memberships/en"], tp=9, fp=1, gold=10)  # P 0.9, R 0.9
    return report


def test_flat_floors_apply_to_any_set_and_named_ones_to_their_set(tmp_path):
    flat = {"memberships/en.f1": 0.5}
    assert floors_for(flat, tmp_path / "dev") == flat
    keyed = {"dev": {"memberships/en.f1": 0.8}, "dev/pdf": {"memberships/en.f1": 0.7}}
    assert floors_for(keyed, Path("/x/dev")) == {"memberships/en.f1": 0.8}
    assert floors_for(keyed, Path("/x/dev"), via="pdf") == {"memberships/en.f1": 0.7}
    assert floors_for(keyed, Path("/x/eval")) == {}


def test_below_floors_names_each_failing_figure():
    report = _report()
    assert below_floors(report, {"memberships/en.f1": 0.9, "memberships/en.recall": 0.8}) == []
    failures = below_floors(report, {"memberships/en.precision": 0.95, "events/en.f1": 0.1})
    assert len(failures) == 2
    assert any("memberships/en.precision = 0.900" in f for f in failures)
    assert any(f.startswith("events/en.f1 = 0.000") for f in failures)
