from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.drill_record_outcome import DrillRecordOutcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.drill_record_sizes import DrillRecordSizes


T = TypeVar("T", bound="DrillRecord")


@_attrs_define
class DrillRecord:
    """
    Attributes:
        at (str):
        outcome (DrillRecordOutcome):
        rto_seconds (float): Restore wall time, its own verification included
        backup_id (str):
        backup_seconds (float | Unset):
        verify_seconds (float | Unset):
        sizes (DrillRecordSizes | Unset):
    """

    at: str
    outcome: DrillRecordOutcome
    rto_seconds: float
    backup_id: str
    backup_seconds: float | Unset = UNSET
    verify_seconds: float | Unset = UNSET
    sizes: DrillRecordSizes | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at

        outcome = self.outcome.value

        rto_seconds = self.rto_seconds

        backup_id = self.backup_id

        backup_seconds = self.backup_seconds

        verify_seconds = self.verify_seconds

        sizes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sizes, Unset):
            sizes = self.sizes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "outcome": outcome,
                "rto_seconds": rto_seconds,
                "backup_id": backup_id,
            }
        )
        if backup_seconds is not UNSET:
            field_dict["backup_seconds"] = backup_seconds
        if verify_seconds is not UNSET:
            field_dict["verify_seconds"] = verify_seconds
        if sizes is not UNSET:
            field_dict["sizes"] = sizes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.drill_record_sizes import DrillRecordSizes  # noqa: PLC0415

        d = dict(src_dict)
        at = d.pop("at")

        outcome = DrillRecordOutcome(d.pop("outcome"))

        rto_seconds = d.pop("rto_seconds")

        backup_id = d.pop("backup_id")

        backup_seconds = d.pop("backup_seconds", UNSET)

        verify_seconds = d.pop("verify_seconds", UNSET)

        _sizes = d.pop("sizes", UNSET)
        sizes: DrillRecordSizes | Unset
        if isinstance(_sizes, Unset):
            sizes = UNSET
        else:
            sizes = DrillRecordSizes.from_dict(_sizes)

        drill_record = cls(
            at=at,
            outcome=outcome,
            rto_seconds=rto_seconds,
            backup_id=backup_id,
            backup_seconds=backup_seconds,
            verify_seconds=verify_seconds,
            sizes=sizes,
        )

        drill_record.additional_properties = d
        return drill_record

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
