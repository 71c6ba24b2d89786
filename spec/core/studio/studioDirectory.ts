import type { StudioDirectory } from '../../../src/core/studio/effectiveGoals';

export const EMEA = 360001234567;
export const BILLING = 360001234569;

/** The seeded account's European agents: all in Support EMEA; Chiara and Maya in Billing too. */
export const europeanAgents: StudioDirectory = {
  groups: [
    { id: EMEA, name: 'Support EMEA' },
    { id: BILLING, name: 'Billing' },
  ],
  agents: [
    { id: 3720451, name: 'Aoife Byrne', groupIds: [EMEA] },
    { id: 3720452, name: 'Jonas Weber', groupIds: [EMEA] },
    { id: 3720453, name: 'Chiara Rossi', groupIds: [EMEA, BILLING] },
    { id: 3720454, name: 'Maya Patel', groupIds: [EMEA, BILLING] },
  ],
};
