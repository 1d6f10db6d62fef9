import { describe, expect, test } from "vitest";
import { exportBody } from "@/app/api/audit/export/body";

/** An iterator over 0..count-1 that counts how far it has been read and whether it was stopped. */
function counted(count: number) {
  const seen = { read: 0, stopped: false };
  async function* items() {
    try {
      for (let i = 0; i < count; i++) {
        seen.read = i + 1;
        yield i;
      }
    } finally {
      seen.stopped = true;
    }
  }
  return { iterator: items(), seen };
}

const shape = { opening: "[", row: (n: number, i: number) => `${i > 0 ? "," : ""}${n}`, closing: "]" };

async function start(count: number) {
  const { iterator, seen } = counted(count);
  const body = exportBody(iterator, await iterator.next(), shape);
  return { body, seen };
}

describe("the export body", () => {
  test("holds every row, in order, between its opening and closing", async () => {
    const { body } = await start(1234);
    const text = await new Response(body).text();
    expect(JSON.parse(text)).toEqual(Array.from({ length: 1234 }, (_, i) => i));
  });

  test("an empty export is just its opening and closing", async () => {
    const { body } = await start(0);
    expect(await new Response(body).text()).toBe("[]");
  });

  test("reads the trail only as fast as the download is read: a stalled reader holds back the reads", async () => {
    const { body, seen } = await start(100_000);
    const reader = body.getReader();
    await reader.read();
    await reader.read();
    // Let any eager producer run on.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.read).toBeGreaterThan(0);
    expect(seen.read).toBeLessThan(1_000);
    await reader.cancel();
  });

  test("an abandoned download stops the reads", async () => {
    const { body, seen } = await start(100_000);
    const reader = body.getReader();
    await reader.read();
    await reader.cancel();
    expect(seen.stopped).toBe(true);
    expect(seen.read).toBeLessThan(1_000);
  });
});
