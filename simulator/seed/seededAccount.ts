/**
 * A deterministic demo account: groups, agents and four weeks of tickets with metric data and CSAT,
 * generated from a seed so tests can compute the same figures independently.
 */

export interface SimGroup {
  id: number;
  name: string;
}

export interface SimAgent {
  id: number;
  name: string;
  email: string;
  role: 'admin' | 'agent';
  locale: string;
  timeZone: string;
  groupIds: number[];
  defaultGroupId: number;
  ticketRestriction: null | 'groups' | 'assigned';
}

export type SimStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
export type SimScore = 'good' | 'bad' | 'offered' | 'unoffered';

export interface SimTicket {
  id: number;
  subject: string;
  status: SimStatus;
  requesterId: number;
  assigneeId: number | null;
  groupId: number;
  createdAt: number;
  updatedAt: number;
  solvedAt: number | null;
  firstReplyAt: number | null;
  replies: number;
  reopens: number;
  satisfaction: SimScore;
  /**
   * The customer's comment with a good or bad rating. Search files a rating with a comment under
   * `goodwithcomment`/`badwithcomment` only, as live accounts do, so an app must OR both scores.
   */
  satisfactionComment?: string | null;
  /** Active first-reply SLA target, for unreplied open tickets. */
  slaBreachAt: number | null;
}

export interface SeededAccount {
  subdomain: string;
  planName: string;
  groups: SimGroup[];
  agents: SimAgent[];
  tickets: SimTicket[];
  now: number;
}

/** mulberry32: tiny, fast and good enough for demo data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS: SimGroup[] = [
  { id: 360001234567, name: 'Support EMEA' },
  { id: 360001234568, name: 'Support Americas' },
  { id: 360001234569, name: 'Billing' },
  // No tickets are routed here: it only names who leads a team (the app's Team leads group setting).
  { id: 360001234570, name: 'Team leads' },
];

/** Team leads group memberships, added after the tickets so every seeded figure stays as it was. */
export const TEAM_LEADS_GROUP = 360001234570;
const TEAM_LEADS = [3720453]; // Chiara Rossi leads Support EMEA and Billing

const PEOPLE: Array<[number, string, 'admin' | 'agent', string, string, number[]]> = [
  [3720451, 'Aoife Byrne', 'agent', 'en-IE', 'Europe/Dublin', [360001234567]],
  [3720452, 'Jonas Weber', 'agent', 'de', 'Europe/Berlin', [360001234567]],
  [3720453, 'Chiara Rossi', 'agent', 'en-GB', 'Europe/Rome', [360001234567, 360001234569]],
  [3720454, 'Maya Patel', 'admin', 'en-US', 'Europe/London', [360001234567, 360001234569]],
  [3720455, 'Diego Alvarez', 'agent', 'en-US', 'America/New_York', [360001234568]],
  [3720456, 'Hannah Lee', 'agent', 'en-US', 'America/Chicago', [360001234568]],
  [3720457, 'Sam Okafor', 'agent', 'en-US', 'America/Los_Angeles', [360001234568]],
  [3720458, 'Lena Novak', 'agent', 'en-GB', 'Europe/Prague', [360001234569]],
];

const COMMENTS = {
  good: ['Thanks, that fixed it!', 'Quick and friendly, thank you.', 'Great help.'],
  bad: ['Took far too long.', 'Still not working.', 'I had to explain it three times.'],
} as const;

const SUBJECTS = [
  'Cannot log in after password reset',
  'Invoice shows the wrong VAT number',
  'Export to CSV times out',
  'How do I add a second admin?',
  'Refund for duplicate charge',
  'Webhook deliveries failing',
  'Change billing email',
  'Mobile app crashes on start',
];

/** Wednesday 18 November 2026, 11:00 in Dublin: mid-morning, mid-week. */
export const DEFAULT_NOW = Date.parse('2026-11-18T11:00:00Z');

