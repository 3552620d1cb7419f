from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.run_index_response_200_documents_item import RunIndexResponse200DocumentsItem


T = TypeVar("T", bound="RunIndexResponse200")


@_attrs_define
class RunIndexResponse200:
    """
    Attributes:
        claimed (int):
        indexed (int):
        failed (int):
        deferred (int):
        documents (list[RunIndexResponse200DocumentsItem]):
    """

    claimed: int
    indexed: int
    failed: int
    deferred: int
    documents: list[RunIndexResponse200DocumentsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claimed = self.claimed

        indexed = self.indexed

        failed = self.failed

        deferred = self.deferred

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claimed": claimed,
                "indexed": indexed,
                "failed": failed,
                "deferred": deferred,
                "documents": documents,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_index_response_200_documents_item import RunIndexResponse200DocumentsItem  # noqa: PLC0415

        d = dict(src_dict)
        claimed = d.pop("claimed")

        indexed = d.pop("indexed")

        failed = d.pop("failed")

        deferred = d.pop("deferred")

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = RunIndexResponse200DocumentsItem.from_dict(documents_item_data)

            documents.append(documents_item)

        run_index_response_200 = cls(
            claimed=claimed,
            indexed=indexed,
            failed=failed,
            deferred=deferred,
            documents=documents,
        )

        run_index_response_200.additional_properties = d
        return run_index_response_200

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
