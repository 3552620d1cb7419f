from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MetadataOperators")


@_attrs_define
class MetadataOperators:
    """`$gt`…`$lte` compare numbers with numbers and strings with strings (by code point); a stored value of another type
    never matches. `$ne`/`$nin` match documents without the key. `$contains`: an element of an array, or a substring of
    a string (case-sensitive).

        Attributes:
            eq (bool | float | str | Unset):
            ne (bool | float | str | Unset):
            in_ (list[bool | float | str] | Unset):
            nin (list[bool | float | str] | Unset):
            gt (float | str | Unset):
            gte (float | str | Unset):
            lt (float | str | Unset):
            lte (float | str | Unset):
            exists (bool | Unset):
            contains (bool | float | str | Unset):
    """

    eq: bool | float | str | Unset = UNSET
    ne: bool | float | str | Unset = UNSET
    in_: list[bool | float | str] | Unset = UNSET
    nin: list[bool | float | str] | Unset = UNSET
    gt: float | str | Unset = UNSET
    gte: float | str | Unset = UNSET
    lt: float | str | Unset = UNSET
    lte: float | str | Unset = UNSET
    exists: bool | Unset = UNSET
    contains: bool | float | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        eq: bool | float | str | Unset
        if isinstance(self.eq, Unset):
            eq = UNSET
        else:
            eq = self.eq

        ne: bool | float | str | Unset
        if isinstance(self.ne, Unset):
            ne = UNSET
        else:
            ne = self.ne

        in_: list[bool | float | str] | Unset = UNSET
        if not isinstance(self.in_, Unset):
            in_ = []
            for in_item_data in self.in_:
                in_item: bool | float | str
                in_item = in_item_data
                in_.append(in_item)

        nin: list[bool | float | str] | Unset = UNSET
        if not isinstance(self.nin, Unset):
            nin = []
            for nin_item_data in self.nin:
                nin_item: bool | float | str
                nin_item = nin_item_data
                nin.append(nin_item)

        gt: float | str | Unset
        if isinstance(self.gt, Unset):
            gt = UNSET
        else:
            gt = self.gt

        gte: float | str | Unset
        if isinstance(self.gte, Unset):
            gte = UNSET
        else:
            gte = self.gte

        lt: float | str | Unset
        if isinstance(self.lt, Unset):
            lt = UNSET
        else:
            lt = self.lt

        lte: float | str | Unset
        if isinstance(self.lte, Unset):
            lte = UNSET
        else:
            lte = self.lte

        exists = self.exists

        contains: bool | float | str | Unset
        if isinstance(self.contains, Unset):
            contains = UNSET
        else:
            contains = self.contains

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if eq is not UNSET:
            field_dict["$eq"] = eq
        if ne is not UNSET:
            field_dict["$ne"] = ne
        if in_ is not UNSET:
            field_dict["$in"] = in_
        if nin is not UNSET:
            field_dict["$nin"] = nin
        if gt is not UNSET:
            field_dict["$gt"] = gt
        if gte is not UNSET:
            field_dict["$gte"] = gte
        if lt is not UNSET:
            field_dict["$lt"] = lt
        if lte is not UNSET:
            field_dict["$lte"] = lte
        if exists is not UNSET:
            field_dict["$exists"] = exists
        if contains is not UNSET:
            field_dict["$contains"] = contains

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_eq(data: object) -> bool | float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | float | str | Unset, data)

        eq = _parse_eq(d.pop("$eq", UNSET))

        def _parse_ne(data: object) -> bool | float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | float | str | Unset, data)

        ne = _parse_ne(d.pop("$ne", UNSET))

        _in_ = d.pop("$in", UNSET)
        in_: list[bool | float | str] | Unset = UNSET
        if _in_ is not UNSET:
            in_ = []
            for in_item_data in _in_:

                def _parse_in_item(data: object) -> bool | float | str:
                    return cast(bool | float | str, data)

                in_item = _parse_in_item(in_item_data)

                in_.append(in_item)

        _nin = d.pop("$nin", UNSET)
        nin: list[bool | float | str] | Unset = UNSET
        if _nin is not UNSET:
            nin = []
            for nin_item_data in _nin:

                def _parse_nin_item(data: object) -> bool | float | str:
                    return cast(bool | float | str, data)

                nin_item = _parse_nin_item(nin_item_data)

                nin.append(nin_item)

        def _parse_gt(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        gt = _parse_gt(d.pop("$gt", UNSET))

        def _parse_gte(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        gte = _parse_gte(d.pop("$gte", UNSET))

        def _parse_lt(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        lt = _parse_lt(d.pop("$lt", UNSET))

        def _parse_lte(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        lte = _parse_lte(d.pop("$lte", UNSET))

        exists = d.pop("$exists", UNSET)

        def _parse_contains(data: object) -> bool | float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | float | str | Unset, data)

        contains = _parse_contains(d.pop("$contains", UNSET))

        metadata_operators = cls(
            eq=eq,
            ne=ne,
            in_=in_,
            nin=nin,
            gt=gt,
            gte=gte,
            lt=lt,
            lte=lte,
            exists=exists,
            contains=contains,
        )

        return metadata_operators
