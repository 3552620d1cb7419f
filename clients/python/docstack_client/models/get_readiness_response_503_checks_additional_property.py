from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_readiness_response_503_checks_additional_property_status import (
    GetReadinessResponse503ChecksAdditionalPropertyStatus,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="GetReadinessResponse503ChecksAdditionalProperty")


@_attrs_define
class GetReadinessResponse503ChecksAdditionalProperty:
    """
    Attributes:
        status (GetReadinessResponse503ChecksAdditionalPropertyStatus):
        latency_ms (float):
        adapter (str):
        error (str | Unset):
    """

    status: GetReadinessResponse503ChecksAdditionalPropertyStatus
    latency_ms: float
    adapter: str
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        latency_ms = self.latency_ms

        adapter = self.adapter

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "latency_ms": latency_ms,
                "adapter": adapter,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = GetReadinessResponse503ChecksAdditionalPropertyStatus(d.pop("status"))

        latency_ms = d.pop("latency_ms")

        adapter = d.pop("adapter")

        error = d.pop("error", UNSET)

        get_readiness_response_503_checks_additional_property = cls(
            status=status,
            latency_ms=latency_ms,
            adapter=adapter,
            error=error,
        )

        get_readiness_response_503_checks_additional_property.additional_properties = d
        return get_readiness_response_503_checks_additional_property

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
