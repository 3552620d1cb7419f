from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.get_index_status_response_200_counts import GetIndexStatusResponse200Counts
    from ..models.get_index_status_response_200_progress import GetIndexStatusResponse200Progress


T = TypeVar("T", bound="GetIndexStatusResponse200")


@_attrs_define
class GetIndexStatusResponse200:
    """
    Attributes:
        collection_id (None | UUID):
        counts (GetIndexStatusResponse200Counts):
        total (int):
        chunks (int):
        progress (GetIndexStatusResponse200Progress):
    """

    collection_id: None | UUID
    counts: GetIndexStatusResponse200Counts
    total: int
    chunks: int
    progress: GetIndexStatusResponse200Progress
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        collection_id: None | str
        if isinstance(self.collection_id, UUID):
            collection_id = str(self.collection_id)
        else:
            collection_id = self.collection_id

        counts = self.counts.to_dict()

        total = self.total

        chunks = self.chunks

        progress = self.progress.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "collection_id": collection_id,
                "counts": counts,
                "total": total,
                "chunks": chunks,
                "progress": progress,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_index_status_response_200_counts import GetIndexStatusResponse200Counts  # noqa: PLC0415
        from ..models.get_index_status_response_200_progress import GetIndexStatusResponse200Progress  # noqa: PLC0415

        d = dict(src_dict)

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

        counts = GetIndexStatusResponse200Counts.from_dict(d.pop("counts"))

        total = d.pop("total")

        chunks = d.pop("chunks")

        progress = GetIndexStatusResponse200Progress.from_dict(d.pop("progress"))

        get_index_status_response_200 = cls(
            collection_id=collection_id,
            counts=counts,
            total=total,
            chunks=chunks,
            progress=progress,
        )

        get_index_status_response_200.additional_properties = d
        return get_index_status_response_200

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
