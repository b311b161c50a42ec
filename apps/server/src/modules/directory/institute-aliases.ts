import { readFileSync } from 'node:fs';

/**
 * Short names people commonly use for well-known institutes (institute-aliases.txt): a new
 * institute of one of these names starts with them; the office edits the list on its page.
 */
export const COMMON_ALIASES: Record<string, string[]> = Object.fromEntries(
  readFileSync(new URL('./institute-aliases.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [name = '', ...aliases] = line.split(/\s+/);
      return [name, aliases];
    }),
);

/** Aliases kept: trimmed, without blanks, duplicates or the name itself. */
export function cleanAliases(name: string, aliases: readonly string[]): string[] {
  return [...new Set(aliases.map((a) => a.trim()).filter((a) => a && a !== name))];
}
