from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CallerRateLimits")


@_attrs_define
class CallerRateLimits:
    """This key's own requests per minute, per route class, where it has its own

    Attributes:
        query (int | Unset):
        upload (int | Unset):
        default (int | Unset):
    """

    query: int | Unset = UNSET
    upload: int | Unset = UNSET
    default: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query = self.query

        upload = self.upload

        default = self.default

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if query is not UNSET:
            field_dict["query"] = query
        if upload is not UNSET:
            field_dict["upload"] = upload
        if default is not UNSET:
            field_dict["default"] = default

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        query = d.pop("query", UNSET)

        upload = d.pop("upload", UNSET)

        default = d.pop("default", UNSET)

        caller_rate_limits = cls(
            query=query,
            upload=upload,
            default=default,
        )

        caller_rate_limits.additional_properties = d
        return caller_rate_limits

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
