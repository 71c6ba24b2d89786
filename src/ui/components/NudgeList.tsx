import { Anchor, IconButton } from '@zendeskgarden/react-buttons';
import { Well } from '@zendeskgarden/react-notifications';
import { SM } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { NudgeCandidate } from '../../core/nudges/nudgeRules';
import type { DrawnNudge } from '../hooks/useGoalBoard';
import { useClient } from '../ClientProvider';
import { useTranslator } from '../i18n/TranslatorContext';

// Compact: a nudge is one short paragraph with its link and a small dismiss button, so two of them leave
// the headline goals in the first screen.
const StyledNudge = styled(Well)`
  display: flex;
  align-items: flex-start;
  gap: ${(p) => p.theme.space.xs};
  margin-bottom: ${(p) => p.theme.space.xs};
  padding: ${(p) => p.theme.space.xs} ${(p) => p.theme.space.sm};
`;

const StyledText = styled(SM)`
  flex: 1;
  min-width: 0;
  overflow-wrap: anywhere;
`;

export function NudgeList({
  nudges,
  onDismiss,
}: {
  nudges: readonly DrawnNudge[];
  onDismiss: (nudge: NudgeCandidate) => void;
}) {
  const translator = useTranslator();
  const client = useClient();
  if (nudges.length === 0) return null;
  return (
    <section aria-label={translator.t('ui.sections.coaching')}>
      {nudges.map((nudge) => {
        const text = nudge.text ?? translator.formatMessage(nudge.message);
        const { ticketId } = nudge;
        return (
          <StyledNudge key={nudge.id} isRecessed={nudge.kind !== 'quality'} data-nudge={nudge.rule}>
            <StyledText>
              {text}
              {ticketId !== null && (
                <>
                  {' '}
                  <Anchor
                    href={`#ticket-${ticketId}`}
                    onClick={(event) => {
                      event.preventDefault();
                      client.openTicket(ticketId);
                    }}
                  >
                    {translator.t('ui.nudge.openTicket', { ticket: String(ticketId) })}
                  </Anchor>
                </>
              )}
            </StyledText>
            <IconButton
              size="small"
              isBasic
              onClick={() => onDismiss(nudge)}
              aria-label={`${translator.t('ui.nudge.dismiss')}: ${text}`}
              title={translator.t('ui.nudge.dismiss')}
            >
              <span aria-hidden="true">×</span>
            </IconButton>
          </StyledNudge>
        );
      })}
    </section>
  );
}
