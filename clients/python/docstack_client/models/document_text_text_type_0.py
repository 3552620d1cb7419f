from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DocumentTextTextType0")


@_attrs_define
class DocumentTextTextType0:
    """The extracted text from this page's first chunk to the next page's first chunk (to the end on the last page): the
    pages' texts laid end to end are the whole text. Offsets in code points. Null when the page has no chunk or its
    chunks have no location.

        Attributes:
            char_start (int):
            char_end (int):
            text (str):
    """

    char_start: int
    char_end: int
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        char_start = self.char_start

        char_end = self.char_end

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "char_start": char_start,
                "char_end": char_end,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        char_start = d.pop("char_start")

        char_end = d.pop("char_end")

        text = d.pop("text")

        document_text_text_type_0 = cls(
            char_start=char_start,
            char_end=char_end,
            text=text,
        )

        document_text_text_type_0.additional_properties = d
        return document_text_text_type_0

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
