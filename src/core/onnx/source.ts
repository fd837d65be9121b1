/**
 * Random access to the bytes of an ONNX file. The reader asks only for the structure of the model
 * and skips weight data by offset, so a file source never holds the weights in memory: peak memory
 * stays near the size of the graph, not the size of the file.
 */
export interface ByteSource {
  /** Total length in bytes. */
  readonly size: number;
  /**
   * `length` bytes from `offset` (both within `size`). The result may be a view that is only valid
   * until the next call, so callers copy what they keep.
   */
  read(offset: number, length: number): Uint8Array;
}

/** A source over bytes already in memory (renderer file input, drag-and-drop, tests): views, no copies. */
export function memorySource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

/**
 * A source over a file read on demand: `readAt(target, position)` fills `target` from `position`
 * and returns the byte count (e.g. `(b, p) => fs.readSync(fd, b, 0, b.length, p)` in Node), so this
 * module stays free of platform APIs.
 */
export function chunkedSource(
  size: number,
  readAt: (target: Uint8Array, position: number) => number,
): ByteSource {
  return {
    size,
    read(offset, length) {
      const out = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const n = readAt(out.subarray(done), offset + done);
        if (n <= 0) throw new RangeError(`file ended at byte ${offset + done} of ${size}`);
        done += n;
      }
      return out;
    },
  };
}
