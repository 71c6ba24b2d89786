/**
 * Agents' answers on their goals, kept in Zendesk itself as custom object records (no server of our own).
 * Endpoints, checked against the Support OpenAPI description:
 * - `PATCH /api/v2/custom_objects/{key}/records?external_id=…` — create or update by external id
 *   (Allowed for: agents): one record per agent, goal and period, so answering again replaces the answer;
 * - `GET /api/v2/custom_objects/{key}/records?filter[external_ids]=…` (agents): an agent reads only the
 *   records of their own goals, by those ids — never a list of everyone's;
 * - `GET /api/v2/custom_objects/{key}/records?page[size]=100` (agents; the studio asks only as an admin);
 * - `POST /api/v2/custom_objects` and `POST /api/v2/custom_objects/{key}/fields` (admins): set up once from
 *   the studio.
 */
import * as v from 'valibot';
import type { AnswerChoice, GoalAnswer } from '../../core/answers/goalAnswer';
import { ANSWER_CHOICES } from '../../core/answers/goalAnswer';
import type { HttpResponse, ZafClient } from '../zaf/zafClient';
import { RequestFailure, throwOnErrorStatus } from '../zendesk/requestFailure';

export const ANSWERS_OBJECT_KEY = 'goalpost_answer';
const RECORDS_URL = `/api/v2/custom_objects/${ANSWERS_OBJECT_KEY}/records`;

/** The fields each answer record carries (custom object field keys). */
export const ANSWER_FIELDS = [
  { key: 'agent_id', type: 'integer', title: 'Agent id' },
  { key: 'goal', type: 'text', title: 'Goal' },
  { key: 'period_start', type: 'text', title: 'Period start' },
  { key: 'answer', type: 'text', title: 'Answer' },
  { key: 'note', type: 'text', title: 'Note' },
  { key: 'target', type: 'decimal', title: 'Target when answered' },
  { key: 'answered_at', type: 'text', title: 'Answered at' },
] as const;

const FieldsSchema = v.looseObject({
  agent_id: v.pipe(v.number(), v.safeInteger()),
  goal: v.pipe(v.string(), v.regex(/^(me|team):[a-z_]+:[a-z]+$/)),
  period_start: v.pipe(v.string(), v.isoTimestamp()),
  answer: v.picklist(ANSWER_CHOICES),
  note: v.optional(v.nullable(v.string()), ''),
  target: v.pipe(v.number(), v.finite()),
  answered_at: v.pipe(v.string(), v.isoTimestamp()),
});
const RecordSchema = v.looseObject({ custom_object_fields: v.unknown() });
const ListSchema = v.looseObject({
  custom_object_records: v.array(RecordSchema),
  meta: v.optional(
    v.looseObject({ has_more: v.optional(v.boolean(), false), after_cursor: v.nullish(v.string()) }),
  ),
});

/** Answers are not set up on this account yet (the custom object does not exist): the admin can do it. */
export class AnswersNotSetUp extends Error {
  constructor() {
    super('The answers object is not set up');
    this.name = 'AnswersNotSetUp';
  }
}

function check(response: HttpResponse): unknown {
  if (response.status >= 200 && response.status < 300) return response.body;
  if (response.status === 404) throw new AnswersNotSetUp();
  throwOnErrorStatus(response);
  throw new RequestFailure({ kind: 'malformed' });
}

/** A record as an answer; null for one that is not ours to read (a hand-made record, a missing field). */
export function answerFromRecord(record: unknown): GoalAnswer | null {
  const outer = v.safeParse(RecordSchema, record);
  if (!outer.success) return null;
  const fields = v.safeParse(FieldsSchema, outer.output.custom_object_fields);
  if (!fields.success) return null;
  const f = fields.output;
  return {
    agentId: f.agent_id,
    goalKey: f.goal,
    periodStart: Date.parse(f.period_start),
    choice: f.answer as AnswerChoice,
    note: f.note ?? '',
    target: f.target,
    answeredAt: Date.parse(f.answered_at),
  };
}

function answersOf(body: unknown): { answers: GoalAnswer[]; after: string | null } {
  const parsed = v.safeParse(ListSchema, body);
  if (!parsed.success) throw new RequestFailure({ kind: 'malformed' });
  const answers = parsed.output.custom_object_records.flatMap((record) => {
    const answer = answerFromRecord(record);
    return answer ? [answer] : [];
  });
  const meta = parsed.output.meta;
  return { answers, after: meta?.has_more && meta.after_cursor ? meta.after_cursor : null };
}

/** The agent's own answers, by the external ids of their goals this period: one request, made on demand. */
export async function fetchOwnAnswers(
  client: ZafClient,
  externalIds: readonly string[],
): Promise<GoalAnswer[]> {
  if (externalIds.length === 0) return [];
  const url = `${RECORDS_URL}?filter[external_ids]=${externalIds.map(encodeURIComponent).join(',')}`;
  return answersOf(check(await client.request({ url }))).answers;
}

/** Saves (or replaces) one answer; only after the agent confirmed it. */
export async function saveAnswer(
  client: ZafClient,
  externalId: string,
  answer: GoalAnswer,
  name: string,
): Promise<void> {
  check(
    await client.request({
      url: `${RECORDS_URL}?external_id=${encodeURIComponent(externalId)}`,
      method: 'PATCH',
      body: {
        custom_object_record: {
          name,
          custom_object_fields: {
            agent_id: answer.agentId,
            goal: answer.goalKey,
            period_start: new Date(answer.periodStart).toISOString(),
            answer: answer.choice,
            note: answer.note,
            target: answer.target,
            answered_at: new Date(answer.answeredAt).toISOString(),
          },
        },
      },
    }),
  );
}

/** Every answer on the account (admins, in the studio), newest periods included, a few pages at most. */
export async function fetchAllAnswers(client: ZafClient, maxPages = 10): Promise<GoalAnswer[]> {
  const all: GoalAnswer[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const cursor: string = after ? `&page[after]=${encodeURIComponent(after)}` : '';
    const result = answersOf(check(await client.request({ url: `${RECORDS_URL}?page[size]=100${cursor}` })));
    all.push(...result.answers);
    after = result.after;
    if (!after) break;
  }
  return all;
}

/** Creates the custom object and its fields (admins, once): 1 + 7 requests. */
export async function setUpAnswers(client: ZafClient): Promise<void> {
  check(
    await client.request({
      url: '/api/v2/custom_objects',
      method: 'POST',
      body: {
        custom_object: {
          key: ANSWERS_OBJECT_KEY,
          title: 'Goalpost answer',
          title_pluralized: 'Goalpost answers',
          description: "Agents' answers on their goals, from the Goalpost app.",
        },
      },
    }),
  );
  for (const field of ANSWER_FIELDS)
    check(
      await client.request({
        url: `/api/v2/custom_objects/${ANSWERS_OBJECT_KEY}/fields`,
        method: 'POST',
        body: { custom_object_field: { key: field.key, type: field.type, title: field.title } },
      }),
    );
}
