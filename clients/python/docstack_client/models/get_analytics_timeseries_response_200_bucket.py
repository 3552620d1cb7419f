from enum import StrEnum


class GetAnalyticsTimeseriesResponse200Bucket(StrEnum):
    DAY = "day"
    HOUR = "hour"

    def __str__(self) -> str:
        return str(self.value)
