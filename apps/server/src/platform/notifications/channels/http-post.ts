/** The far end's answer to one POST, read whole (robots and SMS APIs answer with small JSON). */
export type HttpAnswer = { status: number; text: string };

/** POSTs with a time limit: a silent far end becomes a failed attempt, retried later. */
export async function httpPost(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs = 15_000,
): Promise<HttpAnswer> {
  const res = await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, text: await res.text() };
}

/** A robot's JSON answer `{errcode, errmsg}`: errcode 0 is the one success (WeCom and DingTalk alike). */
export function robotOutcome(answer: HttpAnswer) {
  let errcode: unknown = null;
  try {
    errcode = (JSON.parse(answer.text) as { errcode?: unknown }).errcode;
  } catch {
    // not JSON: a proxy's error page
  }
  const status = `${answer.status}${errcode === null || errcode === undefined ? '' : ` errcode ${errcode}`}`;
  if (answer.status === 200 && errcode === 0) return { ok: true as const, status, detail: answer.text };
  return { ok: false as const, status, detail: answer.text || `HTTP ${answer.status}` };
}
