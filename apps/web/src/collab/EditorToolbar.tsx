import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { createContext, useContext, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from './icons';
import { shortcut } from './shortcuts';
import { useUndoState } from './useUndoState';

const HEADING_LEVELS = [1, 2, 3] as const;
type Level = (typeof HEADING_LEVELS)[number];

function toolbarState({ editor }: { editor: Editor }) {
  const heading = HEADING_LEVELS.find((level) => editor.isActive('heading', { level })) ?? 0;
  return {
    heading,
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    blockquote: editor.isActive('blockquote'),
    link: editor.isActive('link'),
    inTable: editor.isActive('table'),
  };
}

/** The roving tab stop: the one button of the group that Tab reaches (the others by arrow keys). */
const Roving = createContext<{ active: string; setActive: (name: string) => void }>({
  active: '',
  setActive: () => undefined,
});

interface ButtonProps {
  icon: IconName;
  label: string;
  keys?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
}

function ToolButton({ icon, label, keys, pressed, disabled, onClick }: ButtonProps) {
  const { t } = useTranslation('editor');
  const roving = useContext(Roving);
  const keyboard = keys ? shortcut(keys) : undefined;
  return (
    <button
      type="button"
      className="tool-button"
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={keyboard?.aria}
      title={keyboard ? t('toolbar.withShortcut', { label, shortcut: keyboard.label }) : label}
      disabled={disabled}
      // Keep the editor's selection: the command runs on it and gives the focus back.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      onFocus={() => roving.setActive(icon)}
      tabIndex={roving.active === icon ? 0 : -1}
      data-tool={icon}
    >
      <Icon name={icon} />
    </button>
  );
}

/**
 * Arrow keys move between the buttons (in reading direction: mirrored in right-to-left layouts), Home
 * and End jump to the ends, Tab leaves the toolbar: one tab stop for the whole group (WAI-ARIA toolbar).
 */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[data-tool]:not(:disabled)')];
  const index = items.indexOf(document.activeElement as HTMLButtonElement);
  if (index === -1) return;
  const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
  const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
  let next: number | undefined;
  if (step !== undefined) next = (index + step + items.length) % items.length;
  if (event.key === 'Home') next = 0;
  if (event.key === 'End') next = items.length - 1;
  if (next === undefined) return;
  event.preventDefault();
  items[next].focus();
}

/** The formatting toolbar of the live editor; every command also has its keyboard shortcut. */
export function EditorToolbar({ editor, onLink }: { editor: Editor; onLink: () => void }) {
  const { t } = useTranslation('editor');
  const state = useEditorState({ editor, selector: toolbarState });
  const { canUndo, canRedo } = useUndoState(editor);
  const [active, setActive] = useState<string>('bold');
  // The table buttons come and go: when the tab stop was one of them, it goes back to the first button.
  const tableTools = ['addRow', 'addColumn', 'deleteRow', 'deleteColumn', 'deleteTable'];
  const tabStop =
    (tableTools.includes(active) && !state.inTable) || (active === 'table' && state.inTable) ? 'bold' : active;
  const run = () => editor.chain().focus();

  const setStyle = (value: string) => {
    const level = Number(value);
    if (level === 0) run().setParagraph().run();
    else
      run()
        .setHeading({ level: level as Level })
        .run();
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <label className="visually-hidden" htmlFor="editor-text-style">
        {t('toolbar.textStyle')}
      </label>
      <select
        id="editor-text-style"
        className="tool-select"
        value={state.heading}
        title={t('toolbar.withShortcut', { label: t('toolbar.textStyle'), shortcut: shortcut('Mod+Alt+1').label })}
        onChange={(event) => setStyle(event.target.value)}
      >
        <option value={0}>{t('toolbar.paragraph')}</option>
        {HEADING_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t('toolbar.heading', { level })}
          </option>
        ))}
      </select>
      <Roving.Provider value={{ active: tabStop, setActive }}>
        <div className="tool-group" onKeyDown={moveFocus}>
          <ToolButton
            icon="bold"
            label={t('toolbar.bold')}
            keys="Mod+B"
            pressed={state.bold}
            onClick={() => run().toggleBold().run()}
          />
          <ToolButton
            icon="italic"
            label={t('toolbar.italic')}
            keys="Mod+I"
            pressed={state.italic}
            onClick={() => run().toggleItalic().run()}
          />
          <ToolButton icon="link" label={t('toolbar.link')} keys="Mod+K" pressed={state.link} onClick={onLink} />
          <span className="tool-separator" aria-hidden="true" />
          <ToolButton
            icon="bulletList"
            label={t('toolbar.bulletList')}
            keys="Mod+Shift+8"
            pressed={state.bulletList}
            onClick={() => run().toggleBulletList().run()}
          />
          <ToolButton
            icon="orderedList"
            label={t('toolbar.orderedList')}
            keys="Mod+Shift+7"
            pressed={state.orderedList}
            onClick={() => run().toggleOrderedList().run()}
          />
          <ToolButton
            icon="blockquote"
            label={t('toolbar.blockquote')}
            keys="Mod+Shift+B"
            pressed={state.blockquote}
            onClick={() => run().toggleBlockquote().run()}
          />
          <span className="tool-separator" aria-hidden="true" />
          {state.inTable ? (
            <>
              <ToolButton icon="addRow" label={t('toolbar.addRow')} onClick={() => run().addRowAfter().run()} />
              <ToolButton
                icon="addColumn"
                label={t('toolbar.addColumn')}
                onClick={() => run().addColumnAfter().run()}
              />
              <ToolButton icon="deleteRow" label={t('toolbar.deleteRow')} onClick={() => run().deleteRow().run()} />
              <ToolButton
                icon="deleteColumn"
                label={t('toolbar.deleteColumn')}
                onClick={() => run().deleteColumn().run()}
              />
              <ToolButton
                icon="deleteTable"
                label={t('toolbar.deleteTable')}
                onClick={() => run().deleteTable().run()}
              />
            </>
          ) : (
            <ToolButton
              icon="table"
              label={t('toolbar.table')}
              onClick={() => run().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
            />
          )}
          <span className="tool-separator" aria-hidden="true" />
          <ToolButton
            icon="undo"
            label={t('toolbar.undo')}
            keys="Mod+Z"
            disabled={!canUndo}
            onClick={() => run().undo().run()}
          />
          <ToolButton
            icon="redo"
            label={t('toolbar.redo')}
            keys="Mod+Shift+Z"
            disabled={!canRedo}
            onClick={() => run().redo().run()}
          />
        </div>
      </Roving.Provider>
    </div>
  );
}
