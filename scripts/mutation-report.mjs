#!/usr/bin/env node
/**
 * Summarises the last `npm run mutation` (reports/mutation/mutation.json): per folder and per file
 * the killed / survived / no-coverage / timed-out counts and the score, then every mutant that was
 * not killed, as `file:line mutator: original -> replacement`, to judge or to aim a test at.
 * Usage: node scripts/mutation-report.mjs [report.json] [--file substring]
 */
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const fileFilter = args.includes("--file") ? args[args.indexOf("--file") + 1] : undefined;
const reportPath = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--file") ?? "reports/mutation/mutation.json";
const report = JSON.parse(readFileSync(reportPath, "utf8"));

const statuses = ["Killed", "Survived", "NoCoverage", "Timeout", "RuntimeError", "CompileError", "Ignored"];
const empty = () => Object.fromEntries(statuses.map((s) => [s, 0]));
const score = (c) => {
  const detected = c.Killed + c.Timeout;
  const valid = detected + c.Survived + c.NoCoverage;
  return valid === 0 ? "n/a" : `${((100 * detected) / valid).toFixed(1)}%`;
};
const row = (name, c) =>
  `${name.padEnd(44)} ${score(c).padStart(7)} ${String(c.Killed).padStart(7)} ${String(c.Survived).padStart(9)} ${String(c.NoCoverage).padStart(8)} ${String(c.Timeout).padStart(8)} ${String(c.Ignored).padStart(8)}`;

const folders = new Map();
const lines = [];
const left = [];
for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const counts = empty();
  for (const m of mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  const folder = file.slice(0, file.lastIndexOf("/"));
  const total = folders.get(folder) ?? empty();
  for (const s of statuses) total[s] += counts[s];
  folders.set(folder, total);
  lines.push(row(file, counts));
  if (fileFilter !== undefined && !file.includes(fileFilter)) continue;
  const text = source.split("\n");
  for (const m of mutants.filter((x) => x.status === "Survived" || x.status === "NoCoverage")) {
    const { start, end } = m.location;
    const original =
      start.line === end.line ? text[start.line - 1].slice(start.column - 1, end.column - 1) : `${text[start.line - 1].slice(start.column - 1)} …`;
    left.push(
      `${file}:${start.line}:${start.column} [${m.status}] #${m.id} ${m.mutatorName}: ${original.trim().slice(0, 90)} -> ${(m.replacement ?? "").replace(/\s+/g, " ").slice(0, 90)}`,
    );
  }
}
const header = `${"".padEnd(44)} ${"score".padStart(7)} ${"killed".padStart(7)} ${"survived".padStart(9)} ${"no cov".padStart(8)} ${"timeout".padStart(8)} ${"ignored".padStart(8)}`;
console.log(header);
for (const [folder, c] of folders) console.log(row(`${folder}/`, c));
console.log("");
console.log(header);
for (const l of lines) console.log(l);
if (left.length > 0) console.log(`\nNot killed (${left.length}):\n${left.join("\n")}`);
