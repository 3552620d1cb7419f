import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";

const require = createRequire(import.meta.url);

/** tesseract.js's worker script: the engine's message handlers, run here on the calling thread. */
interface WorkerScript {
  setAdapter(adapter: Record<string, unknown>): void;
  dispatchHandlers(
    packet: { workerId: string; jobId: string; action: string; payload: unknown },
    send: (message: Reply) => void,
  ): void;
}

interface Reply {
  status: "resolve" | "reject" | "progress";
  data: unknown;
}

// The data of each language comes from its npm package: the LSTM-only model ("best_int"), which is
// what tesseract.js itself would fetch for the LSTM engine it runs.
const modelDirectory = "4.0.0_best_int";
const lstmOnly = 1; // tesseract's OEM.LSTM_ONLY

const noDownload = () => {
  throw new Error("OCR reads its language data from the installed packages; it never downloads");
};

let script: WorkerScript | undefined;
let loaded: Promise<void> | undefined;
let initializedFor: string | undefined;
let jobs = 0;

/**
 * tesseract.js's engine on this thread (an extraction thread of the pool), not in a worker of
 * its own: the pool's memory watchdog sees its WebAssembly memory, and ending the thread ends it.
 * tesseract.js's createWorker would start another thread, and in 7.0.0 cannot take language data
 * from several local packages (a Lang object's bytes are used as its name), so its worker script is
 * driven directly, through the handlers its own worker thread runs. Its adapter can neither fetch
 * nor read or write files: the language data are read from the packages here and handed over, and
 * nothing is cached.
 */
export async function recognizeText(image: Uint8Array, languages: readonly string[]): Promise<string> {
  await initialize(languages);
  const result = (await call("recognize", { image, options: {}, output: { text: true } })) as {
    text?: unknown;
  };
  return typeof result.text === "string" ? result.text : "";
}

async function initialize(languages: readonly string[]): Promise<void> {
  if (script === undefined) {
    script = require("tesseract.js/src/worker-script/index.js") as WorkerScript;
    script.setAdapter({
      getCore: require("tesseract.js/src/worker-script/node/getCore.js"),
      gunzip: gunzipSync,
      fetch: noDownload,
      readCache: noDownload,
      writeCache: async () => {},
      deleteCache: async () => {},
      checkCache: async () => false,
    });
  }
  loaded ??= call("load", { options: { lstmOnly: true, logging: false } }).then(() => undefined);
  await loaded;
  const key = languages.join("+");
  if (initializedFor === key) return;
  const langs = await Promise.all(languages.map(async (code) => ({ code, data: await languageData(code) })));
  await call("loadLanguage", { langs, options: { cacheMethod: "none", gzip: true, lstmOnly: true } });
  await call("initialize", { langs: key, oem: lstmOnly, config: {} });
  initializedFor = key;
}

async function languageData(code: string): Promise<Uint8Array> {
  const packageDir = dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
  return new Uint8Array(await readFile(join(packageDir, modelDirectory, `${code}.traineddata.gz`)));
}

function call(action: string, payload: unknown): Promise<unknown> {
  const engine = script;
  if (engine === undefined) return Promise.reject(new Error("tesseract is not loaded"));
  return new Promise((resolve, reject) => {
    engine.dispatchHandlers({ workerId: "extract", jobId: `ocr-${jobs++}`, action, payload }, (reply) => {
      if (reply.status === "resolve") resolve(reply.data);
      else if (reply.status === "reject") {
        // A failed initialization leaves the engine without languages: the next call starts afresh.
        if (action !== "recognize") initializedFor = undefined;
        reject(new Error(`tesseract ${action} failed: ${String(reply.data)}`));
      }
    });
  });
}
