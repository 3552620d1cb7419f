from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.run_index_body import RunIndexBody
from ...models.run_index_response_200 import RunIndexResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RunIndexBody | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/index/run",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RunIndexResponse200 | None:
    if response.status_code == 200:
        response_200 = RunIndexResponse200.from_dict(response.json())

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
) -> Response[Problem | RunIndexResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RunIndexBody | Unset = UNSET,
) -> Response[Problem | RunIndexResponse200]:
    """Index pending documents now

     Claims up to `limit` pending documents (FOR UPDATE SKIP LOCKED, so concurrent runs never take the
    same one), extracts, chunks, embeds and stores them. A failing document is marked failed with its
    reason; one that met an unavailable dependency is deferred (pending again, retried with backoff up
    to 8 s). The run goes on.

    Needs an API key with the `write` scope. Rate limited (the `default` class).

    Args:
        body (RunIndexBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RunIndexResponse200]
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
    body: RunIndexBody | Unset = UNSET,
) -> Problem | RunIndexResponse200 | None:
    """Index pending documents now

     Claims up to `limit` pending documents (FOR UPDATE SKIP LOCKED, so concurrent runs never take the
    same one), extracts, chunks, embeds and stores them. A failing document is marked failed with its
    reason; one that met an unavailable dependency is deferred (pending again, retried with backoff up
    to 8 s). The run goes on.

    Needs an API key with the `write` scope. Rate limited (the `default` class).

    Args:
        body (RunIndexBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RunIndexResponse200
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RunIndexBody | Unset = UNSET,
) -> Response[Problem | RunIndexResponse200]:
    """Index pending documents now

     Claims up to `limit` pending documents (FOR UPDATE SKIP LOCKED, so concurrent runs never take the
    same one), extracts, chunks, embeds and stores them. A failing document is marked failed with its
    reason; one that met an unavailable dependency is deferred (pending again, retried with backoff up
    to 8 s). The run goes on.

    Needs an API key with the `write` scope. Rate limited (the `default` class).

    Args:
        body (RunIndexBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RunIndexResponse200]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RunIndexBody | Unset = UNSET,
) -> Problem | RunIndexResponse200 | None:
    """Index pending documents now

     Claims up to `limit` pending documents (FOR UPDATE SKIP LOCKED, so concurrent runs never take the
    same one), extracts, chunks, embeds and stores them. A failing document is marked failed with its
    reason; one that met an unavailable dependency is deferred (pending again, retried with backoff up
    to 8 s). The run goes on.

    Needs an API key with the `write` scope. Rate limited (the `default` class).

    Args:
        body (RunIndexBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RunIndexResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
