"""The review app through FastAPI's TestClient: pages, actions, filters, search, merges."""
from __future__ import annotations

import re
import sqlite3

from tests import review_sample
from tests.review_client import card_ids, client, db, post, store, token  # noqa: F401 (fixtures)
from tests.review_sample import fact_id


def test_queue_lists_pending_facts_least_confident_first(client, store):
    ids = card_ids(client.get("/").text)
    confidences = [store.get_fact(i).confidence for i in ids]
    assert len(ids) == 8 and confidences == sorted(confidences)
    assert card_ids(client.get("/?order=-confidence").text) == ids[::-1]


def test_evidence_is_highlighted_after_escaping(client, store):
    html = client.get(f"/facts/{fact_id(store, 'heads the Central')}").text
    assert '<mark class="hl hl-person">Xi Jinping</mark> <mark class="hl hl-role">heads</mark>' in html
    assert '<mark class="hl hl-group">Central Leading Group for Comprehensively Deepening Reforms' in html
    notice = client.get(f"/facts/{fact_id(store, '改为')}").text
    assert '<mark class="hl hl-date">2018年3月</mark>' in notice
    assert '<mark class="hl hl-event">改为</mark>' in notice


def test_accept_and_reject_persist_with_an_audit_trail(client, store):
    head = fact_id(store, "heads the Central")
    deputy = fact_id(store, "deputy leader of the group")
    response = post(client, f"/facts/{head}/status", status="accepted", next="/?status=pending")
    assert response.status_code == 303
    assert response.headers["location"] == f"/?status=pending#fact-{head}"
    json_reply = client.post(f"/facts/{deputy}/status", data={"status": "rejected"},
                             headers={"X-CSRF-Token": token(client), "Accept": "application/json"})
    assert json_reply.json()["status"] == "rejected"
    assert store.get_fact(head).status == "accepted" and store.get_fact(deputy).status == "rejected"
    assert head not in card_ids(client.get("/").text)
    trail = client.get(f"/facts/{head}").text
    assert "ana" in trail and "accepted" in trail and "Audit trail" in trail
    assert store.fact_history(head)[0]["reviewer"] == "ana"


def test_edit_changes_only_what_the_analyst_changed(client, store):
    deputy = fact_id(store, "deputy leader of the group")
    response = post(client, f"/facts/{deputy}/edit", role="member", person_name="Li Keqiang",
                    group_name="Central Leading Group for Comprehensively Deepening Reforms",
                    note="he is listed as a member")
    assert response.status_code == 303
    row = store.get_fact(deputy)
    assert row.role == "member" and row.edited
    history = store.fact_history(deputy)
    assert history[-1]["before"] == {"role": "deputy_leader"} and history[-1]["after"] == {"role": "member"}
    page = client.get(f"/facts/{deputy}").text
    assert "he is listed as a member" in page and "edited" in page
    bad = post(client, f"/facts/{deputy}/edit", role="emperor")
    assert bad.status_code == 400 and store.get_fact(deputy).role == "member"


def test_event_date_edit_and_note(client, store):
    event = fact_id(store, "set up a new body")
    assert post(client, f"/facts/{event}/edit", date="2013-12-30").status_code == 303
    assert store.get_fact(event).date == "2013-12-30"
    assert post(client, f"/facts/{event}/note", note="date from the Xinhua notice").status_code == 303
    noted = store.fact_history(event)[-1]
    assert (noted["action"], noted["note"]) == ("note", "date from the Xinhua notice")
    assert store.get_fact(event).date == "2013-12-30"
    assert '<tr class="action-note">' in client.get(f"/facts/{event}").text
    assert post(client, f"/facts/{event}/note", note="  ").status_code == 400
    assert post(client, f"/facts/{event}/edit", date="December").status_code == 400


