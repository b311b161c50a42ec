import { readFileSync } from 'node:fs';
import { passwordClassCount } from '@gaodi/contracts';
import { verifyPassword } from './password.ts';

/** How many passwords back a user may not reuse (the current one included). */
export const PASSWORD_HISTORY = 5;

const SUBSTITUTIONS: Record<string, string> = { '@': 'a', '0': 'o', '1': 'i', '3': 'e', $: 's', '5': 's' };

/** A password with digits and symbols around it stripped and common substitutions undone. */
function coreOf(password: string): string {
  const stripped = password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');
  return [...stripped].map((c) => SUBSTITUTIONS[c] ?? c).join('');
}

const COMMON: ReadonlySet<string> = (() => {
  const list = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l && !l.startsWith('#'));
  const set = new Set(list);
  for (const p of list) {
    const core = coreOf(p);
    if (core.length >= 4) set.add(core);
  }
  return set;
})();

/** True when the password is, or is built around, a common or published password. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  return COMMON.has(lower) || COMMON.has(coreOf(password));
}

/**
 * The password policy beyond length and character classes (which the contract checks): not the
 * username inside it, not common or published, not one of the last PASSWORD_HISTORY passwords.
 * Returns the Chinese reasons, empty when the password is acceptable.
 */
export async function passwordProblems(input: {
  password: string;
  username: string;
  previousHashes: readonly string[];
}): Promise<string[]> {
  const { password, username } = input;
  const problems: string[] = [];
  if (password.length < 10) problems.push('密码至少 10 位');
  if (passwordClassCount(password) < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('密码不能包含用户名');
  if (isCommonPassword(password)) problems.push('该密码过于常见或已公开，请换一个');
  for (const hash of input.previousHashes.slice(0, PASSWORD_HISTORY)) {
    if (await verifyPassword(hash, password)) {
      problems.push(`不能使用最近 ${PASSWORD_HISTORY} 次用过的密码`);
      break;
    }
  }
  return problems;
}

/** The history to store after a change: the new hash first, then the previous ones. */
export function nextHistory(newHash: string, currentHash: string, history: readonly string[]): string[] {
  const previous = history.length > 0 && history[0] === currentHash ? history : [currentHash, ...history];
  return [newHash, ...previous].slice(0, PASSWORD_HISTORY);
}
