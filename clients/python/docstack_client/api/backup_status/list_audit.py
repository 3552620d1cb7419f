import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_audit_response_200 import ListAuditResponse200
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    actor: str | Unset = UNSET,
    action: str | Unset = UNSET,
    target: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["actor"] = actor

    params["action"] = action

    params["target"] = target

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/audit",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ListAuditResponse200 | Problem | None:
    if response.status_code == 200:
        response_200 = ListAuditResponse200.from_dict(response.json())

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
) -> Response[ListAuditResponse200 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    actor: str | Unset = UNSET,
    action: str | Unset = UNSET,
    target: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> Response[ListAuditResponse200 | Problem]:
    """The audit log (admin key)

     Uploads, replacements, deletes, download links, reindex requests, on-demand backups and key changes,
    newest first.

    Needs an API key with the `admin` scope, not limited to some collections. Rate limited (the
    `default` class).

    Args:
        actor (str | Unset):
        action (str | Unset):
        target (str | Unset):
        since (datetime.datetime | Unset): RFC 3339 date-time; year 0001–9999, offset within
            ±15:59 Example: 2026-01-31 09:00:00+00:00.
        until (datetime.datetime | Unset): RFC 3339 date-time; year 0001–9999, offset within
            ±15:59 Example: 2026-01-31 09:00:00+00:00.
        limit (int | Unset):  Default: 100. Example: 100.
        offset (int | Unset):  Default: 0. Example: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListAuditResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        actor=actor,
        action=action,
        target=target,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    actor: str | Unset = UNSET,
    action: str | Unset = UNSET,
    target: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> ListAuditResponse200 | Problem | None:
    """The audit log (admin key)

     Uploads, replacements, deletes, download links, reindex requests, on-demand backups and key changes,
    newest first.

    Needs an API key with the `admin` scope, not limited to some collections. Rate limited (the
    `default` class).

    Args:
        actor (str | Unset):
        action (str | Unset):
        target (str | Unset):
        since (datetime.datetime | Unset): RFC 3339 date-time; year 0001–9999, offset within
            ±15:59 Example: 2026-01-31 09:00:00+00:00.
        until (datetime.datetime | Unset): RFC 3339 date-time; year 0001–9999, offset within
            ±15:59 Example: 2026-01-31 09:00:00+00:00.
        limit (int | Unset):  Default: 100. Example: 100.
        offset (int | Unset):  Default: 0. Example: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListAuditResponse200 | Problem
    """

    return sync_detailed(
        client=client,
        actor=actor,
        action=action,
        target=target,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    actor: str | Unset = UNSET,
    action: str | Unset = UNSET,
    target: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> Response[ListAuditResponse200 | Problem]:
    """The audit log (admin key)

     Uploads, replacements, deletes, download links, reindex requests, on-demand backups and key changes,
    newest first.

    Needs an API key with the `admin` scope, not limited to some collections. Rate limited (the
    `default` class).

    Args:
        actor (str | Unset):
        action (str | Unset):
        target (str | Unset):
        since (datetime.datetime | Unset): RFC 3339 date-time; year 0001–9999, offset within
            ±15:59 Example: 2026-01-31 09:00:00+00:00.
        until (datetime.datetime | Unset): RFC 3339 date-time; year 0001–9999, offset within
            ±15:59 Example: 2026-01-31 09:00:00+00:00.
        limit (int | Unset):  Default: 100. Example: 100.
        offset (int | Unset):  Default: 0. Example: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListAuditResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        actor=actor,
        action=action,
        target=target,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    actor: str | Unset = UNSET,
    action: str | Unset = UNSET,
    target: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> ListAuditResponse200 | Problem | None:
    """The audit log (admin key)

     Uploads, replacements, deletes, download links, reindex requests, on-demand backups and key changes,
    newest first.

    Needs an API key with the `admin` scope, not limited to some collections. Rate limited (the
    `default` class).

    Args:
        actor (str | Unset):
        action (str | Unset):
        target (str | Unset):
        since (datetime.datetime | Unset): RFC 3339 date-time; year 0001–9999, offset within
            ±15:59 Example: 2026-01-31 09:00:00+00:00.
        until (datetime.datetime | Unset): RFC 3339 date-time; year 0001–9999, offset within
            ±15:59 Example: 2026-01-31 09:00:00+00:00.
        limit (int | Unset):  Default: 100. Example: 100.
        offset (int | Unset):  Default: 0. Example: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListAuditResponse200 | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            actor=actor,
            action=action,
            target=target,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
        )
    ).parsed
