from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.query_collection_body_mode import QueryCollectionBodyMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.query_collection_body_filter import QueryCollectionBodyFilter


T = TypeVar("T", bound="QueryCollectionBody")


@_attrs_define
class QueryCollectionBody:
    """
    Attributes:
        collection_id (UUID):
        query (str):  Example: When must planning objections be filed?.
        top_k (int | Unset):  Default: 5.
        mode (QueryCollectionBodyMode | Unset):  Default: QueryCollectionBodyMode.HYBRID.
        filter_ (QueryCollectionBodyFilter | Unset): Which documents to search. Fields are AND'ed; `$and`/`$or` combine
            filters, nesting at most 4 levels deep, with at most 256 conditions in all (each operator counts one).
            Operators: `$eq $ne $in $nin $gt $gte $lt $lte $exists $contains` (docs/api.md, Filters). Example: {'metadata':
            {'department': 'planning', 'year': {'$gte': 2020}}}.
        highlight (bool | Unset): Also return, for each result, where the words the keyword query matches lie in its
            text (`highlights`), in every mode. Default: False.
        rerank (bool | Unset): Reorder the best RERANK_DEPTH (50) candidates with the server's reranker (a cross-encoder
            reading the query and each passage together), then return the top_k: true or false; absent, the collection's
            `rerank` decides, else the server's RERANK_DEFAULT. true where the server has no reranker is refused (422). A
            reranker that fails or is too slow leaves the fused order; the `Docstack-Rerank` response header says which
            happened.
    """

    collection_id: UUID
    query: str
    top_k: int | Unset = 5
    mode: QueryCollectionBodyMode | Unset = QueryCollectionBodyMode.HYBRID
    filter_: QueryCollectionBodyFilter | Unset = UNSET
    highlight: bool | Unset = False
    rerank: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        collection_id = str(self.collection_id)

        query = self.query

        top_k = self.top_k

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        filter_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filter_, Unset):
            filter_ = self.filter_.to_dict()

        highlight = self.highlight

        rerank = self.rerank

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "collection_id": collection_id,
                "query": query,
            }
        )
        if top_k is not UNSET:
            field_dict["top_k"] = top_k
        if mode is not UNSET:
            field_dict["mode"] = mode
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
        if highlight is not UNSET:
            field_dict["highlight"] = highlight
        if rerank is not UNSET:
            field_dict["rerank"] = rerank

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.query_collection_body_filter import QueryCollectionBodyFilter  # noqa: PLC0415

        d = dict(src_dict)
        collection_id = UUID(d.pop("collection_id"))

        query = d.pop("query")

        top_k = d.pop("top_k", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: QueryCollectionBodyMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = QueryCollectionBodyMode(_mode)

        _filter_ = d.pop("filter", UNSET)
        filter_: QueryCollectionBodyFilter | Unset
        if isinstance(_filter_, Unset):
            filter_ = UNSET
        else:
            filter_ = QueryCollectionBodyFilter.from_dict(_filter_)

        highlight = d.pop("highlight", UNSET)

        rerank = d.pop("rerank", UNSET)

        query_collection_body = cls(
            collection_id=collection_id,
            query=query,
            top_k=top_k,
            mode=mode,
            filter_=filter_,
            highlight=highlight,
            rerank=rerank,
        )

        query_collection_body.additional_properties = d
        return query_collection_body

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
