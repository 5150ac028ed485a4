const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Counts CSV records as bytes pass: a newline outside quotes ends one. Quoted fields may hold
 * newlines, so counting lines would be wrong.
 */
export class CsvRecordCounter {
  records = 0;
  #inQuotes = false;
  #pending = false;

  /** Feeds bytes; returns the offset just after the first record's end in them, or -1. */
  feed(bytes: Uint8Array, stopAfterFirst = false): number {
    for (let index = 0; index < bytes.length; index++) {
      const byte = bytes[index];
      if (byte === QUOTE) this.#inQuotes = !this.#inQuotes;
      else if (byte === NEWLINE && !this.#inQuotes) {
        this.records++;
        this.#pending = false;
        if (stopAfterFirst) return index + 1;
        continue;
      }
      this.#pending = true;
    }
    return -1;
  }

  /** Records, counting a last one without a final newline. */
  get total(): number {
    return this.records + (this.#pending ? 1 : 0);
  }
}

/**
 * A filter for the bytes of one CSV file that drops its first record: the header row, which the
 * first chunk already wrote. Returns what is left of each piece it is given.
 */
export function withoutHeader(): (bytes: Uint8Array) => Uint8Array {
  const header = new CsvRecordCounter();
  let skipping = true;
  return (bytes) => {
    if (!skipping) return bytes;
    const end = header.feed(bytes, true);
    if (end === -1) return bytes.subarray(bytes.length);
    skipping = false;
    return bytes.subarray(end);
  };
}
