import { readEngineMessage, readPendingSolves } from '../../../src/data/engine/tabMessages';

const NOW = Date.parse('2026-11-18T10:00:00Z');
const state = {
  snapshot: null,
  refreshedAt: NOW - 60_000,
  error: null,
  isRefreshing: false,
  nextTryAt: 0,
  failuresInRow: 0,
  lastFullAt: NOW - 60_000,
  pendingSolves: [],
};

describe('messages between the agent’s sidebars', () => {
  it('believes a well-formed message', () => {
    expect(readEngineMessage({ type: 'presence', from: 'tab-2', isVisible: true }, NOW)).toEqual({
      type: 'presence',
      from: 'tab-2',
      isVisible: true,
    });
    expect(readEngineMessage({ type: 'state', from: 'tab-2', state }, NOW)).toMatchObject({ type: 'state' });
  });

  it.each([
    ['not an object', 'state'],
    ['an unknown type', { type: 'shout', from: 'tab-2' }],
    ['no sender', { type: 'leaving' }],
    ['an unknown refresh reason', { type: 'refreshRequest', from: 'tab-2', reason: 'because' }],
    ['figures from the future', { type: 'state', from: 'tab-2', state: { ...state, refreshedAt: NOW + 1 } }],
    [
      'an error of an unknown kind',
      { type: 'state', from: 'tab-2', state: { ...state, error: { kind: 'gremlins' } } },
    ],
    [
      'a snapshot of the wrong shape',
      { type: 'state', from: 'tab-2', state: { ...state, snapshot: { agentId: 1 } } },
    ],
  ])('drops a message with %s', (_what, message) => {
    expect(readEngineMessage(message, NOW)).toBeNull();
  });

  it('caps a back-off from another tab that reaches further than any we would set', () => {
    const message = readEngineMessage(
      { type: 'state', from: 'tab-2', state: { ...state, nextTryAt: NOW + 86_400_000, failuresInRow: 1e9 } },
      NOW,
    );
    expect(message?.type === 'state' && message.state.nextTryAt).toBe(NOW + 10 * 60_000);
    expect(message?.type === 'state' && message.state.failuresInRow).toBe(50);
  });

  it('keeps only well-formed pending solves from the past, and few of them', () => {
    const solves = [
      { ticketId: 1, solvedAt: NOW - 1 },
      { ticketId: 'two', solvedAt: NOW - 1 },
      { ticketId: 3, solvedAt: NOW + 60_000 },
      ...Array.from({ length: 80 }, (_, i) => ({ ticketId: 100 + i, solvedAt: NOW - i })),
    ];
    const kept = readPendingSolves(solves, NOW);
    expect(kept[0]).toEqual({ ticketId: 1, solvedAt: NOW - 1 });
    expect(kept.some((solve) => solve.ticketId === 3)).toBe(false);
    expect(kept).toHaveLength(50);
  });
});
