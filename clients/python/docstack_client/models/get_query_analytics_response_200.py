from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.get_query_analytics_response_200_top_item import GetQueryAnalyticsResponse200TopItem
    from ..models.get_query_analytics_response_200_unanswered_item import GetQueryAnalyticsResponse200UnansweredItem


T = TypeVar("T", bound="GetQueryAnalyticsResponse200")


@_attrs_define
class GetQueryAnalyticsResponse200:
    """
    Attributes:
        from_ (datetime.datetime):
        to (datetime.datetime):
        collection_id (None | UUID):
        noise_epsilon (float | None): ANALYTICS_EPSILON: the counts carry Laplace noise of scale 1/ε; null: exact
        min_count (int):
        top (list[GetQueryAnalyticsResponse200TopItem]):
        unanswered (list[GetQueryAnalyticsResponse200UnansweredItem]):
        hidden_groups (int):
        queries_without_text (int):
    """

    from_: datetime.datetime
    to: datetime.datetime
    collection_id: None | UUID
    noise_epsilon: float | None
    min_count: int
    top: list[GetQueryAnalyticsResponse200TopItem]
    unanswered: list[GetQueryAnalyticsResponse200UnansweredItem]
    hidden_groups: int
    queries_without_text: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        collection_id: None | str
        if isinstance(self.collection_id, UUID):
            collection_id = str(self.collection_id)
        else:
            collection_id = self.collection_id

        noise_epsilon: float | None
        noise_epsilon = self.noise_epsilon

        min_count = self.min_count

        top = []
        for top_item_data in self.top:
            top_item = top_item_data.to_dict()
            top.append(top_item)

        unanswered = []
        for unanswered_item_data in self.unanswered:
            unanswered_item = unanswered_item_data.to_dict()
            unanswered.append(unanswered_item)

        hidden_groups = self.hidden_groups

        queries_without_text = self.queries_without_text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "collection_id": collection_id,
                "noise_epsilon": noise_epsilon,
                "min_count": min_count,
                "top": top,
                "unanswered": unanswered,
                "hidden_groups": hidden_groups,
                "queries_without_text": queries_without_text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_query_analytics_response_200_top_item import GetQueryAnalyticsResponse200TopItem  # noqa: PLC0415
        from ..models.get_query_analytics_response_200_unanswered_item import GetQueryAnalyticsResponse200UnansweredItem  # noqa: PLC0415

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

        def _parse_noise_epsilon(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        noise_epsilon = _parse_noise_epsilon(d.pop("noise_epsilon"))

        min_count = d.pop("min_count")

        top = []
        _top = d.pop("top")
        for top_item_data in _top:
            top_item = GetQueryAnalyticsResponse200TopItem.from_dict(top_item_data)

            top.append(top_item)

        unanswered = []
        _unanswered = d.pop("unanswered")
        for unanswered_item_data in _unanswered:
            unanswered_item = GetQueryAnalyticsResponse200UnansweredItem.from_dict(unanswered_item_data)

            unanswered.append(unanswered_item)

        hidden_groups = d.pop("hidden_groups")

        queries_without_text = d.pop("queries_without_text")

        get_query_analytics_response_200 = cls(
            from_=from_,
            to=to,
            collection_id=collection_id,
            noise_epsilon=noise_epsilon,
            min_count=min_count,
            top=top,
            unanswered=unanswered,
            hidden_groups=hidden_groups,
            queries_without_text=queries_without_text,
        )

        get_query_analytics_response_200.additional_properties = d
        return get_query_analytics_response_200

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
