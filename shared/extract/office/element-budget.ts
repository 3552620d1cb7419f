import { ExtractionError } from "../extraction-error.js";
import { limitReason } from "../sandbox/extraction-limits.js";

/**
 * Counts the cells (or shapes) a reader goes through, empty ones included, and stops the read
 * past the cap: a sheet formatted down to row 1,048,576 or a slide of a million empty shapes is
 * a few MB zipped but costs seconds per million elements to parse.
 */
export class ElementBudget {
  private used = 0;

  constructor(
    private readonly max: number,
    /** For the reason: "workbook", "cells". */
    private readonly document: string,
    private readonly unit: string,
  ) {}

  take(count = 1): void {
    this.used += count;
    if (this.used > this.max)
      throw new ExtractionError(limitReason.cells(this.document, this.unit, this.max));
  }
}
