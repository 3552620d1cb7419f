from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_backup_status_response_200_status import GetBackupStatusResponse200Status

if TYPE_CHECKING:
    from ..models.backup_target import BackupTarget
    from ..models.drill_record import DrillRecord
    from ..models.get_backup_status_response_200_components_item import GetBackupStatusResponse200ComponentsItem
    from ..models.get_backup_status_response_200_objectives import GetBackupStatusResponse200Objectives


T = TypeVar("T", bound="GetBackupStatusResponse200")


@_attrs_define
class GetBackupStatusResponse200:
    """
    Attributes:
        status (GetBackupStatusResponse200Status):
        stale_after_hours (float):
        components (list[GetBackupStatusResponse200ComponentsItem]):
        last_drill (DrillRecord | None):
        target (BackupTarget | None):
        objectives (GetBackupStatusResponse200Objectives):
    """

    status: GetBackupStatusResponse200Status
    stale_after_hours: float
    components: list[GetBackupStatusResponse200ComponentsItem]
    last_drill: DrillRecord | None
    target: BackupTarget | None
    objectives: GetBackupStatusResponse200Objectives
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.backup_target import BackupTarget  # noqa: PLC0415
        from ..models.drill_record import DrillRecord  # noqa: PLC0415

        status = self.status.value

        stale_after_hours = self.stale_after_hours

        components = []
        for components_item_data in self.components:
            components_item = components_item_data.to_dict()
            components.append(components_item)

        last_drill: dict[str, Any] | None
        if isinstance(self.last_drill, DrillRecord):
            last_drill = self.last_drill.to_dict()
        else:
            last_drill = self.last_drill

        target: dict[str, Any] | None
        if isinstance(self.target, BackupTarget):
            target = self.target.to_dict()
        else:
            target = self.target

        objectives = self.objectives.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "stale_after_hours": stale_after_hours,
                "components": components,
                "last_drill": last_drill,
                "target": target,
                "objectives": objectives,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.backup_target import BackupTarget  # noqa: PLC0415
        from ..models.drill_record import DrillRecord  # noqa: PLC0415
        from ..models.get_backup_status_response_200_components_item import GetBackupStatusResponse200ComponentsItem  # noqa: PLC0415
        from ..models.get_backup_status_response_200_objectives import GetBackupStatusResponse200Objectives  # noqa: PLC0415

        d = dict(src_dict)
        status = GetBackupStatusResponse200Status(d.pop("status"))

        stale_after_hours = d.pop("stale_after_hours")

        components = []
        _components = d.pop("components")
        for components_item_data in _components:
            components_item = GetBackupStatusResponse200ComponentsItem.from_dict(components_item_data)

            components.append(components_item)

        def _parse_last_drill(data: object) -> DrillRecord | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_drill_type_0 = DrillRecord.from_dict(data)

                return last_drill_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DrillRecord | None, data)

        last_drill = _parse_last_drill(d.pop("last_drill"))

        def _parse_target(data: object) -> BackupTarget | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_type_0 = BackupTarget.from_dict(data)

                return target_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BackupTarget | None, data)

        target = _parse_target(d.pop("target"))

        objectives = GetBackupStatusResponse200Objectives.from_dict(d.pop("objectives"))

        get_backup_status_response_200 = cls(
            status=status,
            stale_after_hours=stale_after_hours,
            components=components,
            last_drill=last_drill,
            target=target,
            objectives=objectives,
        )

        get_backup_status_response_200.additional_properties = d
        return get_backup_status_response_200

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
