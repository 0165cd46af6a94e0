import type { Detection } from '@/lib/context';
import { memoryTabStore, type TabStore } from '@/lib/runtime/tab-store';

/** Where each tab is, as its content script last reported. */
export type TabPages = TabStore<Detection>;

export const memoryTabPages = (): TabPages => memoryTabStore<Detection>();
