import { createHelloApp } from "./hello-app.js";

/** The Workers bundle-size baseline: the same do-nothing Hono app. */
export default { fetch: createHelloApp().fetch };
