// What the deployment files open to the network, checked: `node .ci/exposure.mjs compose infra/docker-compose.yml`
// (only the gateway is published on every interface; the operators' tools on 127.0.0.1 only; no service port, store
// or collector published) and `node .ci/exposure.mjs k8s <rendered.yaml` (only the gateway's Service leaves the cluster;
// no Service exposes a management port; a default-deny policy and one NetworkPolicy per workload). Exits 1 naming each breach.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(new URL("./tools/package.json", import.meta.url));
const { parse, parseAllDocuments } = require("yaml");
const breaches = [];
const [mode, file] = process.argv.slice(2);

if (mode === "compose") {
  const compose = parse(readFileSync(file, "utf8"));
  for (const [name, service] of Object.entries(compose.services ?? {})) {
    for (const port of service.ports ?? []) {
      const text = String(port);
      const loopback = text.startsWith("127.0.0.1:");
      if (name === "gateway" || loopback) continue;
      breaches.push(`compose: ${name} publishes ${text} on every interface`);
    }
  }
} else if (mode === "k8s") {
  const objects = parseAllDocuments(readFileSync(0, "utf8")).map((d) => d.toJS()).filter(Boolean);
  const policies = objects.filter((o) => o.kind === "NetworkPolicy");
  if (!policies.some((p) => Object.keys(p.spec.podSelector ?? {}).length === 0 && p.spec.policyTypes?.includes("Ingress") && !p.spec.ingress))
    breaches.push("k8s: no default-deny ingress NetworkPolicy");
  for (const service of objects.filter((o) => o.kind === "Service")) {
    const name = service.metadata.name;
    if ((service.spec.type ?? "ClusterIP") !== "ClusterIP" && name !== "gateway")
      breaches.push(`k8s: Service ${name} is ${service.spec.type}: only the gateway leaves the cluster`);
    for (const port of service.spec.ports ?? [])
      if (String(port.port).endsWith("09") && String(port.port).length === 4)
        breaches.push(`k8s: Service ${name} exposes management port ${port.port}`);
  }
  for (const workload of objects.filter((o) => o.kind === "Deployment" || o.kind === "StatefulSet")) {
    const app = workload.spec.template.metadata.labels["app.kubernetes.io/name"];
    if (!policies.some((p) => p.spec.podSelector?.matchLabels?.["app.kubernetes.io/name"] === app))
      breaches.push(`k8s: ${workload.kind}/${workload.metadata.name} has no NetworkPolicy of its own`);
  }
} else {
  breaches.push(`usage: exposure.mjs compose FILE | k8s <RENDERED`);
}
for (const breach of breaches) console.error(breach);
console.log(breaches.length === 0 ? `${mode}: only the gateway is exposed` : `${breaches.length} breaches`);
process.exit(breaches.length === 0 ? 0 : 1);
