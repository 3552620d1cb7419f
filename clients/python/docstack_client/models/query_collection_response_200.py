from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.query_collection_response_200_results_item import QueryCollectionResponse200ResultsItem


T = TypeVar("T", bound="QueryCollectionResponse200")


@_attrs_define
class QueryCollectionResponse200:
    """
    Attributes:
        query_id (UUID): Names this query in retrieval analytics and in POST /query/{query_id}/feedback
        results (list[QueryCollectionResponse200ResultsItem]):
        mode (str):
        took_ms (float):
    """

    query_id: UUID
    results: list[QueryCollectionResponse200ResultsItem]
    mode: str
    took_ms: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query_id = str(self.query_id)

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        mode = self.mode

        took_ms = self.took_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "query_id": query_id,
                "results": results,
                "mode": mode,
                "took_ms": took_ms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.query_collection_response_200_results_item import QueryCollectionResponse200ResultsItem  # noqa: PLC0415

        d = dict(src_dict)
        query_id = UUID(d.pop("query_id"))

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = QueryCollectionResponse200ResultsItem.from_dict(results_item_data)

            results.append(results_item)

        mode = d.pop("mode")

        took_ms = d.pop("took_ms")

        query_collection_response_200 = cls(
            query_id=query_id,
            results=results,
            mode=mode,
            took_ms=took_ms,
        )

        query_collection_response_200.additional_properties = d
        return query_collection_response_200

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
