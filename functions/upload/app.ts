import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../shared/deps/deps.js";
import { type AppEnv, createBaseApp } from "../../shared/http/create-app.js";
import { registerCreateCollection } from "./routes/create-collection.js";
import { registerDeleteDocument } from "./routes/delete-document.js";
import { registerDownloadFile } from "./routes/download-file.js";
import { registerGetCollection } from "./routes/get-collection.js";
import { registerGetDocument } from "./routes/get-document.js";
import { registerGetDocumentText } from "./routes/get-document-text.js";
import { registerGetDownloadUrl } from "./routes/get-download-url.js";
import { registerGetWhoami } from "./routes/get-whoami.js";
import { registerListCollections } from "./routes/list-collections.js";
import { registerListDocuments } from "./routes/list-documents.js";
import { registerUpdateDocument } from "./routes/update-document.js";
import { registerUploadDocument } from "./routes/upload-document.js";

/** Every route of this function; also used to generate its OpenAPI document. */
export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  registerCreateCollection(app);
  registerListCollections(app);
  registerGetCollection(app);
  registerUploadDocument(app);
  registerListDocuments(app);
  registerGetDocument(app);
  registerGetDocumentText(app);
  registerGetDownloadUrl(app);
  registerUpdateDocument(app);
  registerDeleteDocument(app);
  registerDownloadFile(app);
  registerGetWhoami(app);
}

/** upload: collections, documents in and out of the object store, and their metadata. */
export function createApp(deps: Deps) {
  const app = createBaseApp(deps, "upload");
  registerRoutes(app);
  return app;
}
