from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CollectionChunkingPdf")


@_attrs_define
class CollectionChunkingPdf:
    """
    Attributes:
        size (int | Unset):
        overlap (int | Unset):
    """

    size: int | Unset = UNSET
    overlap: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        size = self.size

        overlap = self.overlap

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if size is not UNSET:
            field_dict["size"] = size
        if overlap is not UNSET:
            field_dict["overlap"] = overlap

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        size = d.pop("size", UNSET)

        overlap = d.pop("overlap", UNSET)

        collection_chunking_pdf = cls(
            size=size,
            overlap=overlap,
        )

        return collection_chunking_pdf
