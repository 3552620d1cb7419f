from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_collection_body_analytics_text import CreateCollectionBodyAnalyticsText
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_collection_body_chunking import CreateCollectionBodyChunking


T = TypeVar("T", bound="CreateCollectionBody")


@_attrs_define
class CreateCollectionBody:
    """
    Attributes:
        name (str): Stored without invisible characters (controls, zero-width, bidirectional), with compatibility forms
            folded (NFKC) and runs of whitespace as one space. Unique by how it reads: case, width and look-alike letters
            from other scripts (Unicode confusables) do not make a new name. Example: policies.
        description (str | Unset):  Example: Published council policies.
        chunking (CreateCollectionBodyChunking | Unset): Chunk size and overlap in characters, per kind of document. The
            overlap must be below the size; a field left out takes the kind's default (size/overlap: pdf 1024/100, docx
            800/80, txt 1200/120, md 1200/120, html 900/90, csv 1000/0, xlsx 1000/0, ods 1000/0, pptx 900/90, odp 900/90,
            odt 800/80, rtf 800/80, eml 900/90, png 1024/100, jpeg 1024/100, tiff 1024/100). Example: {'pdf': {'size': 800,
            'overlap': 80}}.
        language (str | Unset): The text-search configuration keyword search analyses the collection's documents and
            queries with: one PostgreSQL ships, such as english, french, german, spanish, italian, portuguese, dutch,
            russian, arabic or simple (no stemming, for languages PostgreSQL has no stemmer for, e.g. Swahili, Chinese,
            Japanese, Korean). The list depends on the PostgreSQL version; an unknown name is refused with the list. Words
            of Chinese, Japanese, Thai and Korean text are separated for search in every language. Chosen once; english when
            absent. Example: french.
        ocr_languages (list[str] | Unset): The languages OCR reads the collection's scanned PDF pages and images in, as
            tesseract codes: some of eng, fra, deu, spa (the ones this server ships; docs/ocr.md says how to add one).
            Several may be given, most frequent first; each one more makes OCR slower. Chosen once; when absent, the
            language of `language` where OCR has it (french: fra, german: deu, spanish: spa), else eng. Example: ['fra'].
        analytics_text (CreateCollectionBodyAnalyticsText | Unset): off when absent Example: hashed.
        rerank (bool | Unset): Whether this collection's queries are reranked when they do not say (`rerank` in POST
            /query): true or false, or null to follow the server's RERANK_DEFAULT. Reranking needs a reranker configured on
            the server (RERANKER); without one, a query this default asks to rerank keeps the fused order, with the response
            header `Docstack-Rerank: fallback; reason=not-configured`. Chosen once; null (the server's default) when absent.
    """

    name: str
    description: str | Unset = UNSET
    chunking: CreateCollectionBodyChunking | Unset = UNSET
    language: str | Unset = UNSET
    ocr_languages: list[str] | Unset = UNSET
    analytics_text: CreateCollectionBodyAnalyticsText | Unset = UNSET
    rerank: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        chunking: dict[str, Any] | Unset = UNSET
        if not isinstance(self.chunking, Unset):
            chunking = self.chunking.to_dict()

        language = self.language

        ocr_languages: list[str] | Unset = UNSET
        if not isinstance(self.ocr_languages, Unset):
            ocr_languages = self.ocr_languages

        analytics_text: str | Unset = UNSET
        if not isinstance(self.analytics_text, Unset):
            analytics_text = self.analytics_text.value

        rerank = self.rerank

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if chunking is not UNSET:
            field_dict["chunking"] = chunking
        if language is not UNSET:
            field_dict["language"] = language
        if ocr_languages is not UNSET:
            field_dict["ocr_languages"] = ocr_languages
        if analytics_text is not UNSET:
            field_dict["analytics_text"] = analytics_text
        if rerank is not UNSET:
            field_dict["rerank"] = rerank

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_collection_body_chunking import CreateCollectionBodyChunking  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description", UNSET)

        _chunking = d.pop("chunking", UNSET)
        chunking: CreateCollectionBodyChunking | Unset
        if isinstance(_chunking, Unset):
            chunking = UNSET
        else:
            chunking = CreateCollectionBodyChunking.from_dict(_chunking)

        language = d.pop("language", UNSET)

        ocr_languages = cast(list[str], d.pop("ocr_languages", UNSET))

        _analytics_text = d.pop("analytics_text", UNSET)
        analytics_text: CreateCollectionBodyAnalyticsText | Unset
        if isinstance(_analytics_text, Unset):
            analytics_text = UNSET
        else:
            analytics_text = CreateCollectionBodyAnalyticsText(_analytics_text)

        rerank = d.pop("rerank", UNSET)

        create_collection_body = cls(
            name=name,
            description=description,
            chunking=chunking,
            language=language,
            ocr_languages=ocr_languages,
            analytics_text=analytics_text,
            rerank=rerank,
        )

        create_collection_body.additional_properties = d
        return create_collection_body

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