const MINUTE = 60_000;
const DAY = 86_400_000;

export function seedAccount(seed = 42, now = DEFAULT_NOW): SeededAccount {
  const random = seededRandom(seed);
  // Comments come from a stream of their own so adding them left every other seeded figure unchanged.
  const commentRandom = seededRandom(seed ^ 0x5eed);
  const between = (min: number, max: number) => min + random() * (max - min);
  const agents: SimAgent[] = PEOPLE.map(([id, name, role, locale, timeZone, groupIds]) => ({
    id,
    name,
    email: `${name.split(' ')[0]?.toLowerCase()}@goalpost-demo.example`,
    role,
    locale,
    timeZone,
    groupIds,
    defaultGroupId: groupIds[0] ?? GROUPS[0]!.id,
    ticketRestriction: null,
  }));
  const tickets: SimTicket[] = [];
  let nextId = 41000;
  const firstDay = Math.floor(now / DAY) * DAY - 27 * DAY;
  for (let day = firstDay; day <= now; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const agent of agents) {
      const perDay = Math.round(between(11, 19));
      for (let i = 0; i < perDay; i += 1) {
        // Tickets arrive through the working day (07:00–16:30 UTC).
        const createdAt = day + Math.round(between(7 * 60, 16.5 * 60)) * MINUTE;
        if (createdAt > now) continue;
        const replyAfter = Math.round(between(8, 260)) * MINUTE;
        const solveAfter = replyAfter + Math.round(between(20, 1800)) * MINUTE;
        const firstReplyAt = createdAt + replyAfter <= now ? createdAt + replyAfter : null;
        const solvedAt = createdAt + solveAfter <= now && random() < 0.97 ? createdAt + solveAfter : null;
        const roll = random();
        const satisfaction: SimScore =
          solvedAt === null
            ? 'unoffered'
            : roll < 0.3
              ? 'good'
              : roll < 0.35
                ? 'bad'
                : roll < 0.45
                  ? 'offered'
                  : 'unoffered';
        const replyRoll = random();
        const replies =
          firstReplyAt === null
            ? 0
            : replyRoll < 0.55
              ? 1
              : replyRoll < 0.85
                ? 2
                : 3 + Math.floor(random() * 3);
        const status: SimStatus =
          solvedAt === null
            ? firstReplyAt === null
              ? 'new'
              : random() < 0.6
                ? 'open'
                : 'pending'
            : now - solvedAt > 4 * DAY
              ? 'closed'
              : 'solved';
        const id = nextId++;
        const comments = satisfaction === 'good' || satisfaction === 'bad' ? COMMENTS[satisfaction] : null;
        const commentRoll = commentRandom();
        tickets.push({
          id,
          subject: SUBJECTS[id % SUBJECTS.length] ?? 'Question',
          status,
          requesterId: 900000 + (id % 5000),
          assigneeId: agent.id,
          groupId: agent.groupIds[Math.floor(random() * agent.groupIds.length)] ?? agent.defaultGroupId,
          createdAt,
          updatedAt: Math.max(createdAt, solvedAt ?? firstReplyAt ?? createdAt),
          solvedAt,
          firstReplyAt,
          replies,
          reopens: solvedAt !== null && random() < 0.06 ? 1 : 0,
          satisfaction,
          satisfactionComment:
            comments && commentRoll < 0.4
              ? (comments[Math.floor(commentRoll * 10) % comments.length] ?? null)
              : null,
          slaBreachAt: firstReplyAt === null && solvedAt === null ? createdAt + 8 * 60 * MINUTE : null,
        });
      }
    }
  }
  for (const agent of agents)
    if (TEAM_LEADS.includes(agent.id)) agent.groupIds = [...agent.groupIds, TEAM_LEADS_GROUP];
  return { subdomain: 'goalpost-demo', planName: 'Team', groups: GROUPS, agents, tickets, now };
}
