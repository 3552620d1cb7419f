from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, File, Response


def _get_kwargs(
    name: str,
    *,
    expires: int,
    filename: str,
    type_: str,
    signature: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["expires"] = expires

    params["filename"] = filename

    params["type"] = type_

    params["signature"] = signature

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files/{name}".format(
            name=quote(str(name), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    expires: int,
    filename: str,
    type_: str,
    signature: str,
) -> Response[File | Problem]:
    """Download through a signed link (filesystem store only)

     The target of links from /documents/{id}/download-url when objects are stored on the filesystem. Any
    link that is malformed, incomplete, altered or expired is refused with 403, alike.

    Public: the link's signature is its credential. Rate limited (the `default` class).

    Args:
        name (str):
        expires (int): Unix time the link expires
        filename (str):
        type_ (str):
        signature (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        expires=expires,
        filename=filename,
        type_=type_,
        signature=signature,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    expires: int,
    filename: str,
    type_: str,
    signature: str,
) -> File | Problem | None:
    """Download through a signed link (filesystem store only)

     The target of links from /documents/{id}/download-url when objects are stored on the filesystem. Any
    link that is malformed, incomplete, altered or expired is refused with 403, alike.

    Public: the link's signature is its credential. Rate limited (the `default` class).

    Args:
        name (str):
        expires (int): Unix time the link expires
        filename (str):
        type_ (str):
        signature (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        name=name,
        client=client,
        expires=expires,
        filename=filename,
        type_=type_,
        signature=signature,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    expires: int,
    filename: str,
    type_: str,
    signature: str,
) -> Response[File | Problem]:
    """Download through a signed link (filesystem store only)

     The target of links from /documents/{id}/download-url when objects are stored on the filesystem. Any
    link that is malformed, incomplete, altered or expired is refused with 403, alike.

    Public: the link's signature is its credential. Rate limited (the `default` class).

    Args:
        name (str):
        expires (int): Unix time the link expires
        filename (str):
        type_ (str):
        signature (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        expires=expires,
        filename=filename,
        type_=type_,
        signature=signature,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    expires: int,
    filename: str,
    type_: str,
    signature: str,
) -> File | Problem | None:
    """Download through a signed link (filesystem store only)

     The target of links from /documents/{id}/download-url when objects are stored on the filesystem. Any
    link that is malformed, incomplete, altered or expired is refused with 403, alike.

    Public: the link's signature is its credential. Rate limited (the `default` class).

    Args:
        name (str):
        expires (int): Unix time the link expires
        filename (str):
        type_ (str):
        signature (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            expires=expires,
            filename=filename,
            type_=type_,
            signature=signature,
        )
    ).parsed
