import { STABLE_ATTRS } from './stable-attrs';
import type { Anchor, HostStep, Landmark, Signature } from './types';

/**
 * Hand-written twin of `schema.ts`: anchors come from content files and the server, so they are
 * checked before use, but zod stays out of the content-script bundle. Returns a clean copy (unknown
 * keys dropped) or undefined.
 */
const NAME = /^[a-z][a-z0-9-]{0,63}$/;
const MAX_TEXT = 200;
const MAX_LIST = 32;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_TEXT;
const optional = (value: unknown, check: (v: unknown) => boolean): boolean =>
  value === undefined || check(value);

function isAttrs(value: unknown): value is Record<string, string> {
  if (!isObject(value)) return false;
  return Object.entries(value).every(
    ([key, v]) => (STABLE_ATTRS as readonly string[]).includes(key) && isText(v),
  );
}

function isLandmark(value: unknown): value is Landmark {
  return (
    isObject(value) &&
    typeof value.role === 'string' &&
    NAME.test(value.role) &&
    optional(value.label, isText) &&
    optional(value.attrs, isAttrs)
  );
}

function isNth(value: unknown): value is [number, number] {
  if (!Array.isArray(value) || value.length !== 2) return false;
  const [index, count] = value as unknown[];
  return (
    Number.isInteger(index) &&
    Number.isInteger(count) &&
    (index as number) >= 0 &&
    (index as number) < (count as number)
  );
}

const isTokens = (value: unknown): boolean =>
  Array.isArray(value) && value.length <= MAX_LIST && value.every(isText);

export function isSignature(value: unknown): value is Signature {
  return (
    isObject(value) &&
    typeof value.tag === 'string' &&
    NAME.test(value.tag) &&
    optional(value.attrs, isAttrs) &&
    optional(value.role, (v) => typeof v === 'string' && NAME.test(v)) &&
    optional(value.label, isText) &&
    optional(value.text, isText) &&
    optional(value.data, (v) => typeof v === 'boolean') &&
    optional(value.landmark, isLandmark) &&
    optional(value.ancestors, isTokens) &&
    optional(value.field, isText) &&
    optional(value.scope, isTokens) &&
    optional(value.near, isText) &&
    optional(value.nth, isNth)
  );
}

function isHostStep(value: unknown): value is HostStep {
  return (
    isObject(value) && (value.via === 'shadow' || value.via === 'frame') && isSignature(value.host)
  );
}

export function parseAnchor(value: unknown): Anchor | undefined {
  if (!isObject(value) || value.v !== 1 || !isSignature(value.target)) return undefined;
  if (!Array.isArray(value.path) || value.path.length > MAX_LIST) return undefined;
  if (!value.path.every(isHostStep)) return undefined;
  if (!optional(value.lang, (v) => typeof v === 'string' && v.length <= 35)) return undefined;
  const anchor: Anchor = { v: 1, path: value.path, target: value.target };
  if (typeof value.lang === 'string') anchor.lang = value.lang;
  return anchor;
}
