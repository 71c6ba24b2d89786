/**
 * Custom objects as Zendesk's Custom Objects API answers them, for the one object the app uses (agents'
 * answers on their goals): create the object and its fields (admins), upsert a record by external id and list
 * records, filtered by external ids or paged by cursor (agents). Shapes after the Support OpenAPI description.
 */
type Json = Record<string, unknown>;

export interface CustomObjectAnswer {
  status: number;
  body: unknown;
}

interface StoredObject {
  key: string;
  title: string;
  fields: Map<string, string>;
  records: Map<string, Json>;
}

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export class FakeCustomObjects {
  private readonly objects = new Map<string, StoredObject>();
  private nextId = 1;

  constructor(private readonly now: () => number) {}

  /** Every record of an object, for tests and the simulator's state. */
  records(key: string): Json[] {
    return [...(this.objects.get(key)?.records.values() ?? [])];
  }

  answer(
    user: { id: number; role: string },
    method: string,
    path: string,
    params: URLSearchParams,
    body: unknown,
    origin: string,
  ): CustomObjectAnswer | null {
    const iso = () => new Date(this.now()).toISOString();
    const notFound = { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
    const forbidden = {
      status: 403,
      body: { error: 'Forbidden', description: 'You do not have access to this page.' },
    };
    if (path === '/api/v2/custom_objects' && method === 'POST') {
      if (user.role !== 'admin') return forbidden;
      const input = isRecord(body) && isRecord(body.custom_object) ? body.custom_object : null;
      const key = typeof input?.key === 'string' ? input.key : '';
      if (!/^[a-z][a-z0-9_]*$/.test(key)) return { status: 400, body: { error: 'InvalidKey' } };
      if (this.objects.has(key)) return { status: 400, body: { error: 'KeyAlreadyTaken' } };
      const title = typeof input?.title === 'string' ? input.title : key;
      this.objects.set(key, { key, title, fields: new Map(), records: new Map() });
      return {
        status: 201,
        body: { custom_object: { key, title, url: `${origin}/api/v2/custom_objects/${key}.json` } },
      };
    }
    const fieldsPath = /^\/api\/v2\/custom_objects\/([a-z0-9_]+)\/fields$/.exec(path);
    if (fieldsPath && method === 'POST') {
      if (user.role !== 'admin') return forbidden;
      const object = this.objects.get(fieldsPath[1]!);
      if (!object) return notFound;
      const input = isRecord(body) && isRecord(body.custom_object_field) ? body.custom_object_field : null;
      if (typeof input?.key !== 'string' || typeof input.type !== 'string')
        return { status: 400, body: { error: 'InvalidField' } };
      object.fields.set(input.key, input.type);
      return {
        status: 201,
        body: { custom_object_field: { key: input.key, type: input.type, title: input.title } },
      };
    }
    const recordsPath = /^\/api\/v2\/custom_objects\/([a-z0-9_]+)\/records$/.exec(path);
    if (!recordsPath) return null;
    const object = this.objects.get(recordsPath[1]!);
    if (!object) return notFound;
    if (method === 'PATCH') {
      const externalId = params.get('external_id');
      if (!externalId) return { status: 400, body: { error: 'MissingExternalId' } };
      const input = isRecord(body) && isRecord(body.custom_object_record) ? body.custom_object_record : null;
      const fields = isRecord(input?.custom_object_fields) ? input.custom_object_fields : {};
      const unknown = Object.keys(fields).filter((name) => !object.fields.has(name));
      if (unknown.length > 0)
        return {
          status: 422,
          body: { error: 'InvalidField', description: `Unknown fields: ${unknown.join(', ')}` },
        };
      const existing = object.records.get(externalId);
      const record: Json = {
        id: existing?.id ?? `01H${String(this.nextId++).padStart(8, '0')}`,
        custom_object_key: object.key,
        name: typeof input?.name === 'string' ? input.name : externalId,
        external_id: externalId,
        custom_object_fields: {
          ...(isRecord(existing?.custom_object_fields) ? existing.custom_object_fields : {}),
          ...fields,
        },
        created_by_user_id: existing?.created_by_user_id ?? String(user.id),
        updated_by_user_id: String(user.id),
        created_at: existing?.created_at ?? iso(),
        updated_at: iso(),
        url: `${origin}/api/v2/custom_objects/${object.key}/records/${externalId}.json`,
      };
      object.records.set(externalId, record);
      return { status: existing ? 200 : 201, body: { custom_object_record: record } };
    }
    if (method !== 'GET') return { status: 405, body: { error: 'MethodNotAllowed' } };
    const wanted = params.get('filter[external_ids]');
    let records = [...object.records.values()];
    if (wanted !== null) {
      const ids = new Set(wanted.split(','));
      records = records.filter((record) => ids.has(String(record.external_id)));
    }
    const size = Math.min(100, Math.max(1, Number(params.get('page[size]') ?? 100) || 100));
    const after = params.get('page[after]');
    const start = after ? records.findIndex((record) => record.id === after) + 1 : 0;
    const page = records.slice(start, start + size);
    const hasMore = start + size < records.length;
    return {
      status: 200,
      body: {
        custom_object_records: page,
        meta: {
          has_more: hasMore,
          after_cursor: hasMore ? String(page[page.length - 1]?.id ?? '') : null,
          before_cursor: null,
        },
        links: { prev: null, next: null },
      },
    };
  }
}
