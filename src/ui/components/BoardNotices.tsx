import type { SettingsProblem } from '../../core/settings/appSettings';
import type { BoardState } from '../hooks/useGoalBoard';
import { DataNotice } from './DataNotice';
import { SettingsProblemsNotice } from './SettingsProblemsNotice';

/** What the board says before its goals: settings problems, and why figures are missing or stale. */
export function BoardNotices({
  state,
  problems,
  isAdmin,
  now,
  timeZone,
  onRetry,
}: {
  state: BoardState;
  problems: readonly SettingsProblem[];
  isAdmin: boolean;
  now: number;
  timeZone: string;
  onRetry: () => void;
}) {
  return (
    <>
      <SettingsProblemsNotice problems={problems} isAdmin={isAdmin} />
      {state.status === 'unavailable' && (
        <DataNotice error={state.error} refreshedAt={null} now={now} timeZone={timeZone} onRetry={onRetry} />
      )}
      {state.status === 'ready' && state.error && (
        <DataNotice error={state.error} refreshedAt={state.refreshedAt} now={now} timeZone={timeZone} />
      )}
    </>
  );
}
