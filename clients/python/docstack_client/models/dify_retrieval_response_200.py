from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dify_retrieval_response_200_records_item import DifyRetrievalResponse200RecordsItem


T = TypeVar("T", bound="DifyRetrievalResponse200")


@_attrs_define
class DifyRetrievalResponse200:
    """
    Attributes:
        records (list[DifyRetrievalResponse200RecordsItem]):
    """

    records: list[DifyRetrievalResponse200RecordsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "records": records,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dify_retrieval_response_200_records_item import DifyRetrievalResponse200RecordsItem  # noqa: PLC0415

        d = dict(src_dict)
        records = []
        _records = d.pop("records")
        for records_item_data in _records:
            records_item = DifyRetrievalResponse200RecordsItem.from_dict(records_item_data)

            records.append(records_item)

        dify_retrieval_response_200 = cls(
            records=records,
        )

        dify_retrieval_response_200.additional_properties = d
        return dify_retrieval_response_200

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
