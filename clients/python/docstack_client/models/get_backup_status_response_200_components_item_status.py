from enum import StrEnum


class GetBackupStatusResponse200ComponentsItemStatus(StrEnum):
    HEALTHY = "healthy"
    NEVER = "never"
    STALE = "stale"

    def __str__(self) -> str:
        return str(self.value)
