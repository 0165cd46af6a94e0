import type { Context } from 'hono';
import type { Role } from '@/lib/content-model';
import type { ServerEnv } from '../http';
import { policyFor } from '../policy';
import type { User } from '../store';
import type { Html } from './html';
import type { SessionKeys } from './session';

export interface DashboardEnv {
  Bindings: ServerEnv['Bindings'];
  Variables: { user: User; cookie: string; keys: SessionKeys };
}
export type DashboardContext = Context<DashboardEnv>;

/** The roles a route of the API's permission matrix (server/policy.ts) is open to. */
export function rolesOf(route: string): readonly Role[] {
  const access = policyFor(route);
  return access === undefined || typeof access === 'string' ? [] : access;
}

export const htmlPage = (
  c: DashboardContext,
  page: Html,
  status: 200 | 400 | 401 | 403 | 404 | 429 | 502 = 200,
) => c.html(page.value, status);
