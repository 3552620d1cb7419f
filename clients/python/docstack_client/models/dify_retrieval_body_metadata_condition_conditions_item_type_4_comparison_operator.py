from enum import StrEnum


class DifyRetrievalBodyMetadataConditionConditionsItemType4ComparisonOperator(StrEnum):
    EMPTY = "empty"
    NOT_EMPTY = "not empty"
    NOT_NULL = "not null"
    NULL = "null"

    def __str__(self) -> str:
        return str(self.value)
