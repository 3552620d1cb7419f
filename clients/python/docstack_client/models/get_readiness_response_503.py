from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_readiness_response_503_status import GetReadinessResponse503Status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.get_readiness_response_503_checks import GetReadinessResponse503Checks


T = TypeVar("T", bound="GetReadinessResponse503")


@_attrs_define
class GetReadinessResponse503:
    """
    Attributes:
        status (GetReadinessResponse503Status):
        down (list[str]):
        checks (GetReadinessResponse503Checks | Unset):
    """

    status: GetReadinessResponse503Status
    down: list[str]
    checks: GetReadinessResponse503Checks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        down = self.down

        checks: dict[str, Any] | Unset = UNSET
        if not isinstance(self.checks, Unset):
            checks = self.checks.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "down": down,
            }
        )
        if checks is not UNSET:
            field_dict["checks"] = checks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_readiness_response_503_checks import GetReadinessResponse503Checks  # noqa: PLC0415

        d = dict(src_dict)
        status = GetReadinessResponse503Status(d.pop("status"))

        down = cast(list[str], d.pop("down"))

        _checks = d.pop("checks", UNSET)
        checks: GetReadinessResponse503Checks | Unset
        if isinstance(_checks, Unset):
            checks = UNSET
        else:
            checks = GetReadinessResponse503Checks.from_dict(_checks)

        get_readiness_response_503 = cls(
            status=status,
            down=down,
            checks=checks,
        )

        get_readiness_response_503.additional_properties = d
        return get_readiness_response_503

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
