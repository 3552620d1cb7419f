from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.chunk_location import ChunkLocation


T = TypeVar("T", bound="DocumentTextChunksItem")


@_attrs_define
class DocumentTextChunksItem:
    """
    Attributes:
        chunk_index (int):
        text (str): What is embedded, searched and returned; a chunk of table rows starts with its header line.
        location (ChunkLocation): Where a passage lies in its document. Fields that do not apply to the document's
            format are absent. Chunks indexed before locations were recorded have none: re-index the document. Example:
            {'page_start': 12, 'page_end': 12, 'headings': ['3 Objections', '3.2 Deadlines'], 'char_start': 20480,
            'char_end': 21391}.
    """

    chunk_index: int
    text: str
    location: ChunkLocation
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chunk_index = self.chunk_index

        text = self.text

        location = self.location.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chunk_index": chunk_index,
                "text": text,
                "location": location,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chunk_location import ChunkLocation  # noqa: PLC0415

        d = dict(src_dict)
        chunk_index = d.pop("chunk_index")

        text = d.pop("text")

        location = ChunkLocation.from_dict(d.pop("location"))

        document_text_chunks_item = cls(
            chunk_index=chunk_index,
            text=text,
            location=location,
        )

        document_text_chunks_item.additional_properties = d
        return document_text_chunks_item

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
