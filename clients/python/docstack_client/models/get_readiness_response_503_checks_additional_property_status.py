from enum import StrEnum


class GetReadinessResponse503ChecksAdditionalPropertyStatus(StrEnum):
    DOWN = "down"
    UP = "up"

    def __str__(self) -> str:
        return str(self.value)
