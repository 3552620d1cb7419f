from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PostQueryFeedbackResponse201")


@_attrs_define
class PostQueryFeedbackResponse201:
    """
    Attributes:
        query_id (UUID):
        collection_id (UUID):
        helpful (bool):
        document_id (None | UUID):
    """

    query_id: UUID
    collection_id: UUID
    helpful: bool
    document_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query_id = str(self.query_id)

        collection_id = str(self.collection_id)

        helpful = self.helpful

        document_id: None | str
        if isinstance(self.document_id, UUID):
            document_id = str(self.document_id)
        else:
            document_id = self.document_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "query_id": query_id,
                "collection_id": collection_id,
                "helpful": helpful,
                "document_id": document_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        query_id = UUID(d.pop("query_id"))

        collection_id = UUID(d.pop("collection_id"))

        helpful = d.pop("helpful")

        def _parse_document_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_id_type_0 = UUID(data)

                return document_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        document_id = _parse_document_id(d.pop("document_id"))

        post_query_feedback_response_201 = cls(
            query_id=query_id,
            collection_id=collection_id,
            helpful=helpful,
            document_id=document_id,
        )

        post_query_feedback_response_201.additional_properties = d
        return post_query_feedback_response_201

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
