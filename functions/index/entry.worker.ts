import { inProcessExtractor } from "../../shared/extract/sandbox/in-process-extractor.js";
import { workerEntry } from "../../shared/http/worker-entry.js";
import { createApp } from "./app.js";

// The one Workers function that extracts text: the parsers are in this bundle alone.
export default workerEntry("index", createApp, { extractor: inProcessExtractor });
