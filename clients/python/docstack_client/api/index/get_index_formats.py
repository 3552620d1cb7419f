from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_index_formats_response_200 import GetIndexFormatsResponse200
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/index/formats",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetIndexFormatsResponse200 | Problem | None:
    if response.status_code == 200:
        response_200 = GetIndexFormatsResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[GetIndexFormatsResponse200 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[GetIndexFormatsResponse200 | Problem]:
    """The formats this index function reads

     On Node every format Docstack accepts. On Cloudflare Workers only those whose parsers fit a Worker:
    PDF and images (pdf.js data files, OCR, memory) are not read there, nor text whose character
    encoding is neither marked, declared nor UTF-8 (the encoding detector is not in the Workers bundle).
    Such documents stay pending, with index_error saying so, until an index worker on Node reads them.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetIndexFormatsResponse200 | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> GetIndexFormatsResponse200 | Problem | None:
    """The formats this index function reads

     On Node every format Docstack accepts. On Cloudflare Workers only those whose parsers fit a Worker:
    PDF and images (pdf.js data files, OCR, memory) are not read there, nor text whose character
    encoding is neither marked, declared nor UTF-8 (the encoding detector is not in the Workers bundle).
    Such documents stay pending, with index_error saying so, until an index worker on Node reads them.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetIndexFormatsResponse200 | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[GetIndexFormatsResponse200 | Problem]:
    """The formats this index function reads

     On Node every format Docstack accepts. On Cloudflare Workers only those whose parsers fit a Worker:
    PDF and images (pdf.js data files, OCR, memory) are not read there, nor text whose character
    encoding is neither marked, declared nor UTF-8 (the encoding detector is not in the Workers bundle).
    Such documents stay pending, with index_error saying so, until an index worker on Node reads them.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetIndexFormatsResponse200 | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> GetIndexFormatsResponse200 | Problem | None:
    """The formats this index function reads

     On Node every format Docstack accepts. On Cloudflare Workers only those whose parsers fit a Worker:
    PDF and images (pdf.js data files, OCR, memory) are not read there, nor text whose character
    encoding is neither marked, declared nor UTF-8 (the encoding detector is not in the Workers bundle).
    Such documents stay pending, with index_error saying so, until an index worker on Node reads them.

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetIndexFormatsResponse200 | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
