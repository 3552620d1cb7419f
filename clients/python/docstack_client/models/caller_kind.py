from enum import StrEnum


class CallerKind(StrEnum):
    ANONYMOUS = "anonymous"
    KEY = "key"

    def __str__(self) -> str:
        return str(self.value)
