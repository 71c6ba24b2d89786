import { Button } from '@zendeskgarden/react-buttons';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useId, useState } from 'react';
import type { StudioDirectory } from '../../core/studio/effectiveGoals';
import { useTranslator } from '../i18n/TranslatorContext';

/**
 * The ids in the Goals text with their names, and a section header for any group or agent one click away
 * (the text stays the single source of truth: the header is written into it, with the name as a comment).
 */
export function SectionsByName({
  goalsText,
  directory,
  onAdd,
}: {
  goalsText: string;
  directory: StudioDirectory;
  onAdd: (header: string) => void;
}) {
  const { t } = useTranslator();
  const headingId = useId();
  const pickerId = useId();
  const first = directory.groups[0];
  const [picked, setPicked] = useState(first ? `group:${first.id}` : '');
  const used = [...goalsText.matchAll(/^\s*\[(group|agent)\s+(\d+)\]/gim)].map((match) => ({
    kind: (match[1] ?? '').toLowerCase() === 'group' ? ('group' as const) : ('agent' as const),
    id: Number(match[2]),
  }));
  const nameOf = (kind: 'group' | 'agent', id: number) =>
    (kind === 'group' ? directory.groups : directory.agents).find((entry) => entry.id === id)?.name ??
    t('ui.studio.unknownName');
  const header = (kind: 'group' | 'agent', id: number, name: string) => `[${kind} ${id}]  # ${name}`;
  return (
    <section aria-labelledby={headingId}>
      <MD tag="h2" id={headingId} isBold>
        {t('ui.studio.sectionsTitle')}
      </MD>
      <SM>{t('ui.studio.sectionsIntro')}</SM>
      {used.length > 0 && (
        <ul>
          {used.map(({ kind, id }) => (
            <li key={`${kind}:${id}`}>
              {t(kind === 'group' ? 'ui.studio.sectionGroup' : 'ui.studio.sectionAgent', {
                id: String(id),
                name: nameOf(kind, id),
              })}
            </li>
          ))}
        </ul>
      )}
      <div>
        <label htmlFor={pickerId}>{t('ui.studio.pickSection')}</label>{' '}
        <select id={pickerId} value={picked} onChange={(event) => setPicked(event.target.value)}>
          {directory.groups.map((group) => (
            <option key={`group:${group.id}`} value={`group:${group.id}`}>
              {group.name}
            </option>
          ))}
          {[...directory.agents]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((agent) => (
              <option key={`agent:${agent.id}`} value={`agent:${agent.id}`}>
                {agent.name}
              </option>
            ))}
        </select>{' '}
        <Button
          size="small"
          onClick={() => {
            const [kind, id] = picked.split(':');
            if (kind !== 'group' && kind !== 'agent') return;
            onAdd(header(kind, Number(id), nameOf(kind, Number(id))));
          }}
        >
          {t('ui.studio.addSectionButton')}
        </Button>
      </div>
    </section>
  );
}
