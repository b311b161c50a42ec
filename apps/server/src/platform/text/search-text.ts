import { pinyin } from 'pinyin-pro';

/**
 * What a name is found by: the name itself, its full pinyin and its pinyin initials, all lower
 * case, so "hxxcl", "hengxing" and "衡兴" all find 衡兴新材料.
 */
export function searchTextOf(...names: string[]): string {
  const parts: string[] = [];
  for (const name of names) {
    if (!name) continue;
    const units = pinyin(name, { type: 'all', toneType: 'none', nonZh: 'consecutive' });
    // Chinese characters give their syllable and its first letter; Latin letters and digits stay whole.
    const full = units.map((u) => (u.isZh ? u.pinyin : u.origin)).join('');
    const initials = units.map((u) => (u.isZh ? u.first : u.origin)).join('');
    parts.push(name, full, initials);
  }
  return parts.map((p) => p.replace(/\s+/g, '').toLowerCase()).join(' ');
}

/** A search box's text as a LIKE pattern over `searchTextOf` output. */
export function searchPattern(q: string): string {
  return `%${q
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)
    .replace(/\s+/g, '')}%`;
}
