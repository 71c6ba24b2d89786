/**
 * Who is looking at the sidebar, as the data layer learns it from ZAF (`currentUser`,
 * `currentAccount`, app metadata) and `/api/v2/users/me` + group memberships.
 */
export type AgentRole = 'admin' | 'agent';

export interface AgentContext {
  accountSubdomain: string;
  /** Account plan name if known (rate-limit budget), e.g. "Team", "Enterprise". */
  planName: string | null;
  agentId: number;
  agentName: string;
  role: AgentRole;
  /** BCP 47 locale, e.g. "en-US". */
  locale: string;
  /** IANA zone, e.g. "Europe/Berlin". */
  timeZone: string;
  groupIds: readonly number[];
  defaultGroupId: number | null;
  /** `ticket_restriction` is set: the agent sees only part of the team's tickets. */
  isTicketAccessRestricted: boolean;
  /** Raw app settings (`metadata.settings`), parsed by core/settings. */
  rawSettings: Readonly<Record<string, unknown>>;
  /** The ticket this sidebar instance is on, if any. */
  ticketId: number | null;
}
