// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { viewportRect } from './geometry';

describe('viewportRect', () => {
  it('adds a same-origin frame’s position, border and padding to an element inside it', () => {
    const frame = document.createElement('iframe');
    frame.style.padding = '3px 0 0 2px';
    document.body.append(frame);
    const button = frame.contentDocument!.createElement('button');
    frame.contentDocument!.body.append(button);
    vi.spyOn(frame, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 50, 400, 300));
    Object.defineProperties(frame, { clientLeft: { value: 4 }, clientTop: { value: 5 } });
    vi.spyOn(button, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, 20, 80, 24));

    const rect = viewportRect(button);
    expect([rect.left, rect.top, rect.width, rect.height]).toEqual([116, 78, 80, 24]);
  });
});
