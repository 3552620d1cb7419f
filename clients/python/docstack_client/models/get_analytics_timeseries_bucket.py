from enum import StrEnum


class GetAnalyticsTimeseriesBucket(StrEnum):
    DAY = "day"
    HOUR = "hour"

    def __str__(self) -> str:
        return str(self.value)
