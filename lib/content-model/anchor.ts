import { z } from 'zod';

/**
 * The element anchor a tip or lesson step points at. The multi-signal anchor format and its
 * resolver arrive with `lib/anchors`; until then the field is reserved: any JSON object is kept
 * as is, so content written now survives the upgrade.
 */
export const anchorSchema = z.record(z.string(), z.unknown());
export type AnchorRef = z.infer<typeof anchorSchema>;
