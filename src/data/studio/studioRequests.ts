/**
 * What the goal studio asks of Zendesk, admins only: the account's groups and staff with their memberships
 * (to name ids and work out who gets which goals), and the app installation's settings, read and saved.
 * Endpoints (Zendesk's developer docs; the Apps API is not in the Support OpenAPI file):
 * `GET /api/v2/groups`, `GET /api/v2/users?role[]=agent&role[]=admin`, `GET /api/v2/group_memberships`
 * (Allowed for: admins, and agents for some — the studio asks only for admins), and
 * `GET` / `PUT /api/v2/apps/installations/{id}` (Allowed for: admins).
 */
import * as v from 'valibot';
import type { StudioDirectory } from '../../core/studio/effectiveGoals';
import type { HttpResponse, ZafClient } from '../zaf/zafClient';
import type { PoliteGet } from '../zendesk/politeRequest';
import { RequestFailure, throwOnErrorStatus } from '../zendesk/requestFailure';

const id = v.pipe(v.number(), v.safeInteger());
const page = { next_page: v.optional(v.nullable(v.string())) };
const GroupsSchema = v.object({ groups: v.array(v.object({ id, name: v.string() })), ...page });
const UsersSchema = v.object({
  users: v.array(
    v.object({
      id,
      name: v.string(),
      default_group_id: v.nullish(id),
      iana_time_zone: v.nullish(v.string()),
    }),
  ),
  ...page,
});
const MembershipsSchema = v.object({
  group_memberships: v.array(v.object({ user_id: id, group_id: id })),
  ...page,
});
const InstallationSchema = v.object({
  settings: v.record(v.string(), v.unknown()),
  updated_at: v.optional(v.string()),
});

/** Every page of a list, up to a limit: a huge account shows its first few thousand people, and says so. */
const MAX_PAGES = 30;

async function allPages<T extends v.GenericSchema>(
  get: PoliteGet,
  firstUrl: string,
  schema: T,
): Promise<v.InferOutput<T>[]> {
  const pages: v.InferOutput<T>[] = [];
  let url: string | null = firstUrl;
  while (url && pages.length < MAX_PAGES) {
    const body: unknown = await get(url);
    const parsed = v.safeParse(schema, body);
    if (!parsed.success) throw new RequestFailure({ kind: 'malformed' });
    pages.push(parsed.output);
    const next: unknown = (body as { next_page?: unknown }).next_page;
    url = typeof next === 'string' ? next.replace(/^https?:\/\/[^/]+/, '') : null;
  }
  return pages;
}

/** Groups, agents and admins, and who is in which group: 3 requests for up to 100 of each. */
export async function loadDirectory(get: PoliteGet): Promise<StudioDirectory> {
  const groups = (await allPages(get, '/api/v2/groups.json', GroupsSchema)).flatMap((p) => p.groups);
  const users = (await allPages(get, '/api/v2/users.json?role[]=agent&role[]=admin', UsersSchema)).flatMap(
    (p) => p.users,
  );
  const memberships = (await allPages(get, '/api/v2/group_memberships.json', MembershipsSchema)).flatMap(
    (p) => p.group_memberships,
  );
  return {
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    agents: users.map((user) => ({
      id: user.id,
      name: user.name,
      groupIds: memberships.filter((m) => m.user_id === user.id).map((m) => m.group_id),
      defaultGroupId: user.default_group_id ?? null,
      timeZone: user.iana_time_zone ?? null,
    })),
  };
}

export interface InstalledSettings {
  settings: Readonly<Record<string, unknown>>;
  updatedAt: string | null;
}

function readInstallation(response: HttpResponse): InstalledSettings {
  throwOnErrorStatus(response);
  const parsed = v.safeParse(InstallationSchema, response.body);
  if (response.status !== 200 || !parsed.success) throw new RequestFailure({ kind: 'malformed' });
  return { settings: parsed.output.settings, updatedAt: parsed.output.updated_at ?? null };
}

const installationUrl = (installationId: number) => `/api/v2/apps/installations/${installationId}.json`;

/** The settings as saved now (to warn when someone changed them since the studio opened). */
export async function fetchInstalledSettings(
  client: ZafClient,
  installationId: number,
): Promise<InstalledSettings> {
  return readInstallation(await client.request({ url: installationUrl(installationId) }));
}

/** Saves the given settings (the others are kept by Zendesk) and answers with what is saved now. */
export async function saveInstalledSettings(
  client: ZafClient,
  installationId: number,
  settings: Readonly<Record<string, unknown>>,
): Promise<InstalledSettings> {
  return readInstallation(
    await client.request({ url: installationUrl(installationId), method: 'PUT', body: { settings } }),
  );
}
