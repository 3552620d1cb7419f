from __future__ import annotations

import json
from collections.abc import Mapping
from io import BytesIO
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from .. import types
from ..models.upload_document_body_on_duplicate import UploadDocumentBodyOnDuplicate
from ..types import UNSET, File, Unset

if TYPE_CHECKING:
    from ..models.upload_document_body_metadata import UploadDocumentBodyMetadata


T = TypeVar("T", bound="UploadDocumentBody")


@_attrs_define
class UploadDocumentBody:
    """
    Attributes:
        file (File): PDF (scanned pages are OCR'd), DOCX, XLSX, PPTX, ODT, ODS, ODP, RTF, EML, TXT, MD, HTML, CSV (TSV),
            or a PNG, JPEG or TIFF image (OCR'd), each checked by its content; text files in any encoding (byte order mark,
            HTML declaration, UTF-8 or detected); not empty
        collection_id (UUID):
        metadata (UploadDocumentBodyMetadata | Unset): A JSON object. Nested at most 8 levels deep, at most 256 keys and
            array items in all, keys of at most 256 characters, at most 16384 bytes as JSON. No key or string, at any level,
            may contain NUL (U+0000). Example: {'department': 'planning'}.
        on_duplicate (UploadDocumentBodyOnDuplicate | Unset): When a file with the same SHA-256 is already in the
            collection: return it (skip), replace it, or 409 (error)
    """

    file: File
    collection_id: UUID
    metadata: UploadDocumentBodyMetadata | Unset = UNSET
    on_duplicate: UploadDocumentBodyOnDuplicate | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        collection_id = str(self.collection_id)

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        on_duplicate: str | Unset = UNSET
        if not isinstance(self.on_duplicate, Unset):
            on_duplicate = self.on_duplicate.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file": file,
                "collection_id": collection_id,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if on_duplicate is not UNSET:
            field_dict["on_duplicate"] = on_duplicate

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("collection_id", (None, str(self.collection_id), "text/plain")))

        if not isinstance(self.metadata, Unset):
            files.append(("metadata", (None, json.dumps(self.metadata.to_dict()).encode(), "application/json")))

        if not isinstance(self.on_duplicate, Unset):
            files.append(("on_duplicate", (None, str(self.on_duplicate.value).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.upload_document_body_metadata import UploadDocumentBodyMetadata  # noqa: PLC0415

        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        collection_id = UUID(d.pop("collection_id"))

        _metadata = d.pop("metadata", UNSET)
        metadata: UploadDocumentBodyMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = UploadDocumentBodyMetadata.from_dict(_metadata)

        _on_duplicate = d.pop("on_duplicate", UNSET)
        on_duplicate: UploadDocumentBodyOnDuplicate | Unset
        if isinstance(_on_duplicate, Unset):
            on_duplicate = UNSET
        else:
            on_duplicate = UploadDocumentBodyOnDuplicate(_on_duplicate)

        upload_document_body = cls(
            file=file,
            collection_id=collection_id,
            metadata=metadata,
            on_duplicate=on_duplicate,
        )

        return upload_document_body
