import { portableFormats } from "../../shared/extract/formats/portable-formats.js";
import { inProcessExtractor } from "../../shared/extract/sandbox/in-process-extractor.js";
import { workerEntry } from "../../shared/http/worker-entry.js";
import { createApp } from "./app.js";

// The one Workers function that extracts text: the parsers are in this bundle alone, and only
// those that fit a Worker (PDF and images are left to index workers on Node).
export default workerEntry("index", createApp, {
  extractor: (limits) => inProcessExtractor(limits, portableFormats),
});
