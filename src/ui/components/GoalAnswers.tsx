import { Button } from '@zendeskgarden/react-buttons';
import { SM } from '@zendeskgarden/react-typography';
import { lazy, Suspense, useId, useState } from 'react';
import styled from 'styled-components';
import type { GoalProgress } from '../../core/metrics/goalProgress';
import { useTranslator } from '../i18n/TranslatorContext';

/** The panel, its requests and their checks load when the agent opens it, not with every sidebar. */
const GoalAnswersPanel = lazy(() =>
  import(/* webpackChunkName: "answers" */ './GoalAnswersPanel').catch(() => ({ default: PanelUnavailable })),
);

/** The panel's chunk could not load (offline): say so where it would have been, not as a crash. */
function PanelUnavailable() {
  const { t } = useTranslator();
  return <SM>{t('ui.answers.failed')}</SM>;
}

const StyledPanel = styled.div`
  margin: 0 0 ${(p) => p.theme.space.sm};
`;

/**
 * "Your view on these targets": the agent says whether each personal goal's target is fair, too high or too
 * low, with an optional note, for this period — a choice and Send, nothing sent before that. Answers are read
 * only when the agent opens the panel.
 */
export function GoalAnswers({
  personal,
  agentId,
  now,
}: {
  personal: readonly GoalProgress[];
  agentId: number;
  now: number;
}) {
  const { t } = useTranslator();
  const panelId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const answerable = personal.filter((p) => p.bounds !== null);
  if (answerable.length === 0) return null;
  return (
    <StyledPanel>
      <Button
        size="small"
        isLink
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen(!isOpen)}
      >
        {t('ui.answers.open')}
      </Button>
      <div id={panelId} aria-live="polite">
        {isOpen && (
          <Suspense fallback={<SM>{t('ui.answers.loading')}</SM>}>
            <GoalAnswersPanel answerable={answerable} agentId={agentId} now={now} />
          </Suspense>
        )}
      </div>
    </StyledPanel>
  );
}
