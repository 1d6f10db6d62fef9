/**
 * The export's response body. Rows are produced only when the reader asks for more (pull), so a
 * slow or stalled download holds back the database reads instead of filling the server's memory
 * with the whole file; a download the reader abandons stops the reads.
 */
const ROWS_PER_CHUNK = 100;

export interface ExportShape<T> {
  opening: string;
  row: (item: T, index: number) => string;
  closing: string;
}

export function exportBody<T>(items: AsyncIterator<T>, first: IteratorResult<T>, shape: ExportShape<T>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next: IteratorResult<T> | null = first;
  let sent = 0;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(shape.opening));
      },
      async pull(controller) {
        let chunk = "";
        for (let rows = 0; rows < ROWS_PER_CHUNK && next !== null && !next.done; rows++) {
          chunk += shape.row(next.value, sent++);
          next = await items.next();
        }
        if (next === null || next.done) {
          controller.enqueue(encoder.encode(chunk + shape.closing));
          next = null;
          controller.close();
        } else {
          controller.enqueue(encoder.encode(chunk));
        }
      },
      async cancel() {
        next = null;
        await items.return?.();
      },
    },
    // One chunk ahead of the reader at most.
    { highWaterMark: 1 },
  );
}
