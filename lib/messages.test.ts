import { describe, expect, it } from 'vitest';
import { envelope, isEnvelope } from './messages';

describe('isEnvelope', () => {
  it('recognises a Waymark envelope of the asked type only', () => {
    expect(isEnvelope(envelope('panel:show', { tabId: 3 }), 'panel:show')).toBe(true);
    expect(isEnvelope(envelope('panel:show', {}), 'panel:draft-changed')).toBe(false);
    expect(isEnvelope({ waymark: 2, type: 'panel:show', payload: {} }, 'panel:show')).toBe(false);
    expect(isEnvelope({ type: 'panel:show' }, 'panel:show')).toBe(false);
    expect(isEnvelope(null, 'panel:show')).toBe(false);
    expect(isEnvelope('panel:show', 'panel:show')).toBe(false);
  });
});
