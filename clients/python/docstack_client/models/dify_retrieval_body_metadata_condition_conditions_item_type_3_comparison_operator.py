from enum import StrEnum


class DifyRetrievalBodyMetadataConditionConditionsItemType3ComparisonOperator(StrEnum):
    EQUAL = "="
    GREATER_OR_EQUAL = "≥"
    GREATER_THAN = ">"
    LESS_OR_EQUAL = "≤"
    LESS_THAN = "<"
    NOT_EQUAL = "≠"

    def __str__(self) -> str:
        return str(self.value)
