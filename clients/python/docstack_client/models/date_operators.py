from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DateOperators")


@_attrs_define
class DateOperators:
    """Operators on the upload time: a date-time with an offset, or a date (midnight UTC).

    Attributes:
        eq (datetime.date | datetime.datetime | Unset):
        ne (datetime.date | datetime.datetime | Unset):
        in_ (list[datetime.date | datetime.datetime] | Unset):
        nin (list[datetime.date | datetime.datetime] | Unset):
        gt (datetime.date | datetime.datetime | Unset):
        gte (datetime.date | datetime.datetime | Unset):
        lt (datetime.date | datetime.datetime | Unset):
        lte (datetime.date | datetime.datetime | Unset):
        exists (bool | Unset):
    """

    eq: datetime.date | datetime.datetime | Unset = UNSET
    ne: datetime.date | datetime.datetime | Unset = UNSET
    in_: list[datetime.date | datetime.datetime] | Unset = UNSET
    nin: list[datetime.date | datetime.datetime] | Unset = UNSET
    gt: datetime.date | datetime.datetime | Unset = UNSET
    gte: datetime.date | datetime.datetime | Unset = UNSET
    lt: datetime.date | datetime.datetime | Unset = UNSET
    lte: datetime.date | datetime.datetime | Unset = UNSET
    exists: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        eq: str | Unset
        if isinstance(self.eq, Unset):
            eq = UNSET
        elif isinstance(self.eq, datetime.datetime):
            eq = self.eq.isoformat()
        else:
            eq = self.eq.isoformat()

        ne: str | Unset
        if isinstance(self.ne, Unset):
            ne = UNSET
        elif isinstance(self.ne, datetime.datetime):
            ne = self.ne.isoformat()
        else:
            ne = self.ne.isoformat()

        in_: list[str] | Unset = UNSET
        if not isinstance(self.in_, Unset):
            in_ = []
            for in_item_data in self.in_:
                in_item: str
                if isinstance(in_item_data, datetime.datetime):
                    in_item = in_item_data.isoformat()
                else:
                    in_item = in_item_data.isoformat()

                in_.append(in_item)

        nin: list[str] | Unset = UNSET
        if not isinstance(self.nin, Unset):
            nin = []
            for nin_item_data in self.nin:
                nin_item: str
                if isinstance(nin_item_data, datetime.datetime):
                    nin_item = nin_item_data.isoformat()
                else:
                    nin_item = nin_item_data.isoformat()

                nin.append(nin_item)

        gt: str | Unset
        if isinstance(self.gt, Unset):
            gt = UNSET
        elif isinstance(self.gt, datetime.datetime):
            gt = self.gt.isoformat()
        else:
            gt = self.gt.isoformat()

        gte: str | Unset
        if isinstance(self.gte, Unset):
            gte = UNSET
        elif isinstance(self.gte, datetime.datetime):
            gte = self.gte.isoformat()
        else:
            gte = self.gte.isoformat()

        lt: str | Unset
        if isinstance(self.lt, Unset):
            lt = UNSET
        elif isinstance(self.lt, datetime.datetime):
            lt = self.lt.isoformat()
        else:
            lt = self.lt.isoformat()

        lte: str | Unset
        if isinstance(self.lte, Unset):
            lte = UNSET
        elif isinstance(self.lte, datetime.datetime):
            lte = self.lte.isoformat()
        else:
            lte = self.lte.isoformat()

        exists = self.exists

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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_eq(data: object) -> datetime.date | datetime.datetime | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                eq_type_0 = datetime.datetime.fromisoformat(data)

                return eq_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            eq_type_1 = datetime.date.fromisoformat(data)

            return eq_type_1

        eq = _parse_eq(d.pop("$eq", UNSET))

        def _parse_ne(data: object) -> datetime.date | datetime.datetime | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ne_type_0 = datetime.datetime.fromisoformat(data)

                return ne_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            ne_type_1 = datetime.date.fromisoformat(data)

            return ne_type_1

        ne = _parse_ne(d.pop("$ne", UNSET))

        _in_ = d.pop("$in", UNSET)
        in_: list[datetime.date | datetime.datetime] | Unset = UNSET
        if _in_ is not UNSET:
            in_ = []
            for in_item_data in _in_:

                def _parse_in_item(data: object) -> datetime.date | datetime.datetime:
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        in_item_type_0 = datetime.datetime.fromisoformat(data)

                        return in_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, str):
                        raise TypeError()
                    in_item_type_1 = datetime.date.fromisoformat(data)

                    return in_item_type_1

                in_item = _parse_in_item(in_item_data)

                in_.append(in_item)

        _nin = d.pop("$nin", UNSET)
        nin: list[datetime.date | datetime.datetime] | Unset = UNSET
        if _nin is not UNSET:
            nin = []
            for nin_item_data in _nin:

                def _parse_nin_item(data: object) -> datetime.date | datetime.datetime:
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        nin_item_type_0 = datetime.datetime.fromisoformat(data)

                        return nin_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, str):
                        raise TypeError()
                    nin_item_type_1 = datetime.date.fromisoformat(data)

                    return nin_item_type_1

                nin_item = _parse_nin_item(nin_item_data)

                nin.append(nin_item)

        def _parse_gt(data: object) -> datetime.date | datetime.datetime | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gt_type_0 = datetime.datetime.fromisoformat(data)

                return gt_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            gt_type_1 = datetime.date.fromisoformat(data)

            return gt_type_1

        gt = _parse_gt(d.pop("$gt", UNSET))

        def _parse_gte(data: object) -> datetime.date | datetime.datetime | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gte_type_0 = datetime.datetime.fromisoformat(data)

                return gte_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            gte_type_1 = datetime.date.fromisoformat(data)

            return gte_type_1

        gte = _parse_gte(d.pop("$gte", UNSET))

        def _parse_lt(data: object) -> datetime.date | datetime.datetime | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lt_type_0 = datetime.datetime.fromisoformat(data)

                return lt_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            lt_type_1 = datetime.date.fromisoformat(data)

            return lt_type_1

        lt = _parse_lt(d.pop("$lt", UNSET))

        def _parse_lte(data: object) -> datetime.date | datetime.datetime | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lte_type_0 = datetime.datetime.fromisoformat(data)

                return lte_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            lte_type_1 = datetime.date.fromisoformat(data)

            return lte_type_1

        lte = _parse_lte(d.pop("$lte", UNSET))

        exists = d.pop("$exists", UNSET)

        date_operators = cls(
            eq=eq,
            ne=ne,
            in_=in_,
            nin=nin,
            gt=gt,
            gte=gte,
            lt=lt,
            lte=lte,
            exists=exists,
        )

        return date_operators
