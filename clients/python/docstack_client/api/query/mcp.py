from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.json_rpc_message import JsonRpcMessage
from ...models.json_rpc_response import JsonRpcResponse
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: JsonRpcMessage | list[JsonRpcMessage],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/mcp",
    }

    if isinstance(body, JsonRpcMessage):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = []
        for body_type_1_item_data in body:
            body_type_1_item = body_type_1_item_data.to_dict()
            _kwargs["json"].append(body_type_1_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | JsonRpcResponse | JsonRpcResponse | list[JsonRpcResponse] | Problem | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> JsonRpcResponse | list[JsonRpcResponse]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = JsonRpcResponse.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            response_200_type_1 = []
            _response_200_type_1 = data
            for response_200_type_1_item_data in _response_200_type_1:
                response_200_type_1_item = JsonRpcResponse.from_dict(response_200_type_1_item_data)

                response_200_type_1.append(response_200_type_1_item)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = cast(Any, None)
        return response_202

    if response.status_code == 400:
        response_400 = JsonRpcResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 406:
        response_406 = JsonRpcResponse.from_dict(response.json())

        return response_406

    if response.status_code == 415:
        response_415 = JsonRpcResponse.from_dict(response.json())

        return response_415

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
) -> Response[Any | JsonRpcResponse | JsonRpcResponse | list[JsonRpcResponse] | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: JsonRpcMessage | list[JsonRpcMessage],
) -> Response[Any | JsonRpcResponse | JsonRpcResponse | list[JsonRpcResponse] | Problem]:
    """Model Context Protocol server (Streamable HTTP)

     An MCP server for assistants and agents (docs/mcp.md): tools `search` (POST /query),
    `list_collections` (GET /collections) and `get_document` (GET /documents/{id} and its text), run as
    the calling key with its scopes and collections. Stateless: no `Mcp-Session-Id`, any replica answers
    any request, every answer is JSON (no event stream), and GET and DELETE /mcp answer 405. `Accept`
    must name both `application/json` and `text/event-stream`, or be absent or a wildcard. Each POST
    counts once against the caller's query rate limit. A tool's failure (such as a collection the key
    may not use) is a tool result with `isError: true`, not an HTTP error. A request with an `Origin`
    header (a browser page) is refused 403 unless MCP_ALLOWED_ORIGINS names that origin.

    Needs an API key with the `read` scope. Rate limited (the `query` class).

    Args:
        body (JsonRpcMessage | list[JsonRpcMessage]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | JsonRpcResponse | JsonRpcResponse | list[JsonRpcResponse] | Problem]
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
    body: JsonRpcMessage | list[JsonRpcMessage],
) -> Any | JsonRpcResponse | JsonRpcResponse | list[JsonRpcResponse] | Problem | None:
    """Model Context Protocol server (Streamable HTTP)

     An MCP server for assistants and agents (docs/mcp.md): tools `search` (POST /query),
    `list_collections` (GET /collections) and `get_document` (GET /documents/{id} and its text), run as
    the calling key with its scopes and collections. Stateless: no `Mcp-Session-Id`, any replica answers
    any request, every answer is JSON (no event stream), and GET and DELETE /mcp answer 405. `Accept`
    must name both `application/json` and `text/event-stream`, or be absent or a wildcard. Each POST
    counts once against the caller's query rate limit. A tool's failure (such as a collection the key
    may not use) is a tool result with `isError: true`, not an HTTP error. A request with an `Origin`
    header (a browser page) is refused 403 unless MCP_ALLOWED_ORIGINS names that origin.

    Needs an API key with the `read` scope. Rate limited (the `query` class).

    Args:
        body (JsonRpcMessage | list[JsonRpcMessage]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | JsonRpcResponse | JsonRpcResponse | list[JsonRpcResponse] | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: JsonRpcMessage | list[JsonRpcMessage],
) -> Response[Any | JsonRpcResponse | JsonRpcResponse | list[JsonRpcResponse] | Problem]:
    """Model Context Protocol server (Streamable HTTP)

     An MCP server for assistants and agents (docs/mcp.md): tools `search` (POST /query),
    `list_collections` (GET /collections) and `get_document` (GET /documents/{id} and its text), run as
    the calling key with its scopes and collections. Stateless: no `Mcp-Session-Id`, any replica answers
    any request, every answer is JSON (no event stream), and GET and DELETE /mcp answer 405. `Accept`
    must name both `application/json` and `text/event-stream`, or be absent or a wildcard. Each POST
    counts once against the caller's query rate limit. A tool's failure (such as a collection the key
    may not use) is a tool result with `isError: true`, not an HTTP error. A request with an `Origin`
    header (a browser page) is refused 403 unless MCP_ALLOWED_ORIGINS names that origin.

    Needs an API key with the `read` scope. Rate limited (the `query` class).

    Args:
        body (JsonRpcMessage | list[JsonRpcMessage]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | JsonRpcResponse | JsonRpcResponse | list[JsonRpcResponse] | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: JsonRpcMessage | list[JsonRpcMessage],
) -> Any | JsonRpcResponse | JsonRpcResponse | list[JsonRpcResponse] | Problem | None:
    """Model Context Protocol server (Streamable HTTP)

     An MCP server for assistants and agents (docs/mcp.md): tools `search` (POST /query),
    `list_collections` (GET /collections) and `get_document` (GET /documents/{id} and its text), run as
    the calling key with its scopes and collections. Stateless: no `Mcp-Session-Id`, any replica answers
    any request, every answer is JSON (no event stream), and GET and DELETE /mcp answer 405. `Accept`
    must name both `application/json` and `text/event-stream`, or be absent or a wildcard. Each POST
    counts once against the caller's query rate limit. A tool's failure (such as a collection the key
    may not use) is a tool result with `isError: true`, not an HTTP error. A request with an `Origin`
    header (a browser page) is refused 403 unless MCP_ALLOWED_ORIGINS names that origin.

    Needs an API key with the `read` scope. Rate limited (the `query` class).

    Args:
        body (JsonRpcMessage | list[JsonRpcMessage]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | JsonRpcResponse | JsonRpcResponse | list[JsonRpcResponse] | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
