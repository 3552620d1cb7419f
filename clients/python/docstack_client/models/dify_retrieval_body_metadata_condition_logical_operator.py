from enum import StrEnum


class DifyRetrievalBodyMetadataConditionLogicalOperator(StrEnum):
    AND = "and"
    OR = "or"

    def __str__(self) -> str:
        return str(self.value)
