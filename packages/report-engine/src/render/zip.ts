import type { DeflateOptions } from 'fflate';
import { remembered } from '../memo.ts';

/*
 * A ZIP archive written in one pass, as fflate's `zipSync` writes it (the same bytes: one
 * deflated entry after another, then the central directory), except that an entry whose bytes
 * were deflated before is not deflated again. A workbook's theme, relationships, content types
 * and styles are the same from one file to the next, and fflate spends more time setting up
 * each entry than on the entry's bytes.
 */

/** An entry of the archive: a name (ASCII, as a workbook's are) and what it holds, as text or bytes. */
export interface ZipEntry {
  name: string;
  data: string | Uint8Array;
  /** Whether the deflated entry may be kept for later archives: for entries that repeat from file to file. */
  reused?: boolean;
}

interface Packed {
  crc: number;
  size: number;
  deflated: Uint8Array;
}

/** The level the entries are deflated at: zlib's default, what Excel writes too. */
const LEVEL = 6;
/** Packed entries kept for reuse, by text; the map starts over when it reaches this many. */
const MAX_REUSED = 256;
/** Larger texts are not kept: they hold a report's rows, which seldom repeat. */
const MAX_REUSED_LENGTH = 64 * 1024;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_OF_DIRECTORY = 22;
/** The ZIP format version the headers ask for (2.0: deflate), as fflate writes it. */
const VERSION = 20;
const DEFLATE = 8;

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let index = 0; index < 256; index += 1) {
    let crc = index;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    table[index] = crc;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = -1;
  for (let index = 0; index < bytes.length; index += 1) crc = (CRC_TABLE[(crc ^ (bytes[index] as number)) & 255] as number) ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** fflate's `deflateSync`, passed in by the caller, which loads fflate when it is first needed. */
export type Deflate = (data: Uint8Array, options: DeflateOptions) => Uint8Array;

const encoder = new TextEncoder();
const reused = new Map<string, Packed>();

function packed(entry: ZipEntry, deflate: Deflate): Packed {
  const pack = (data: Uint8Array): Packed => ({ crc: crc32(data), size: data.length, deflated: deflate(data, { level: LEVEL }) });
  const { data } = entry;
  if (typeof data !== 'string') return pack(data);
  if (!entry.reused || data.length > MAX_REUSED_LENGTH) return pack(encoder.encode(data));
  return remembered(reused, data, () => pack(encoder.encode(data)), MAX_REUSED);
}

/** MS-DOS date and time, as ZIP headers hold them, of a moment's UTC fields (1980 to 2107, to the even second). */
function dosTime(at: Date): number {
  return (
    (((at.getUTCFullYear() - 1980) << 25) |
      ((at.getUTCMonth() + 1) << 21) |
      (at.getUTCDate() << 16) |
      (at.getUTCHours() << 11) |
      (at.getUTCMinutes() << 5) |
      (at.getUTCSeconds() >> 1)) >>>
    0
  );
}

/**
 * The entries as a ZIP archive, in order, each deflated and stamped with the UTC wall-clock
 * fields of `modified` (which must lie from 1980 to 2107).
 */
export function zipped(entries: readonly ZipEntry[], modified: Date, deflate: Deflate): Uint8Array {
  const time = dosTime(modified);
  const names = entries.map((entry) => encoder.encode(entry.name));
  const packs = entries.map((entry) => packed(entry, deflate));
  let local = 0;
  let central = 0;
  packs.forEach((pack, index) => {
    const nameLength = (names[index] as Uint8Array).length;
    local += LOCAL_HEADER + nameLength + pack.deflated.length;
    central += CENTRAL_HEADER + nameLength;
  });
  const bytes = new Uint8Array(local + central + END_OF_DIRECTORY);
  const view = new DataView(bytes.buffer);
  /** The fields local and central headers share, from the version needed on. */
  const common = (at: number, pack: Packed, nameLength: number) => {
    view.setUint16(at, VERSION, true);
    view.setUint16(at + 2, 0, true); // flags
    view.setUint16(at + 4, DEFLATE, true);
    view.setUint32(at + 6, time, true);
    view.setUint32(at + 10, pack.crc, true);
    view.setUint32(at + 14, pack.deflated.length, true);
    view.setUint32(at + 18, pack.size, true);
    view.setUint16(at + 22, nameLength, true);
  };
  let offset = 0;
  let directory = local;
  packs.forEach((pack, index) => {
    const name = names[index] as Uint8Array;
    view.setUint32(offset, 0x04034b50, true);
    common(offset + 4, pack, name.length);
    bytes.set(name, offset + LOCAL_HEADER);
    bytes.set(pack.deflated, offset + LOCAL_HEADER + name.length);
    view.setUint32(directory, 0x02014b50, true);
    view.setUint16(directory + 4, VERSION, true); // made by: MS-DOS, version 2.0
    common(directory + 6, pack, name.length);
    view.setUint32(directory + 42, offset, true);
    bytes.set(name, directory + CENTRAL_HEADER);
    offset += LOCAL_HEADER + name.length + pack.deflated.length;
    directory += CENTRAL_HEADER + name.length;
  });
  view.setUint32(directory, 0x06054b50, true);
  view.setUint16(directory + 8, entries.length, true);
  view.setUint16(directory + 10, entries.length, true);
  view.setUint32(directory + 12, central, true);
  view.setUint32(directory + 16, local, true);
  return bytes;
}
