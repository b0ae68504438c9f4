export type SendResult = {
  status: number | null;
  retryAfter: number | null;
  message: string | null;
  /** The error code of a refusal (e.g. dossier_already_rated). */
  code?: string;
  /** The case a negative answer or complaint opened, for the thank-you screen. */
  caseCode: string | null;
};

/** One attempt to deliver a response; never throws (a network failure is status null). */
export async function sendResponse(body: Record<string, unknown>, signal?: AbortSignal): Promise<SendResult> {
  try {
    const res = await fetch('/api/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
    const payload = (await res.json().catch(() => null)) as {
      case?: unknown;
      error?: { message?: string; code?: string };
    } | null;
    const message = res.ok ? null : (payload?.error?.message ?? null);
    const code = res.ok ? undefined : payload?.error?.code;
    const caseCode = res.ok && typeof payload?.case === 'string' ? payload.case : null;
    const retryAfter = Number(res.headers.get('retry-after'));
    return { status: res.status, retryAfter: Number.isFinite(retryAfter) ? retryAfter : null, message, code, caseCode };
  } catch {
    return { status: null, retryAfter: null, message: null, caseCode: null };
  }
}
