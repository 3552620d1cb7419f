from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.json_rpc_message_jsonrpc import JsonRpcMessageJsonrpc
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_rpc_message_params import JsonRpcMessageParams


T = TypeVar("T", bound="JsonRpcMessage")


@_attrs_define
class JsonRpcMessage:
    """A JSON-RPC 2.0 request or notification of the Model Context Protocol.

    Example:
        {'jsonrpc': '2.0', 'id': 1, 'method': 'tools/call', 'params': {'name': 'search', 'arguments': {'collection_id':
            '0f8fad5b-d9cb-469f-a165-70867728950e', 'query': 'objection deadline'}}}

    Attributes:
        jsonrpc (JsonRpcMessageJsonrpc):
        method (str):  Example: tools/call.
        id (int | str | Unset): Absent on a notification.
        params (JsonRpcMessageParams | Unset):
    """

    jsonrpc: JsonRpcMessageJsonrpc
    method: str
    id: int | str | Unset = UNSET
    params: JsonRpcMessageParams | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        jsonrpc = self.jsonrpc.value

        method = self.method

        id: int | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "jsonrpc": jsonrpc,
                "method": method,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_rpc_message_params import JsonRpcMessageParams  # noqa: PLC0415

        d = dict(src_dict)
        jsonrpc = JsonRpcMessageJsonrpc(d.pop("jsonrpc"))

        method = d.pop("method")

        def _parse_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        _params = d.pop("params", UNSET)
        params: JsonRpcMessageParams | Unset
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = JsonRpcMessageParams.from_dict(_params)

        json_rpc_message = cls(
            jsonrpc=jsonrpc,
            method=method,
            id=id,
            params=params,
        )

        return json_rpc_message
