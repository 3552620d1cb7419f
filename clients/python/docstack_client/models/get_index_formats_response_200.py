from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_index_formats_response_200_runtime import GetIndexFormatsResponse200Runtime

if TYPE_CHECKING:
    from ..models.get_index_formats_response_200_formats_item import GetIndexFormatsResponse200FormatsItem


T = TypeVar("T", bound="GetIndexFormatsResponse200")


@_attrs_define
class GetIndexFormatsResponse200:
    """
    Attributes:
        runtime (GetIndexFormatsResponse200Runtime):
        formats (list[GetIndexFormatsResponse200FormatsItem]):
    """

    runtime: GetIndexFormatsResponse200Runtime
    formats: list[GetIndexFormatsResponse200FormatsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        runtime = self.runtime.value

        formats = []
        for formats_item_data in self.formats:
            formats_item = formats_item_data.to_dict()
            formats.append(formats_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "runtime": runtime,
                "formats": formats,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_index_formats_response_200_formats_item import GetIndexFormatsResponse200FormatsItem  # noqa: PLC0415

        d = dict(src_dict)
        runtime = GetIndexFormatsResponse200Runtime(d.pop("runtime"))

        formats = []
        _formats = d.pop("formats")
        for formats_item_data in _formats:
            formats_item = GetIndexFormatsResponse200FormatsItem.from_dict(formats_item_data)

            formats.append(formats_item)

        get_index_formats_response_200 = cls(
            runtime=runtime,
            formats=formats,
        )

        get_index_formats_response_200.additional_properties = d
        return get_index_formats_response_200

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
