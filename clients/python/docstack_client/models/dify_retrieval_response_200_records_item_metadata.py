from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DifyRetrievalResponse200RecordsItemMetadata")


@_attrs_define
class DifyRetrievalResponse200RecordsItemMetadata:
    """Where the passage comes from, to cite it: the document, and its location (page_start/page_end, sheet,
    row_start/row_end, headings, char_start/char_end) as POST /query gives it.

        Attributes:
            document_id (UUID):
            filename (str):
            content_type (str):
            chunk_index (int):
    """

    document_id: UUID
    filename: str
    content_type: str
    chunk_index: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_id = str(self.document_id)

        filename = self.filename

        content_type = self.content_type

        chunk_index = self.chunk_index

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "document_id": document_id,
                "filename": filename,
                "content_type": content_type,
                "chunk_index": chunk_index,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        document_id = UUID(d.pop("document_id"))

        filename = d.pop("filename")

        content_type = d.pop("content_type")

        chunk_index = d.pop("chunk_index")

        dify_retrieval_response_200_records_item_metadata = cls(
            document_id=document_id,
            filename=filename,
            content_type=content_type,
            chunk_index=chunk_index,
        )

        dify_retrieval_response_200_records_item_metadata.additional_properties = d
        return dify_retrieval_response_200_records_item_metadata

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
