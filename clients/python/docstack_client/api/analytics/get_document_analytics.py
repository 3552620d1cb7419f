import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_document_analytics_response_200 import GetDocumentAnalyticsResponse200
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    collection_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_collection_id: str | Unset = UNSET
    if not isinstance(collection_id, Unset):
        json_collection_id = str(collection_id)
    params["collection_id"] = json_collection_id

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/analytics/documents",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetDocumentAnalyticsResponse200 | Problem | None:
    if response.status_code == 200:
        response_200 = GetDocumentAnalyticsResponse200.from_dict(response.json())

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
) -> Response[GetDocumentAnalyticsResponse200 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    collection_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[GetDocumentAnalyticsResponse200 | Problem]:
    """Documents retrieved most, and indexed documents never retrieved

     Over a time range: the documents most queries returned (each counted once per query), and indexed
    documents that no query returned, oldest first.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        from_ (datetime.datetime | Unset): Start of the range (inclusive); `to` minus 7 days when
            absent Example: 2026-01-31 09:00:00+00:00.
        to (datetime.datetime | Unset): End of the range (exclusive); now when absent. A range
            longer than 366 days is cut to the last 366; a `from` not before `to` reads an empty
            range. The answer names the range it read. Example: 2026-01-31 09:00:00+00:00.
        collection_id (UUID | Unset): One collection; all of them when absent (a key limited to
            some collections must name one)
        limit (int | Unset):  Default: 20. Example: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetDocumentAnalyticsResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        collection_id=collection_id,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    collection_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
) -> GetDocumentAnalyticsResponse200 | Problem | None:
    """Documents retrieved most, and indexed documents never retrieved

     Over a time range: the documents most queries returned (each counted once per query), and indexed
    documents that no query returned, oldest first.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        from_ (datetime.datetime | Unset): Start of the range (inclusive); `to` minus 7 days when
            absent Example: 2026-01-31 09:00:00+00:00.
        to (datetime.datetime | Unset): End of the range (exclusive); now when absent. A range
            longer than 366 days is cut to the last 366; a `from` not before `to` reads an empty
            range. The answer names the range it read. Example: 2026-01-31 09:00:00+00:00.
        collection_id (UUID | Unset): One collection; all of them when absent (a key limited to
            some collections must name one)
        limit (int | Unset):  Default: 20. Example: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetDocumentAnalyticsResponse200 | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        collection_id=collection_id,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    collection_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[GetDocumentAnalyticsResponse200 | Problem]:
    """Documents retrieved most, and indexed documents never retrieved

     Over a time range: the documents most queries returned (each counted once per query), and indexed
    documents that no query returned, oldest first.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        from_ (datetime.datetime | Unset): Start of the range (inclusive); `to` minus 7 days when
            absent Example: 2026-01-31 09:00:00+00:00.
        to (datetime.datetime | Unset): End of the range (exclusive); now when absent. A range
            longer than 366 days is cut to the last 366; a `from` not before `to` reads an empty
            range. The answer names the range it read. Example: 2026-01-31 09:00:00+00:00.
        collection_id (UUID | Unset): One collection; all of them when absent (a key limited to
            some collections must name one)
        limit (int | Unset):  Default: 20. Example: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetDocumentAnalyticsResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        collection_id=collection_id,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    collection_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
) -> GetDocumentAnalyticsResponse200 | Problem | None:
    """Documents retrieved most, and indexed documents never retrieved

     Over a time range: the documents most queries returned (each counted once per query), and indexed
    documents that no query returned, oldest first.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        from_ (datetime.datetime | Unset): Start of the range (inclusive); `to` minus 7 days when
            absent Example: 2026-01-31 09:00:00+00:00.
        to (datetime.datetime | Unset): End of the range (exclusive); now when absent. A range
            longer than 366 days is cut to the last 366; a `from` not before `to` reads an empty
            range. The answer names the range it read. Example: 2026-01-31 09:00:00+00:00.
        collection_id (UUID | Unset): One collection; all of them when absent (a key limited to
            some collections must name one)
        limit (int | Unset):  Default: 20. Example: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetDocumentAnalyticsResponse200 | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            collection_id=collection_id,
            limit=limit,
        )
    ).parsed
