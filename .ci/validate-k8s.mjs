// Validates every object of a rendered manifest stream (stdin: `kubectl kustomize infra/k8s`) against the Kubernetes
// API schema, offline, with the classes of the npm package kubernetes-models (one per apiVersion and kind). Exits 1
// naming each object that fails, or whose kind the schema does not know.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(new URL("./tools/package.json", import.meta.url));
const { parseAllDocuments } = require("yaml");

const documents = parseAllDocuments(readFileSync(0, "utf8")).map((d) => d.toJS()).filter(Boolean);
let failed = 0;
for (const object of documents) {
  const name = `${object.kind ?? "?"}/${object.metadata?.name ?? "?"}`;
  try {
    const group = object.apiVersion.includes("/") ? object.apiVersion : `v1`;
    const module = await import(new URL(`./tools/node_modules/kubernetes-models/${group}/index.js`, import.meta.url));
    const Model = module[object.kind];
    if (!Model) throw new Error(`kubernetes-models knows no ${object.kind} in ${object.apiVersion}`);
    new Model(object).validate();
  } catch (error) {
    failed++;
    console.error(`INVALID ${name}: ${error.message}`);
  }
}
console.log(`${documents.length - failed} of ${documents.length} Kubernetes objects valid`);
process.exit(failed > 0 || documents.length === 0 ? 1 : 0);
