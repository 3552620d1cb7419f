from enum import StrEnum


class DifyRetrievalBodyMetadataConditionConditionsItemType0ComparisonOperator(StrEnum):
    CONTAINS = "contains"
    END_WITH = "end with"
    NOT_CONTAINS = "not contains"
    START_WITH = "start with"

    def __str__(self) -> str:
        return str(self.value)
