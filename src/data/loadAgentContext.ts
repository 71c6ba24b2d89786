import * as v from 'valibot';
import type { AgentContext } from './agentContext';
import type { KeyValueStore } from './engine/snapshotCache';
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

function isValidZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const PROFILE_MAX_AGE_MS = 60 * 60_000;

interface CachedProfile {
  at: number;
  me: unknown;
  memberships: unknown;
}

/** `users/me` and memberships change rarely: fetched once an hour per agent, not once per ticket tab. */
async function loadProfile(
  get: PoliteGet,
  store: KeyValueStore,
  key: string,
  agentId: number,
  now: number,
): Promise<CachedProfile> {
  try {
    const cached = JSON.parse(store.getItem(key) ?? 'null') as CachedProfile | null;
    if (cached && now - cached.at < PROFILE_MAX_AGE_MS) return cached;
  } catch {
    // Unreadable cache: fetch again.
  }
  const profile: CachedProfile = {
    at: now,
    me: await get('/api/v2/users/me.json').catch(() => null),
    memberships: await get(`/api/v2/users/${agentId}/group_memberships.json`).catch(() => null),
  };
  if (profile.me !== null && profile.memberships !== null) {
    try {
      store.setItem(key, JSON.stringify(profile));
    } catch {
      // Storage blocked: fine, fetched again next time.
    }
  }
  return profile;
}

/**
 * Who is looking: the agent and account from ZAF (no HTTP), then `users/me` (ticket restriction, default
 * group) and the agent's group memberships — two requests per agent per hour, shared by every tab.
 */
export async function loadAgentContext(
  client: ZafClient,
  get: PoliteGet,
  store: KeyValueStore,
  now: number,
): Promise<AgentContext> {
  const user = v.parse(CurrentUserSchema, await client.get('currentUser'));
  const account = v.parse(CurrentAccountSchema, await client.get('currentAccount'));
  const [rawSettings, context] = await Promise.all([client.settings(), client.context()]);
  const profile = await loadProfile(
    get,
    store,
    `goalpost:v1:profile:${account.subdomain}:${user.id}`,
    user.id,
    now,
  );
  const me = v.safeParse(UserMeSchema, profile.me);
  const memberships = v.safeParse(GroupMembershipsSchema, profile.memberships);
  const membershipGroups = memberships.success ? memberships.output.group_memberships : [];
  const defaultGroupId =
    (me.success ? me.output.user.default_group_id : null) ??
    membershipGroups.find((m) => m.default)?.group_id ??
    null;
  const zone = [user.timeZone?.ianaName, account.timeZone?.ianaName].find(isValidZone) ?? 'UTC';
  return {
    accountSubdomain: account.subdomain,
    planName: account.planName ?? null,
    agentId: user.id,
    agentName: user.name,
    role: user.role === 'admin' ? 'admin' : 'agent',
    locale: user.locale,
    timeZone: zone,
    groupIds:
      membershipGroups.length > 0 ? membershipGroups.map((m) => m.group_id) : user.groups.map((g) => g.id),
    defaultGroupId,
    isTicketAccessRestricted: me.success ? Boolean(me.output.user.ticket_restriction) : false,
    rawSettings,
    ticketId: context.ticketId,
  };
}
