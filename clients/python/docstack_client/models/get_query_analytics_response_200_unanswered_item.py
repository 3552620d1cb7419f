from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GetQueryAnalyticsResponse200UnansweredItem")


@_attrs_define
class GetQueryAnalyticsResponse200UnansweredItem:
    """
    Attributes:
        query_hash (str): Keyed hash of the question's normal form: the group's name
        queries (int):
        text (None | str): The question, where its collection keeps texts (full)
    """

    query_hash: str
    queries: int
    text: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query_hash = self.query_hash

        queries = self.queries

        text: None | str
        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "query_hash": query_hash,
                "queries": queries,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        query_hash = d.pop("query_hash")

        queries = d.pop("queries")

        def _parse_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        text = _parse_text(d.pop("text"))

        get_query_analytics_response_200_unanswered_item = cls(
            query_hash=query_hash,
            queries=queries,
            text=text,
        )

        get_query_analytics_response_200_unanswered_item.additional_properties = d
        return get_query_analytics_response_200_unanswered_item

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
