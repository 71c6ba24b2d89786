import { Button } from '@zendeskgarden/react-buttons';
import { Well } from '@zendeskgarden/react-notifications';
import styled from 'styled-components';
import type { NudgeCandidate } from '../../core/nudges/nudgeRules';
import { useClient } from '../ClientProvider';
import { useTranslator } from '../i18n/TranslatorContext';

const StyledNudge = styled(Well)`
  margin-bottom: ${(p) => p.theme.space.xs};
  padding: ${(p) => p.theme.space.sm};
`;

const StyledActions = styled.div`
  display: flex;
  gap: ${(p) => p.theme.space.sm};
  margin-top: ${(p) => p.theme.space.xxs};
`;

export function NudgeList({
  nudges,
  onDismiss,
}: {
  nudges: readonly NudgeCandidate[];
  onDismiss: (nudge: NudgeCandidate) => void;
}) {
  const translator = useTranslator();
  const client = useClient();
  if (nudges.length === 0) return null;
  return (
    <section aria-label={translator.t('ui.sections.coaching')}>
      {nudges.map((nudge) => {
        const text = translator.formatMessage(nudge.message);
        return (
          <StyledNudge key={nudge.id} isRecessed={nudge.kind !== 'quality'} data-nudge={nudge.rule}>
            <p>{text}</p>
            <StyledActions>
              {nudge.ticketId !== null && (
                <Button size="small" isLink onClick={() => client.openTicket(nudge.ticketId ?? 0)}>
                  {translator.t('ui.nudge.openTicket', { ticket: String(nudge.ticketId) })}
                </Button>
              )}
              <Button
                size="small"
                isBasic
                onClick={() => onDismiss(nudge)}
                aria-label={`${translator.t('ui.nudge.dismiss')}: ${text}`}
              >
                {translator.t('ui.nudge.dismiss')}
              </Button>
            </StyledActions>
          </StyledNudge>
        );
      })}
    </section>
  );
}
