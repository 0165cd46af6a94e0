/** Security headers for every dashboard page: no script at all, nothing from elsewhere. */
export function secure(response: Response): Response {
  const headers = response.headers;
  headers.set(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  headers.set('X-Content-Type-Options', 'nosniff');
  // same-origin, not no-referrer: with no-referrer, Chromium sends `Origin: null` on form posts.
  headers.set('Referrer-Policy', 'same-origin');
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  return response;
}
