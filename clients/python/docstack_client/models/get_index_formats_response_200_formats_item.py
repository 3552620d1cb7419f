from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GetIndexFormatsResponse200FormatsItem")


@_attrs_define
class GetIndexFormatsResponse200FormatsItem:
    """
    Attributes:
        format_ (str):  Example: pdf.
        content_type (str):  Example: application/pdf.
        read_here (bool):
    """

    format_: str
    content_type: str
    read_here: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_

        content_type = self.content_type

        read_here = self.read_here

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "format": format_,
                "content_type": content_type,
                "read_here": read_here,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        format_ = d.pop("format")

        content_type = d.pop("content_type")

        read_here = d.pop("read_here")

        get_index_formats_response_200_formats_item = cls(
            format_=format_,
            content_type=content_type,
            read_here=read_here,
        )

        get_index_formats_response_200_formats_item.additional_properties = d
        return get_index_formats_response_200_formats_item

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
