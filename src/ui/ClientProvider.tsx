import type { ReactNode } from 'react';
import { createContext, useContext } from 'react';
import type { ZafClient } from '../data/zaf/zafClient';

const ClientContext = createContext<ZafClient | null>(null);

/** Hands the one ZAF client to components; nothing reads the global. */
export function ClientProvider({ client, children }: { client: ZafClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): ZafClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient must be used inside ClientProvider');
  return client;
}
