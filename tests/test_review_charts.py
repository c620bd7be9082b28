"""Timeline charts on the group and person pages: SVG from pipeline.plot, kept per review state."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tests.review_client import client, db, post, store  # noqa: F401 (fixtures)
from tests.review_sample import fact_id

SVG = "{http://www.w3.org/2000/svg}"


def _labels(response) -> str:
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(response.content)  # well-formed XML, or this raises
    assert root.tag == SVG + "svg"
    return " ".join("".join(t.itertext()) for t in root.iter(SVG + "text"))


def test_group_chart_draws_accepted_facts_and_follows_decisions(client, store):
    head = fact_id(store, "heads the Central")
    group = store.get_fact(head).group_id
    page = client.get(f"/groups/{group}").text
    assert f'<img src="/groups/{group}/timeline.svg"' in page
    chart = f"/groups/{group}/timeline.svg"
    assert "Xi Jinping" not in _labels(client.get(chart))  # nothing accepted yet
    assert "Li Keqiang" in _labels(client.get(chart + "?status=active"))  # pending ones too
    post(client, f"/facts/{head}/status", status="accepted")
    labels = _labels(client.get(chart))  # the decision makes the cached chart stale
    assert "Xi Jinping" in labels and "leader" in labels and "Li Keqiang" not in labels
    post(client, f"/facts/{fact_id(store, 'deputy leader of the group')}/status", status="accepted")
    assert "Li Keqiang" in _labels(client.get(chart))


def test_person_chart_names_the_bodies_of_accepted_roles(client, store):
    deputy = fact_id(store, "副组长")
    wang = store.get_fact(deputy).person_id
    assert f'<img src="/people/{wang}/timeline.svg"' in client.get(f"/people/{wang}").text
    assert "Deepening Reforms" not in _labels(client.get(f"/people/{wang}/timeline.svg"))
    post(client, f"/facts/{deputy}/status", status="accepted")
    labels = _labels(client.get(f"/people/{wang}/timeline.svg"))
    assert "Comprehensively Deepening Reforms" in labels and "deputy leader" in labels


def test_chart_is_a_scriptless_document_and_unknown_ids_are_404(client):
    response = client.get("/groups/1/timeline.svg")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script" not in policy
    assert not re.search(rb"<script|onload=|javascript:", response.content)
    assert client.get("/groups/9999/timeline.svg").status_code == 404
    assert client.get("/people/1/timeline.svg?status=rejected").status_code == 400
