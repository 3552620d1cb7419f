from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.query_collection_body_filter_metadata import QueryCollectionBodyFilterMetadata


T = TypeVar("T", bound="QueryCollectionBodyFilter")


@_attrs_define
class QueryCollectionBodyFilter:
    """
    Attributes:
        document_id (list[UUID] | Unset | UUID):
        content_type (list[str] | str | Unset):
        filename (str | Unset):
        metadata (QueryCollectionBodyFilterMetadata | Unset): Documents whose metadata has all these key/value pairs (at
            most 256, keys of at most 256 characters). Example: {'department': 'planning'}.
    """

    document_id: list[UUID] | Unset | UUID = UNSET
    content_type: list[str] | str | Unset = UNSET
    filename: str | Unset = UNSET
    metadata: QueryCollectionBodyFilterMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_id: list[str] | str | Unset
        if isinstance(self.document_id, Unset):
            document_id = UNSET
        elif isinstance(self.document_id, UUID):
            document_id = str(self.document_id)
        else:
            document_id = []
            for document_id_type_1_item_data in self.document_id:
                document_id_type_1_item = str(document_id_type_1_item_data)
                document_id.append(document_id_type_1_item)

        content_type: list[str] | str | Unset
        if isinstance(self.content_type, Unset):
            content_type = UNSET
        elif isinstance(self.content_type, list):
            content_type = self.content_type

        else:
            content_type = self.content_type

        filename = self.filename

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if document_id is not UNSET:
            field_dict["document_id"] = document_id
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if filename is not UNSET:
            field_dict["filename"] = filename
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.query_collection_body_filter_metadata import QueryCollectionBodyFilterMetadata  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_document_id(data: object) -> list[UUID] | Unset | UUID:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_id_type_0 = UUID(data)

                return document_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            document_id_type_1 = []
            _document_id_type_1 = data
            for document_id_type_1_item_data in _document_id_type_1:
                document_id_type_1_item = UUID(document_id_type_1_item_data)

                document_id_type_1.append(document_id_type_1_item)

            return document_id_type_1

        document_id = _parse_document_id(d.pop("document_id", UNSET))

        def _parse_content_type(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                content_type_type_1 = cast(list[str], data)

                return content_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        content_type = _parse_content_type(d.pop("content_type", UNSET))

        filename = d.pop("filename", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: QueryCollectionBodyFilterMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = QueryCollectionBodyFilterMetadata.from_dict(_metadata)

        query_collection_body_filter = cls(
            document_id=document_id,
            content_type=content_type,
            filename=filename,
            metadata=metadata,
        )

        query_collection_body_filter.additional_properties = d
        return query_collection_body_filter

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
