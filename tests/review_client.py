"""The review app under FastAPI's TestClient over the sample store, and form helpers."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from pipeline.review.app import create_app
from pipeline.store import open_store
from tests.review_sample import build_store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "review.db"
    build_store(path).close()
    return path


@pytest.fixture
def client(db):
    with TestClient(create_app(db, "ana")) as test_client:
        yield test_client


@pytest.fixture
def store(db):
    with open_store(db) as opened:
        yield opened


def token(client: TestClient) -> str:
    page = client.get("/").text
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def post(client: TestClient, path: str, **form):
    return client.post(path, data={"csrf_token": token(client), **form}, follow_redirects=False)


def card_ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'data-fact-id="(\d+)"', html)]
