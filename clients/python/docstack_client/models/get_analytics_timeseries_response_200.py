from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_analytics_timeseries_response_200_bucket import GetAnalyticsTimeseriesResponse200Bucket

if TYPE_CHECKING:
    from ..models.get_analytics_timeseries_response_200_points_item import GetAnalyticsTimeseriesResponse200PointsItem


T = TypeVar("T", bound="GetAnalyticsTimeseriesResponse200")


@_attrs_define
class GetAnalyticsTimeseriesResponse200:
    """
    Attributes:
        from_ (datetime.datetime):
        to (datetime.datetime):
        collection_id (None | UUID):
        bucket (GetAnalyticsTimeseriesResponse200Bucket):
        points (list[GetAnalyticsTimeseriesResponse200PointsItem]):
    """

    from_: datetime.datetime
    to: datetime.datetime
    collection_id: None | UUID
    bucket: GetAnalyticsTimeseriesResponse200Bucket
    points: list[GetAnalyticsTimeseriesResponse200PointsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        collection_id: None | str
        if isinstance(self.collection_id, UUID):
            collection_id = str(self.collection_id)
        else:
            collection_id = self.collection_id

        bucket = self.bucket.value

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "collection_id": collection_id,
                "bucket": bucket,
                "points": points,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_analytics_timeseries_response_200_points_item import (
            GetAnalyticsTimeseriesResponse200PointsItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        to = datetime.datetime.fromisoformat(d.pop("to"))

        def _parse_collection_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                collection_id_type_0 = UUID(data)

                return collection_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        collection_id = _parse_collection_id(d.pop("collection_id"))

        bucket = GetAnalyticsTimeseriesResponse200Bucket(d.pop("bucket"))

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = GetAnalyticsTimeseriesResponse200PointsItem.from_dict(points_item_data)

            points.append(points_item)

        get_analytics_timeseries_response_200 = cls(
            from_=from_,
            to=to,
            collection_id=collection_id,
            bucket=bucket,
            points=points,
        )

        get_analytics_timeseries_response_200.additional_properties = d
        return get_analytics_timeseries_response_200

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
