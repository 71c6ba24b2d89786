import { DEFAULT_NOW, seedAccount } from '../../simulator/seed/seededAccount';

describe('seedAccount', () => {
  it('is the same account for the same seed and a different one for another', () => {
    expect(seedAccount(42)).toEqual(seedAccount(42));
    expect(seedAccount(7).tickets).not.toEqual(seedAccount(42).tickets);
  });

  it('starts on a Wednesday at 11:00 in Dublin (UTC in November)', () => {
    expect(new Date(DEFAULT_NOW).toISOString()).toBe('2026-11-18T11:00:00.000Z');
    expect(new Date(DEFAULT_NOW).getUTCDay()).toBe(3);
  });

  it('has the demo account: 3 support groups and a team leads group, 8 agents of whom one is an admin, each in a group they work', () => {
    const account = seedAccount();
    expect(account.subdomain).toBe('goalpost-demo');
    expect(account.groups).toHaveLength(4);
    expect(account.agents).toHaveLength(8);
    expect(account.agents.filter((a) => a.role === 'admin')).toHaveLength(1);
    for (const agent of account.agents) expect(agent.groupIds).toContain(agent.defaultGroupId);
  });

  it('spreads four weeks of tickets over weekdays, none in the future', () => {
    const { tickets, now } = seedAccount();
    const oldest = Math.min(...tickets.map((t) => t.createdAt));
    expect(now - oldest).toBeGreaterThan(26 * 86_400_000);
    expect(now - oldest).toBeLessThan(29 * 86_400_000);
    expect(tickets.every((t) => ![0, 6].includes(new Date(t.createdAt).getUTCDay()))).toBe(true);
    expect(tickets.every((t) => t.createdAt <= now && (t.solvedAt ?? 0) <= now)).toBe(true);
  });

  it('rates about 85% of rated tickets good, and only solved ones', () => {
    const { tickets } = seedAccount();
    const good = tickets.filter((t) => t.satisfaction === 'good').length;
    const bad = tickets.filter((t) => t.satisfaction === 'bad').length;
    expect(good / (good + bad)).toBeGreaterThan(0.8);
    expect(good / (good + bad)).toBeLessThan(0.9);
    expect(tickets.filter((t) => t.solvedAt === null).every((t) => t.satisfaction === 'unoffered')).toBe(
      true,
    );
    // Comments only come with an answered rating.
    expect(
      tickets.filter((t) => t.satisfactionComment).every((t) => ['good', 'bad'].includes(t.satisfaction)),
    ).toBe(true);
  });

  it('keeps each ticket consistent: statuses, replies, reopens and SLA targets', () => {
    const { tickets, now } = seedAccount();
    for (const t of tickets) {
      if (t.solvedAt === null) expect(['new', 'open', 'pending']).toContain(t.status);
      else expect(t.status).toBe(now - t.solvedAt > 4 * 86_400_000 ? 'closed' : 'solved');
      expect(t.status === 'new').toBe(t.firstReplyAt === null && t.solvedAt === null);
      expect(t.replies > 0).toBe(t.firstReplyAt !== null);
      if (t.reopens > 0) expect(t.solvedAt).not.toBeNull();
      expect(t.slaBreachAt !== null).toBe(t.status === 'new');
    }
  });
});
