export type SendResult = { status: number | null; retryAfter: number | null; message: string | null; code?: string };

/** One attempt to deliver a response; never throws (a network failure is status null). */
export async function sendResponse(body: Record<string, unknown>, signal?: AbortSignal): Promise<SendResult> {
  try {
    const res = await fetch('/api/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
    let message: string | null = null;
    let code: string | undefined;
    if (!res.ok) {
      const payload = (await res.json().catch(() => null)) as { error?: { message?: string; code?: string } } | null;
      message = payload?.error?.message ?? null;
      code = payload?.error?.code;
    }
    const retryAfter = Number(res.headers.get('retry-after'));
    return { status: res.status, retryAfter: Number.isFinite(retryAfter) ? retryAfter : null, message, code };
  } catch {
    return { status: null, retryAfter: null, message: null };
  }
}
