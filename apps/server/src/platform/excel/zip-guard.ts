/**
 * Checks an .xlsx (zip) upload before ExcelJS opens it: a 267 KB file can expand to 660 MB.
 * Reads only the zip's central directory: entry count, declared expanded sizes, ratio.
 */
export type ZipLimits = { maxExpandedBytes: number; maxRatio: number; maxEntries: number };

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxExpandedBytes: 50 * 1024 * 1024,
  maxRatio: 100,
  maxEntries: 5_000,
};

export type ZipVerdict = { ok: true; expandedBytes: number; entries: number } | { ok: false; reason: string };

export function inspectZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipVerdict {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) return { ok: false, reason: '文件不是有效的 Excel（.xlsx）文件' };
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) return { ok: false, reason: '不支持 ZIP64 格式的文件' };
  if (entries > limits.maxEntries) return { ok: false, reason: `文件包含的条目过多（${entries}）` };
  if (cdOffset + cdSize > buf.length) return { ok: false, reason: '文件已损坏（目录越界）' };
  let expanded = 0;
  let compressed = 0;
  let p = cdOffset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      return { ok: false, reason: '文件已损坏（目录项无效）' };
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    if (size === 0xffffffff || compressedSize === 0xffffffff)
      return { ok: false, reason: '不支持 ZIP64 格式的文件' };
    expanded += size;
    compressed += compressedSize;
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  if (expanded > limits.maxExpandedBytes) {
    return {
      ok: false,
      reason: `文件解压后过大（${(expanded / 1048576).toFixed(1)} MB，上限 ${limits.maxExpandedBytes / 1048576} MB）`,
    };
  }
  if (expanded > 1024 * 1024 && expanded / Math.max(compressed, 1) > limits.maxRatio) {
    return {
      ok: false,
      reason: `文件压缩比异常（${Math.round(expanded / Math.max(compressed, 1))}:1），疑似压缩炸弹`,
    };
  }
  return { ok: true, expandedBytes: expanded, entries };
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}
