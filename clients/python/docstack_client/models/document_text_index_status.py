from enum import StrEnum


class DocumentTextIndexStatus(StrEnum):
    FAILED = "failed"
    INDEXED = "indexed"
    INDEXING = "indexing"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
