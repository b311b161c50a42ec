import { pinyin } from 'pinyin-pro';

/**
 * What a name is found by: the name itself, its full pinyin and its pinyin initials, all lower
 * case, so "hxxcl", "hengxing" and "衡兴" all find 衡兴新材料.
 */
export function searchTextOf(...names: string[]): string {
  const parts: string[] = [];
  for (const name of names) {
    if (!name) continue;
    const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
    parts.push(
      name.toLowerCase(),
      syllables.join('').replace(/\s+/g, '').toLowerCase(),
      syllables
        .map((s) => s.trim()[0] ?? '')
        .join('')
        .toLowerCase(),
    );
  }
  return parts.join(' ');
}

/** A search box's text as a LIKE pattern over `searchTextOf` output. */
export function searchPattern(q: string): string {
  return `%${q.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\s+/g, '')}%`;
}
