from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.get_document_analytics_response_200_most_retrieved_item import (
        GetDocumentAnalyticsResponse200MostRetrievedItem,
    )
    from ..models.get_document_analytics_response_200_never_retrieved_item import (
        GetDocumentAnalyticsResponse200NeverRetrievedItem,
    )


T = TypeVar("T", bound="GetDocumentAnalyticsResponse200")


@_attrs_define
class GetDocumentAnalyticsResponse200:
    """
    Attributes:
        from_ (datetime.datetime):
        to (datetime.datetime):
        collection_id (None | UUID):
        noise_epsilon (float | None): ANALYTICS_EPSILON: the counts carry Laplace noise of scale 1/ε; null: exact
        most_retrieved (list[GetDocumentAnalyticsResponse200MostRetrievedItem]):
        never_retrieved (list[GetDocumentAnalyticsResponse200NeverRetrievedItem]):
    """

    from_: datetime.datetime
    to: datetime.datetime
    collection_id: None | UUID
    noise_epsilon: float | None
    most_retrieved: list[GetDocumentAnalyticsResponse200MostRetrievedItem]
    never_retrieved: list[GetDocumentAnalyticsResponse200NeverRetrievedItem]
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

        most_retrieved = []
        for most_retrieved_item_data in self.most_retrieved:
            most_retrieved_item = most_retrieved_item_data.to_dict()
            most_retrieved.append(most_retrieved_item)

        never_retrieved = []
        for never_retrieved_item_data in self.never_retrieved:
            never_retrieved_item = never_retrieved_item_data.to_dict()
            never_retrieved.append(never_retrieved_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "collection_id": collection_id,
                "noise_epsilon": noise_epsilon,
                "most_retrieved": most_retrieved,
                "never_retrieved": never_retrieved,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_document_analytics_response_200_most_retrieved_item import (
            GetDocumentAnalyticsResponse200MostRetrievedItem,  # noqa: PLC0415
        )
        from ..models.get_document_analytics_response_200_never_retrieved_item import (
            GetDocumentAnalyticsResponse200NeverRetrievedItem,  # noqa: PLC0415
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

        def _parse_noise_epsilon(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        noise_epsilon = _parse_noise_epsilon(d.pop("noise_epsilon"))

        most_retrieved = []
        _most_retrieved = d.pop("most_retrieved")
        for most_retrieved_item_data in _most_retrieved:
            most_retrieved_item = GetDocumentAnalyticsResponse200MostRetrievedItem.from_dict(most_retrieved_item_data)

            most_retrieved.append(most_retrieved_item)

        never_retrieved = []
        _never_retrieved = d.pop("never_retrieved")
        for never_retrieved_item_data in _never_retrieved:
            never_retrieved_item = GetDocumentAnalyticsResponse200NeverRetrievedItem.from_dict(
                never_retrieved_item_data
            )

            never_retrieved.append(never_retrieved_item)

        get_document_analytics_response_200 = cls(
            from_=from_,
            to=to,
            collection_id=collection_id,
            noise_epsilon=noise_epsilon,
            most_retrieved=most_retrieved,
            never_retrieved=never_retrieved,
        )

        get_document_analytics_response_200.additional_properties = d
        return get_document_analytics_response_200

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
