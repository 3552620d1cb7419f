from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dify_retrieval_body_metadata_condition import DifyRetrievalBodyMetadataCondition
    from ..models.dify_retrieval_body_retrieval_setting import DifyRetrievalBodyRetrievalSetting


T = TypeVar("T", bound="DifyRetrievalBody")


@_attrs_define
class DifyRetrievalBody:
    """
    Attributes:
        knowledge_id (str): The collection's id (Dify's External Knowledge ID). Example: your-knowledge-id.
        query (str):  Example: What is Dify?.
        retrieval_setting (DifyRetrievalBodyRetrievalSetting):
        metadata_condition (DifyRetrievalBodyMetadataCondition | Unset): Conditions on document metadata keys
            (docs/integrations.md, Connect Dify).
    """

    knowledge_id: str
    query: str
    retrieval_setting: DifyRetrievalBodyRetrievalSetting
    metadata_condition: DifyRetrievalBodyMetadataCondition | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        knowledge_id = self.knowledge_id

        query = self.query

        retrieval_setting = self.retrieval_setting.to_dict()

        metadata_condition: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata_condition, Unset):
            metadata_condition = self.metadata_condition.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "knowledge_id": knowledge_id,
                "query": query,
                "retrieval_setting": retrieval_setting,
            }
        )
        if metadata_condition is not UNSET:
            field_dict["metadata_condition"] = metadata_condition

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dify_retrieval_body_metadata_condition import DifyRetrievalBodyMetadataCondition  # noqa: PLC0415
        from ..models.dify_retrieval_body_retrieval_setting import DifyRetrievalBodyRetrievalSetting  # noqa: PLC0415

        d = dict(src_dict)
        knowledge_id = d.pop("knowledge_id")

        query = d.pop("query")

        retrieval_setting = DifyRetrievalBodyRetrievalSetting.from_dict(d.pop("retrieval_setting"))

        _metadata_condition = d.pop("metadata_condition", UNSET)
        metadata_condition: DifyRetrievalBodyMetadataCondition | Unset
        if isinstance(_metadata_condition, Unset):
            metadata_condition = UNSET
        else:
            metadata_condition = DifyRetrievalBodyMetadataCondition.from_dict(_metadata_condition)

        dify_retrieval_body = cls(
            knowledge_id=knowledge_id,
            query=query,
            retrieval_setting=retrieval_setting,
            metadata_condition=metadata_condition,
        )

        dify_retrieval_body.additional_properties = d
        return dify_retrieval_body

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
