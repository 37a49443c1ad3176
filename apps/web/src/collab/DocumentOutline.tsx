import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { headingsOf, type OutlineEntry } from './outline';

function goTo(editor: Editor, entry: OutlineEntry) {
  const dom = editor.view.nodeDOM(entry.pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ behavior: 'smooth', block: 'start' });
  // The caret follows, so that typing or reading on with a screen reader starts at that heading.
  editor
    .chain()
    .setTextSelection(entry.pos + 1)
    .focus(undefined, { scrollIntoView: false })
    .run();
}

/** The document's headings; choosing one scrolls to it. */
export function DocumentOutline({ editor, lang, dir }: { editor: Editor; lang: string; dir: 'ltr' | 'rtl' }) {
  const { t } = useTranslation('editor');
  const entries = useEditorState({ editor, selector: ({ editor: e }) => headingsOf(e.state.doc), equalityFn: same });
  return (
    <nav className="outline" aria-label={t('outline.label')}>
      <h2 className="outline-title">{t('outline.label')}</h2>
      {entries.length === 0 ? (
        <p className="muted outline-empty">{t('outline.empty')}</p>
      ) : (
        <ol className="outline-list" lang={lang} dir={dir}>
          {entries.map((entry) => (
            <li key={`${entry.pos}`} className={`outline-item outline-level-${Math.min(entry.level, 4)}`}>
              <button type="button" className="outline-link" onClick={() => goTo(editor, entry)}>
                {entry.text}
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}

function same(a: OutlineEntry[], b: OutlineEntry[] | null): boolean {
  return (
    b !== null &&
    a.length === b.length &&
    a.every((x, i) => x.pos === b[i].pos && x.text === b[i].text && x.level === b[i].level)
  );
}
