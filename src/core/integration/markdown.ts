/**
 * The checklist as Markdown, for the person who configures the Qiyuesuo side. `t` localises message
 * keys (the element passes its own `t`), so the export is in the page's language.
 */
import type { Checklist, ChecklistItem, CheckOutcome } from './checklist.js';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface CheckLine {
  id: string;
  outcome: CheckOutcome;
  fix?: string;
}

/** Inline code that survives backticks inside the value. */
export function inlineCode(value: string): string {
  const runs = value.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

function fenced(value: string): string {
  const runs = value.match(/`{3,}/g) ?? [];
  const fence = '`'.repeat(Math.max(2, ...runs.map((r) => r.length)) + 1);
  return `${fence}\n${value}\n${fence}`;
}

/** Escapes Markdown control characters in prose. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

function itemLine(item: ChecklistItem, t: Translate): string {
  const label = escapeMarkdown(t(`item.${item.id}`));
  const parts: string[] = [];
  if (item.code && item.value) return `- **${label}**\n\n${fenced(item.value)}\n`;
  if (item.value) parts.push(inlineCode(item.value));
  else if (item.setting) parts.push(escapeMarkdown(t(item.setting)));
  else if (!item.where) parts.push(`_${escapeMarkdown(t('missingValue'))}_`);
  if (item.where && !item.value) parts.push(escapeMarkdown(t(item.where)));
  return `- **${label}**${t('colon')}${parts.join(' — ')}`;
}

export function checklistToMarkdown(
  list: Checklist,
  t: Translate,
  options: { title: string; serviceLine?: string; checks?: CheckLine[] },
): string {
  const out: string[] = [`# ${escapeMarkdown(options.title)}`, ''];
  if (options.serviceLine) out.push(escapeMarkdown(options.serviceLine), '');
  let section = '';
  for (const item of list.items) {
    if (item.section !== section) {
      section = item.section;
      out.push('', `## ${escapeMarkdown(t(`section.${section}`))}`, '');
    }
    out.push(itemLine(item, t));
    const noteKey = `note.${item.id}`;
    const note = t(noteKey, item.params);
    if (note !== noteKey) out.push(`  > ${escapeMarkdown(note)}`);
  }
  if (options.checks?.length) {
    out.push('', `## ${escapeMarkdown(t('section.checks'))}`, '');
    for (const c of options.checks) {
      const status = t(`status.${c.outcome.status}`);
      out.push(
        `- [${c.outcome.status === 'pass' ? 'x' : ' '}] ${escapeMarkdown(t(`check.${c.id}`))} — ${escapeMarkdown(status)}${t('colon')}${escapeMarkdown(
          t(c.outcome.reason, c.outcome.params),
        )}`,
      );
      if (c.fix && c.outcome.status !== 'pass') out.push(`  > ${escapeMarkdown(t(c.fix, c.outcome.params))}`);
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
