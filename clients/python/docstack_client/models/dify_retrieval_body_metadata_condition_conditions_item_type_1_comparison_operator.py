from enum import StrEnum


class DifyRetrievalBodyMetadataConditionConditionsItemType1ComparisonOperator(StrEnum):
    AFTER = "after"
    BEFORE = "before"
    IS = "is"
    IS_NOT = "is not"

    def __str__(self) -> str:
        return str(self.value)
