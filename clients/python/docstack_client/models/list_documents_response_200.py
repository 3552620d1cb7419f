from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.document import Document
    from ..models.list_documents_response_200_totals import ListDocumentsResponse200Totals


T = TypeVar("T", bound="ListDocumentsResponse200")


@_attrs_define
class ListDocumentsResponse200:
    """
    Attributes:
        items (list[Document]):
        totals (ListDocumentsResponse200Totals):
        limit (int):
        offset (int):
    """

    items: list[Document]
    totals: ListDocumentsResponse200Totals
    limit: int
    offset: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        totals = self.totals.to_dict()

        limit = self.limit

        offset = self.offset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "totals": totals,
                "limit": limit,
                "offset": offset,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document import Document  # noqa: PLC0415
        from ..models.list_documents_response_200_totals import ListDocumentsResponse200Totals  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Document.from_dict(items_item_data)

            items.append(items_item)

        totals = ListDocumentsResponse200Totals.from_dict(d.pop("totals"))

        limit = d.pop("limit")

        offset = d.pop("offset")

        list_documents_response_200 = cls(
            items=items,
            totals=totals,
            limit=limit,
            offset=offset,
        )

        list_documents_response_200.additional_properties = d
        return list_documents_response_200

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
