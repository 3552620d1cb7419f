from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ListDocumentsResponse200Totals")


@_attrs_define
class ListDocumentsResponse200Totals:
    """
    Attributes:
        count (int):
        total_size (int):
        average_size (int):
    """

    count: int
    total_size: int
    average_size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        total_size = self.total_size

        average_size = self.average_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "total_size": total_size,
                "average_size": average_size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        total_size = d.pop("total_size")

        average_size = d.pop("average_size")

        list_documents_response_200_totals = cls(
            count=count,
            total_size=total_size,
            average_size=average_size,
        )

        list_documents_response_200_totals.additional_properties = d
        return list_documents_response_200_totals

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
