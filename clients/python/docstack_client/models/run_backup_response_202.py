from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_backup_response_202_components_item import RunBackupResponse202ComponentsItem

T = TypeVar("T", bound="RunBackupResponse202")


@_attrs_define
class RunBackupResponse202:
    """
    Attributes:
        backup_id (str):
        components (list[RunBackupResponse202ComponentsItem]):
        status_url (str):
    """

    backup_id: str
    components: list[RunBackupResponse202ComponentsItem]
    status_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        backup_id = self.backup_id

        components = []
        for components_item_data in self.components:
            components_item = components_item_data.value
            components.append(components_item)

        status_url = self.status_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "backup_id": backup_id,
                "components": components,
                "status_url": status_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        backup_id = d.pop("backup_id")

        components = []
        _components = d.pop("components")
        for components_item_data in _components:
            components_item = RunBackupResponse202ComponentsItem(components_item_data)

            components.append(components_item)

        status_url = d.pop("status_url")

        run_backup_response_202 = cls(
            backup_id=backup_id,
            components=components,
            status_url=status_url,
        )

        run_backup_response_202.additional_properties = d
        return run_backup_response_202

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
