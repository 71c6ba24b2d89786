import { periodBounds } from '../../../src/core/periods/periodBounds';

const at = (iso: string) => Date.parse(iso);
const iso = (bounds: { start: number; end: number }) => ({
  start: new Date(bounds.start).toISOString(),
  end: new Date(bounds.end).toISOString(),
});

describe('periodBounds', () => {
  it('puts the day edges at local midnight in the agent’s zone, not UTC', () => {
    // 01:30 UTC on Monday is still Sunday evening in New York.
    expect(iso(periodBounds('day', at('2026-11-23T01:30:00Z'), 'America/New_York', 1))).toEqual({
      start: '2026-11-22T05:00:00.000Z',
      end: '2026-11-23T05:00:00.000Z',
    });
  });

  it('gives a 23-hour day when the clocks go forward (Berlin, last Sunday of March)', () => {
    const bounds = periodBounds('day', at('2026-03-29T12:00:00Z'), 'Europe/Berlin', 1);
    expect(iso(bounds)).toEqual({ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' });
    expect((bounds.end - bounds.start) / 3_600_000).toBe(23);
  });

  it('gives a 25-hour day when the clocks go back (New York, first Sunday of November)', () => {
    const bounds = periodBounds('day', at('2026-11-01T15:00:00Z'), 'America/New_York', 0);
    expect((bounds.end - bounds.start) / 3_600_000).toBe(25);
  });

  it('starts the week on the configured day', () => {
    const sunday = at('2026-11-22T12:00:00Z');
    expect(iso(periodBounds('week', sunday, 'UTC', 1)).start).toBe('2026-11-16T00:00:00.000Z');
    expect(iso(periodBounds('week', sunday, 'UTC', 0)).start).toBe('2026-11-22T00:00:00.000Z');
    expect(iso(periodBounds('week', sunday, 'UTC', 6)).start).toBe('2026-11-21T00:00:00.000Z');
  });

  it('covers whole months and quarters in local time', () => {
    expect(iso(periodBounds('month', at('2026-11-22T12:00:00Z'), 'Asia/Tokyo', 1))).toEqual({
      start: '2026-10-31T15:00:00.000Z',
      end: '2026-11-30T15:00:00.000Z',
    });
    expect(iso(periodBounds('quarter', at('2026-11-22T12:00:00Z'), 'UTC', 1))).toEqual({
      start: '2026-10-01T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
    });
  });
});
