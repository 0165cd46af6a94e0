import { describe, expect, it } from 'vitest';
import { addDays, hashRecord, type InsightEvent } from '@/lib/insights';
import type { ImpactView } from '@/lib/insights/views';
import { createApp } from '../app';
import { testBackends, tokenFor } from '../test-fixtures';
import { parseCsv } from './csv';
import { readHelpdeskExport } from './helpdesk-import';
import { heldOutTeams } from './holdout';
import { learner, movableClock, seededRandom, sendEvents } from './test-support';

const KEY = 'k'.repeat(40);

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and a byte-order mark', () => {
    expect(parseCsv('\ufeffid,"note"\r\n1,"a, ""b""\nc"\n\n2,x\n')).toEqual([
      { line: 1, fields: ['id', 'note'] },
      { line: 2, fields: ['1', 'a, "b"\nc'] },
      { line: 5, fields: ['2', 'x'] },
    ]);
  });

  it('throws naming the line where a quoted field opens and is never closed', () => {
    expect(() => parseCsv('id,day\n1,2026-06-10\n"2,2026-06-11\n3,2026-06-12\n')).toThrow(
      'line 3: a quoted field is never closed',
    );
  });
});

describe('readHelpdeskExport', () => {
  it('hashes each ticket id as the extension does, reads Zendesk’s columns and skips bad rows by line', async () => {
    const csv = [
      'Ticket ID,Solved at,Full resolution time (min),Reopens,Replies,Group',
      '4711,2026-06-10T14:03:00Z,95,1,3,Tier 1',
      ',2026-06-10,10,0,1,Tier 1',
      '4712,yesterday,10,0,1,Tier 1',
      '4713,2026-06-11,-4,0,1,Tier 2',
    ].join('\n');
    const parsed = await readHelpdeskExport(csv, {
      key: KEY,
      app: 'zendesk',
      recordType: 'ticket',
    });
    expect(parsed.tickets).toEqual([
      {
        app: 'zendesk',
        record: await hashRecord(KEY, { app: 'zendesk', type: 'ticket', id: '4711' }),
        day: '2026-06-10',
        team: 'tier-1',
        resolution_minutes: 95,
        reopens: 1,
        replies: 3,
      },
    ]);
    expect(parsed.skipped).toBe(3);
    expect(parsed.problems).toEqual([
      'line 3: no ticket id',
      'line 4: the date "yesterday" is not a date',
      'line 5: resolution time "-4" is not a number',
    ]);
    expect(JSON.stringify(parsed)).not.toContain('4711');
  });

  it('refuses an export without an id or a date column, and a short key', async () => {
    const options = { key: KEY, app: 'zendesk', recordType: 'ticket' };
    await expect(readHelpdeskExport('subject,solved_at\nx,2026-06-01', options)).rejects.toThrow(
      /no ticket id column/,
    );
    await expect(readHelpdeskExport('id,subject\n1,x', options)).rejects.toThrow(/no date column/);
    await expect(
      readHelpdeskExport('id,day\n1,2026-06-01', { ...options, key: 'short' }),
    ).rejects.toThrow(/32 characters/);
  });
});

/**
 * A synthetic helpdesk export of 30 teams, half held out from 2026-04-01, two months of tickets:
 * resolution times log-normal around a team's own level, every team 5 % slower after the start,
 * and the treated teams another +10 % — the planted effect the report must recover.
 */
function syntheticExport(teams: string[], held: Set<string>): string {
  const random = seededRandom(20260401);
  const lines = ['Ticket ID,Solved at,Full resolution time (min),Reopens,Replies,Group'];
  let id = 1000;
  for (const team of teams) {
    const level = Math.log(240) + 0.3 * random.normal();
    for (let n = 0; n < 80; n++) {
      const day = addDays('2026-03-02', Math.floor(random.next() * 60));
      const after = day >= '2026-04-01';
      const effect = (after ? Math.log(1.05) : 0) + (after && !held.has(team) ? Math.log(1.1) : 0);
      const minutes = Math.exp(level + effect + 0.5 * random.normal());
      const replies = Math.max(0, Math.round(3 + random.normal()));
      lines.push(
        `${id++},${day},${minutes.toFixed(1)},${random.next() < 0.1 ? 1 : 0},${replies},${team}`,
      );
    }
  }
  return lines.join('\r\n');
}

