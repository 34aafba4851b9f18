import { Inflate } from 'fflate';
import type { Issue } from '../model/result.ts';

/**
 * An XLSX workbook is a ZIP of XML parts. Before a spreadsheet library unpacks one, this walks
 * the archive itself and refuses what would hurt: a file that only starts like a ZIP, parts hidden
 * between the entries the directory lists (a streaming reader would see them, a directory reader
 * not), and a ZIP bomb: every XML part is inflated here, counting bytes and keeping none, and
 * must hold exactly the size its directory entry declares, all parts together at most
 * MAX_XLSX_XML_BYTES. The library, which sizes its buffers by those declarations, then unpacks
 * a bounded amount whatever it trusts.
 */

/** A 10,000-statement framework's sheet is a few MB of XML; this leaves room for long texts. */
export const MAX_XLSX_XML_BYTES = 32 * 1024 * 1024;
/** A spreadsheet saved by Excel or LibreOffice has about ten parts. */
export const MAX_XLSX_ENTRIES = 1_000;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DESCRIPTOR = 0x08074b50;
/** Compressed bytes handed to the inflater at a time: DEFLATE expands at most ~1,032 times, so one push makes at most ~4 MB. */
const PUSH_BYTES = 4 * 1024;

/** Whether the bytes start as every ZIP (and so every XLSX) does: `PK\x03\x04`. */
export function startsLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

type Entry = { name: string; method: number; flags: number; compressed: number; size: number; offset: number };

export function checkXlsxArchive(bytes: Uint8Array, file: string): Issue[] {
  const refuse = (code: string, message: string): Issue[] => [{ code, file, path: '', message }];
  const damaged = (why: string) => refuse('xlsx.damaged', `This is not a readable .xlsx workbook: ${why}. Save it again from the spreadsheet, as .xlsx or as CSV UTF-8.`);
  if (!startsLikeZip(bytes)) return refuse('xlsx.not-a-zip', 'This is not an .xlsx workbook: an .xlsx file is a ZIP archive, and this one does not start as one.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);

  const end = findEnd(bytes, u32);
  if (end < 0) return damaged('its ZIP directory is missing (the file may be cut short)');
  const count = u16(end + 10);
  const directorySize = u32(end + 12);
  const directoryAt = u32(end + 16);
  if (count === 0xffff || directoryAt === 0xffffffff) return damaged('it is a ZIP64 archive, which no spreadsheet of a framework needs');
  if (count > MAX_XLSX_ENTRIES) return refuse('xlsx.too-many-parts', `The workbook has ${count.toLocaleString('en')} parts; a spreadsheet has about ten, and at most ${MAX_XLSX_ENTRIES.toLocaleString('en')} are read.`);
  if (directoryAt + directorySize > end) return damaged('its ZIP directory points outside the file');

  const entries: Entry[] = [];
  let at = directoryAt;
  for (let index = 0; index < count; index += 1) {
    if (u32(at) !== CENTRAL) return damaged(`entry ${index + 1} of its ZIP directory is broken`);
    const nameLength = u16(at + 28);
    const skip = nameLength + u16(at + 30) + u16(at + 32);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(at + 8),
      method: u16(at + 10),
      compressed: u32(at + 20),
      size: u32(at + 24),
      offset: u32(at + 42),
    });
    at += 46 + skip;
  }

  if (!entries.some((entry) => entry.name.endsWith('workbook.xml'))) {
    return entries.some((entry) => entry.name === 'mimetype')
      ? refuse('xlsx.not-a-workbook', 'This is an OpenDocument file (such as LibreOffice\'s .ods), not an .xlsx workbook: save it as .xlsx or as CSV UTF-8.')
      : refuse('xlsx.not-a-workbook', 'This ZIP archive is not an .xlsx workbook (it has no workbook part): save the sheet as .xlsx or as CSV UTF-8.');
  }

  // The parts must follow one another from the first byte to the directory, nothing between.
  let expected = 0;
  for (const entry of entries) {
    if (entry.offset !== expected || u32(entry.offset) !== LOCAL) return damaged(`part ${JSON.stringify(entry.name.slice(0, 60))} is not where the directory says`);
    const dataAt = entry.offset + 30 + u16(entry.offset + 26) + u16(entry.offset + 28);
    let next = dataAt + entry.compressed;
    if (next > directoryAt) return damaged(`part ${JSON.stringify(entry.name.slice(0, 60))} runs past the end of the data`);
    if ((entry.flags & 0x08) !== 0) next += u32(next) === DESCRIPTOR ? 16 : 12;
    else if (u32(entry.offset + 18) !== entry.compressed || u32(entry.offset + 22) !== entry.size) return damaged(`part ${JSON.stringify(entry.name.slice(0, 60))} has two different sizes`);
    expected = next;
  }
  if (expected !== directoryAt) return damaged('it holds data that its ZIP directory does not list');

  // Only the XML parts are unpacked by the reader: those are the ones that must be bounded.
  const xml = entries.filter((entry) => entry.name.endsWith('.xml') || entry.name.endsWith('.rels'));
  const declared = xml.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > MAX_XLSX_XML_BYTES) return tooLarge(declared, file);
  let total = 0;
  for (const entry of xml) {
    const dataAt = entry.offset + 30 + u16(entry.offset + 26) + u16(entry.offset + 28);
    const data = bytes.subarray(dataAt, dataAt + entry.compressed);
    const size = entry.method === 0 ? data.length : entry.method === 8 ? inflatedSize(data, entry.size) : -2;
    if (size === -2) return damaged(`part ${JSON.stringify(entry.name.slice(0, 60))} uses a compression spreadsheets do not write`);
    if (size !== entry.size) return damaged(`part ${JSON.stringify(entry.name.slice(0, 60))} does not unpack to the size it declares`);
    total += size;
    if (total > MAX_XLSX_XML_BYTES) return tooLarge(total, file);
  }
  return [];
}

function tooLarge(bytes: number, file: string): Issue[] {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return [{ code: 'xlsx.too-large', file, path: '', message: `The workbook unpacks to ${mb} MB of XML; a framework's workbook may unpack to at most ${MAX_XLSX_XML_BYTES / 1024 / 1024} MB.` }];
}

/** The end-of-directory record: the last 22 bytes, or earlier when the archive has a comment. */
function findEnd(bytes: Uint8Array, u32: (at: number) => number): number {
  const last = bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at -= 1) {
    if (bytes[at] === 0x50 && u32(at) === END) return at;
  }
  return -1;
}

/**
 * How many bytes a DEFLATE stream unpacks to, counted as it inflates and given up as soon as
 * it passes `limit` (-1 then, or for a broken stream): nothing it unpacks is kept.
 */
function inflatedSize(data: Uint8Array, limit: number): number {
  let size = 0;
  let broken = false;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
  });
  try {
    for (let at = 0; at < data.length && size <= limit; at += PUSH_BYTES) {
      const end = Math.min(at + PUSH_BYTES, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch {
    broken = true;
  }
  return broken || size > limit ? -1 : size;
}
