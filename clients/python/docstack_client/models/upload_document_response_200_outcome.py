from enum import StrEnum


class UploadDocumentResponse200Outcome(StrEnum):
    CREATED = "created"
    DUPLICATE = "duplicate"
    REPLACED = "replaced"

    def __str__(self) -> str:
        return str(self.value)
