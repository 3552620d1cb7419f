from enum import StrEnum


class UploadDocumentResponse201Outcome(StrEnum):
    CREATED = "created"
    DUPLICATE = "duplicate"
    REPLACED = "replaced"

    def __str__(self) -> str:
        return str(self.value)
