from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.query_collection_body import QueryCollectionBody
from ...models.query_collection_response_200 import QueryCollectionResponse200
from ...types import Response


def _get_kwargs(
    *,
    body: QueryCollectionBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/query",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | QueryCollectionResponse200 | None:
    if response.status_code == 200:
        response_200 = QueryCollectionResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | QueryCollectionResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: QueryCollectionBody,
) -> Response[Problem | QueryCollectionResponse200]:
    """Retrieve passages

     keyword: Okapi BM25 over Postgres full-text; words and "quoted phrases" are OR'ed, -word excludes.
    vector: nearest chunks by embedding. hybrid (default): both, fused by weighted reciprocal rank
    fusion, or by a weighted sum of each side's min-max scaled scores where the collection's embedder
    was measured to fuse better so (bge-small-en-v1.5).

    Needs an API key with the `read` scope. Rate limited (the `query` class).

    Args:
        body (QueryCollectionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QueryCollectionResponse200]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: QueryCollectionBody,
) -> Problem | QueryCollectionResponse200 | None:
    """Retrieve passages

     keyword: Okapi BM25 over Postgres full-text; words and "quoted phrases" are OR'ed, -word excludes.
    vector: nearest chunks by embedding. hybrid (default): both, fused by weighted reciprocal rank
    fusion, or by a weighted sum of each side's min-max scaled scores where the collection's embedder
    was measured to fuse better so (bge-small-en-v1.5).

    Needs an API key with the `read` scope. Rate limited (the `query` class).

    Args:
        body (QueryCollectionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QueryCollectionResponse200
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: QueryCollectionBody,
) -> Response[Problem | QueryCollectionResponse200]:
    """Retrieve passages

     keyword: Okapi BM25 over Postgres full-text; words and "quoted phrases" are OR'ed, -word excludes.
    vector: nearest chunks by embedding. hybrid (default): both, fused by weighted reciprocal rank
    fusion, or by a weighted sum of each side's min-max scaled scores where the collection's embedder
    was measured to fuse better so (bge-small-en-v1.5).

    Needs an API key with the `read` scope. Rate limited (the `query` class).

    Args:
        body (QueryCollectionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QueryCollectionResponse200]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: QueryCollectionBody,
) -> Problem | QueryCollectionResponse200 | None:
    """Retrieve passages

     keyword: Okapi BM25 over Postgres full-text; words and "quoted phrases" are OR'ed, -word excludes.
    vector: nearest chunks by embedding. hybrid (default): both, fused by weighted reciprocal rank
    fusion, or by a weighted sum of each side's min-max scaled scores where the collection's embedder
    was measured to fuse better so (bge-small-en-v1.5).

    Needs an API key with the `read` scope. Rate limited (the `query` class).

    Args:
        body (QueryCollectionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QueryCollectionResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
