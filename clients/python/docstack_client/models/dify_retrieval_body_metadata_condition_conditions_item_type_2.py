from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dify_retrieval_body_metadata_condition_conditions_item_type_2_comparison_operator import (
    DifyRetrievalBodyMetadataConditionConditionsItemType2ComparisonOperator,
)

T = TypeVar("T", bound="DifyRetrievalBodyMetadataConditionConditionsItemType2")


@_attrs_define
class DifyRetrievalBodyMetadataConditionConditionsItemType2:
    """
    Attributes:
        name (list[str] | str): A metadata key (Dify's older pages send a list: the condition holds if it holds for any
            of them). Example: department.
        comparison_operator (DifyRetrievalBodyMetadataConditionConditionsItemType2ComparisonOperator):
        value (float | list[float | str] | str):
    """

    name: list[str] | str
    comparison_operator: DifyRetrievalBodyMetadataConditionConditionsItemType2ComparisonOperator
    value: float | list[float | str] | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: list[str] | str
        if isinstance(self.name, list):
            name = self.name

        else:
            name = self.name

        comparison_operator = self.comparison_operator.value

        value: float | list[float | str] | str
        if isinstance(self.value, list):
            value = []
            for value_type_2_item_data in self.value:
                value_type_2_item: float | str
                value_type_2_item = value_type_2_item_data
                value.append(value_type_2_item)

        else:
            value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "comparison_operator": comparison_operator,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> list[str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                name_type_1 = cast(list[str], data)

                return name_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str, data)

        name = _parse_name(d.pop("name"))

        comparison_operator = DifyRetrievalBodyMetadataConditionConditionsItemType2ComparisonOperator(
            d.pop("comparison_operator")
        )

        def _parse_value(data: object) -> float | list[float | str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                value_type_2 = []
                _value_type_2 = data
                for value_type_2_item_data in _value_type_2:

                    def _parse_value_type_2_item(data: object) -> float | str:
                        return cast(float | str, data)

                    value_type_2_item = _parse_value_type_2_item(value_type_2_item_data)

                    value_type_2.append(value_type_2_item)

                return value_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float | str] | str, data)

        value = _parse_value(d.pop("value"))

        dify_retrieval_body_metadata_condition_conditions_item_type_2 = cls(
            name=name,
            comparison_operator=comparison_operator,
            value=value,
        )

        dify_retrieval_body_metadata_condition_conditions_item_type_2.additional_properties = d
        return dify_retrieval_body_metadata_condition_conditions_item_type_2

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
