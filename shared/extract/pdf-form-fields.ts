import type { TextBlock } from "./extracted-document.js";
import type { PdfDocument } from "./pdf-outline.js";

type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;

/** A form field's value as a block of its page, with where its widget sits. */
export interface FormFieldBlock {
  block: TextBlock & { source: "form-field" };
  x: number;
  y: number;
}

/** The part of a pdf.js widget annotation read here (AcroForm fields). */
interface Widget {
  subtype?: unknown;
  fieldName?: unknown;
  alternativeText?: unknown;
  fieldType?: unknown;
  fieldValue?: unknown;
  exportValue?: unknown;
  buttonValue?: unknown;
  checkBox?: unknown;
  radioButton?: unknown;
  pushButton?: unknown;
  rect?: unknown;
}

/**
 * The values typed or chosen in a page's form fields, as "Field name: value" blocks: a PDF
 * viewer shows them on the page, but they live in the form (AcroForm), not in the page's text,
 * so text extraction alone loses them. Text fields and choice lists give their value, a ticked
 * check box or chosen radio button its export value ("Yes"); empty, unticked and push-button
 * fields give nothing, and a field with several widgets on the page is given once. The name is
 * the field's full name ("applicant.name"), or its tooltip when it has none: a tooltip is help
 * text ("Value from 40 to 250 cm"), the name is what the form calls the value.
 */
export async function pdfFormFields(page: PdfPage): Promise<FormFieldBlock[]> {
  const annotations = (await page.getAnnotations({ intent: "display" })) as Widget[];
  const seen = new Set<string>();
  const out: FormFieldBlock[] = [];
  for (const widget of annotations) {
    if (widget.subtype !== "Widget") continue;
    const value = fieldValue(widget);
    const name = fieldLabel(widget);
    if (value === undefined || name === undefined) continue;
    const text = `${name}: ${value}`;
    if (seen.has(text)) continue;
    seen.add(text);
    const [x = 0, , , y = 0] = Array.isArray(widget.rect) ? (widget.rect as number[]) : [];
    out.push({ block: { text, source: "form-field" }, x, y });
  }
  return out;
}

function fieldValue(widget: Widget): string | undefined {
  if (widget.pushButton === true) return undefined;
  const value = widget.fieldValue;
  if (widget.checkBox === true) {
    return typeof value === "string" && value !== "Off" && value === widget.exportValue ? value : undefined;
  }
  if (widget.radioButton === true) {
    return typeof value === "string" && value !== "Off" && value === widget.buttonValue ? value : undefined;
  }
  if (widget.fieldType !== "Tx" && widget.fieldType !== "Ch") return undefined;
  const values = (Array.isArray(value) ? value : [value]).filter(
    (v): v is string => typeof v === "string" && v.trim() !== "",
  );
  return values.length > 0 ? values.join(", ") : undefined;
}

function fieldLabel(widget: Widget): string | undefined {
  for (const label of [widget.fieldName, widget.alternativeText]) {
    if (typeof label === "string" && label.trim() !== "") return label.trim();
  }
  return undefined;
}
