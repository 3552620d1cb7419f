from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IdOperators")


@_attrs_define
class IdOperators:
    """Operators on the document id.

    Attributes:
        eq (UUID | Unset):
        ne (UUID | Unset):
        in_ (list[UUID] | Unset):
        nin (list[UUID] | Unset):
        exists (bool | Unset):
    """

    eq: UUID | Unset = UNSET
    ne: UUID | Unset = UNSET
    in_: list[UUID] | Unset = UNSET
    nin: list[UUID] | Unset = UNSET
    exists: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        eq: str | Unset = UNSET
        if not isinstance(self.eq, Unset):
            eq = str(self.eq)

        ne: str | Unset = UNSET
        if not isinstance(self.ne, Unset):
            ne = str(self.ne)

        in_: list[str] | Unset = UNSET
        if not isinstance(self.in_, Unset):
            in_ = []
            for in_item_data in self.in_:
                in_item = str(in_item_data)
                in_.append(in_item)

        nin: list[str] | Unset = UNSET
        if not isinstance(self.nin, Unset):
            nin = []
            for nin_item_data in self.nin:
                nin_item = str(nin_item_data)
                nin.append(nin_item)

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
        if exists is not UNSET:
            field_dict["$exists"] = exists

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _eq = d.pop("$eq", UNSET)
        eq: UUID | Unset
        if isinstance(_eq, Unset):
            eq = UNSET
        else:
            eq = UUID(_eq)

        _ne = d.pop("$ne", UNSET)
        ne: UUID | Unset
        if isinstance(_ne, Unset):
            ne = UNSET
        else:
            ne = UUID(_ne)

        _in_ = d.pop("$in", UNSET)
        in_: list[UUID] | Unset = UNSET
        if _in_ is not UNSET:
            in_ = []
            for in_item_data in _in_:
                in_item = UUID(in_item_data)

                in_.append(in_item)

        _nin = d.pop("$nin", UNSET)
        nin: list[UUID] | Unset = UNSET
        if _nin is not UNSET:
            nin = []
            for nin_item_data in _nin:
                nin_item = UUID(nin_item_data)

                nin.append(nin_item)

        exists = d.pop("$exists", UNSET)

        id_operators = cls(
            eq=eq,
            ne=ne,
            in_=in_,
            nin=nin,
            exists=exists,
        )

        return id_operators
