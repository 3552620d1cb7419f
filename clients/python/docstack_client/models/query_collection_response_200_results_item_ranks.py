from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QueryCollectionResponse200ResultsItemRanks")


@_attrs_define
class QueryCollectionResponse200ResultsItemRanks:
    """Where the passage stood in each side's candidate list before fusion. In hybrid mode a side is asked for up to 4 ×
    top_k candidates (20 to 200), fewer when those past a rank could no longer reach the top k; in keyword or vector
    mode the other side is null.

        Attributes:
            keyword (int | None): The passage's position (from 1) in the keyword (BM25) candidates, null when that side did
                not return it.
            vector (int | None): The passage's position (from 1) in the vector candidates, null when that side did not
                return it.
    """

    keyword: int | None
    vector: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        keyword: int | None
        keyword = self.keyword

        vector: int | None
        vector = self.vector

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "keyword": keyword,
                "vector": vector,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_keyword(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        keyword = _parse_keyword(d.pop("keyword"))

        def _parse_vector(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        vector = _parse_vector(d.pop("vector"))

        query_collection_response_200_results_item_ranks = cls(
            keyword=keyword,
            vector=vector,
        )

        query_collection_response_200_results_item_ranks.additional_properties = d
        return query_collection_response_200_results_item_ranks

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
