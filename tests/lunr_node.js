// The quick index's worker in node, for tests/test_search_lunr.py: docs/assets/javascripts/workers/search-index.js
// with Material's worker script from the installed package, booted as ../search-quick.js boots it, once
// without search_lunr.json (lunr builds the index) and once with it (lunr-ready.js loads it).
//
// node tests/lunr_node.js MATERIAL_WORKERS_DIR OUR_WORKERS_DIR INPUT.json
// INPUT: {config, docs, pack (search_lunr.json's content, or null), queries: [...]}
// Output (stdout, JSON): {built: {index, answers, lunr}, loaded: {index, answers, lunr}}: `index` as lunr
// serialises the index Material's worker made, `answers` Material's answers to the queries, `lunr` what its
// answer to the setup says ("loaded" when the ready-made index was used).
"use strict";
const vm = require("vm"), fs = require("fs"), path = require("path");

const [materialDir, oursDir, inputFile] = process.argv.slice(2);
const input = JSON.parse(fs.readFileSync(inputFile, "utf8"));
const materialWorker = fs.readdirSync(materialDir).find(name => /^search\..*\.min\.js$/.test(name));
const SITE = "http://site/", WORKERS = SITE + "assets/javascripts/workers/";

// A script a worker imports: ours by name, Material's (and its lunr language files) from the package.
function file(url) {
  const name = path.basename(url);
  if (fs.existsSync(path.join(oursDir, name))) return path.join(oursDir, name);
  return url.startsWith(WORKERS) ? path.join(materialDir, name) : path.resolve(materialDir, url);
}

function respond(url) {
  const body = { [SITE + "search/search_index.json"]: { config: input.config, docs: input.docs },
                 [SITE + "search/search_lunr.json"]: input.pack }[url];
  return { ok: body != null, status: body != null ? 200 : 404, json: async () => JSON.parse(JSON.stringify(body)) };
}

// A worker's global scope running search-index.js; the index Material's `new Search` gets from the global
// lunr (whichever lunr that is when the setup is dispatched) is kept as `made`.
function worker() {
  const target = new EventTarget(), posted = [], w = { posted, made: null };
  const scope = vm.createContext({ console: { warn() {}, log: console.error, error: console.error }, setTimeout,
                                   Promise, Map, Set, URL, URLSearchParams, MessageEvent, Symbol });
  scope.self = scope;
  scope.addEventListener = target.addEventListener.bind(target);
  scope.removeEventListener = target.removeEventListener.bind(target);
  scope.dispatchEvent = ev => {
    if (ev.data && ev.data.type === 0) {
      const inner = scope.lunr;
      scope.lunr = Object.setPrototypeOf(function (fn) { return (w.made = inner(fn)); }, inner);
    }
    return target.dispatchEvent(ev);
  };
  scope.postMessage = message => posted.push(message);
  scope.importScripts = (...urls) => urls.forEach(url => {
    vm.runInContext(fs.readFileSync(file(url), "utf8"), scope, { filename: file(url) });
  });
  scope.fetch = async url => respond(url);
  scope.importScripts("search-index.js");
  w.send = message => target.dispatchEvent(new MessageEvent("message", { data: message }));
  return w;
}

async function answered(w, count) {
  while (w.posted.length < count) await new Promise(resolve => setTimeout(resolve, 1));
  return w.posted[count - 1];
}

async function run(readyMade) {
  const w = worker();
  w.send({ type: "load-index", worker: WORKERS + materialWorker, index: SITE + "search/search_index.json",
           file: false, options: { suggest: false }, lunr: readyMade ? SITE + "search/search_lunr.json" : undefined });
  const ready = await answered(w, 1);
  const answers = [];
  for (const query of input.queries) {
    const count = w.posted.length + 1;
    w.send({ type: 2, data: query });
    answers.push((await answered(w, count)).data);
  }
  return { index: JSON.parse(JSON.stringify(w.made)), answers, lunr: ready.lunr || "built" };
}

(async () => {
  const built = await run(false), loaded = await run(true);
  process.stdout.write(JSON.stringify({ built, loaded }));
})().catch(err => { console.error(err); process.exit(1); });
