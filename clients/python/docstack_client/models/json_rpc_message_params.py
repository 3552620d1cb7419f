from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_rpc_message_params_meta import JsonRpcMessageParamsMeta


T = TypeVar("T", bound="JsonRpcMessageParams")


@_attrs_define
class JsonRpcMessageParams:
    """
    Attributes:
        field_meta (JsonRpcMessageParamsMeta | Unset):
    """

    field_meta: JsonRpcMessageParamsMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_meta, Unset):
            field_meta = self.field_meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field_meta is not UNSET:
            field_dict["_meta"] = field_meta

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_rpc_message_params_meta import JsonRpcMessageParamsMeta  # noqa: PLC0415

        d = dict(src_dict)
        _field_meta = d.pop("_meta", UNSET)
        field_meta: JsonRpcMessageParamsMeta | Unset
        if isinstance(_field_meta, Unset):
            field_meta = UNSET
        else:
            field_meta = JsonRpcMessageParamsMeta.from_dict(_field_meta)

        json_rpc_message_params = cls(
            field_meta=field_meta,
        )

        json_rpc_message_params.additional_properties = d
        return json_rpc_message_params

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
