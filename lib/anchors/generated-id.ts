/**
 * Ids and attribute values minted at runtime by frameworks (Ember's `ember123`, React's `:r1:`,
 * ExtJS's `ext-gen123`, GUIDs, ServiceNow sys_ids, Aura's `12:345;a`) change between page loads,
 * so an anchor must not rely on them.
 */
const GENERATED_PATTERNS: readonly RegExp[] = [
  /^ember\d+$/i,
  /^ext-(gen|comp|element)-?\d+/i,
  /^[:«]r[0-9a-z]*[:»]$/i, // React useId: `:r1:` (18), `«r1»` (19.1)
  /[:«]r[0-9a-z]+[:»]/i, // …also embedded: `radix-:r3:-trigger`
  /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/i, // GUID / UUID
  /^\d+:\d+;[a-z]$/i, // Aura global id
  /^(yui_|gwt-uid-|mui-|headlessui-|react-select-\d|downshift-\d|ui-id-\d)/i,
];

/** A single token that looks like a hash: long hex, or a short mix of cases and digits (`aB3xK9`). */
function isHashToken(token: string): boolean {
  if (/^\d{3,}$/.test(token)) return true;
  if (token.length >= 8 && /^[0-9a-f]+$/i.test(token) && /\d/.test(token) && /[a-f]/i.test(token)) {
    return true;
  }
  // CSS-module/emotion hashes mix cases with inner digits; `mainBannerImage16` only ends in a number.
  const inner = token.replace(/\d+$/, '');
  return token.length >= 5 && /\d/.test(inner) && /[a-z]/.test(token) && /[A-Z]/.test(token);
}

export function isGeneratedId(value: string): boolean {
  if (value.trim() === '') return true;
  if (GENERATED_PATTERNS.some((pattern) => pattern.test(value))) return true;
  const digits = (value.match(/\d/g) ?? []).length;
  if (digits >= 2 && digits / value.length >= 0.3) return true;
  return value.split(/[-_.:$/]+/).some(isHashToken);
}
