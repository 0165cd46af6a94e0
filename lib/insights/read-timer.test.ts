import { describe, expect, it } from 'vitest';
import { READ_ACTIVE_MS, READ_IDLE_MS, ReadTimer } from './read-timer';

const t0 = 1_000_000;
const shown = { visible: true, focused: true };

describe('ReadTimer', () => {
  it('counts an item as read after 10 s visible and focused since it was opened', () => {
    const timer = new ReadTimer(t0, shown);
    expect(timer.isRead(t0 + READ_ACTIVE_MS - 1)).toBe(false);
    expect(timer.isRead(t0 + READ_ACTIVE_MS)).toBe(true);
  });

  it('stops counting 15 s after the last interaction and resumes on the next', () => {
    const timer = new ReadTimer(t0, shown);
    expect(timer.activeMs(t0 + 60_000)).toBe(READ_IDLE_MS);
    timer.interact(t0 + 60_000);
    expect(timer.activeMs(t0 + 62_000)).toBe(READ_IDLE_MS + 2_000);
  });

  it('does not count while the panel is hidden or another window has focus', () => {
    const timer = new ReadTimer(t0, shown);
    timer.visibility(false, t0 + 3_000);
    timer.visibility(true, t0 + 30_000);
    timer.focus(false, t0 + 32_000);
    expect(timer.activeMs(t0 + 40_000)).toBe(5_000);
    expect(timer.isRead(t0 + 40_000)).toBe(false);
  });

  it('never counts a panel opened hidden until it is shown', () => {
    const timer = new ReadTimer(t0, { visible: false, focused: false });
    expect(timer.activeMs(t0 + 30_000)).toBe(0);
    timer.visibility(true, t0 + 30_000);
    timer.focus(true, t0 + 30_000);
    expect(timer.isRead(t0 + 40_000)).toBe(true);
  });
});
