import * as v from 'valibot';
import type { AgentContext } from './agentContext';
import type { KeyValueStore } from './engine/snapshotCache';
import { storageKeys } from './storageKeys';
import { isValidZone } from '../core/periods/timeZone';
import type { WaitTiming } from './fetchOnceAcrossTabs';
import { fetchOnceAcrossTabs } from './fetchOnceAcrossTabs';
import type { ZafClient } from './zaf/zafClient';
import type { PoliteGet } from './zendesk/politeRequest';
import { GroupMembershipsSchema, UserMeSchema } from './zendesk/zendeskSchemas';

const CurrentUserSchema = v.looseObject({
  id: v.number(),
  name: v.optional(v.string(), ''),
  role: v.optional(v.string(), 'agent'),
  locale: v.optional(v.string(), 'en'),
  timeZone: v.nullish(v.looseObject({ ianaName: v.nullish(v.string()) })),
  groups: v.optional(v.array(v.looseObject({ id: v.number() })), []),
});

const CurrentAccountSchema = v.looseObject({
  subdomain: v.string(),
  planName: v.nullish(v.string()),
  timeZone: v.nullish(v.looseObject({ ianaName: v.nullish(v.string()) })),
});

/**
 * Groups, default group and ticket access change rarely; a day's cache means an agent's shift start costs no
 * profile requests (the account-wide burst at nine o'clock is mostly these otherwise: docs/scaling.md).
 */
const PROFILE_MAX_AGE_MS = 24 * 3_600_000;
/** How long other tabs wait for the tab fetching the profile before fetching it themselves. */
const PROFILE_FETCH_LEASE_MS = 20_000;

/**
 * The profile facts the app uses, and nothing else: `users/me` also carries name, e-mail, phone, photo,
 * signature, notes and custom fields, none of which may sit in localStorage.
 */
const CachedProfileSchema = v.object({
  at: v.number(),
  isTicketAccessRestricted: v.boolean(),
  defaultGroupId: v.nullable(v.number()),
  groupIds: v.array(v.number()),
});
export type CachedProfile = v.InferOutput<typeof CachedProfileSchema>;

function readProfile(store: KeyValueStore, key: string, now: number): CachedProfile | null {
  try {
    const parsed = v.safeParse(CachedProfileSchema, JSON.parse(store.getItem(key) ?? 'null'));
    // A profile stamped in the future (clock moved back) is as untrustworthy as an old one.
    return parsed.success && parsed.output.at <= now && now - parsed.output.at < PROFILE_MAX_AGE_MS
      ? parsed.output
      : null;
  } catch {
    return null;
  }
}

function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: fine, fetched again next time.
  }
}

/**
 * `users/me` and memberships change rarely: fetched once an hour per agent, by one tab for all of them —
 * tabs restored together wait for the first one's answer instead of asking again.
 */
function loadProfile(
  get: PoliteGet,
  store: KeyValueStore,
  key: string,
  agentId: number,
  timing: WaitTiming,
): Promise<CachedProfile | null> {
  return fetchOnceAcrossTabs({
    store,
    leaseKey: `${key}:fetching`,
    timing,
    leaseMs: PROFILE_FETCH_LEASE_MS,
    readCached: () => readProfile(store, key, timing.now()),
    fetch: async () => {
      const me = v.safeParse(UserMeSchema, await get('/api/v2/users/me.json').catch(() => null));
      const memberships = v.safeParse(
        GroupMembershipsSchema,
        await get(`/api/v2/users/${agentId}/group_memberships.json`).catch(() => null),
      );
      if (!me.success || !memberships.success) return null;
      const groups = memberships.output.group_memberships;
      const profile: CachedProfile = {
        at: timing.now(),
        isTicketAccessRestricted: Boolean(me.output.user.ticket_restriction),
        defaultGroupId: me.output.user.default_group_id ?? groups.find((m) => m.default)?.group_id ?? null,
        groupIds: groups.map((m) => m.group_id),
      };
      writeJson(store, key, profile);
      return profile;
    },
  });
}

/** How long the first paint waits for `users/me` and memberships before drawing with what ZAF knows. */
export const PROFILE_WAIT_MS = 1_500;

export interface LoadedAgent {
  agent: AgentContext;
  /** When the profile was still on its way: the agent as it will be once it arrives (null if it fails). */
  refined: Promise<AgentContext | null> | null;
}

/**
 * Who is looking: the agent and account from ZAF (no HTTP), then `users/me` (ticket restriction, default
 * group) and the agent's group memberships — two requests per agent per hour, shared by every tab. A slow
 * Zendesk never holds the sidebar back: after PROFILE_WAIT_MS the agent is described with ZAF's groups, and
 * `refined` brings the full profile when it comes.
 */
export async function loadAgentContext(
  client: ZafClient,
  /** The request function for this account and agent (their shared budget). */
  getFor: (accountSubdomain: string, agentId: number) => PoliteGet,
  store: KeyValueStore,
  timing: WaitTiming,
  /** Resolves when the first paint should stop waiting for the profile (tests: never, or at once). */
  waitForProfile: () => Promise<void> = () => timing.sleep(PROFILE_WAIT_MS),
): Promise<LoadedAgent> {
  const user = v.parse(CurrentUserSchema, await client.get('currentUser'));
  const account = v.parse(CurrentAccountSchema, await client.get('currentAccount'));
  const [rawSettings, context] = await Promise.all([client.settings(), client.context()]);
  const zone = [user.timeZone?.ianaName, account.timeZone?.ianaName].find(isValidZone) ?? 'UTC';
  const describe = (profile: CachedProfile | null): AgentContext => ({
    accountSubdomain: account.subdomain,
    planName: account.planName ?? null,
    agentId: user.id,
    agentName: user.name,
    role: user.role === 'admin' ? 'admin' : 'agent',
    locale: user.locale,
    timeZone: zone,
    groupIds: profile && profile.groupIds.length > 0 ? profile.groupIds : user.groups.map((g) => g.id),
    defaultGroupId: profile?.defaultGroupId ?? null,
    isTicketAccessRestricted: profile?.isTicketAccessRestricted ?? false,
    rawSettings,
    ticketId: context.ticketId,
  });
  const profile = loadProfile(
    getFor(account.subdomain, user.id),
    store,
    storageKeys.profile({ accountSubdomain: account.subdomain, agentId: user.id }),
    user.id,
    timing,
  ).catch(() => null);
  const waited = Symbol('waited');
  const first = await Promise.race([profile, waitForProfile().then(() => waited)]);
  if (first !== waited) return { agent: describe(first as CachedProfile | null), refined: null };
  return { agent: describe(null), refined: profile.then((late) => (late ? describe(late) : null)) };
}
