from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.update_document_body_metadata import UpdateDocumentBodyMetadata


T = TypeVar("T", bound="UpdateDocumentBody")


@_attrs_define
class UpdateDocumentBody:
    """
    Example:
        {'metadata': {'department': 'planning', 'year': 2025}}

    Attributes:
        metadata (UpdateDocumentBodyMetadata | Unset): Replaces the document's metadata as a whole (keys left out are
            removed). A JSON object. Nested at most 8 levels deep, at most 256 keys and array items in all, keys of at most
            256 characters, at most 16384 bytes as JSON. No key or string, at any level, may contain NUL (U+0000). Example:
            {'department': 'planning'}.
        filename (str | Unset): Cleaned as an upload's file name is: only the last path segment is kept, control
            characters and bidirectional overrides are removed, Unicode NFC, trimmed. A name with nothing left, or only . or
            .., is refused. Example: Planning policy 2025.pdf.
    """

    metadata: UpdateDocumentBodyMetadata | Unset = UNSET
    filename: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        filename = self.filename

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if filename is not UNSET:
            field_dict["filename"] = filename

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.update_document_body_metadata import UpdateDocumentBodyMetadata  # noqa: PLC0415

        d = dict(src_dict)
        _metadata = d.pop("metadata", UNSET)
        metadata: UpdateDocumentBodyMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = UpdateDocumentBodyMetadata.from_dict(_metadata)

        filename = d.pop("filename", UNSET)

        update_document_body = cls(
            metadata=metadata,
            filename=filename,
        )

        return update_document_body
