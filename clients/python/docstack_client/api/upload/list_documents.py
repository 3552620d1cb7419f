from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_documents_index_status import ListDocumentsIndexStatus
from ...models.list_documents_response_200 import ListDocumentsResponse200
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    collection_id: UUID | Unset = UNSET,
    content_type: str | Unset = UNSET,
    filename: str | Unset = UNSET,
    filename_contains: str | Unset = UNSET,
    index_status: ListDocumentsIndexStatus | Unset = UNSET,
    created_by: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_collection_id: str | Unset = UNSET
    if not isinstance(collection_id, Unset):
        json_collection_id = str(collection_id)
    params["collection_id"] = json_collection_id

    params["content_type"] = content_type

    params["filename"] = filename

    params["filename_contains"] = filename_contains

    json_index_status: str | Unset = UNSET
    if not isinstance(index_status, Unset):
        json_index_status = index_status.value

    params["index_status"] = json_index_status

    params["created_by"] = created_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/documents",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ListDocumentsResponse200 | Problem | None:
    if response.status_code == 200:
        response_200 = ListDocumentsResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[ListDocumentsResponse200 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    collection_id: UUID | Unset = UNSET,
    content_type: str | Unset = UNSET,
    filename: str | Unset = UNSET,
    filename_contains: str | Unset = UNSET,
    index_status: ListDocumentsIndexStatus | Unset = UNSET,
    created_by: str | Unset = UNSET,
) -> Response[ListDocumentsResponse200 | Problem]:
    """List documents

     The documents the key may see, newest first, with totals (count, total and average size) over
    everything the filter matches.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.
        collection_id (UUID | Unset):
        content_type (str | Unset):  Example: application/pdf.
        filename (str | Unset): The exact file name
        filename_contains (str | Unset): Part of the file name, in any case Example: report.
        index_status (ListDocumentsIndexStatus | Unset):
        created_by (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListDocumentsResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        collection_id=collection_id,
        content_type=content_type,
        filename=filename,
        filename_contains=filename_contains,
        index_status=index_status,
        created_by=created_by,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    collection_id: UUID | Unset = UNSET,
    content_type: str | Unset = UNSET,
    filename: str | Unset = UNSET,
    filename_contains: str | Unset = UNSET,
    index_status: ListDocumentsIndexStatus | Unset = UNSET,
    created_by: str | Unset = UNSET,
) -> ListDocumentsResponse200 | Problem | None:
    """List documents

     The documents the key may see, newest first, with totals (count, total and average size) over
    everything the filter matches.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.
        collection_id (UUID | Unset):
        content_type (str | Unset):  Example: application/pdf.
        filename (str | Unset): The exact file name
        filename_contains (str | Unset): Part of the file name, in any case Example: report.
        index_status (ListDocumentsIndexStatus | Unset):
        created_by (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListDocumentsResponse200 | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        collection_id=collection_id,
        content_type=content_type,
        filename=filename,
        filename_contains=filename_contains,
        index_status=index_status,
        created_by=created_by,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    collection_id: UUID | Unset = UNSET,
    content_type: str | Unset = UNSET,
    filename: str | Unset = UNSET,
    filename_contains: str | Unset = UNSET,
    index_status: ListDocumentsIndexStatus | Unset = UNSET,
    created_by: str | Unset = UNSET,
) -> Response[ListDocumentsResponse200 | Problem]:
    """List documents

     The documents the key may see, newest first, with totals (count, total and average size) over
    everything the filter matches.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.
        collection_id (UUID | Unset):
        content_type (str | Unset):  Example: application/pdf.
        filename (str | Unset): The exact file name
        filename_contains (str | Unset): Part of the file name, in any case Example: report.
        index_status (ListDocumentsIndexStatus | Unset):
        created_by (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListDocumentsResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        collection_id=collection_id,
        content_type=content_type,
        filename=filename,
        filename_contains=filename_contains,
        index_status=index_status,
        created_by=created_by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    collection_id: UUID | Unset = UNSET,
    content_type: str | Unset = UNSET,
    filename: str | Unset = UNSET,
    filename_contains: str | Unset = UNSET,
    index_status: ListDocumentsIndexStatus | Unset = UNSET,
    created_by: str | Unset = UNSET,
) -> ListDocumentsResponse200 | Problem | None:
    """List documents

     The documents the key may see, newest first, with totals (count, total and average size) over
    everything the filter matches.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.
        collection_id (UUID | Unset):
        content_type (str | Unset):  Example: application/pdf.
        filename (str | Unset): The exact file name
        filename_contains (str | Unset): Part of the file name, in any case Example: report.
        index_status (ListDocumentsIndexStatus | Unset):
        created_by (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListDocumentsResponse200 | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            collection_id=collection_id,
            content_type=content_type,
            filename=filename,
            filename_contains=filename_contains,
            index_status=index_status,
            created_by=created_by,
        )
    ).parsed
