import * as v from 'valibot';
import type { KeyValueStore } from '../engine/snapshotCache';
import type { PoliteGet } from './politeRequest';
import { GroupMembersSchema } from './zendeskSchemas';

/**
 * How many agents make up the team (the distinct members of its groups): one request per group, for an admin's
 * per-agent check of personal targets. Null when Zendesk does not say.
 */
export async function fetchTeamSize(get: PoliteGet, groupIds: readonly number[]): Promise<number | null> {
  const members = new Set<number>();
  let listedElsewhere = 0;
  for (const groupId of groupIds) {
    const body = v.safeParse(
      GroupMembersSchema,
      await get(`/api/v2/groups/${groupId}/memberships.json`).catch(() => null),
    );
    if (!body.success) return null;
    for (const membership of body.output.group_memberships) members.add(membership.user_id);
    // Past the first page, Zendesk's count says how many more there are (an agent in two such groups may be
    // counted twice: a large team's per-agent figure is then a little low, never a little high).
    if (body.output.next_page)
      listedElsewhere += Math.max(0, (body.output.count ?? 0) - body.output.group_memberships.length);
  }
  const size = members.size + listedElsewhere;
  return size > 0 ? size : null;
}

const DAY_MS = 86_400_000;
const CachedSizeSchema = v.object({ at: v.number(), groups: v.string(), size: v.number() });

/** The team size, asked once a day per admin (kept with the groups it was counted for). */
export async function cachedTeamSize(
  get: PoliteGet,
  groupIds: readonly number[],
  store: KeyValueStore,
  key: string,
  now: number,
): Promise<number | null> {
  const groups = [...groupIds].sort((a, b) => a - b).join();
  try {
    const cached = v.safeParse(CachedSizeSchema, JSON.parse(store.getItem(key) ?? 'null'));
    if (
      cached.success &&
      cached.output.groups === groups &&
      cached.output.at <= now &&
      now - cached.output.at < DAY_MS
    )
      return cached.output.size;
  } catch {
    // Unreadable: counted again.
  }
  const size = await fetchTeamSize(get, groupIds);
  if (size !== null)
    try {
      store.setItem(key, JSON.stringify({ at: now, groups, size }));
    } catch {
      // Storage blocked: counted again next load.
    }
  return size;
}
