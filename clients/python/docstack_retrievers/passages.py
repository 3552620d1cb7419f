"""POST /query through the generated client, as plain passages both retrievers turn into their types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import httpx
from docstack_client import AuthenticatedClient, Client
from docstack_client.api.query import query_collection
from docstack_client.models.problem import Problem
from docstack_client.models.query_collection_body import QueryCollectionBody

Mode = Literal["hybrid", "vector", "keyword"]


class DocstackError(Exception):
    """A query Docstack refused: the problem's status, code and detail (RFC 9457)."""

    def __init__(self, status: int, code: str | None, detail: str | None, request_id: str | None) -> None:
        super().__init__(f"{status} {code or ''}: {detail or ''} (request {request_id or 'unknown'})")
        self.status = status
        self.code = code
        self.detail = detail
        self.request_id = request_id


@dataclass(frozen=True)
class Passage:
    """One ranked passage: its text, score and where it comes from."""

    text: str
    score: float
    metadata: dict[str, Any]


def make_client(base_url: str, api_key: str | None, timeout: float) -> Client | AuthenticatedClient:
    """A client for base_url; with a key, every request carries it as a Bearer token. Without one,
    only a development server that has never had a key answers."""
    if api_key:
        return AuthenticatedClient(base_url=base_url, token=api_key, timeout=httpx.Timeout(timeout))
    return Client(base_url=base_url, timeout=httpx.Timeout(timeout))


def _body(collection_id: str, query: str, top_k: int, mode: Mode, filter: dict[str, Any] | None) -> QueryCollectionBody:
    # From plain fields, so a filter is passed as the API documents it, whatever models the
    # generator names for it.
    fields: dict[str, Any] = {"collection_id": collection_id, "query": query, "top_k": top_k, "mode": mode}
    if filter:
        fields["filter"] = filter
    return QueryCollectionBody.from_dict(fields)


def _passages(response: Any) -> list[Passage]:
    if isinstance(response.parsed, Problem):
        problem = response.parsed
        raise DocstackError(problem.status, str(problem.code.value), problem.detail, problem.request_id)
    if response.status_code != 200 or response.parsed is None:
        raise DocstackError(
            int(response.status_code), None, response.content[:200].decode("utf-8", "replace"), None
        )
    body = response.parsed
    return [
        Passage(
            text=r.text,
            score=float(r.score),
            metadata={
                "document_id": str(r.document_id),
                "filename": r.filename,
                "content_type": r.content_type,
                "chunk_index": r.chunk_index,
                "location": r.location.to_dict(),
                "score": float(r.score),
                "ranks": r.ranks.to_dict(),
                "query_id": str(body.query_id),
            },
        )
        for r in body.results
    ]


def search(
    client: Client | AuthenticatedClient,
    collection_id: str,
    query: str,
    *,
    top_k: int = 5,
    mode: Mode = "hybrid",
    filter: dict[str, Any] | None = None,
) -> list[Passage]:
    """The collection's top_k passages for query; raises DocstackError on any refusal."""
    return _passages(query_collection.sync_detailed(client=client, body=_body(collection_id, query, top_k, mode, filter)))


async def asearch(
    client: Client | AuthenticatedClient,
    collection_id: str,
    query: str,
    *,
    top_k: int = 5,
    mode: Mode = "hybrid",
    filter: dict[str, Any] | None = None,
) -> list[Passage]:
    """search, without blocking the event loop."""
    response = await query_collection.asyncio_detailed(client=client, body=_body(collection_id, query, top_k, mode, filter))
    return _passages(response)
