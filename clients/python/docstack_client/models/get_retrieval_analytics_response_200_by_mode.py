from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GetRetrievalAnalyticsResponse200ByMode")


@_attrs_define
class GetRetrievalAnalyticsResponse200ByMode:
    """
    Attributes:
        keyword (int):
        vector (int):
        hybrid (int):
    """

    keyword: int
    vector: int
    hybrid: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        keyword = self.keyword

        vector = self.vector

        hybrid = self.hybrid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "keyword": keyword,
                "vector": vector,
                "hybrid": hybrid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        keyword = d.pop("keyword")

        vector = d.pop("vector")

        hybrid = d.pop("hybrid")

        get_retrieval_analytics_response_200_by_mode = cls(
            keyword=keyword,
            vector=vector,
            hybrid=hybrid,
        )

        get_retrieval_analytics_response_200_by_mode.additional_properties = d
        return get_retrieval_analytics_response_200_by_mode

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
