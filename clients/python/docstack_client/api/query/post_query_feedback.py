from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.post_query_feedback_body import PostQueryFeedbackBody
from ...models.post_query_feedback_response_201 import PostQueryFeedbackResponse201
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    query_id: UUID,
    *,
    body: PostQueryFeedbackBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/query/{query_id}/feedback".format(
            query_id=quote(str(query_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PostQueryFeedbackResponse201 | Problem | None:
    if response.status_code == 201:
        response_201 = PostQueryFeedbackResponse201.from_dict(response.json())

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
) -> Response[PostQueryFeedbackResponse201 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    query_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PostQueryFeedbackBody,
) -> Response[PostQueryFeedbackResponse201 | Problem]:
    """Say whether a query's answer helped

     Feedback on the answer of a query (its `query_id` from POST /query), counted by the retrieval
    analytics. The same query may get feedback more than once (from each user shown the answer).

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        query_id (UUID):
        body (PostQueryFeedbackBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostQueryFeedbackResponse201 | Problem]
    """

    kwargs = _get_kwargs(
        query_id=query_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    query_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PostQueryFeedbackBody,
) -> PostQueryFeedbackResponse201 | Problem | None:
    """Say whether a query's answer helped

     Feedback on the answer of a query (its `query_id` from POST /query), counted by the retrieval
    analytics. The same query may get feedback more than once (from each user shown the answer).

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        query_id (UUID):
        body (PostQueryFeedbackBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostQueryFeedbackResponse201 | Problem
    """

    return sync_detailed(
        query_id=query_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    query_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PostQueryFeedbackBody,
) -> Response[PostQueryFeedbackResponse201 | Problem]:
    """Say whether a query's answer helped

     Feedback on the answer of a query (its `query_id` from POST /query), counted by the retrieval
    analytics. The same query may get feedback more than once (from each user shown the answer).

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        query_id (UUID):
        body (PostQueryFeedbackBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostQueryFeedbackResponse201 | Problem]
    """

    kwargs = _get_kwargs(
        query_id=query_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    query_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PostQueryFeedbackBody,
) -> PostQueryFeedbackResponse201 | Problem | None:
    """Say whether a query's answer helped

     Feedback on the answer of a query (its `query_id` from POST /query), counted by the retrieval
    analytics. The same query may get feedback more than once (from each user shown the answer).

    Needs an API key with the `read` scope. Rate limited (the `default` class).

    Args:
        query_id (UUID):
        body (PostQueryFeedbackBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostQueryFeedbackResponse201 | Problem
    """

    return (
        await asyncio_detailed(
            query_id=query_id,
            client=client,
            body=body,
        )
    ).parsed
