/** Small timing helpers for the benchmarks: run a step repeatedly and report percentiles. */
export interface Timing {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export async function time(name: string, runs: number, step: (i: number) => Promise<unknown>): Promise<Timing> {
  await step(-1); // warm-up: caches, prepared plans, JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await step(i);
    samples.push(performance.now() - start);
  }
  return summary(name, samples);
}

function summary(name: string, samples: number[]): Timing {
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { name, runs: samples.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: samples[samples.length - 1]! };
}

export function report(title: string, timings: Timing[]): void {
  console.log(`\n${title}`);
  console.table(
    timings.map((t) => ({
      measurement: t.name,
      runs: t.runs,
      "median ms": t.medianMs.toFixed(2),
      "p95 ms": t.p95Ms.toFixed(2),
      "max ms": t.maxMs.toFixed(2),
    })),
  );
}

/**
 * The same measurements at a small and a large size, with the ratio each should keep under `target`
 * (null: ratios shown for information, with no target to meet).
 */
export function reportPairs(title: string, sizes: [string, string], small: Timing[], large: Timing[], target: number | null = 1.5): void {
  console.log(`\n${title}`);
  console.table(
    small.map((s, i) => {
      const l = large[i]!;
      const ratio = l.medianMs / s.medianMs;
      // Below 0.05 ms nothing reached the database (a first page holding every match is its own count).
      const noQuery = l.medianMs < 0.05;
      return {
        measurement: s.name.replace(/ "[^"]*"/, ""),
        [`${sizes[0]} median ms`]: s.medianMs.toFixed(2),
        [`${sizes[1]} median ms`]: l.medianMs.toFixed(2),
        ratio: noQuery ? "no query" : `${ratio.toFixed(2)}×`,
        ...(target !== null && { [`within ${target}×`]: ratio <= target || noQuery ? "yes" : "NO" }),
      };
    }),
  );
}

/**
 * Several measurements taken in rounds, one run of each per round, so that whatever else the
 * machine does at a moment (a checkpoint, autovacuum) falls on all of them alike.
 */
export async function timeInRounds(runs: number, steps: [name: string, step: () => Promise<unknown>][]): Promise<Timing[]> {
  for (const [, step] of steps) await step(); // warm-up: caches, prepared plans, JIT
  const samples = steps.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [index, [, step]] of steps.entries()) {
      const start = performance.now();
      await step();
      samples[index]!.push(performance.now() - start);
    }
  }
  return steps.map(([name], index) => summary(name, samples[index]!));
}
