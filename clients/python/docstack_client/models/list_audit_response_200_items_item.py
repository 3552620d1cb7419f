from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.list_audit_response_200_items_item_details import ListAuditResponse200ItemsItemDetails


T = TypeVar("T", bound="ListAuditResponse200ItemsItem")


@_attrs_define
class ListAuditResponse200ItemsItem:
    """
    Attributes:
        id (str):
        at (str):
        actor (str):
        action (str):
        target (str):
        details (ListAuditResponse200ItemsItemDetails):
    """

    id: str
    at: str
    actor: str
    action: str
    target: str
    details: ListAuditResponse200ItemsItemDetails
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at

        actor = self.actor

        action = self.action

        target = self.target

        details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "actor": actor,
                "action": action,
                "target": target,
                "details": details,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.list_audit_response_200_items_item_details import ListAuditResponse200ItemsItemDetails  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        at = d.pop("at")

        actor = d.pop("actor")

        action = d.pop("action")

        target = d.pop("target")

        details = ListAuditResponse200ItemsItemDetails.from_dict(d.pop("details"))

        list_audit_response_200_items_item = cls(
            id=id,
            at=at,
            actor=actor,
            action=action,
            target=target,
            details=details,
        )

        list_audit_response_200_items_item.additional_properties = d
        return list_audit_response_200_items_item

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
