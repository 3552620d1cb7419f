from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.upload_document_response_201_outcome import UploadDocumentResponse201Outcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document import Document


T = TypeVar("T", bound="UploadDocumentResponse201")


@_attrs_define
class UploadDocumentResponse201:
    """
    Attributes:
        document (Document):
        outcome (UploadDocumentResponse201Outcome):
        replaced_id (UUID | Unset):
    """

    document: Document
    outcome: UploadDocumentResponse201Outcome
    replaced_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document = self.document.to_dict()

        outcome = self.outcome.value

        replaced_id: str | Unset = UNSET
        if not isinstance(self.replaced_id, Unset):
            replaced_id = str(self.replaced_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "document": document,
                "outcome": outcome,
            }
        )
        if replaced_id is not UNSET:
            field_dict["replaced_id"] = replaced_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document import Document  # noqa: PLC0415

        d = dict(src_dict)
        document = Document.from_dict(d.pop("document"))

        outcome = UploadDocumentResponse201Outcome(d.pop("outcome"))

        _replaced_id = d.pop("replaced_id", UNSET)
        replaced_id: UUID | Unset
        if isinstance(_replaced_id, Unset):
            replaced_id = UNSET
        else:
            replaced_id = UUID(_replaced_id)

        upload_document_response_201 = cls(
            document=document,
            outcome=outcome,
            replaced_id=replaced_id,
        )

        upload_document_response_201.additional_properties = d
        return upload_document_response_201

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
