// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { placeCard } from './card-place';

const VIEW = { width: 1280, height: 800 };
const SIZE = { width: 300, height: 160 };
const rect = (left: number, top: number, width: number, height: number) =>
  new DOMRect(left, top, width, height);
const beaconOf = (r: DOMRect) => ({ x: r.right, y: r.top });

describe('placeCard', () => {
  it('puts the card to the right of a narrow field, level with its beacon, arrow at the beacon', () => {
    const field = rect(320, 300, 280, 32);
    const place = placeCard(field, beaconOf(field), SIZE, 'auto', VIEW);
    expect(place.side).toBe('right');
    expect(place.left).toBe(614);
    expect(place.top + place.arrow).toBe(300);
  });

  it('goes above a full-width row, under its far-right beacon, rather than over the next field', () => {
    const row = rect(40, 400, 1200, 32);
    const place = placeCard(row, beaconOf(row), SIZE, 'auto', VIEW);
    expect(place.side).toBe('top');
    expect(place.top + SIZE.height).toBeLessThanOrEqual(row.top);
    // The arrow points at the beacon, 1,200 px from the row's left end.
    expect(place.left + place.arrow).toBeCloseTo(row.right, 0);
  });

  it('goes below only when nothing else fits', () => {
    const row = rect(0, 20, 1280, 40);
    expect(placeCard(row, beaconOf(row), SIZE, 'auto', VIEW).side).toBe('bottom');
  });

  it('honours the author’s side when it fits, and falls back when it does not', () => {
    const field = rect(400, 300, 280, 32);
    expect(placeCard(field, beaconOf(field), SIZE, 'left', VIEW).side).toBe('left');
    const atEdge = rect(10, 300, 200, 32);
    expect(placeCard(atEdge, beaconOf(atEdge), SIZE, 'left', VIEW).side).toBe('right');
  });
});
