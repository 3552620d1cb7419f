from enum import StrEnum


class DifyRetrievalBodyMetadataConditionConditionsItemType2ComparisonOperator(StrEnum):
    IN = "in"
    NOT_IN = "not in"

    def __str__(self) -> str:
        return str(self.value)
