from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.metadata_object import MetadataObject


T = TypeVar("T", bound="UploadDocumentBodyMetadata")


@_attrs_define
class UploadDocumentBodyMetadata:
    """A JSON object. Nested at most 8 levels deep, at most 256 keys and array items in all, keys of at most 256
    characters, at most 16384 bytes as JSON. No key or string, at any level, may contain NUL (U+0000).

        Example:
            {'department': 'planning'}

    """

    additional_properties: dict[str, bool | float | list[Any] | MetadataObject | None | str] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata_object import MetadataObject  # noqa: PLC0415

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, list):
                field_dict[prop_name] = prop

            elif isinstance(prop, MetadataObject):
                field_dict[prop_name] = prop.to_dict()
            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata_object import MetadataObject  # noqa: PLC0415

        d = dict(src_dict)
        upload_document_body_metadata = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(data: object) -> bool | float | list[Any] | MetadataObject | None | str:
                if data is None:
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    componentsschemas_metadata_value_type_4 = cast(list[Any], data)

                    return componentsschemas_metadata_value_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_metadata_value_type_5 = MetadataObject.from_dict(data)

                    return componentsschemas_metadata_value_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(bool | float | list[Any] | MetadataObject | None | str, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        upload_document_body_metadata.additional_properties = additional_properties
        return upload_document_body_metadata

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> bool | float | list[Any] | MetadataObject | None | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: bool | float | list[Any] | MetadataObject | None | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
