import type { SeededAccount, SimTicket } from '../../simulator/seed/seededAccount';

/** A tiny hand-made account whose search answers can be checked by eye. Times are UTC. */
export const NOW = Date.parse('2026-11-18T11:00:00Z');
export const ANNA = 11; // EMEA only
export const BEN = 12; // EMEA and Billing
export const EMEA = 1;
export const BILLING = 2;

const at = (iso: string) => Date.parse(iso);

function ticket(id: number, fields: Partial<SimTicket> & Pick<SimTicket, 'createdAt'>): SimTicket {
  return {
    id,
    subject: `Ticket ${id}`,
    status: 'open',
    requesterId: 900,
    assigneeId: ANNA,
    groupId: EMEA,
    updatedAt: fields.createdAt,
    solvedAt: null,
    firstReplyAt: null,
    replies: 0,
    reopens: 0,
    satisfaction: 'unoffered',
    satisfactionComment: null,
    slaBreachAt: null,
    ...fields,
  };
}

export function handMadeAccount(): SeededAccount {
  const solved = (iso: string) => ({
    solvedAt: at(iso),
    updatedAt: at(iso),
    firstReplyAt: at(iso),
    replies: 1,
  });
  return {
    subdomain: 'goalpost-demo',
    planName: 'Team',
    now: NOW,
    groups: [
      { id: EMEA, name: 'Support EMEA' },
      { id: BILLING, name: 'Billing' },
    ],
    agents: [
      {
        id: ANNA,
        name: 'Anna Agent',
        email: 'anna@example.com',
        role: 'agent',
        locale: 'en-IE',
        timeZone: 'Europe/Dublin',
        groupIds: [EMEA],
        defaultGroupId: EMEA,
        ticketRestriction: null,
      },
      {
        id: BEN,
        name: 'Ben Admin',
        email: 'ben@example.com',
        role: 'admin',
        locale: 'de',
        timeZone: 'Europe/Berlin',
        groupIds: [EMEA, BILLING],
        defaultGroupId: EMEA,
        ticketRestriction: null,
      },
    ],
    tickets: [
      ticket(1, {
        createdAt: at('2026-11-16T09:00:00Z'),
        ...solved('2026-11-16T10:00:00Z'),
        status: 'solved',
        satisfaction: 'good',
      }),
      ticket(2, {
        createdAt: at('2026-11-16T12:00:00Z'),
        ...solved('2026-11-17T09:00:00Z'),
        status: 'closed',
        satisfaction: 'good',
        satisfactionComment: 'Thanks!',
      }),
      ticket(3, {
        createdAt: at('2026-11-17T08:00:00Z'),
        groupId: BILLING,
        slaBreachAt: at('2026-11-17T16:00:00Z'),
      }),
      ticket(4, {
        createdAt: at('2026-11-17T10:00:00Z'),
        ...solved('2026-11-18T09:30:00Z'),
        assigneeId: BEN,
        status: 'solved',
        satisfaction: 'bad',
        satisfactionComment: 'Too slow.',
      }),
      ticket(5, {
        createdAt: at('2026-11-18T08:00:00Z'),
        assigneeId: BEN,
        groupId: BILLING,
        status: 'pending',
      }),
      ticket(6, {
        createdAt: at('2026-11-09T10:00:00Z'),
        ...solved('2026-11-10T10:00:00Z'),
        status: 'closed',
        satisfaction: 'bad',
      }),
      ticket(7, { createdAt: at('2026-11-18T10:30:00Z'), assigneeId: BEN, groupId: BILLING, status: 'new' }),
      ticket(8, {
        createdAt: at('2026-11-12T10:00:00Z'),
        ...solved('2026-11-13T10:00:00Z'),
        status: 'closed',
        satisfaction: 'offered',
      }),
    ],
  };
}
