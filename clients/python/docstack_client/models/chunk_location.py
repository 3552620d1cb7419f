from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChunkLocation")


@_attrs_define
class ChunkLocation:
    """Where a passage lies in its document. Fields that do not apply to the document's format are absent. Chunks indexed
    before locations were recorded have none: re-index the document.

        Example:
            {'page_start': 12, 'page_end': 12, 'headings': ['3 Objections', '3.2 Deadlines'], 'char_start': 20480,
                'char_end': 21391}

        Attributes:
            page_start (int | Unset): First PDF page (or slide) the passage is on, 1-based.
            page_end (int | Unset): Last PDF page (or slide) the passage is on, 1-based.
            sheet (str | Unset): Spreadsheet sheet name.
            row_start (int | Unset): First table row of the passage, 1-based, the header row counted (CSV, sheets).
            row_end (int | Unset): Last table row of the passage, 1-based, the header row counted.
            headings (list[str] | Unset): The section path where the passage starts, outermost first: headings of DOCX, HTML
                and Markdown documents, or a PDF's outline (bookmarks). Example: ['3 Objections', '3.2 Deadlines'].
            char_start (int | Unset): Where the passage starts in the document's extracted text (GET /documents/{id}/text),
                in Unicode code points from 0. A table header line repeated at the start of the passage's text is not part of
                the span.
            char_end (int | Unset): Where the passage ends in the extracted text (exclusive), in code points.
    """

    page_start: int | Unset = UNSET
    page_end: int | Unset = UNSET
    sheet: str | Unset = UNSET
    row_start: int | Unset = UNSET
    row_end: int | Unset = UNSET
    headings: list[str] | Unset = UNSET
    char_start: int | Unset = UNSET
    char_end: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        page_start = self.page_start

        page_end = self.page_end

        sheet = self.sheet

        row_start = self.row_start

        row_end = self.row_end

        headings: list[str] | Unset = UNSET
        if not isinstance(self.headings, Unset):
            headings = self.headings

        char_start = self.char_start

        char_end = self.char_end

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if page_start is not UNSET:
            field_dict["page_start"] = page_start
        if page_end is not UNSET:
            field_dict["page_end"] = page_end
        if sheet is not UNSET:
            field_dict["sheet"] = sheet
        if row_start is not UNSET:
            field_dict["row_start"] = row_start
        if row_end is not UNSET:
            field_dict["row_end"] = row_end
        if headings is not UNSET:
            field_dict["headings"] = headings
        if char_start is not UNSET:
            field_dict["char_start"] = char_start
        if char_end is not UNSET:
            field_dict["char_end"] = char_end

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        page_start = d.pop("page_start", UNSET)

        page_end = d.pop("page_end", UNSET)

        sheet = d.pop("sheet", UNSET)

        row_start = d.pop("row_start", UNSET)

        row_end = d.pop("row_end", UNSET)

        headings = cast(list[str], d.pop("headings", UNSET))

        char_start = d.pop("char_start", UNSET)

        char_end = d.pop("char_end", UNSET)

        chunk_location = cls(
            page_start=page_start,
            page_end=page_end,
            sheet=sheet,
            row_start=row_start,
            row_end=row_end,
            headings=headings,
            char_start=char_start,
            char_end=char_end,
        )

        chunk_location.additional_properties = d
        return chunk_location

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
