import { describe, expect, it } from 'vitest';
import { searchPattern, searchTextOf } from './search-text.ts';

describe('search text', () => {
  it('holds the name, its full pinyin and its initials', () => {
    const s = searchTextOf('衡兴新材料');
    expect(s.split(' ')).toEqual(['衡兴新材料', 'hengxingxincailiao', 'hxxcl']);
  });

  it('keeps Latin letters and digits of mixed names', () => {
    expect(searchTextOf('5G创新中心')).toContain('5gcxzx');
  });

  it('escapes LIKE wildcards typed by the user', () => {
    expect(searchPattern('100%_a')).toBe('%100\\%\\_a%');
  });
});
