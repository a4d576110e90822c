/**
 * next-auth's HTTP contract, spoken the way its own browser client (next-auth/react) does, but
 * without that client's 10 KB gzipped of runtime and helpers on every page (the sign-out button is
 * on all of them): fetch a CSRF token (the response also sets the matching cookie), then post the
 * form with json=true, so next-auth answers `{ url }` (where it would have redirected) instead of
 * redirecting.
 */
export async function postToAuth(action: string, fields: Record<string, string>): Promise<Response> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  return fetch(`/api/auth/${action}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken, json: "true" }),
  });
}

/** Where next-auth would have redirected, from its `{ url }` answer. */
export async function redirectUrl(res: Response): Promise<string | undefined> {
  return ((await res.json()) as { url?: string }).url;
}
