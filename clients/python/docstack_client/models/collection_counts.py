from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CollectionCounts")


@_attrs_define
class CollectionCounts:
    """What the collection holds when the answer was made

    Attributes:
        documents (int): Documents in the collection, whatever their index status
        chunks (int): Passages of its indexed documents
        bytes_ (int): The size of its documents' files, in bytes
        pending (int): Documents waiting to be indexed
        indexing (int): Documents being indexed now
        indexed (int):
        failed (int): Documents whose indexing failed (each says why)
    """

    documents: int
    chunks: int
    bytes_: int
    pending: int
    indexing: int
    indexed: int
    failed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        documents = self.documents

        chunks = self.chunks

        bytes_ = self.bytes_

        pending = self.pending

        indexing = self.indexing

        indexed = self.indexed

        failed = self.failed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "documents": documents,
                "chunks": chunks,
                "bytes": bytes_,
                "pending": pending,
                "indexing": indexing,
                "indexed": indexed,
                "failed": failed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        documents = d.pop("documents")

        chunks = d.pop("chunks")

        bytes_ = d.pop("bytes")

        pending = d.pop("pending")

        indexing = d.pop("indexing")

        indexed = d.pop("indexed")

        failed = d.pop("failed")

        collection_counts = cls(
            documents=documents,
            chunks=chunks,
            bytes_=bytes_,
            pending=pending,
            indexing=indexing,
            indexed=indexed,
            failed=failed,
        )

        collection_counts.additional_properties = d
        return collection_counts

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
