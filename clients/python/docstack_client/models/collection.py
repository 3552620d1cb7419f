from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.collection_analytics_text import CollectionAnalyticsText

if TYPE_CHECKING:
    from ..models.collection_chunking import CollectionChunking
    from ..models.collection_counts import CollectionCounts


T = TypeVar("T", bound="Collection")


@_attrs_define
class Collection:
    """
    Attributes:
        id (UUID):
        name (str):
        description (str):
        embedding_model (str):
        embedding_dimension (int):
        chunking (CollectionChunking): Chunk size and overlap in characters, per kind of document. The overlap must be
            below the size; a field left out takes the kind's default (size/overlap: pdf 1024/100, docx 800/80, txt
            1200/120, md 1200/120, html 900/90, csv 1000/0, xlsx 1000/0, ods 1000/0, pptx 900/90, odp 900/90, odt 800/80,
            rtf 800/80, eml 900/90, png 1024/100, jpeg 1024/100, tiff 1024/100). Example: {'pdf': {'size': 800, 'overlap':
            80}}.
        language (str): The text-search configuration keyword search analyses the collection's documents and queries
            with: one PostgreSQL ships, such as english, french, german, spanish, italian, portuguese, dutch, russian,
            arabic or simple (no stemming, for languages PostgreSQL has no stemmer for, e.g. Swahili, Chinese, Japanese,
            Korean). The list depends on the PostgreSQL version; an unknown name is refused with the list. Words of Chinese,
            Japanese, Thai and Korean text are separated for search in every language. Example: english.
        ocr_languages (list[str]): The languages OCR reads the collection's scanned PDF pages and images in, as
            tesseract codes: some of eng, fra, deu, spa (the ones this server ships; docs/ocr.md says how to add one).
            Several may be given, most frequent first; each one more makes OCR slower. Example: ['eng'].
        analytics_text (CollectionAnalyticsText): What retrieval analytics keeps of this collection's query texts: off
            (nothing: counts, latencies, documents returned), hashed (a keyed hash of the normalised text, so repeated
            questions can be counted but not read), or full (the text, shown in GET /analytics/queries for groups of at
            least ANALYTICS_MIN_COUNT). Example: hashed.
        rerank (bool | None): Whether this collection's queries are reranked when they do not say (`rerank` in POST
            /query): true or false, or null to follow the server's RERANK_DEFAULT. Reranking needs a reranker configured on
            the server (RERANKER); without one, a query this default asks to rerank keeps the fused order, with the response
            header `Docstack-Rerank: fallback; reason=not-configured`.
        created_at (datetime.datetime):
        counts (CollectionCounts): What the collection holds when the answer was made
    """

    id: UUID
    name: str
    description: str
    embedding_model: str
    embedding_dimension: int
    chunking: CollectionChunking
    language: str
    ocr_languages: list[str]
    analytics_text: CollectionAnalyticsText
    rerank: bool | None
    created_at: datetime.datetime
    counts: CollectionCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        description = self.description

        embedding_model = self.embedding_model

        embedding_dimension = self.embedding_dimension

        chunking = self.chunking.to_dict()

        language = self.language

        ocr_languages = self.ocr_languages

        analytics_text = self.analytics_text.value

        rerank: bool | None
        rerank = self.rerank

        created_at = self.created_at.isoformat()

        counts = self.counts.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "embedding_model": embedding_model,
                "embedding_dimension": embedding_dimension,
                "chunking": chunking,
                "language": language,
                "ocr_languages": ocr_languages,
                "analytics_text": analytics_text,
                "rerank": rerank,
                "created_at": created_at,
                "counts": counts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.collection_chunking import CollectionChunking  # noqa: PLC0415
        from ..models.collection_counts import CollectionCounts  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        description = d.pop("description")

        embedding_model = d.pop("embedding_model")

        embedding_dimension = d.pop("embedding_dimension")

        chunking = CollectionChunking.from_dict(d.pop("chunking"))

        language = d.pop("language")

        ocr_languages = cast(list[str], d.pop("ocr_languages"))

        analytics_text = CollectionAnalyticsText(d.pop("analytics_text"))

        def _parse_rerank(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        rerank = _parse_rerank(d.pop("rerank"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        counts = CollectionCounts.from_dict(d.pop("counts"))

        collection = cls(
            id=id,
            name=name,
            description=description,
            embedding_model=embedding_model,
            embedding_dimension=embedding_dimension,
            chunking=chunking,
            language=language,
            ocr_languages=ocr_languages,
            analytics_text=analytics_text,
            rerank=rerank,
            created_at=created_at,
            counts=counts,
        )

        collection.additional_properties = d
        return collection

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
