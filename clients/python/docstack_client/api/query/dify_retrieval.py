from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dify_error import DifyError
from ...models.dify_retrieval_body import DifyRetrievalBody
from ...models.dify_retrieval_response_200 import DifyRetrievalResponse200
from ...types import Response


def _get_kwargs(
    *,
    body: DifyRetrievalBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/retrieval",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DifyError | DifyRetrievalResponse200 | None:
    if response.status_code == 200:
        response_200 = DifyRetrievalResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = DifyError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = DifyError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = DifyError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = DifyError.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = DifyError.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = DifyError.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = DifyError.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = DifyError.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = DifyError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = DifyError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = DifyError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DifyError | DifyRetrievalResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: DifyRetrievalBody,
) -> Response[DifyError | DifyRetrievalResponse200]:
    """Dify External Knowledge API

     Dify's External Knowledge API: register Docstack's URL and an API key in Dify, and a collection's id
    as the External Knowledge ID. Hybrid search, as POST /query, reranked when the collection's `rerank`
    default (or the server's) says so. Errors are Dify's `{error_code, error_msg}`, not problem+json:
    1001 no or malformed Authorization header, 1002 key refused, 2001 no such collection.

    Needs an API key with the `read` scope. Rate limited (the `query` class).

    Args:
        body (DifyRetrievalBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DifyError | DifyRetrievalResponse200]
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
    body: DifyRetrievalBody,
) -> DifyError | DifyRetrievalResponse200 | None:
    """Dify External Knowledge API

     Dify's External Knowledge API: register Docstack's URL and an API key in Dify, and a collection's id
    as the External Knowledge ID. Hybrid search, as POST /query, reranked when the collection's `rerank`
    default (or the server's) says so. Errors are Dify's `{error_code, error_msg}`, not problem+json:
    1001 no or malformed Authorization header, 1002 key refused, 2001 no such collection.

    Needs an API key with the `read` scope. Rate limited (the `query` class).

    Args:
        body (DifyRetrievalBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DifyError | DifyRetrievalResponse200
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: DifyRetrievalBody,
) -> Response[DifyError | DifyRetrievalResponse200]:
    """Dify External Knowledge API

     Dify's External Knowledge API: register Docstack's URL and an API key in Dify, and a collection's id
    as the External Knowledge ID. Hybrid search, as POST /query, reranked when the collection's `rerank`
    default (or the server's) says so. Errors are Dify's `{error_code, error_msg}`, not problem+json:
    1001 no or malformed Authorization header, 1002 key refused, 2001 no such collection.

    Needs an API key with the `read` scope. Rate limited (the `query` class).

    Args:
        body (DifyRetrievalBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DifyError | DifyRetrievalResponse200]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: DifyRetrievalBody,
) -> DifyError | DifyRetrievalResponse200 | None:
    """Dify External Knowledge API

     Dify's External Knowledge API: register Docstack's URL and an API key in Dify, and a collection's id
    as the External Knowledge ID. Hybrid search, as POST /query, reranked when the collection's `rerank`
    default (or the server's) says so. Errors are Dify's `{error_code, error_msg}`, not problem+json:
    1001 no or malformed Authorization header, 1002 key refused, 2001 no such collection.

    Needs an API key with the `read` scope. Rate limited (the `query` class).

    Args:
        body (DifyRetrievalBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DifyError | DifyRetrievalResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
