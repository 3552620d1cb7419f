from enum import StrEnum


class CreateCollectionBodyAnalyticsText(StrEnum):
    FULL = "full"
    HASHED = "hashed"
    OFF = "off"

    def __str__(self) -> str:
        return str(self.value)
