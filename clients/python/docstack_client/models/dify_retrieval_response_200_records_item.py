from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dify_retrieval_response_200_records_item_metadata import DifyRetrievalResponse200RecordsItemMetadata


T = TypeVar("T", bound="DifyRetrievalResponse200RecordsItem")


@_attrs_define
class DifyRetrievalResponse200RecordsItem:
    """
    Attributes:
        content (str): The passage's text
        score (float): The hybrid score over the best it can be (first in both keyword and vector ranking): 0 to 1
        title (str): The document's file name
        metadata (DifyRetrievalResponse200RecordsItemMetadata): Where the passage comes from, to cite it: the document,
            and its location (page_start/page_end, sheet, row_start/row_end, headings, char_start/char_end) as POST /query
            gives it.
    """

    content: str
    score: float
    title: str
    metadata: DifyRetrievalResponse200RecordsItemMetadata
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        score = self.score

        title = self.title

        metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
                "score": score,
                "title": title,
                "metadata": metadata,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dify_retrieval_response_200_records_item_metadata import (
            DifyRetrievalResponse200RecordsItemMetadata,  # noqa: PLC0415
        )

        d = dict(src_dict)
        content = d.pop("content")

        score = d.pop("score")

        title = d.pop("title")

        metadata = DifyRetrievalResponse200RecordsItemMetadata.from_dict(d.pop("metadata"))

        dify_retrieval_response_200_records_item = cls(
            content=content,
            score=score,
            title=title,
            metadata=metadata,
        )

        dify_retrieval_response_200_records_item.additional_properties = d
        return dify_retrieval_response_200_records_item

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
