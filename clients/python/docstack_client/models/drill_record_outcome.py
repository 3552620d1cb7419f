from enum import StrEnum


class DrillRecordOutcome(StrEnum):
    FAILED = "failed"
    PASSED = "passed"

    def __str__(self) -> str:
        return str(self.value)
