from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.caller_kind import CallerKind
from ..models.caller_scopes_item import CallerScopesItem

if TYPE_CHECKING:
    from ..models.caller_rate_limits import CallerRateLimits


T = TypeVar("T", bound="Caller")


@_attrs_define
class Caller:
    """
    Attributes:
        name (str): The key's name, as audit rows and uploads record it Example: ingest.
        kind (CallerKind): anonymous: a development install with no keys yet, where every caller may do everything
        key_prefix (None | str): The key's first characters, to tell keys apart; null when anonymous Example:
            dsk_3f9a1c.
        scopes (list[CallerScopesItem]): admin may do everything; read and write are separate Example: ['read'].
        collections (list[UUID] | None): The collections the key is limited to; null: every collection
        rate_limits (CallerRateLimits): This key's own requests per minute, per route class, where it has its own
    """

    name: str
    kind: CallerKind
    key_prefix: None | str
    scopes: list[CallerScopesItem]
    collections: list[UUID] | None
    rate_limits: CallerRateLimits
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        key_prefix: None | str
        key_prefix = self.key_prefix

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        collections: list[str] | None
        if isinstance(self.collections, list):
            collections = []
            for collections_type_0_item_data in self.collections:
                collections_type_0_item = str(collections_type_0_item_data)
                collections.append(collections_type_0_item)

        else:
            collections = self.collections

        rate_limits = self.rate_limits.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "key_prefix": key_prefix,
                "scopes": scopes,
                "collections": collections,
                "rate_limits": rate_limits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.caller_rate_limits import CallerRateLimits  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        kind = CallerKind(d.pop("kind"))

        def _parse_key_prefix(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key_prefix = _parse_key_prefix(d.pop("key_prefix"))

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = CallerScopesItem(scopes_item_data)

            scopes.append(scopes_item)

        def _parse_collections(data: object) -> list[UUID] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                collections_type_0 = []
                _collections_type_0 = data
                for collections_type_0_item_data in _collections_type_0:
                    collections_type_0_item = UUID(collections_type_0_item_data)

                    collections_type_0.append(collections_type_0_item)

                return collections_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None, data)

        collections = _parse_collections(d.pop("collections"))

        rate_limits = CallerRateLimits.from_dict(d.pop("rate_limits"))

        caller = cls(
            name=name,
            kind=kind,
            key_prefix=key_prefix,
            scopes=scopes,
            collections=collections,
            rate_limits=rate_limits,
        )

        caller.additional_properties = d
        return caller

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