def test_filters_and_text_search(client, store):
    def ids(query: str) -> set[int]:
        return set(card_ids(client.get("/?status=all&" + query).text))

    everything = ids("")
    assert len(everything) == 8
    assert ids("language=zh") == {fact_id(store, "组长：习近平"), fact_id(store, "副组长"),
                                  fact_id(store, "改为")}
    assert ids("role=office_director") == {fact_id(store, "Liu He")}
    assert ids("kind=event") == {fact_id(store, "set up a new body"), fact_id(store, "改为")}
    reports = {name: i for i, name in _sources(client)}["reports"]
    assert ids(f"source={reports}") == {fact_id(store, "Liu He")}
    assert ids("q=deputy+leader") == {fact_id(store, "deputy leader of the group")}
    assert ids("q=沪宁") == {fact_id(store, "副组长")}  # two hanzi: below trigram length
    assert ids("q=全面深化改革委员会") == {fact_id(store, "改为")}
    assert ids("q=100%25") == set()
    xi = store.get_fact(fact_id(store, "heads the Central")).person_id
    assert ids(f"person={xi}") == {fact_id(store, "heads the Central"), fact_id(store, "组长：习近平")}


def _sources(client):
    from pipeline.review import queries
    with client.app.state.store.session() as session:
        return queries.sources(session)


def test_search_index_follows_new_changed_and_deleted_facts(client, db, store):
    doc, extraction = review_sample.english_news(
        "v2", deputy_sentence="Li Keqiang was named executive deputy of the reform group.")
    store.save_document(doc, extraction, source="news")
    assert len(card_ids(client.get("/?status=all&q=executive+deputy").text)) == 1
    assert card_ids(client.get("/?status=all&q=serves+as+a+deputy").text) == []
    doc, extraction = review_sample.english_news("v3")
    extraction.facts = [f for f in extraction.facts if f.kind == "event"]  # memberships vanish
    store.save_document(doc, extraction, source="news")
    assert card_ids(client.get("/?status=all&q=heads+the+Central").text) == []
    with sqlite3.connect(db) as conn:  # the index and fact.evidence agree word by word
        for word in ("deputy", "Keqiang", "heads", "group", "Politburo", "组长：", "改为中央"):
            indexed = conn.execute("SELECT rowid FROM review_fact_fts WHERE review_fact_fts MATCH ?",
                                   (f'"{word}"',)).fetchall()
            stored = conn.execute("SELECT id FROM fact WHERE instr(lower(evidence), lower(?))",
                                  (word,)).fetchall()
            assert sorted(indexed) == sorted(stored), word


def test_reviewed_fact_changed_by_re_extraction_is_flagged(client, db, store):
    deputy = fact_id(store, "deputy leader of the group")
    post(client, f"/facts/{deputy}/status", status="accepted")
    doc, extraction = review_sample.english_news(
        "v2", deputy_sentence="Li Keqiang is the deputy leader of the reform group.")
    store.save_document(doc, extraction, source="news")
    html = client.get("/?rereview=1&status=all").text
    assert card_ids(html) == [deputy] and "needs re-review" in html


def test_context_view_shows_the_pdf_page(client, store):
    liu = fact_id(store, "Liu He")
    html = client.get(f"/facts/{liu}/context").text
    assert "page 2" in html and "On the second page" in html
    assert "Page one says nothing" not in html
    assert '<mark class="hl hl-evidence">Liu He became director' in html


def test_group_page_names_lineage_and_timeline(client, store):
    group = store.get_fact(fact_id(store, "heads the Central")).group_id
    html = client.get(f"/groups/{group}").text
    assert "中央全面深化改革领导小组" in html and "leading_group" in html
    successor = re.search(r"<dt>Successor</dt>\s*<dd>(.*?)</dd>", html, re.S).group(1)
    assert "Central Commission for Comprehensively Deepening Reform" in successor
    rows = re.findall(r'<tr class="what-([a-z_]+)">', html)
    assert rows[0] == "established" and {"leader", "deputy_leader", "member", "renamed"} <= set(rows)
    assert 'href="https://news.example.org/reform-group"' in html


def test_person_page_shows_hanzi_pinyin_and_roles(client, store):
    wang = store.get_fact(fact_id(store, "副组长")).person_id
    html = client.get(f"/people/{wang}").text
    assert "王沪宁" in html and "Wang Huning" in html and "deputy leader" in html


def test_merging_people_moves_their_facts(client, store):
    wang = store.get_fact(fact_id(store, "副组长")).person_id
    duplicate = store.get_fact(fact_id(store, "joined the reform group")).person_id
    response = post(client, f"/people/{wang}/merge", drop_id=str(duplicate))
    assert response.status_code == 303
    assert store.get_fact(fact_id(store, "joined the reform group")).person_id == wang
    moved = client.get(f"/people/{duplicate}", follow_redirects=False)
    assert moved.status_code == 303 and moved.headers["location"] == f"/people/{wang}"
    assert "Huning Wang" in client.get(f"/people/{wang}").text
    assert post(client, f"/people/{wang}/merge", drop_id=str(wang)).status_code == 400


