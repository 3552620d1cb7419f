import { workerEntry } from "../../shared/http/worker-entry.js";
import { createApp } from "./app.js";

export default workerEntry("analytics", createApp);
