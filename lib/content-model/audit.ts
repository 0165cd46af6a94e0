import { z } from 'zod';

/** What the append-only audit log records; shared by the server and the admin's view. */
export const auditActions = [
  'create',
  'edit',
  'submit',
  'approve',
  'request_changes',
  'publish',
  'archive',
  'verify',
  'rollback',
  'role_change',
  /** An admin created or changed a template (the comment names it; `item` is empty). */
  'template',
  /**
   * Insights: an admin changed a setting (the query threshold, the analytics level, a holdout),
   * imported a helpdesk export, or an author changed a gap's status; the comment says what.
   */
  'insights',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEntrySchema = z.strictObject({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(auditActions),
  item: z.string().nullable(),
  version: z.number().int().nullable(),
  comment: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
