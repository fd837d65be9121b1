/**
 * A protobuf pull parser over a {@link ByteSource}: varints and length-delimited fields, with a window
 * so that a file source is read in 64 KiB chunks and skipped fields are never read at all.
 */
import { errorNote, type ErrorNote } from '../../analysis/warning-messages';
import { OnnxImportError } from '../errors';
import { type ByteSource, memorySource } from '../source';

const CHUNK = 1 << 16;
const MAX_STRING = 1 << 20;
export const utf8 = new TextDecoder('utf-8');

export class Cursor {
  private buf: Uint8Array = new Uint8Array(0);
  private base = 0;
  pos: number;

  constructor(
    readonly source: ByteSource,
    start: number,
    /** End of the enclosing message. */
    public end: number,
  ) {
    this.pos = start;
    if (source.size <= CHUNK * 4 || isMemory(source)) {
      // Small or in-memory: one window over everything, no refills.
      this.buf = source.read(0, source.size);
      this.base = 0;
    }
  }

  private ensure(n: number): void {
    if (this.pos + n > this.end) throw truncated(this.pos);
    if (this.pos >= this.base && this.pos + n <= this.base + this.buf.length) return;
    const len = Math.min(Math.max(n, CHUNK), this.source.size - this.pos);
    this.buf = this.source.read(this.pos, len);
    this.base = this.pos;
  }

  private byte(): number {
    this.ensure(1);
    return this.buf[this.pos++ - this.base];
  }

  /** An unsigned varint as a number; values beyond 2^53 lose precision (callers reject them as too large). */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 128;
    }
    throw malformed(this.pos, errorNote('onnx-long-number', {}));
  }

  /**
   * An `int64` field (two's complement in ten bytes when negative): a number when it is a safe integer,
   * otherwise the exact value as a bigint, so that a message can show −3 rather than 18446744073709552000.
   */
  int64(): number | bigint {
    const start = this.pos;
    const approx = this.varint();
    // Every partial sum below 2^53 is exact, so the number is the value.
    if (approx < 2 ** 53) return approx;
    this.pos = start;
    let bits = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const b = this.byte();
      bits |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    const value = BigInt.asIntN(64, bits);
    const safe = 2n ** 53n - 1n;
    return value >= -safe && value <= safe ? Number(value) : value;
  }

  fixed32(): number {
    this.ensure(4);
    const i = this.pos - this.base;
    const b = this.buf;
    this.pos += 4;
    return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
  }

  /** The length of a length-delimited field, checked against the enclosing message. */
  length(): number {
    const len = this.varint();
    if (this.pos + len > this.end) throw truncated(this.pos);
    return len;
  }

  bytes(len: number): Uint8Array {
    if (len <= CHUNK) {
      this.ensure(len);
      const out = this.buf.subarray(this.pos - this.base, this.pos - this.base + len);
      this.pos += len;
      return out;
    }
    const out = this.source.read(this.pos, len);
    this.pos += len;
    return out;
  }

  string(len: number): string {
    if (len > MAX_STRING) {
      this.pos += len;
      return '';
    }
    return utf8.decode(this.bytes(len));
  }

  skip(wire: number): void {
    switch (wire) {
      case 0:
        this.varint();
        return;
      case 1:
        this.advance(8);
        return;
      case 2:
        this.advance(this.length());
        return;
      case 5:
        this.advance(4);
        return;
      default:
        throw malformed(this.pos, errorNote('onnx-wire-type', { wire }));
    }
  }

  advance(n: number): void {
    if (this.pos + n > this.end) throw truncated(this.pos);
    this.pos += n;
  }

  tag(): [field: number, wire: number] {
    const t = this.varint();
    const field = Math.floor(t / 8);
    if (field === 0) throw malformed(this.pos, errorNote('onnx-field-zero', {}));
    return [field, t % 8];
  }

  /** Reads the fields of an embedded message up to `end` (`visit` reads or skips each), then restores the outer end. */
  message(end: number, visit: (field: number, wire: number) => void): void {
    const outer = this.end;
    this.end = end;
    while (this.pos < end) {
      const [field, wire] = this.tag();
      visit(field, wire);
    }
    this.end = outer;
  }
}

const memorySources = new WeakSet<ByteSource>();
function isMemory(s: ByteSource): boolean {
  return memorySources.has(s);
}
/** A source over bytes in memory that the cursor reads in one window. */
export function trackedMemorySource(bytes: Uint8Array): ByteSource {
  const s = memorySource(bytes);
  memorySources.add(s);
  return s;
}

export function truncated(pos: number): OnnxImportError {
  return new OnnxImportError('truncated', errorNote('onnx-truncated', { pos }));
}
export function malformed(pos: number, what: ErrorNote): OnnxImportError {
  return new OnnxImportError('malformed', errorNote('onnx-invalid-at', { what, pos }));
}
