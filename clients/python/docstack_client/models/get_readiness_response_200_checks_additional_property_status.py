from enum import StrEnum


class GetReadinessResponse200ChecksAdditionalPropertyStatus(StrEnum):
    DOWN = "down"
    UP = "up"

    def __str__(self) -> str:
        return str(self.value)
