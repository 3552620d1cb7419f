from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.get_analytics_timeseries_response_200_points_item_latency_ms import (
        GetAnalyticsTimeseriesResponse200PointsItemLatencyMs,
    )


T = TypeVar("T", bound="GetAnalyticsTimeseriesResponse200PointsItem")


@_attrs_define
class GetAnalyticsTimeseriesResponse200PointsItem:
    """
    Attributes:
        start (datetime.datetime):
        queries (int):
        failed (int):
        zero_results (int):
        cache_hits (int):
        latency_ms (GetAnalyticsTimeseriesResponse200PointsItemLatencyMs):
    """

    start: datetime.datetime
    queries: int
    failed: int
    zero_results: int
    cache_hits: int
    latency_ms: GetAnalyticsTimeseriesResponse200PointsItemLatencyMs
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        queries = self.queries

        failed = self.failed

        zero_results = self.zero_results

        cache_hits = self.cache_hits

        latency_ms = self.latency_ms.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start": start,
                "queries": queries,
                "failed": failed,
                "zero_results": zero_results,
                "cache_hits": cache_hits,
                "latency_ms": latency_ms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_analytics_timeseries_response_200_points_item_latency_ms import (
            GetAnalyticsTimeseriesResponse200PointsItemLatencyMs,  # noqa: PLC0415
        )

        d = dict(src_dict)
        start = datetime.datetime.fromisoformat(d.pop("start"))

        queries = d.pop("queries")

        failed = d.pop("failed")

        zero_results = d.pop("zero_results")

        cache_hits = d.pop("cache_hits")

        latency_ms = GetAnalyticsTimeseriesResponse200PointsItemLatencyMs.from_dict(d.pop("latency_ms"))

        get_analytics_timeseries_response_200_points_item = cls(
            start=start,
            queries=queries,
            failed=failed,
            zero_results=zero_results,
            cache_hits=cache_hits,
            latency_ms=latency_ms,
        )

        get_analytics_timeseries_response_200_points_item.additional_properties = d
        return get_analytics_timeseries_response_200_points_item

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
