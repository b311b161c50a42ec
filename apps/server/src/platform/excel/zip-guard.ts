import { createInflateRaw } from 'node:zlib';

/**
 * Checks an .xlsx (zip) upload before anything parses it: a 267 KB file can expand to 660 MB, and
 * the sizes a zip declares can be falsified. The guard therefore
 * 1. reads the central directory (entry count, declared sizes: a cheap first refusal),
 * 2. checks that the local entries lie back to back from byte 0 to the directory and agree with
 *    it, so a streaming reader that walks local headers sees exactly the checked entries,
 * 3. inflates every entry with a running count of the bytes actually produced, stopping as soon
 *    as the total passes the limit: a lying file costs at most the limit in time, never in memory
 *    (inflated chunks are counted and dropped).
 */
export type ZipLimits = { maxExpandedBytes: number; maxRatio: number; maxEntries: number };

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxExpandedBytes: 160 * 1024 * 1024,
  maxRatio: 100,
  maxEntries: 5_000,
};

/** Where each local entry (header, data, descriptor) lies in the file, in file order. */
export type ZipPart = { name: string; start: number; end: number };

export type ZipVerdict =
  | { ok: true; expandedBytes: number; entries: number; parts: ZipPart[] }
  | { ok: false; reason: string };

type Entry = {
  name: string;
  offset: number;
  compressedSize: number;
  size: number;
  method: number;
  flags: number;
};

const BAD = (reason: string): ZipVerdict => ({ ok: false, reason });
const CORRUPT = '文件已损坏或结构异常，请在 Excel 中另存为 .xlsx 后重试';
const mb = (n: number) => (n / 1048576).toFixed(1);

export async function inspectZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipVerdict> {
  const directory = readDirectory(buf, limits);
  if ('reason' in directory) return BAD(directory.reason);
  const { entries, cdOffset } = directory;
  const declared = entries.reduce((s, e) => s + e.size, 0);
  if (declared > limits.maxExpandedBytes) return tooLarge(declared, limits);
  const located = locateData(buf, entries, cdOffset);
  if (!located) return BAD(CORRUPT);
  const { data, parts } = located;

  let expanded = 0;
  let compressed = 0;
  for (const [i, entry] of entries.entries()) {
    const slice = data[i] as Buffer;
    compressed += slice.length;
    const budget = limits.maxExpandedBytes - expanded;
    const produced = entry.method === 0 ? slice.length : await inflateCounting(slice, budget);
    if (produced === 'bad') return BAD(CORRUPT);
    if (produced === 'over' || produced > budget)
      return BAD(`文件解压后超过 ${limits.maxExpandedBytes / 1048576} MB，疑似压缩炸弹，已拒绝`);
    expanded += produced;
  }
  if (expanded > 1024 * 1024 && expanded / Math.max(compressed, 1) > limits.maxRatio) {
    return BAD(`文件压缩比异常（${Math.round(expanded / Math.max(compressed, 1))}:1），疑似压缩炸弹`);
  }
  return { ok: true, expandedBytes: expanded, entries: entries.length, parts };
}

function tooLarge(bytes: number, limits: ZipLimits): ZipVerdict {
  return BAD(`文件解压后过大（${mb(bytes)} MB，上限 ${limits.maxExpandedBytes / 1048576} MB）`);
}

function readDirectory(
  buf: Buffer,
  limits: ZipLimits,
): { entries: Entry[]; cdOffset: number } | { reason: string } {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) return { reason: '文件不是有效的 Excel（.xlsx）文件' };
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return { reason: '不支持 ZIP64 格式的文件' };
  if (count === 0) return { reason: '文件不是有效的 Excel（.xlsx）文件' };
  if (count > limits.maxEntries) return { reason: `文件包含的条目过多（${count}）` };
  if (cdOffset + cdSize > eocd) return { reason: '文件已损坏（目录越界）' };
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) return { reason: '文件已损坏（目录项无效）' };
    const nameLength = buf.readUInt16LE(p + 28);
    const entry = {
      name: buf.toString('utf8', p + 46, Math.min(p + 46 + nameLength, eocd)),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      offset: buf.readUInt32LE(p + 42),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.offset === 0xffffffff)
      return { reason: '不支持 ZIP64 格式的文件' };
    if (entry.method !== 0 && entry.method !== 8) return { reason: '文件使用了不支持的压缩方式' };
    if (entry.flags & 1) return { reason: '不支持加密的文件，请先取消密码保护' };
    entries.push(entry);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return { entries, cdOffset };
}

/**
 * The compressed bytes of each entry, or null when the local entries do not lie back to back
 * from byte 0 up to the central directory (hidden entries, overlaps, gaps) or contradict it.
 */
function locateData(
  buf: Buffer,
  entries: Entry[],
  cdOffset: number,
): { data: Buffer[]; parts: ZipPart[] } | null {
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  const slices = new Map<Entry, Buffer>();
  const parts: ZipPart[] = [];
  let expected = 0;
  for (const entry of sorted) {
    const p = entry.offset;
    if (p !== expected || p + 30 > cdOffset || buf.readUInt32LE(p) !== 0x04034b50) return null;
    const hasDescriptor = (buf.readUInt16LE(p + 6) & 8) !== 0;
    const localSize = buf.readUInt32LE(p + 18);
    if (buf.readUInt16LE(p + 8) !== entry.method) return null;
    if (!hasDescriptor && localSize !== entry.compressedSize) return null;
    const nameEnd = p + 30 + buf.readUInt16LE(p + 26);
    if (nameEnd > cdOffset || buf.toString('utf8', p + 30, nameEnd) !== entry.name) return null;
    const start = nameEnd + buf.readUInt16LE(p + 28);
    let end = start + entry.compressedSize;
    if (end > cdOffset) return null;
    if (hasDescriptor) {
      const withSignature = end + 4 <= cdOffset && buf.readUInt32LE(end) === 0x08074b50;
      const at = withSignature ? end + 4 : end;
      if (at + 12 > cdOffset || buf.readUInt32LE(at + 4) !== entry.compressedSize) return null;
      end = at + 12;
    }
    slices.set(entry, buf.subarray(start, start + entry.compressedSize));
    parts.push({ name: entry.name, start: p, end });
    expected = end;
  }
  if (expected !== cdOffset) return null;
  return { data: entries.map((e) => slices.get(e) as Buffer), parts };
}

/** Inflates `data`, counting the bytes produced and dropping them; stops once past `budget`. */
function inflateCounting(data: Buffer, budget: number): Promise<number | 'over' | 'bad'> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw();
    let produced = 0;
    let settled = false;
    const settle = (v: number | 'over' | 'bad') => {
      if (settled) return;
      settled = true;
      resolve(v);
    };
    inflater.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > budget) {
        settle('over');
        inflater.destroy();
      }
    });
    inflater.on('end', () => settle(produced));
    inflater.on('error', () => settle('bad'));
    inflater.on('close', () => settle(produced > budget ? 'over' : 'bad'));
    inflater.end(data);
  });
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}
