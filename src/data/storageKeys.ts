/**
 * Every name Goalpost uses in the browser's localStorage and for its cross-tab channel and lock, in one place.
 * Each is namespaced `goalpost:`, versioned (a changed format gets a new version, so an old record is never
 * misread), and keyed by account and, where the data is personal, by agent: two agents or two accounts in one
 * browser never share a record. README "What is cached" lists what each holds.
 */

interface AgentScope {
  accountSubdomain: string;
  agentId: number;
}

const agentKey = (name: string, { accountSubdomain, agentId }: AgentScope) =>
  `goalpost:${name}:${accountSubdomain}:${agentId}`;

export const storageKeys = {
  /** Last good figures (snapshotCache.ts, compact v2 format). */
  figures: (scope: AgentScope) => agentKey('v2', scope),
  /** The agent's own solves not yet confirmed by search. */
  pendingSolves: (scope: AgentScope) => agentKey('v1:pending', scope),
  /** Which tab fetches for all, where the browser has no Web Locks. */
  lease: (scope: AgentScope) => agentKey('v1:lease', scope),
  /** The board last shown (figures, nudges as worded, trends), painted by the next sidebar before its engine loads. */
  lastBoard: (scope: AgentScope) => agentKey('v1:lastBoard', scope),
  /** Dismissed and shown nudges. */
  nudgeHistory: (scope: AgentScope) => agentKey('v1:nudges', scope),
  /** The agent's reduced profile (groups, default group, ticket access). */
  profile: (scope: AgentScope) => agentKey('v2:profile', scope),
  /** Past periods' counts and team sizes (attainability). */
  ownHistory: (scope: AgentScope) => agentKey('v1:ownHistory', scope),
  /** Past periods' counts behind the sidebar's trend lines. */
  trendCounts: (scope: AgentScope) => agentKey('v1:trendCounts', scope),
  teamHistory: (scope: AgentScope) => agentKey('v1:history', scope),
  teamSize: (scope: AgentScope) => agentKey('v1:teamSize', scope),
  /** The goal studio's history counts (admins), per request, kept a day. */
  studioHistory: (scope: AgentScope) => agentKey('v1:studioHistory', scope),
  /** This agent's request times in the last minute: one budget for all their tabs. */
  sentRequests: (scope: AgentScope) => agentKey('v1:sent', scope),
  /** A 429's Retry-After holds for the whole account. */
  accountBlock: (accountSubdomain: string) => `goalpost:v1:block:${accountSubdomain}`,
  /** The account's stated rate limit and what was left of it. */
  accountLimit: (accountSubdomain: string) => `goalpost:v1:limit:${accountSubdomain}`,
} as const;

/** The BroadcastChannel an agent's sidebars share (not storage, but named by the same rules). */
export const engineChannelName = (scope: AgentScope) => agentKey('v1', scope);

/** The Web Lock an agent's sidebars queue for to lead. */
export const leaderLockName = (scope: AgentScope) => agentKey('v1:leader', scope);
