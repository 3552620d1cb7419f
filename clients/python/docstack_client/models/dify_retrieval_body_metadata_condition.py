from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dify_retrieval_body_metadata_condition_logical_operator import (
    DifyRetrievalBodyMetadataConditionLogicalOperator,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dify_retrieval_body_metadata_condition_conditions_item_type_0 import (
        DifyRetrievalBodyMetadataConditionConditionsItemType0,
    )
    from ..models.dify_retrieval_body_metadata_condition_conditions_item_type_1 import (
        DifyRetrievalBodyMetadataConditionConditionsItemType1,
    )
    from ..models.dify_retrieval_body_metadata_condition_conditions_item_type_2 import (
        DifyRetrievalBodyMetadataConditionConditionsItemType2,
    )
    from ..models.dify_retrieval_body_metadata_condition_conditions_item_type_3 import (
        DifyRetrievalBodyMetadataConditionConditionsItemType3,
    )
    from ..models.dify_retrieval_body_metadata_condition_conditions_item_type_4 import (
        DifyRetrievalBodyMetadataConditionConditionsItemType4,
    )


T = TypeVar("T", bound="DifyRetrievalBodyMetadataCondition")


@_attrs_define
class DifyRetrievalBodyMetadataCondition:
    """Conditions on document metadata keys (docs/integrations.md, Connect Dify).

    Attributes:
        conditions (list[DifyRetrievalBodyMetadataConditionConditionsItemType0 |
            DifyRetrievalBodyMetadataConditionConditionsItemType1 | DifyRetrievalBodyMetadataConditionConditionsItemType2 |
            DifyRetrievalBodyMetadataConditionConditionsItemType3 | DifyRetrievalBodyMetadataConditionConditionsItemType4]):
        logical_operator (DifyRetrievalBodyMetadataConditionLogicalOperator | Unset):  Default:
            DifyRetrievalBodyMetadataConditionLogicalOperator.AND.
    """

    conditions: list[
        DifyRetrievalBodyMetadataConditionConditionsItemType0
        | DifyRetrievalBodyMetadataConditionConditionsItemType1
        | DifyRetrievalBodyMetadataConditionConditionsItemType2
        | DifyRetrievalBodyMetadataConditionConditionsItemType3
        | DifyRetrievalBodyMetadataConditionConditionsItemType4
    ]
    logical_operator: DifyRetrievalBodyMetadataConditionLogicalOperator | Unset = (
        DifyRetrievalBodyMetadataConditionLogicalOperator.AND
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.dify_retrieval_body_metadata_condition_conditions_item_type_0 import (
            DifyRetrievalBodyMetadataConditionConditionsItemType0,  # noqa: PLC0415
        )
        from ..models.dify_retrieval_body_metadata_condition_conditions_item_type_1 import (
            DifyRetrievalBodyMetadataConditionConditionsItemType1,  # noqa: PLC0415
        )
        from ..models.dify_retrieval_body_metadata_condition_conditions_item_type_2 import (
            DifyRetrievalBodyMetadataConditionConditionsItemType2,  # noqa: PLC0415
        )
        from ..models.dify_retrieval_body_metadata_condition_conditions_item_type_3 import (
            DifyRetrievalBodyMetadataConditionConditionsItemType3,  # noqa: PLC0415
        )

        conditions = []
        for conditions_item_data in self.conditions:
            conditions_item: dict[str, Any]
            if isinstance(conditions_item_data, DifyRetrievalBodyMetadataConditionConditionsItemType0):
                conditions_item = conditions_item_data.to_dict()
            elif isinstance(conditions_item_data, DifyRetrievalBodyMetadataConditionConditionsItemType1):
                conditions_item = conditions_item_data.to_dict()
            elif isinstance(conditions_item_data, DifyRetrievalBodyMetadataConditionConditionsItemType2):
                conditions_item = conditions_item_data.to_dict()
            elif isinstance(conditions_item_data, DifyRetrievalBodyMetadataConditionConditionsItemType3):
                conditions_item = conditions_item_data.to_dict()
            else:
                conditions_item = conditions_item_data.to_dict()

            conditions.append(conditions_item)

        logical_operator: str | Unset = UNSET
        if not isinstance(self.logical_operator, Unset):
            logical_operator = self.logical_operator.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conditions": conditions,
            }
        )
        if logical_operator is not UNSET:
            field_dict["logical_operator"] = logical_operator

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dify_retrieval_body_metadata_condition_conditions_item_type_0 import (
            DifyRetrievalBodyMetadataConditionConditionsItemType0,  # noqa: PLC0415
        )
        from ..models.dify_retrieval_body_metadata_condition_conditions_item_type_1 import (
            DifyRetrievalBodyMetadataConditionConditionsItemType1,  # noqa: PLC0415
        )
        from ..models.dify_retrieval_body_metadata_condition_conditions_item_type_2 import (
            DifyRetrievalBodyMetadataConditionConditionsItemType2,  # noqa: PLC0415
        )
        from ..models.dify_retrieval_body_metadata_condition_conditions_item_type_3 import (
            DifyRetrievalBodyMetadataConditionConditionsItemType3,  # noqa: PLC0415
        )
        from ..models.dify_retrieval_body_metadata_condition_conditions_item_type_4 import (
            DifyRetrievalBodyMetadataConditionConditionsItemType4,  # noqa: PLC0415
        )

        d = dict(src_dict)
        conditions = []
        _conditions = d.pop("conditions")
        for conditions_item_data in _conditions:

            def _parse_conditions_item(
                data: object,
            ) -> (
                DifyRetrievalBodyMetadataConditionConditionsItemType0
                | DifyRetrievalBodyMetadataConditionConditionsItemType1
                | DifyRetrievalBodyMetadataConditionConditionsItemType2
                | DifyRetrievalBodyMetadataConditionConditionsItemType3
                | DifyRetrievalBodyMetadataConditionConditionsItemType4
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    conditions_item_type_0 = DifyRetrievalBodyMetadataConditionConditionsItemType0.from_dict(data)

                    return conditions_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    conditions_item_type_1 = DifyRetrievalBodyMetadataConditionConditionsItemType1.from_dict(data)

                    return conditions_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    conditions_item_type_2 = DifyRetrievalBodyMetadataConditionConditionsItemType2.from_dict(data)

                    return conditions_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    conditions_item_type_3 = DifyRetrievalBodyMetadataConditionConditionsItemType3.from_dict(data)

                    return conditions_item_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                conditions_item_type_4 = DifyRetrievalBodyMetadataConditionConditionsItemType4.from_dict(data)

                return conditions_item_type_4

            conditions_item = _parse_conditions_item(conditions_item_data)

            conditions.append(conditions_item)

        _logical_operator = d.pop("logical_operator", UNSET)
        logical_operator: DifyRetrievalBodyMetadataConditionLogicalOperator | Unset
        if isinstance(_logical_operator, Unset):
            logical_operator = UNSET
        else:
            logical_operator = DifyRetrievalBodyMetadataConditionLogicalOperator(_logical_operator)

        dify_retrieval_body_metadata_condition = cls(
            conditions=conditions,
            logical_operator=logical_operator,
        )

        dify_retrieval_body_metadata_condition.additional_properties = d
        return dify_retrieval_body_metadata_condition

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
