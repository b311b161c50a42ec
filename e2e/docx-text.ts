import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/**
 * The text of a .docx's body (word/document.xml with the tags dropped), read with Node's own zlib
 * from the zip's central directory: enough to check what a downloaded document says.
 */
export function docxText(path: string): string {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (name === 'word/document.xml') {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      const xml = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
      return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
    }
    at += 46 + nameLength + extra;
  }
  throw new Error('no word/document.xml');
}
