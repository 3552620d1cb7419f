from enum import StrEnum


class UploadDocumentBodyOnDuplicate(StrEnum):
    ERROR = "error"
    REPLACE = "replace"
    SKIP = "skip"

    def __str__(self) -> str:
        return str(self.value)
