from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GetIndexStatusResponse200Progress")


@_attrs_define
class GetIndexStatusResponse200Progress:
    """
    Attributes:
        done (int): Documents indexed or failed
        total (int):
        indexed_per_minute (float | None): Documents indexed per minute over the last window_seconds, from the first
            indexed in it to now; null until two were Example: 42.5.
        eta_seconds (int | None): Seconds until the pending and indexing documents are done at that rate; 0 when none
            are left, null without a rate
        window_seconds (int):  Example: 300.
    """

    done: int
    total: int
    indexed_per_minute: float | None
    eta_seconds: int | None
    window_seconds: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        done = self.done

        total = self.total

        indexed_per_minute: float | None
        indexed_per_minute = self.indexed_per_minute

        eta_seconds: int | None
        eta_seconds = self.eta_seconds

        window_seconds = self.window_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "done": done,
                "total": total,
                "indexed_per_minute": indexed_per_minute,
                "eta_seconds": eta_seconds,
                "window_seconds": window_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        done = d.pop("done")

        total = d.pop("total")

        def _parse_indexed_per_minute(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        indexed_per_minute = _parse_indexed_per_minute(d.pop("indexed_per_minute"))

        def _parse_eta_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        eta_seconds = _parse_eta_seconds(d.pop("eta_seconds"))

        window_seconds = d.pop("window_seconds")

        get_index_status_response_200_progress = cls(
            done=done,
            total=total,
            indexed_per_minute=indexed_per_minute,
            eta_seconds=eta_seconds,
            window_seconds=window_seconds,
        )

        get_index_status_response_200_progress.additional_properties = d
        return get_index_status_response_200_progress

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
