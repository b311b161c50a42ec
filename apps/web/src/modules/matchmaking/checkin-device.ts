const KEY = 'gaodi_checkin_device';

/**
 * A random id this phone keeps for QR sign-ins: the server takes one sign-in per device and event.
 * Without storage (private mode) each visit gets a new id; the window still applies.
 */
export function checkinDeviceId(): string {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
    const id = crypto.randomUUID();
    localStorage.setItem(KEY, id);
    return id;
  } catch {
    return crypto.randomUUID();
  }
}
