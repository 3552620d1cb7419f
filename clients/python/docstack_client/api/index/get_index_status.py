from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_index_status_response_200 import GetIndexStatusResponse200
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    collection_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_collection_id: str | Unset = UNSET
    if not isinstance(collection_id, Unset):
        json_collection_id = str(collection_id)
    params["collection_id"] = json_collection_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/index/status",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetIndexStatusResponse200 | Problem | None:
    if response.status_code == 200:
        response_200 = GetIndexStatusResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[GetIndexStatusResponse200 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    collection_id: UUID | Unset = UNSET,
) -> Response[GetIndexStatusResponse200 | Problem]:
    """Document counts per index state, and indexing progress

     For one collection, or (with a key not limited to some collections) for all of them: how many
    documents are in each state, how many are done (indexed or failed), the recent indexing rate and the
    time left at that rate.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        collection_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetIndexStatusResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        collection_id=collection_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    collection_id: UUID | Unset = UNSET,
) -> GetIndexStatusResponse200 | Problem | None:
    """Document counts per index state, and indexing progress

     For one collection, or (with a key not limited to some collections) for all of them: how many
    documents are in each state, how many are done (indexed or failed), the recent indexing rate and the
    time left at that rate.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        collection_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetIndexStatusResponse200 | Problem
    """

    return sync_detailed(
        client=client,
        collection_id=collection_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    collection_id: UUID | Unset = UNSET,
) -> Response[GetIndexStatusResponse200 | Problem]:
    """Document counts per index state, and indexing progress

     For one collection, or (with a key not limited to some collections) for all of them: how many
    documents are in each state, how many are done (indexed or failed), the recent indexing rate and the
    time left at that rate.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        collection_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetIndexStatusResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        collection_id=collection_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    collection_id: UUID | Unset = UNSET,
) -> GetIndexStatusResponse200 | Problem | None:
    """Document counts per index state, and indexing progress

     For one collection, or (with a key not limited to some collections) for all of them: how many
    documents are in each state, how many are done (indexed or failed), the recent indexing rate and the
    time left at that rate.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        collection_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetIndexStatusResponse200 | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            collection_id=collection_id,
        )
    ).parsed
