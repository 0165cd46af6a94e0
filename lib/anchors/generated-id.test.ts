import { describe, expect, it } from 'vitest';
import { isGeneratedId } from './generated-id';

describe('isGeneratedId', () => {
  it.each([
    'ember123',
    ':r1:',
    ':R2a:',
    '«r5»',
    'radix-:r3:-trigger',
    '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
    '6816f79cc0a8016401c5a33be04be441',
    'ext-gen1234',
    'input-123',
    '12:345;a',
    'Button_primary__3xK9a',
    'a1b2c3d4e5',
    '',
  ])('returns true for the runtime-minted %j', (id) => {
    expect(isGeneratedId(id)).toBe(true);
  });

  it.each([
    'incident.short_description',
    'sys_display.incident.caller_id',
    'sysverb_update',
    'oneHeader',
    'ak-main-content',
    'ticket-form-field-priority',
    'step-2',
    'mainBannerImage16',
  ])('returns false for the hand-written %j', (id) => {
    expect(isGeneratedId(id)).toBe(false);
  });
});
