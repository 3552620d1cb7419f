from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_text_index_status import DocumentTextIndexStatus

if TYPE_CHECKING:
    from ..models.document_text_chunks_item import DocumentTextChunksItem
    from ..models.document_text_text_type_0 import DocumentTextTextType0


T = TypeVar("T", bound="DocumentText")


@_attrs_define
class DocumentText:
    """
    Attributes:
        document_id (UUID):
        index_status (DocumentTextIndexStatus):
        chunk_count (int): The document's chunks now, over all pages.
        text_length (int | None): The whole extracted text's length in code points; null before the document is first
            indexed, or when it was indexed before extracted texts were kept (re-index it).
        offset (int):
        limit (int):
        text (DocumentTextTextType0 | None): The extracted text from this page's first chunk to the next page's first
            chunk (to the end on the last page): the pages' texts laid end to end are the whole text. Offsets in code
            points. Null when the page has no chunk or its chunks have no location.
        chunks (list[DocumentTextChunksItem]):
    """

    document_id: UUID
    index_status: DocumentTextIndexStatus
    chunk_count: int
    text_length: int | None
    offset: int
    limit: int
    text: DocumentTextTextType0 | None
    chunks: list[DocumentTextChunksItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.document_text_text_type_0 import DocumentTextTextType0  # noqa: PLC0415

        document_id = str(self.document_id)

        index_status = self.index_status.value

        chunk_count = self.chunk_count

        text_length: int | None
        text_length = self.text_length

        offset = self.offset

        limit = self.limit

        text: dict[str, Any] | None
        if isinstance(self.text, DocumentTextTextType0):
            text = self.text.to_dict()
        else:
            text = self.text

        chunks = []
        for chunks_item_data in self.chunks:
            chunks_item = chunks_item_data.to_dict()
            chunks.append(chunks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "document_id": document_id,
                "index_status": index_status,
                "chunk_count": chunk_count,
                "text_length": text_length,
                "offset": offset,
                "limit": limit,
                "text": text,
                "chunks": chunks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_text_chunks_item import DocumentTextChunksItem  # noqa: PLC0415
        from ..models.document_text_text_type_0 import DocumentTextTextType0  # noqa: PLC0415

        d = dict(src_dict)
        document_id = UUID(d.pop("document_id"))

        index_status = DocumentTextIndexStatus(d.pop("index_status"))

        chunk_count = d.pop("chunk_count")

        def _parse_text_length(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        text_length = _parse_text_length(d.pop("text_length"))

        offset = d.pop("offset")

        limit = d.pop("limit")

        def _parse_text(data: object) -> DocumentTextTextType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                text_type_0 = DocumentTextTextType0.from_dict(data)

                return text_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DocumentTextTextType0 | None, data)

        text = _parse_text(d.pop("text"))

        chunks = []
        _chunks = d.pop("chunks")
        for chunks_item_data in _chunks:
            chunks_item = DocumentTextChunksItem.from_dict(chunks_item_data)

            chunks.append(chunks_item)

        document_text = cls(
            document_id=document_id,
            index_status=index_status,
            chunk_count=chunk_count,
            text_length=text_length,
            offset=offset,
            limit=limit,
            text=text,
            chunks=chunks,
        )

        document_text.additional_properties = d
        return document_text

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
