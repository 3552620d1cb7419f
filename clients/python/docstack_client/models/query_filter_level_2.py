from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_type_operators import ContentTypeOperators
    from ..models.date_operators import DateOperators
    from ..models.filename_operators import FilenameOperators
    from ..models.id_operators import IdOperators
    from ..models.query_filter_level_2_metadata import QueryFilterLevel2Metadata
    from ..models.query_filter_level_3 import QueryFilterLevel3


T = TypeVar("T", bound="QueryFilterLevel2")


@_attrs_define
class QueryFilterLevel2:
    """A filter nested 1 level down ($and/$or).

    Attributes:
        document_id (IdOperators | list[UUID] | Unset | UUID):
        content_type (ContentTypeOperators | list[str] | str | Unset):
        filename (FilenameOperators | str | Unset):
        upload_date (DateOperators | datetime.date | datetime.datetime | Unset):
        metadata (QueryFilterLevel2Metadata | Unset): Conditions on metadata keys: a bare value is `$eq`, or an object
            of operators. All must hold. Example: {'department': 'planning', 'year': {'$gte': 2020}}.
        and_ (list[QueryFilterLevel3] | Unset): Every one of these filters holds.
        or_ (list[QueryFilterLevel3] | Unset): At least one of these filters holds.
    """

    document_id: IdOperators | list[UUID] | Unset | UUID = UNSET
    content_type: ContentTypeOperators | list[str] | str | Unset = UNSET
    filename: FilenameOperators | str | Unset = UNSET
    upload_date: DateOperators | datetime.date | datetime.datetime | Unset = UNSET
    metadata: QueryFilterLevel2Metadata | Unset = UNSET
    and_: list[QueryFilterLevel3] | Unset = UNSET
    or_: list[QueryFilterLevel3] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.content_type_operators import ContentTypeOperators  # noqa: PLC0415
        from ..models.filename_operators import FilenameOperators  # noqa: PLC0415

        document_id: dict[str, Any] | list[str] | str | Unset
        if isinstance(self.document_id, Unset):
            document_id = UNSET
        elif isinstance(self.document_id, UUID):
            document_id = str(self.document_id)
        elif isinstance(self.document_id, list):
            document_id = []
            for document_id_type_1_item_data in self.document_id:
                document_id_type_1_item = str(document_id_type_1_item_data)
                document_id.append(document_id_type_1_item)

        else:
            document_id = self.document_id.to_dict()

        content_type: dict[str, Any] | list[str] | str | Unset
        if isinstance(self.content_type, Unset):
            content_type = UNSET
        elif isinstance(self.content_type, list):
            content_type = self.content_type

        elif isinstance(self.content_type, ContentTypeOperators):
            content_type = self.content_type.to_dict()
        else:
            content_type = self.content_type

        filename: dict[str, Any] | str | Unset
        if isinstance(self.filename, Unset):
            filename = UNSET
        elif isinstance(self.filename, FilenameOperators):
            filename = self.filename.to_dict()
        else:
            filename = self.filename

        upload_date: dict[str, Any] | str | Unset
        if isinstance(self.upload_date, Unset):
            upload_date = UNSET
        elif isinstance(self.upload_date, datetime.datetime):
            upload_date = self.upload_date.isoformat()
        elif isinstance(self.upload_date, datetime.date):
            upload_date = self.upload_date.isoformat()
        else:
            upload_date = self.upload_date.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        and_: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.and_, Unset):
            and_ = []
            for and_item_data in self.and_:
                and_item = and_item_data.to_dict()
                and_.append(and_item)

        or_: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.or_, Unset):
            or_ = []
            for or_item_data in self.or_:
                or_item = or_item_data.to_dict()
                or_.append(or_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if document_id is not UNSET:
            field_dict["document_id"] = document_id
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if filename is not UNSET:
            field_dict["filename"] = filename
        if upload_date is not UNSET:
            field_dict["upload_date"] = upload_date
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if and_ is not UNSET:
            field_dict["$and"] = and_
        if or_ is not UNSET:
            field_dict["$or"] = or_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.content_type_operators import ContentTypeOperators  # noqa: PLC0415
        from ..models.date_operators import DateOperators  # noqa: PLC0415
        from ..models.filename_operators import FilenameOperators  # noqa: PLC0415
        from ..models.id_operators import IdOperators  # noqa: PLC0415
        from ..models.query_filter_level_2_metadata import QueryFilterLevel2Metadata  # noqa: PLC0415
        from ..models.query_filter_level_3 import QueryFilterLevel3  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_document_id(data: object) -> IdOperators | list[UUID] | Unset | UUID:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_id_type_0 = UUID(data)

                return document_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                document_id_type_1 = []
                _document_id_type_1 = data
                for document_id_type_1_item_data in _document_id_type_1:
                    document_id_type_1_item = UUID(document_id_type_1_item_data)

                    document_id_type_1.append(document_id_type_1_item)

                return document_id_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            document_id_type_2 = IdOperators.from_dict(data)

            return document_id_type_2

        document_id = _parse_document_id(d.pop("document_id", UNSET))

        def _parse_content_type(data: object) -> ContentTypeOperators | list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                content_type_type_1 = cast(list[str], data)

                return content_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                content_type_type_2 = ContentTypeOperators.from_dict(data)

                return content_type_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContentTypeOperators | list[str] | str | Unset, data)

        content_type = _parse_content_type(d.pop("content_type", UNSET))

        def _parse_filename(data: object) -> FilenameOperators | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                filename_type_1 = FilenameOperators.from_dict(data)

                return filename_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FilenameOperators | str | Unset, data)

        filename = _parse_filename(d.pop("filename", UNSET))

        def _parse_upload_date(data: object) -> DateOperators | datetime.date | datetime.datetime | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                upload_date_type_0_type_0 = datetime.datetime.fromisoformat(data)

                return upload_date_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                upload_date_type_0_type_1 = datetime.date.fromisoformat(data)

                return upload_date_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            upload_date_type_1 = DateOperators.from_dict(data)

            return upload_date_type_1

        upload_date = _parse_upload_date(d.pop("upload_date", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: QueryFilterLevel2Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = QueryFilterLevel2Metadata.from_dict(_metadata)

        _and_ = d.pop("$and", UNSET)
        and_: list[QueryFilterLevel3] | Unset = UNSET
        if _and_ is not UNSET:
            and_ = []
            for and_item_data in _and_:
                and_item = QueryFilterLevel3.from_dict(and_item_data)

                and_.append(and_item)

        _or_ = d.pop("$or", UNSET)
        or_: list[QueryFilterLevel3] | Unset = UNSET
        if _or_ is not UNSET:
            or_ = []
            for or_item_data in _or_:
                or_item = QueryFilterLevel3.from_dict(or_item_data)

                or_.append(or_item)

        query_filter_level_2 = cls(
            document_id=document_id,
            content_type=content_type,
            filename=filename,
            upload_date=upload_date,
            metadata=metadata,
            and_=and_,
            or_=or_,
        )

        return query_filter_level_2
