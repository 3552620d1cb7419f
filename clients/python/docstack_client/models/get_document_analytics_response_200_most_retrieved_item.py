from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GetDocumentAnalyticsResponse200MostRetrievedItem")


@_attrs_define
class GetDocumentAnalyticsResponse200MostRetrievedItem:
    """
    Attributes:
        document_id (UUID):
        collection_id (UUID):
        filename (str):
        queries (int):
    """

    document_id: UUID
    collection_id: UUID
    filename: str
    queries: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_id = str(self.document_id)

        collection_id = str(self.collection_id)

        filename = self.filename

        queries = self.queries

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "document_id": document_id,
                "collection_id": collection_id,
                "filename": filename,
                "queries": queries,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        document_id = UUID(d.pop("document_id"))

        collection_id = UUID(d.pop("collection_id"))

        filename = d.pop("filename")

        queries = d.pop("queries")

        get_document_analytics_response_200_most_retrieved_item = cls(
            document_id=document_id,
            collection_id=collection_id,
            filename=filename,
            queries=queries,
        )

        get_document_analytics_response_200_most_retrieved_item.additional_properties = d
        return get_document_analytics_response_200_most_retrieved_item

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