def test_merging_groups(client, store):
    keep = store.get_fact(fact_id(store, "heads the Central")).group_id
    drop = store.get_fact(fact_id(store, "Liu He")).group_id
    assert post(client, f"/groups/{keep}/merge", drop_id=f"#{drop}").status_code == 303
    assert store.get_fact(fact_id(store, "Liu He")).group_id == keep


def test_network_draws_accepted_memberships_only(client, store):
    assert "<svg" not in client.get("/network").text
    for part in ("heads the Central", "副组长"):
        post(client, f"/facts/{fact_id(store, part)}/status", status="accepted")
    html = client.get("/network").text
    assert html.count("<circle") == 3 and html.count("<line") == 2
    assert "习近平" in html and "王沪宁" in html


def test_find_people_by_any_name_form(client):
    assert "Xi Jinping" in client.get("/people?q=習近平").text
    assert "Nothing found" in client.get("/people?q=nobody").text


def test_all_statuses_pages_follow_one_order(client, store):
    from pipeline.review.filters import Filters, fact_ids
    for part, status in (("heads the Central", "accepted"), ("副组长", "rejected")):
        post(client, f"/facts/{fact_id(store, part)}/status", status=status)
    rows = store.list_facts(status="all", limit=100)
    for order, key in (("confidence", lambda f: (f.confidence, f.id)),
                       ("-confidence", lambda f: (-f.confidence, f.id)),
                       ("group", lambda f: (f.group_id, f.confidence, f.id))):
        expected = [f.id for f in sorted(rows, key=key)]
        with store.session() as session:
            pages = [fact_ids(session, Filters(status="all", order=order), 3, offset)
                     for offset in (0, 3, 6)]
        assert sum(pages, []) == expected, order


def test_common_and_rare_words_find_the_same_facts(client, monkeypatch):
    from pipeline.review import search
    queries = ("q=deputy+leader", "q=Central+Leading", "q=中央全面深化", "q=reform+Wang", "q=He+office")
    indexed = {q: card_ids(client.get("/?status=all&" + q).text) for q in queries}
    monkeypatch.setattr(search, "COMMON", 1)  # every word now counts as common
    assert {q: card_ids(client.get("/?status=all&" + q).text) for q in queries} == indexed
    assert all(indexed.values())


def test_proposed_merges_and_inferred_ends_wait_for_a_reviewer(client, store):
    from pipeline.store import proposals
    wang = store.get_fact(fact_id(store, "副组长")).person_id
    duplicate_fact = fact_id(store, "joined the reform group")
    duplicate = store.get_fact(duplicate_fact).person_id
    li_fact = store.get_fact(fact_id(store, "deputy leader of the group"))
    proposals.add_merge_proposals(store, [("person", wang, duplicate, "reversed name order", 0.8)])
    with store.session() as session:
        from pipeline.store.models import GroupEntity
        lineage = session.get(GroupEntity, li_fact.group_id).key
    proposals.sync_inferred_ends(store, [proposals.InferredEnd(
        lineage, li_fact.person_id, "deputy_leader", "2017-11", "month", li_fact.document_id,
        "the 2017-11 roster leaves him out")])
    page = client.get("/proposals").text
    assert "reversed name order" in page and "the 2017-11 roster leaves him out" in page
    merge_id = proposals.merge_proposals(store)[0].id
    end_id = proposals.tenure_ends(store, end_status="inferred")[0].id
    assert store.get_fact(duplicate_fact).person_id == duplicate  # nothing merged yet
    assert post(client, f"/proposals/merges/{merge_id}", status="accepted").status_code == 303
    assert store.get_fact(duplicate_fact).person_id == wang
    assert post(client, f"/proposals/tenure-ends/{end_id}", status="rejected",
                note="he stayed on").status_code == 303
    assert proposals.tenure_ends(store, end_status="rejected")[0].reviewer == "ana"
    assert "None pending" in client.get("/proposals").text
    assert post(client, f"/proposals/merges/{merge_id}", status="accepted").status_code == 400
