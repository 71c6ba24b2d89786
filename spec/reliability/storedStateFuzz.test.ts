import fc from 'fast-check';
import { cacheKey } from '../../src/data/engine/snapshotCache';
import { createNudgeHistoryStore } from '../../src/data/engine/nudgeHistoryStore';
import { createStoredRateState } from '../../src/data/zendesk/sharedRateState';
import { Browser, CountingSource, openEngineTab } from '../data/engine/engineHarness';
import { reportFigures } from './reportFigures';

const START = Date.parse('2026-11-18T10:00:00Z');
const AGENT = 3720451;
const KEYS = {
  cache: cacheKey('acme', AGENT),
  lease: `goalpost:v1:lease:acme:${AGENT}`,
  nudges: `goalpost:v1:nudges:acme:${AGENT}`,
  block: 'goalpost:v1:block:acme',
  sent: `goalpost:v1:sent:acme:${AGENT}`,
};

const DAY = 86_400_000;
const instant = fc.oneof(
  fc.integer({ min: START - 30 * DAY, max: START + 400 * DAY }),
  fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, 1e300),
);
/** Values of the right outline with wrong or hostile insides: what an older build or a hand edit leaves. */
const plausible = fc.oneof(
  fc.record({ holder: fc.string(), expiresAt: instant }),
  fc.record({
    version: fc.constantFrom(1, 2),
    accountSubdomain: fc.constantFrom('acme', 'other'),
    agentId: fc.constantFrom(AGENT, 1),
    refreshedAt: instant,
    snapshot: fc.oneof(
      fc.constant(null),
      fc.record({ agentId: fc.constant(AGENT), solvedTickets: fc.array(fc.anything(), { maxLength: 3 }) }),
    ),
  }),
  fc.record({
    dismissedUntil: fc.dictionary(fc.string(), fc.oneof(instant, fc.constant(null), fc.string())),
    lastShownAt: fc.anything(),
    firstShownAt: fc.dictionary(fc.string(), fc.anything()),
  }),
  fc.array(instant, { maxLength: 600 }),
);
const storedValue = fc.oneof(
  fc.anything().map((value) => JSON.stringify(value) ?? 'undefined'),
  plausible.map((value) => JSON.stringify(value)),
  fc.string(),
  fc.constantFrom('', 'null', '{', '[]', 'NaN', '"__proto__"', '{"__proto__":{"polluted":true}}'),
  fc.constant('x'.repeat(200_000)),
);
const storedState = fc.record(
  {
    cache: storedValue,
    lease: storedValue,
    nudges: storedValue,
    block: storedValue,
    sent: storedValue,
  },
  { requiredKeys: [] },
);

let statesTried = 0;
let messagesTried = 0;
let throws = 0;
let recoveries = 0;
afterAll(() => reportFigures('stored-state fuzz', { statesTried, messagesTried, throws, recoveries }));

describe('whatever the browser has stored', () => {
  it('the sidebar shows figures within one refresh, and nothing throws', async () => {
    await fc.assert(
      fc.asyncProperty(storedState, async (stored) => {
        statesTried += 1;
        const browser = new Browser(START);
        for (const [name, value] of Object.entries(stored))
          browser.storage.setItem(KEYS[name as keyof typeof KEYS], value);
        try {
          const source = new CountingSource(browser.clock);
          const tab = openEngineTab(browser, 'tab-1', source);
          tab.setVisible(true);
          const history = createNudgeHistoryStore(browser.storage, 'acme', AGENT);
          history.write(history.read(START), START);
          createStoredRateState(browser.storage, 'acme', AGENT).blockedUntil(START);
          await browser.clock.advance(2_000);
          const state = tab.getState();
          expect(state.status).toBe('ready');
          expect(state.status === 'ready' && state.refreshedAt).toBeLessThanOrEqual(START + 2_000);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          recoveries += 1;
          tab.dispose();
        } catch (failure) {
          throws += 1;
          throw failure;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('no message from another tab, however malformed, breaks a sidebar or freezes its figures', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.anything(),
            fc.record({
              type: fc.constantFrom('state', 'refreshRequest', 'presence', 'leaving'),
              from: fc.string(),
              state: fc.anything(),
              reason: fc.anything(),
              isVisible: fc.anything(),
            }),
            fc.record({
              type: fc.constant('state'),
              from: fc.constant('intruder'),
              state: fc.record({
                snapshot: fc.constant(null),
                refreshedAt: instant,
                error: fc.anything(),
                isRefreshing: fc.boolean(),
                nextTryAt: instant,
                failuresInRow: fc.integer(),
                lastFullAt: instant,
              }),
            }),
          ),
          { maxLength: 5 },
        ),
        async (messages) => {
          const browser = new Browser(START);
          const source = new CountingSource(browser.clock);
          const tab = openEngineTab(browser, 'tab-1', source);
          tab.setVisible(true);
          await browser.clock.advance(1_000);
          const intruder = browser.hub.open(`goalpost:v1:acme:${AGENT}`);
          for (const message of messages) {
            messagesTried += 1;
            intruder.postMessage(message);
          }
          await browser.clock.advance(6 * 60_000);
          const state = tab.getState();
          expect(state.status).toBe('ready');
          // Still refreshing on its timer: figures no older than the refresh interval plus a tick.
          expect(state.status === 'ready' && browser.clock.now() - state.refreshedAt).toBeLessThanOrEqual(
            5 * 60_000 + 10_000,
          );
          tab.dispose();
        },
      ),
      { numRuns: 300 },
    );
  });
});
