import { runNodeEntry } from "../../shared/http/node-entry.js";
import { createApp } from "./app.js";

await runNodeEntry("analytics", createApp);
