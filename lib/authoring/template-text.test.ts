import { describe, expect, it } from 'vitest';
import { leftoverExamples, templateExamples } from './template-text';

const template = {
  body: '## What to do\n\n**Field or button name** does one thing the agent needs to know right now.\n\nShort.',
  fields: {
    placement: 'auto',
    steps: [{ title: 'First step', body: 'Say what to do first and why it matters here.' }],
  },
};

describe('template examples', () => {
  it('takes the prose of the body and of the fields, not headings or short labels', () => {
    expect(templateExamples(template)).toEqual([
      '**Field or button name** does one thing the agent needs to know right now.',
      'Say what to do first and why it matters here.',
    ]);
  });

  it('names each field that still holds example text, and nothing once it is rewritten', () => {
    const examples = templateExamples(template);
    expect(
      leftoverExamples(
        { body: template.body, steps: [{ title: 'First step', body: 'Open the ticket.' }] },
        examples,
      ),
    ).toEqual([
      {
        path: 'body',
        message:
          'still has the template’s example text (“**Field or button name** does one thing the agent needs t…”): write your own',
      },
    ]);
    expect(leftoverExamples({ body: 'Set **Priority** first.' }, examples)).toEqual([]);
  });
});
