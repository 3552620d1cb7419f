from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_index_response_200_documents_item_status import RunIndexResponse200DocumentsItemStatus

T = TypeVar("T", bound="RunIndexResponse200DocumentsItem")


@_attrs_define
class RunIndexResponse200DocumentsItem:
    """
    Attributes:
        id (UUID):
        status (RunIndexResponse200DocumentsItemStatus):
        chunk_count (int):
        error (None | str):
    """

    id: UUID
    status: RunIndexResponse200DocumentsItemStatus
    chunk_count: int
    error: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        chunk_count = self.chunk_count

        error: None | str
        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "chunk_count": chunk_count,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = RunIndexResponse200DocumentsItemStatus(d.pop("status"))

        chunk_count = d.pop("chunk_count")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        run_index_response_200_documents_item = cls(
            id=id,
            status=status,
            chunk_count=chunk_count,
            error=error,
        )

        run_index_response_200_documents_item.additional_properties = d
        return run_index_response_200_documents_item

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
