import type { GoalProgress } from '../../src/core/metrics/goalProgress';
import type { LastBoard } from '../../src/data/lastBoard';
import { LAST_BOARD_MAX_AGE_MS } from '../../src/data/lastBoard';
import { createLastBoardStore } from '../../src/data/lastBoardStore';
import { BlockedStore, FullStore, MemoryStore } from './engine/engineHarness';

const AOIFE = 3720451;
const NOW = Date.parse('2026-11-18T10:30:00Z');
const TODAY = { start: Date.parse('2026-11-18T00:00:00Z'), end: Date.parse('2026-11-19T00:00:00Z') };

const solvedToday: GoalProgress = {
  goal: { scope: 'me', metric: 'solved', target: 12, period: 'day', floor: null, line: 2 },
  bounds: TODAY,
  value: 7,
  sampleSize: 7,
  status: 'onTrack',
  fraction: 7 / 12,
  pace: {
    milestone: 6.2,
    elapsedWorkFraction: 0.52,
    projection: 13,
    aheadBy: 0.8,
    catchUp: null,
    isReachable: true,
  },
  share: null,
  stretch: null,
  oldestWaiting: null,
} as GoalProgress;

const backlog: GoalProgress = {
  ...solvedToday,
  goal: { scope: 'me', metric: 'backlog', target: 15, period: 'now', floor: null, line: 3 },
  bounds: null,
  value: 9,
  status: 'withinTarget',
  fraction: 9 / 15,
  pace: null,
  oldestWaiting: { ticketId: 48213, since: NOW - 5 * 3_600_000 },
} as GoalProgress;

const board = (changes: Partial<LastBoard> = {}): LastBoard => ({
  savedAt: NOW,
  locale: 'en-US',
  refreshedAt: NOW - 120_000,
  progress: [solvedToday, backlog],
  nudges: [],
  pendingSolveCount: 0,
  gaps: null,
  isTeamViewPartial: false,
  trends: [],
  ...changes,
});

describe('the last board, kept for the next sidebar’s first paint', () => {
  it('gives back the board as it was drawn, for the same agent on the same account', () => {
    const storage = new MemoryStore();
    createLastBoardStore(storage, 'goalpost-demo', AOIFE).save(board());
    expect(createLastBoardStore(storage, 'goalpost-demo', AOIFE).read(NOW + 60_000)).toEqual(board());
  });

  it('is never shown to another agent or on another account', () => {
    const storage = new MemoryStore();
    createLastBoardStore(storage, 'goalpost-demo', AOIFE).save(board());
    expect(createLastBoardStore(storage, 'goalpost-demo', 3720452).read(NOW)).toBeNull();
    expect(createLastBoardStore(storage, 'other-account', AOIFE).read(NOW)).toBeNull();
  });

  it('is not painted once a goal’s period is over: yesterday’s “today” is not today’s', () => {
    const store = createLastBoardStore(new MemoryStore(), 'goalpost-demo', AOIFE);
    const lateEvening = TODAY.end - 3_600_000;
    store.save(board({ savedAt: lateEvening, refreshedAt: lateEvening }));
    expect(store.read(TODAY.end - 1)).not.toBeNull();
    expect(store.read(TODAY.end)).toBeNull();
  });

  it('is not painted when a nudge on it belongs to a period that is over', () => {
    const store = createLastBoardStore(new MemoryStore(), 'goalpost-demo', AOIFE);
    const nudge = {
      id: 'halfway',
      kind: 'celebration',
      periodEnd: NOW + 60_000,
      text: 'Halfway to 12 solved today. Keep the quality up.',
    } as unknown as LastBoard['nudges'][0];
    store.save(board({ progress: [backlog], nudges: [nudge] }));
    expect(store.read(NOW + 59_000)).not.toBeNull();
    expect(store.read(NOW + 60_000)).toBeNull();
  });

  it(`is not painted with figures over ${LAST_BOARD_MAX_AGE_MS / 3_600_000} h old, nor when dated in the future`, () => {
    const store = createLastBoardStore(new MemoryStore(), 'goalpost-demo', AOIFE);
    store.save(board({ progress: [backlog] }));
    expect(store.read(NOW - 120_000 + LAST_BOARD_MAX_AGE_MS)).not.toBeNull();
    expect(store.read(NOW - 120_000 + LAST_BOARD_MAX_AGE_MS + 1)).toBeNull();
    // The computer's clock moved back: a board "drawn" later than now is not trusted.
    expect(store.read(NOW - 1)).toBeNull();
  });

  it('reads a damaged or foreign record as nothing to paint, without throwing', () => {
    const storage = new MemoryStore();
    const key = 'goalpost:v1:lastBoard:goalpost-demo:3720451';
    const store = createLastBoardStore(storage, 'goalpost-demo', AOIFE);
    for (const damaged of [
      '{not json',
      'null',
      JSON.stringify({ version: 99, board: board() }),
      // The first format: its nudges were not kept as worded.
      JSON.stringify({ version: 1, board: board() }),
      JSON.stringify({ version: 2, board: { ...board(), progress: 'many' } }),
      JSON.stringify({ version: 2, board: board({ progress: [{ ...solvedToday, goal: null }] as never }) }),
      JSON.stringify({
        version: 2,
        board: board({ progress: [{ ...solvedToday, fraction: '58%' }] as never }),
      }),
      JSON.stringify({ version: 2, board: { ...board(), locale: undefined } }),
      JSON.stringify({ version: 2, board: board({ nudges: [{ periodEnd: NOW + 60_000 }] as never }) }),
    ]) {
      storage.setItem(key, damaged);
      expect(store.read(NOW)).toBeNull();
    }
  });

  it('writes only when what it shows changed (the board is redrawn every 30 s)', () => {
    const storage = new MemoryStore();
    let writes = 0;
    const counting = {
      ...storage,
      getItem: storage.getItem,
      removeItem: storage.removeItem,
      setItem: (k: string, v: string) => {
        writes += 1;
        storage.setItem(k, v);
      },
    };
    const store = createLastBoardStore(counting, 'goalpost-demo', AOIFE);
    store.save(board());
    store.save(board({ savedAt: NOW + 30_000 }));
    expect(writes).toBe(1);
    store.save(board({ savedAt: NOW + 60_000, progress: [{ ...solvedToday, value: 8 }, backlog] }));
    expect(writes).toBe(2);
  });

  it('is forgotten by clear() (after a crash, what it holds may be the cause)', () => {
    const store = createLastBoardStore(new MemoryStore(), 'goalpost-demo', AOIFE);
    store.save(board());
    store.clear();
    expect(store.read(NOW)).toBeNull();
  });

  it('costs nothing but the first paint when storage is full or blocked', () => {
    for (const storage of [new FullStore(), new BlockedStore()]) {
      const store = createLastBoardStore(storage, 'goalpost-demo', AOIFE);
      expect(() => store.save(board())).not.toThrow();
      expect(store.read(NOW)).toBeNull();
      expect(() => store.clear()).not.toThrow();
    }
  });
});
