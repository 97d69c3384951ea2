// A growing buffer of UTF-8 bytes, for parts too large to build as one JavaScript string (a
// 2,000-sector matrix sheet is about 200 MB of XML): text is written into it piece by piece.
export class ByteWriter {
  private buf: Uint8Array;
  private len = 0;
  private readonly encoder = new TextEncoder();

  constructor(initial = 1 << 16) {
    this.buf = new Uint8Array(initial);
  }

  get length(): number {
    return this.len;
  }

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** Text known to be ASCII (markup, numbers, cell references): one byte per character. */
  ascii(s: string): void {
    this.room(s.length);
    const b = this.buf;
    let at = this.len;
    for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
    this.len = at;
  }

  /** Any text, as UTF-8. Room for one byte per character first (markup and numbers: a whole bulk
   * row), more only for what did not fit, so a long row near the end does not double the buffer. */
  text(s: string): void {
    this.room(s.length);
    const done = this.encoder.encodeInto(s, this.buf.subarray(this.len));
    this.len += done.written;
    if (done.read === s.length) return;
    const rest = s.slice(done.read);
    this.room(rest.length * 3);
    this.len += this.encoder.encodeInto(rest, this.buf.subarray(this.len)).written;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  /** The bytes written (a view: the writer is not used after this). */
  result(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}
