/**
 * The text form of an encrypted value: `g<version>:` + base64(iv 12 bytes ‖ tag 16 bytes ‖
 * ciphertext), where `version` names the data key that made it. Values written before keys had
 * versions start `g1:` and are therefore exactly version 1: nothing old needs rewriting.
 */
const ENVELOPE = /^g([1-9][0-9]{0,5}):/;

/** The key version of an envelope, or null when the text is not one. */
export function envelopeVersion(envelope: string): number | null {
  const match = ENVELOPE.exec(envelope);
  return match ? Number(match[1]) : null;
}

export function sealEnvelope(version: number, raw: Buffer): string {
  return `g${version}:${raw.toString('base64')}`;
}

/** The version and the raw bytes; throws on text that is no envelope or is cut short. */
export function openEnvelope(envelope: string): { version: number; raw: Buffer } {
  const version = envelopeVersion(envelope);
  if (version === null) throw new Error('not an encrypted value');
  const raw = Buffer.from(envelope.slice(envelope.indexOf(':') + 1), 'base64');
  if (raw.length < 28) throw new Error('encrypted value cut short');
  return { version, raw };
}

/** SQL giving the key version of a column's envelope (null for anything else), for counts by version. */
export const envelopeVersionSql = (column: string) => `substring(${column} from '^g([1-9][0-9]{0,5}):')::int`;
