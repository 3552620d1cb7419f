from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.upload_document_body import UploadDocumentBody
from ...models.upload_document_response_200 import UploadDocumentResponse200
from ...models.upload_document_response_201 import UploadDocumentResponse201
from ...types import Response


def _get_kwargs(
    *,
    body: UploadDocumentBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/documents",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | UploadDocumentResponse200 | UploadDocumentResponse201 | None:
    if response.status_code == 200:
        response_200 = UploadDocumentResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = UploadDocumentResponse201.from_dict(response.json())

        return response_201

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[Problem | UploadDocumentResponse200 | UploadDocumentResponse201]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadDocumentBody,
) -> Response[Problem | UploadDocumentResponse200 | UploadDocumentResponse201]:
    """Upload a document

     Streams the file to the object store while hashing it. The type is checked by content (magic bytes),
    not only by name. The file part may come before or after the other fields.

    Needs an API key with the `write` scope. Rate limited (the `upload` class).

    Args:
        body (UploadDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadDocumentResponse200 | UploadDocumentResponse201]
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
    body: UploadDocumentBody,
) -> Problem | UploadDocumentResponse200 | UploadDocumentResponse201 | None:
    """Upload a document

     Streams the file to the object store while hashing it. The type is checked by content (magic bytes),
    not only by name. The file part may come before or after the other fields.

    Needs an API key with the `write` scope. Rate limited (the `upload` class).

    Args:
        body (UploadDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadDocumentResponse200 | UploadDocumentResponse201
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadDocumentBody,
) -> Response[Problem | UploadDocumentResponse200 | UploadDocumentResponse201]:
    """Upload a document

     Streams the file to the object store while hashing it. The type is checked by content (magic bytes),
    not only by name. The file part may come before or after the other fields.

    Needs an API key with the `write` scope. Rate limited (the `upload` class).

    Args:
        body (UploadDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadDocumentResponse200 | UploadDocumentResponse201]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: UploadDocumentBody,
) -> Problem | UploadDocumentResponse200 | UploadDocumentResponse201 | None:
    """Upload a document

     Streams the file to the object store while hashing it. The type is checked by content (magic bytes),
    not only by name. The file part may come before or after the other fields.

    Needs an API key with the `write` scope. Rate limited (the `upload` class).

    Args:
        body (UploadDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadDocumentResponse200 | UploadDocumentResponse201
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
