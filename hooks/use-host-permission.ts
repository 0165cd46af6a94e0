/**
 * Asks for access to the content server's origin at the moment the user connects (an
 * `optional_host_permissions` grant), so the extension holds no host access it was not given.
 * Must run inside the click handler: browsers only show the prompt for a user gesture.
 */
export async function requestServerAccess(serverUrl: string): Promise<boolean> {
  let origin: string;
  try {
    origin = new URL(serverUrl).origin;
  } catch {
    return false;
  }
  return browser.permissions.request({ origins: [`${origin}/*`] });
}

/** Asks for one app's hosts (its `https://host/*` origins), from the user's click. */
export function requestAppAccess(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}
