from enum import StrEnum


class GetIndexFormatsResponse200Runtime(StrEnum):
    NODE = "node"
    WORKERS = "workers"

    def __str__(self) -> str:
        return str(self.value)
