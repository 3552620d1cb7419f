from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.document_text import DocumentText
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/documents/{id}/text".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DocumentText | Problem | None:
    if response.status_code == 200:
        response_200 = DocumentText.from_dict(response.json())

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
) -> Response[DocumentText | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[DocumentText | Problem]:
    """Get a document's extracted text and its chunks

     What indexing extracted and how it was chunked, with each chunk's location, paged over chunks in
    order (offset and limit count chunks): the chunks search sees now, to check why a passage was or was
    not found. A document not yet indexed has no chunks.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        id (UUID):  Example: 0f8fad5b-d9cb-469f-a165-70867728950e.
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentText | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> DocumentText | Problem | None:
    """Get a document's extracted text and its chunks

     What indexing extracted and how it was chunked, with each chunk's location, paged over chunks in
    order (offset and limit count chunks): the chunks search sees now, to check why a passage was or was
    not found. A document not yet indexed has no chunks.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        id (UUID):  Example: 0f8fad5b-d9cb-469f-a165-70867728950e.
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentText | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[DocumentText | Problem]:
    """Get a document's extracted text and its chunks

     What indexing extracted and how it was chunked, with each chunk's location, paged over chunks in
    order (offset and limit count chunks): the chunks search sees now, to check why a passage was or was
    not found. A document not yet indexed has no chunks.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        id (UUID):  Example: 0f8fad5b-d9cb-469f-a165-70867728950e.
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentText | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> DocumentText | Problem | None:
    """Get a document's extracted text and its chunks

     What indexing extracted and how it was chunked, with each chunk's location, paged over chunks in
    order (offset and limit count chunks): the chunks search sees now, to check why a passage was or was
    not found. A document not yet indexed has no chunks.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        id (UUID):  Example: 0f8fad5b-d9cb-469f-a165-70867728950e.
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentText | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            limit=limit,
            offset=offset,
        )
    ).parsed
