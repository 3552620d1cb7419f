from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chunk_location import ChunkLocation
    from ..models.query_collection_response_200_results_item_highlights_item import (
        QueryCollectionResponse200ResultsItemHighlightsItem,
    )
    from ..models.query_collection_response_200_results_item_ranks import QueryCollectionResponse200ResultsItemRanks


T = TypeVar("T", bound="QueryCollectionResponse200ResultsItem")


@_attrs_define
class QueryCollectionResponse200ResultsItem:
    """
    Attributes:
        document_id (UUID):
        filename (str):
        content_type (str):
        chunk_index (int):
        text (str): The chunk's text. A chunk of table rows starts with its table's header line, which is not part of
            the location's span.
        location (ChunkLocation): Where a passage lies in its document. Fields that do not apply to the document's
            format are absent. Chunks indexed before locations were recorded have none: re-index the document. Example:
            {'page_start': 12, 'page_end': 12, 'headings': ['3 Objections', '3.2 Deadlines'], 'char_start': 20480,
            'char_end': 21391}.
        score (float): The passage's score in its mode: BM25 (keyword), cosine similarity (vector) or the fused score
            (hybrid). Reranking does not change it; reranked results are ordered by `rerank_score`.
        ranks (QueryCollectionResponse200ResultsItemRanks): Where the passage stood in each side's candidate list before
            fusion. In hybrid mode a side is asked for up to 4 × top_k candidates (20 to 200), fewer when those past a rank
            could no longer reach the top k; in keyword or vector mode the other side is null.
        rerank_score (float | Unset): When the results were reranked (`Docstack-Rerank: applied`): the reranker's score
            of the passage against the query, higher is better; its scale is the reranker model's (0 to 1 for TEI's default,
            Cohere and Jina).
        highlights (list[QueryCollectionResponse200ResultsItemHighlightsItem] | Unset): With `highlight: true` only: the
            words of `text` that the keyword query matches, analysed as keyword search analyses them (the collection's
            language and stemming: "refunds" marks "Refund"; excluded words mark nothing; a hyphenated word or a URL is
            marked by its matching parts). Offsets are JavaScript string indices (UTF-16 code units), end exclusive, sorted
            and not overlapping; words that touch are one mark.
    """

    document_id: UUID
    filename: str
    content_type: str
    chunk_index: int
    text: str
    location: ChunkLocation
    score: float
    ranks: QueryCollectionResponse200ResultsItemRanks
    rerank_score: float | Unset = UNSET
    highlights: list[QueryCollectionResponse200ResultsItemHighlightsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_id = str(self.document_id)

        filename = self.filename

        content_type = self.content_type

        chunk_index = self.chunk_index

        text = self.text

        location = self.location.to_dict()

        score = self.score

        ranks = self.ranks.to_dict()

        rerank_score = self.rerank_score

        highlights: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.highlights, Unset):
            highlights = []
            for highlights_item_data in self.highlights:
                highlights_item = highlights_item_data.to_dict()
                highlights.append(highlights_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "document_id": document_id,
                "filename": filename,
                "content_type": content_type,
                "chunk_index": chunk_index,
                "text": text,
                "location": location,
                "score": score,
                "ranks": ranks,
            }
        )
        if rerank_score is not UNSET:
            field_dict["rerank_score"] = rerank_score
        if highlights is not UNSET:
            field_dict["highlights"] = highlights

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chunk_location import ChunkLocation  # noqa: PLC0415
        from ..models.query_collection_response_200_results_item_highlights_item import (
            QueryCollectionResponse200ResultsItemHighlightsItem,  # noqa: PLC0415
        )
        from ..models.query_collection_response_200_results_item_ranks import QueryCollectionResponse200ResultsItemRanks  # noqa: PLC0415

        d = dict(src_dict)
        document_id = UUID(d.pop("document_id"))

        filename = d.pop("filename")

        content_type = d.pop("content_type")

        chunk_index = d.pop("chunk_index")

        text = d.pop("text")

        location = ChunkLocation.from_dict(d.pop("location"))

        score = d.pop("score")

        ranks = QueryCollectionResponse200ResultsItemRanks.from_dict(d.pop("ranks"))

        rerank_score = d.pop("rerank_score", UNSET)

        _highlights = d.pop("highlights", UNSET)
        highlights: list[QueryCollectionResponse200ResultsItemHighlightsItem] | Unset = UNSET
        if _highlights is not UNSET:
            highlights = []
            for highlights_item_data in _highlights:
                highlights_item = QueryCollectionResponse200ResultsItemHighlightsItem.from_dict(highlights_item_data)

                highlights.append(highlights_item)

        query_collection_response_200_results_item = cls(
            document_id=document_id,
            filename=filename,
            content_type=content_type,
            chunk_index=chunk_index,
            text=text,
            location=location,
            score=score,
            ranks=ranks,
            rerank_score=rerank_score,
            highlights=highlights,
        )

        query_collection_response_200_results_item.additional_properties = d
        return query_collection_response_200_results_item

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
