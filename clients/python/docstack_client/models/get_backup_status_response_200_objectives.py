from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GetBackupStatusResponse200Objectives")


@_attrs_define
class GetBackupStatusResponse200Objectives:
    """
    Attributes:
        rpo_hours (float):
        rto_minutes (float):
        rpo_met (bool | None):
        rto_met (bool | None):
    """

    rpo_hours: float
    rto_minutes: float
    rpo_met: bool | None
    rto_met: bool | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rpo_hours = self.rpo_hours

        rto_minutes = self.rto_minutes

        rpo_met: bool | None
        rpo_met = self.rpo_met

        rto_met: bool | None
        rto_met = self.rto_met

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rpo_hours": rpo_hours,
                "rto_minutes": rto_minutes,
                "rpo_met": rpo_met,
                "rto_met": rto_met,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rpo_hours = d.pop("rpo_hours")

        rto_minutes = d.pop("rto_minutes")

        def _parse_rpo_met(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        rpo_met = _parse_rpo_met(d.pop("rpo_met"))

        def _parse_rto_met(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        rto_met = _parse_rto_met(d.pop("rto_met"))

        get_backup_status_response_200_objectives = cls(
            rpo_hours=rpo_hours,
            rto_minutes=rto_minutes,
            rpo_met=rpo_met,
            rto_met=rto_met,
        )

        get_backup_status_response_200_objectives.additional_properties = d
        return get_backup_status_response_200_objectives

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
