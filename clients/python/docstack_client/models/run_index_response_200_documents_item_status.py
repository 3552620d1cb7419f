from enum import StrEnum


class RunIndexResponse200DocumentsItemStatus(StrEnum):
    ABANDONED = "abandoned"
    DEFERRED = "deferred"
    FAILED = "failed"
    INDEXED = "indexed"

    def __str__(self) -> str:
        return str(self.value)
