from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.get_retrieval_analytics_response_200_by_mode import GetRetrievalAnalyticsResponse200ByMode
    from ..models.get_retrieval_analytics_response_200_feedback import GetRetrievalAnalyticsResponse200Feedback
    from ..models.get_retrieval_analytics_response_200_latency_ms import GetRetrievalAnalyticsResponse200LatencyMs


T = TypeVar("T", bound="GetRetrievalAnalyticsResponse200")


@_attrs_define
class GetRetrievalAnalyticsResponse200:
    """
    Attributes:
        from_ (datetime.datetime):
        to (datetime.datetime):
        collection_id (None | UUID):
        queries (int):
        by_mode (GetRetrievalAnalyticsResponse200ByMode):
        unique_documents (int):
        failed (int):
        zero_results (int):
        cache_hits (int):
        failure_rate (float | None): 0–1; null when there is nothing to divide by
        zero_result_rate (float | None): 0–1; null when there is nothing to divide by
        cache_hit_rate (float | None): 0–1; null when there is nothing to divide by
        latency_ms (GetRetrievalAnalyticsResponse200LatencyMs):
        mean_top_score (float | None):
        feedback (GetRetrievalAnalyticsResponse200Feedback):
    """

    from_: datetime.datetime
    to: datetime.datetime
    collection_id: None | UUID
    queries: int
    by_mode: GetRetrievalAnalyticsResponse200ByMode
    unique_documents: int
    failed: int
    zero_results: int
    cache_hits: int
    failure_rate: float | None
    zero_result_rate: float | None
    cache_hit_rate: float | None
    latency_ms: GetRetrievalAnalyticsResponse200LatencyMs
    mean_top_score: float | None
    feedback: GetRetrievalAnalyticsResponse200Feedback
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        collection_id: None | str
        if isinstance(self.collection_id, UUID):
            collection_id = str(self.collection_id)
        else:
            collection_id = self.collection_id

        queries = self.queries

        by_mode = self.by_mode.to_dict()

        unique_documents = self.unique_documents

        failed = self.failed

        zero_results = self.zero_results

        cache_hits = self.cache_hits

        failure_rate: float | None
        failure_rate = self.failure_rate

        zero_result_rate: float | None
        zero_result_rate = self.zero_result_rate

        cache_hit_rate: float | None
        cache_hit_rate = self.cache_hit_rate

        latency_ms = self.latency_ms.to_dict()

        mean_top_score: float | None
        mean_top_score = self.mean_top_score

        feedback = self.feedback.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "collection_id": collection_id,
                "queries": queries,
                "by_mode": by_mode,
                "unique_documents": unique_documents,
                "failed": failed,
                "zero_results": zero_results,
                "cache_hits": cache_hits,
                "failure_rate": failure_rate,
                "zero_result_rate": zero_result_rate,
                "cache_hit_rate": cache_hit_rate,
                "latency_ms": latency_ms,
                "mean_top_score": mean_top_score,
                "feedback": feedback,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_retrieval_analytics_response_200_by_mode import GetRetrievalAnalyticsResponse200ByMode  # noqa: PLC0415
        from ..models.get_retrieval_analytics_response_200_feedback import GetRetrievalAnalyticsResponse200Feedback  # noqa: PLC0415
        from ..models.get_retrieval_analytics_response_200_latency_ms import GetRetrievalAnalyticsResponse200LatencyMs  # noqa: PLC0415

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

        queries = d.pop("queries")

        by_mode = GetRetrievalAnalyticsResponse200ByMode.from_dict(d.pop("by_mode"))

        unique_documents = d.pop("unique_documents")

        failed = d.pop("failed")

        zero_results = d.pop("zero_results")

        cache_hits = d.pop("cache_hits")

        def _parse_failure_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        failure_rate = _parse_failure_rate(d.pop("failure_rate"))

        def _parse_zero_result_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        zero_result_rate = _parse_zero_result_rate(d.pop("zero_result_rate"))

        def _parse_cache_hit_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cache_hit_rate = _parse_cache_hit_rate(d.pop("cache_hit_rate"))

        latency_ms = GetRetrievalAnalyticsResponse200LatencyMs.from_dict(d.pop("latency_ms"))

        def _parse_mean_top_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_top_score = _parse_mean_top_score(d.pop("mean_top_score"))

        feedback = GetRetrievalAnalyticsResponse200Feedback.from_dict(d.pop("feedback"))

        get_retrieval_analytics_response_200 = cls(
            from_=from_,
            to=to,
            collection_id=collection_id,
            queries=queries,
            by_mode=by_mode,
            unique_documents=unique_documents,
            failed=failed,
            zero_results=zero_results,
            cache_hits=cache_hits,
            failure_rate=failure_rate,
            zero_result_rate=zero_result_rate,
            cache_hit_rate=cache_hit_rate,
            latency_ms=latency_ms,
            mean_top_score=mean_top_score,
            feedback=feedback,
        )

        get_retrieval_analytics_response_200.additional_properties = d
        return get_retrieval_analytics_response_200

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
