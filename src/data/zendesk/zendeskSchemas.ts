import * as v from 'valibot';

// Only the fields Goalpost reads, checked at the boundary; unknown fields pass (looseObject) because
// Zendesk adds fields over time. Shapes from zendesk-support-oas.yaml.

const minutes = v.nullish(
  v.looseObject({ calendar: v.nullish(v.number()), business: v.nullish(v.number()) }),
);

export const MetricSetSchema = v.looseObject({
  ticket_id: v.number(),
  reply_time_in_minutes: minutes,
  full_resolution_time_in_minutes: minutes,
  replies: v.nullish(v.number()),
  reopens: v.nullish(v.number()),
  solved_at: v.nullish(v.string()),
});
export type MetricSet = v.InferOutput<typeof MetricSetSchema>;

const SlaPolicyMetricSchema = v.looseObject({
  breach_at: v.nullish(v.string()),
  stage: v.nullish(v.string()),
  metric: v.nullish(v.string()),
});

export const SearchTicketSchema = v.looseObject({
  id: v.number(),
  status: v.picklist(['new', 'open', 'pending', 'hold', 'solved', 'closed']),
  assignee_id: v.nullish(v.number()),
  group_id: v.nullish(v.number()),
  created_at: v.string(),
  updated_at: v.string(),
  satisfaction_rating: v.nullish(v.looseObject({ score: v.nullish(v.string()) })),
  slas: v.nullish(v.looseObject({ policy_metrics: v.nullish(v.array(SlaPolicyMetricSchema)) })),
});
export type SearchTicket = v.InferOutput<typeof SearchTicketSchema>;

export const SearchResponseSchema = v.looseObject({
  results: v.array(v.looseObject({ result_type: v.nullish(v.string()) })),
  count: v.number(),
  next_page: v.nullish(v.string()),
});

export const CountResponseSchema = v.looseObject({ count: v.number() });

export const ShowManyResponseSchema = v.looseObject({
  tickets: v.array(v.unknown()),
  // Read one by one: an odd metric set is skipped, not the whole page.
  metric_sets: v.optional(v.array(v.unknown()), []),
});

export const UserMeSchema = v.looseObject({
  user: v.looseObject({
    id: v.number(),
    ticket_restriction: v.nullish(v.string()),
    default_group_id: v.nullish(v.number()),
  }),
});

export const GroupMembershipsSchema = v.looseObject({
  group_memberships: v.array(v.looseObject({ group_id: v.number(), default: v.nullish(v.boolean()) })),
});

/** `GET /api/v2/groups/{id}/memberships` (agents may call it): who is in a group. */
export const GroupMembersSchema = v.looseObject({
  group_memberships: v.array(v.looseObject({ user_id: v.number() })),
  next_page: v.nullish(v.string()),
  count: v.nullish(v.number()),
});