describe.each(testBackends())('the impact ladder on $name', (backend) => {
  it('recovers a planted +10 % effect inside its 95 % interval, by difference-in-differences over a team holdout', async () => {
    const clock = movableClock('2026-05-01T09:00:00.000Z');
    const env = await backend.open(clock.now);
    try {
      const app = createApp(env.store, { log: false, impactKey: KEY });
      const admin = await tokenFor(env.store, 'admin@example.com', 'admin');
      const teams = Array.from({ length: 30 }, (_, i) => `team-${String(i + 1).padStart(2, '0')}`);
      const design = {
        design: 'holdout' as const,
        start: '2026-04-01',
        share: 0.5,
        seed: 'impact-2026',
        teams,
      };
      await env.store.putInsightSettings({ holdout: design }, 'admin@example.com');
      const upload = await app.request('/v1/insights/helpdesk', {
        method: 'POST',
        headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'text/csv' },
        body: syntheticExport(teams, heldOutTeams(design)),
      });
      expect(upload.status).toBe(201);
      expect(await upload.json()).toMatchObject({ tickets: 2400, matched: 0, skipped: 0 });
      const view = (await (
        await app.request('/v1/insights/impact?since=90d', {
          headers: { Authorization: `Bearer ${admin}` },
        })
      ).json()) as ImpactView;
      const experiment = view.helpdesk.experiment!;
      expect(experiment).toMatchObject({
        label: 'causal',
        design: 'holdout',
        treated_teams: 15,
        control_teams: 15,
        tickets: 2400,
      });
      const effect = experiment.effects.resolution_minutes!;
      expect(effect.ci95[0]).toBeLessThan(0.1);
      expect(effect.ci95[1]).toBeGreaterThan(0.1);
      expect(effect.estimate).toBeGreaterThan(0.02);
      expect(effect.estimate).toBeLessThan(0.18);
      // Replies had no planted effect: its interval holds 0.
      const replies = experiment.effects.replies!;
      expect(replies.ci95[0]).toBeLessThan(0);
      expect(replies.ci95[1]).toBeGreaterThan(0);
    } finally {
      await env.cleanup();
    }
  });

  it('shows the helpdesk association only for cohorts of at least 10 agents, labelled as association', async () => {
    const clock = movableClock('2026-06-15T09:00:00.000Z');
    const env = await backend.open(clock.now);
    try {
      const records: { id: string; opened: boolean; agent: number }[] = [];
      // 12 agents open guidance on their tickets; 6 agents do not.
      for (let agent = 0; agent < 18; agent++)
        for (let n = 0; n < 3; n++)
          records.push({ id: `${agent}-${n}`, opened: agent < 12, agent });
      for (const r of records) {
        const event: InsightEvent = {
          type: 'record_guidance',
          v: 1,
          day: '2026-06-10',
          app: 'zendesk',
          record: await hashRecord(KEY, { app: 'zendesk', type: 'ticket', id: r.id }),
          opened: r.opened,
        };
        await sendEvents(env.store, learner(`agent${r.agent}@example.com`, 'tier1'), [event], {
          install: `4b8e7f4e-7d4c-4a9e-9a43-${String(r.agent).padStart(12, '0')}`,
          firstSeq: records.indexOf(r) + 1,
        });
      }
      const csv = [
        'id,solved_at,resolution_minutes,reopens,replies',
        ...records.map((r, i) => `${r.id},2026-06-12,${r.opened ? 50 + i : 80 + i},0,2`),
      ].join('\n');
      const parsed = await readHelpdeskExport(csv, {
        key: KEY,
        app: 'zendesk',
        recordType: 'ticket',
      });
      await env.store.importHelpdesk(parsed.tickets, {
        actor: 'admin@example.com',
        skipped: 0,
        problems: [],
      });
      const app = createApp(env.store, { log: false });
      const author = await tokenFor(env.store, 'author@example.com', 'author');
      const view = (await (
        await app.request('/v1/insights/impact', { headers: { Authorization: `Bearer ${author}` } })
      ).json()) as ImpactView;
      const association = view.helpdesk.association!;
      expect(association).toMatchObject({ label: 'association', tickets: 54, matched: 54 });
      expect(association.cohorts).toMatchObject([
        { cohort: 'guidance', tickets: 36, agents: 12 },
        { cohort: 'no_guidance', suppressed: true },
      ]);
      expect(association.difference).toBeUndefined();
      expect(JSON.stringify(view)).not.toMatch(/agent\d/);
    } finally {
      await env.cleanup();
    }
  });
});
