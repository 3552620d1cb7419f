from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DifyRetrievalBodyRetrievalSetting")


@_attrs_define
class DifyRetrievalBodyRetrievalSetting:
    """
    Attributes:
        top_k (int):  Example: 3.
        score_threshold (float | Unset): Records scoring below are left out (0 when Dify's threshold is off). Default:
            0.0. Example: 0.5.
    """

    top_k: int
    score_threshold: float | Unset = 0.0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        top_k = self.top_k

        score_threshold = self.score_threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "top_k": top_k,
            }
        )
        if score_threshold is not UNSET:
            field_dict["score_threshold"] = score_threshold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        top_k = d.pop("top_k")

        score_threshold = d.pop("score_threshold", UNSET)

        dify_retrieval_body_retrieval_setting = cls(
            top_k=top_k,
            score_threshold=score_threshold,
        )

        dify_retrieval_body_retrieval_setting.additional_properties = d
        return dify_retrieval_body_retrieval_setting

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
