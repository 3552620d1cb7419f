from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.run_backup_body_components_item import RunBackupBodyComponentsItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="RunBackupBody")


@_attrs_define
class RunBackupBody:
    """
    Attributes:
        components (list[RunBackupBodyComponentsItem] | Unset):
    """

    components: list[RunBackupBodyComponentsItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        components: list[str] | Unset = UNSET
        if not isinstance(self.components, Unset):
            components = []
            for components_item_data in self.components:
                components_item = components_item_data.value
                components.append(components_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if components is not UNSET:
            field_dict["components"] = components

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _components = d.pop("components", UNSET)
        components: list[RunBackupBodyComponentsItem] | Unset = UNSET
        if _components is not UNSET:
            components = []
            for components_item_data in _components:
                components_item = RunBackupBodyComponentsItem(components_item_data)

                components.append(components_item)

        run_backup_body = cls(
            components=components,
        )

        return run_backup_body
