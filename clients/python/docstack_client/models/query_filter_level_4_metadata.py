from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.metadata_operators import MetadataOperators


T = TypeVar("T", bound="QueryFilterLevel4Metadata")


@_attrs_define
class QueryFilterLevel4Metadata:
    """Conditions on metadata keys: a bare value is `$eq`, or an object of operators. All must hold.

    Example:
        {'department': 'planning', 'year': {'$gte': 2020}}

    """

    additional_properties: dict[str, bool | float | MetadataOperators | str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata_operators import MetadataOperators  # noqa: PLC0415

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, MetadataOperators):
                field_dict[prop_name] = prop.to_dict()
            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata_operators import MetadataOperators  # noqa: PLC0415

        d = dict(src_dict)
        query_filter_level_4_metadata = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(data: object) -> bool | float | MetadataOperators | str:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    additional_property_type_1 = MetadataOperators.from_dict(data)

                    return additional_property_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(bool | float | MetadataOperators | str, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        query_filter_level_4_metadata.additional_properties = additional_properties
        return query_filter_level_4_metadata

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> bool | float | MetadataOperators | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: bool | float | MetadataOperators | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
