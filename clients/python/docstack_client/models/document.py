from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_index_status import DocumentIndexStatus

if TYPE_CHECKING:
    from ..models.document_metadata import DocumentMetadata


T = TypeVar("T", bound="Document")


@_attrs_define
class Document:
    """
    Attributes:
        id (UUID):
        collection_id (UUID):
        filename (str):
        content_type (str):  Example: application/pdf.
        size (int):
        sha256 (str):  Example: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.
        upload_date (datetime.datetime):
        created_by (None | str):
        index_status (DocumentIndexStatus):
        is_indexed (bool):
        indexed_at (datetime.datetime | None):
        index_error (None | str):
        chunk_count (int):
        text_encoding (None | str): The character encoding a text file (TXT, MD, HTML, CSV) was read in, as a WHATWG
            Encoding Standard name (utf-8, utf-16le, windows-1252, koi8-r, shift_jis, …; also utf-32le and utf-32be), chosen
            from the whole file when it is indexed: its byte order mark, an HTML <meta charset> or XML declaration, UTF-8,
            or detection. ISO-8859-1 is reported as windows-1252, the superset every browser reads it as. Null for PDF and
            DOCX, and until the document has been indexed. Example: windows-1252.
        ocr_pages (list[int] | None): The pages (1-based; an image file's page 1, a TIFF's each page) whose text was
            read by OCR, because they had no usable text layer: their passages may hold recognition errors. Null when no
            page was OCR'd, and until the document has been indexed. Example: [2, 3].
        metadata (DocumentMetadata):
    """

    id: UUID
    collection_id: UUID
    filename: str
    content_type: str
    size: int
    sha256: str
    upload_date: datetime.datetime
    created_by: None | str
    index_status: DocumentIndexStatus
    is_indexed: bool
    indexed_at: datetime.datetime | None
    index_error: None | str
    chunk_count: int
    text_encoding: None | str
    ocr_pages: list[int] | None
    metadata: DocumentMetadata
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        collection_id = str(self.collection_id)

        filename = self.filename

        content_type = self.content_type

        size = self.size

        sha256 = self.sha256

        upload_date = self.upload_date.isoformat()

        created_by: None | str
        created_by = self.created_by

        index_status = self.index_status.value

        is_indexed = self.is_indexed

        indexed_at: None | str
        if isinstance(self.indexed_at, datetime.datetime):
            indexed_at = self.indexed_at.isoformat()
        else:
            indexed_at = self.indexed_at

        index_error: None | str
        index_error = self.index_error

        chunk_count = self.chunk_count

        text_encoding: None | str
        text_encoding = self.text_encoding

        ocr_pages: list[int] | None
        if isinstance(self.ocr_pages, list):
            ocr_pages = self.ocr_pages

        else:
            ocr_pages = self.ocr_pages

        metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "collection_id": collection_id,
                "filename": filename,
                "content_type": content_type,
                "size": size,
                "sha256": sha256,
                "upload_date": upload_date,
                "created_by": created_by,
                "index_status": index_status,
                "is_indexed": is_indexed,
                "indexed_at": indexed_at,
                "index_error": index_error,
                "chunk_count": chunk_count,
                "text_encoding": text_encoding,
                "ocr_pages": ocr_pages,
                "metadata": metadata,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_metadata import DocumentMetadata  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        collection_id = UUID(d.pop("collection_id"))

        filename = d.pop("filename")

        content_type = d.pop("content_type")

        size = d.pop("size")

        sha256 = d.pop("sha256")

        upload_date = datetime.datetime.fromisoformat(d.pop("upload_date"))

        def _parse_created_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_by = _parse_created_by(d.pop("created_by"))

        index_status = DocumentIndexStatus(d.pop("index_status"))

        is_indexed = d.pop("is_indexed")

        def _parse_indexed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                indexed_at_type_0 = datetime.datetime.fromisoformat(data)

                return indexed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        indexed_at = _parse_indexed_at(d.pop("indexed_at"))

        def _parse_index_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        index_error = _parse_index_error(d.pop("index_error"))

        chunk_count = d.pop("chunk_count")

        def _parse_text_encoding(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        text_encoding = _parse_text_encoding(d.pop("text_encoding"))

        def _parse_ocr_pages(data: object) -> list[int] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ocr_pages_type_0 = cast(list[int], data)

                return ocr_pages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None, data)

        ocr_pages = _parse_ocr_pages(d.pop("ocr_pages"))

        metadata = DocumentMetadata.from_dict(d.pop("metadata"))

        document = cls(
            id=id,
            collection_id=collection_id,
            filename=filename,
            content_type=content_type,
            size=size,
            sha256=sha256,
            upload_date=upload_date,
            created_by=created_by,
            index_status=index_status,
            is_indexed=is_indexed,
            indexed_at=indexed_at,
            index_error=index_error,
            chunk_count=chunk_count,
            text_encoding=text_encoding,
            ocr_pages=ocr_pages,
            metadata=metadata,
        )

        document.additional_properties = d
        return document

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
