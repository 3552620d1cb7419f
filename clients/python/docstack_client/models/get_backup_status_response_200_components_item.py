from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_backup_status_response_200_components_item_component import (
    GetBackupStatusResponse200ComponentsItemComponent,
)
from ..models.get_backup_status_response_200_components_item_status import (
    GetBackupStatusResponse200ComponentsItemStatus,
)

T = TypeVar("T", bound="GetBackupStatusResponse200ComponentsItem")


@_attrs_define
class GetBackupStatusResponse200ComponentsItem:
    """
    Attributes:
        component (GetBackupStatusResponse200ComponentsItemComponent):
        status (GetBackupStatusResponse200ComponentsItemStatus):
        latest_backup_id (None | str):
        latest_at (None | str):
        age_hours (float | None):
        count (int):
        latest_size_bytes (float | None):
        total_size_bytes (float):
        last_verified (bool | None):
    """

    component: GetBackupStatusResponse200ComponentsItemComponent
    status: GetBackupStatusResponse200ComponentsItemStatus
    latest_backup_id: None | str
    latest_at: None | str
    age_hours: float | None
    count: int
    latest_size_bytes: float | None
    total_size_bytes: float
    last_verified: bool | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        component = self.component.value

        status = self.status.value

        latest_backup_id: None | str
        latest_backup_id = self.latest_backup_id

        latest_at: None | str
        latest_at = self.latest_at

        age_hours: float | None
        age_hours = self.age_hours

        count = self.count

        latest_size_bytes: float | None
        latest_size_bytes = self.latest_size_bytes

        total_size_bytes = self.total_size_bytes

        last_verified: bool | None
        last_verified = self.last_verified

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "component": component,
                "status": status,
                "latest_backup_id": latest_backup_id,
                "latest_at": latest_at,
                "age_hours": age_hours,
                "count": count,
                "latest_size_bytes": latest_size_bytes,
                "total_size_bytes": total_size_bytes,
                "last_verified": last_verified,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        component = GetBackupStatusResponse200ComponentsItemComponent(d.pop("component"))

        status = GetBackupStatusResponse200ComponentsItemStatus(d.pop("status"))

        def _parse_latest_backup_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        latest_backup_id = _parse_latest_backup_id(d.pop("latest_backup_id"))

        def _parse_latest_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        latest_at = _parse_latest_at(d.pop("latest_at"))

        def _parse_age_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        age_hours = _parse_age_hours(d.pop("age_hours"))

        count = d.pop("count")

        def _parse_latest_size_bytes(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latest_size_bytes = _parse_latest_size_bytes(d.pop("latest_size_bytes"))

        total_size_bytes = d.pop("total_size_bytes")

        def _parse_last_verified(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        last_verified = _parse_last_verified(d.pop("last_verified"))

        get_backup_status_response_200_components_item = cls(
            component=component,
            status=status,
            latest_backup_id=latest_backup_id,
            latest_at=latest_at,
            age_hours=age_hours,
            count=count,
            latest_size_bytes=latest_size_bytes,
            total_size_bytes=total_size_bytes,
            last_verified=last_verified,
        )

        get_backup_status_response_200_components_item.additional_properties = d
        return get_backup_status_response_200_components_item

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
