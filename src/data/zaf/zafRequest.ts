import type { HttpRequest, HttpResponse } from './zafClient';

function lowerCaseHeaders(headers: unknown): Record<string, string> {
  if (!headers || typeof headers !== 'object') return {};
  return Object.fromEntries(
    Object.entries(headers as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
}

/** Reads ZAF's answer (complete response on success, jqXHR-like object on failure) into one shape. */
export function toHttpResponse(raw: unknown): HttpResponse | null {
  if (!raw || typeof raw !== 'object') return null;
  const answer = raw as Record<string, unknown>;
  if (typeof answer.status !== 'number' || answer.status === 0) return null;
  let body: unknown = answer.responseJSON;
  if (body === undefined && typeof answer.responseText === 'string') {
    try {
      body = JSON.parse(answer.responseText);
    } catch {
      body = answer.responseText;
    }
  }
  return { status: answer.status, headers: lowerCaseHeaders(answer.headers), body };
}

/** GET (or a write) through Zendesk with the agent's session; resolves for every HTTP status. */
export async function sendRequest(
  sdk: ZafSdkClient,
  { url, method = 'GET', body, timeout = 10_000 }: HttpRequest,
): Promise<HttpResponse> {
  try {
    const raw = await sdk.request({
      url,
      type: method,
      dataType: 'json',
      ...(body === undefined ? {} : { contentType: 'application/json', data: JSON.stringify(body) }),
      httpCompleteResponse: true,
      // Goalpost honours Retry-After itself; ZAF's own retries would hide 429s from the budget tracker.
      autoRetry: false,
      timeout,
    });
    const response = toHttpResponse(raw);
    if (!response) throw new Error('no response');
    return response;
  } catch (failure) {
    const response = toHttpResponse(failure);
    if (response) return response;
    throw new Error('Zendesk did not answer', { cause: failure });
  }
}
