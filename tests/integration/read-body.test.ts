import { expect, test } from "vitest";
import { readCapped } from "@/app/_lib/read-body";

/** A chunked upload: no Content-Length, `chunks` pieces of `size` bytes, counting what was pulled. */
function chunked(chunks: number, size: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
  return { request: new Request("http://localhost/v3/x", { method: "POST", body, duplex: "half" } as RequestInit), pulled: () => pulled };
}

test("a chunked body past the limit is cut off after the limit, not read whole", async () => {
  const upload = chunked(10_000, 1024);
  expect(await readCapped(upload.request, 64 * 1024)).toBeNull();
  expect(upload.pulled()).toBeLessThan(100);
});

test("a body within the limit is read whole; a declared length past it is refused unread", async () => {
  expect(await readCapped(chunked(3, 1024).request, 64 * 1024)).toBe("a".repeat(3072));
  const declared = new Request("http://localhost/v3/x", { method: "POST", body: "x", headers: { "content-length": "70000" } });
  expect(await readCapped(declared, 64 * 1024)).toBeNull();
  expect(await readCapped(new Request("http://localhost/v3/x"), 10)).toBe("");
});
