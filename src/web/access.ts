/** Who is looking and with what: the link's token (carried on every link of the page) and the member it was signed for. */
export interface Access {
  token: string | null;
  viewer: string | null;
}

/** A path with the access token and other query parameters (empty ones left out), as an href. */
export function href(path: string, access: Access, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  if (access.token) query.set('t', access.token);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
