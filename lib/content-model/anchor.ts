/**
 * The element anchor a tip or lesson step points at: the multi-signal format of `lib/anchors`
 * (version 1), validated here at content boundaries (files, bundle, feed).
 */
export { anchorSchema } from '@/lib/anchors/schema';
export type { Anchor as AnchorRef } from '@/lib/anchors/types';
