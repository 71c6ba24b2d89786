import { Button } from '@zendeskgarden/react-buttons';
import { SM } from '@zendeskgarden/react-typography';
import { Suspense, useId, useState } from 'react';
import styled from 'styled-components';
import type { GoalProgress } from '../../core/metrics/goalProgress';
import { lazyWithSidebarTexts } from '../i18n/lazyWithSidebarTexts';
import { useTranslator } from '../i18n/TranslatorContext';
import type { GoalAnswersPanelProps } from './GoalAnswersPanel';

/**
 * The panel, its requests, their checks and its texts load when the agent opens it, not with every sidebar.
 */
const panelFor = lazyWithSidebarTexts<GoalAnswersPanelProps>(
  () => import(/* webpackChunkName: "answers" */ './GoalAnswersPanel').then((module) => module.default),
  PanelUnavailable,
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
  const { t, locale } = useTranslator();
  const GoalAnswersPanel = panelFor(locale);
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
