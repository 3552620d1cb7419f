import { loadConfigFromProcess } from "../shared/config.js";
import { migrate } from "../shared/db/migrate.js";
import { openDatabase } from "../shared/db/open-database.js";
import { exitIfRefused } from "../shared/errors/startup-refused.js";

/** `npm run migrate`: applies pending numbered migrations; safe to run again. */
const config = loadConfigFromProcess();
const db = await exitIfRefused(openDatabase(config));
try {
  const applied = await migrate(db);
  console.log(applied.length === 0 ? "migrations: up to date" : `migrations applied: ${applied.join(", ")}`);
} finally {
  await db.close();
}
