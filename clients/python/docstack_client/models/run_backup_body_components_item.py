from enum import StrEnum


class RunBackupBodyComponentsItem(StrEnum):
    DATABASE = "database"
    OBJECTS = "objects"
    VECTORS = "vectors"

    def __str__(self) -> str:
        return str(self.value)
