import type { Editor } from '@tiptap/core';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { useCallback, useSyncExternalStore } from 'react';
import type { UndoManager } from 'yjs';

const EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;

function undoManagerOf(editor: Editor): UndoManager | undefined {
  return (yUndoPluginKey.getState(editor.state) as { undoManager?: UndoManager } | undefined)?.undoManager;
}

/**
 * Whether one's own changes can be undone or redone. Read from the collaboration undo manager's own
 * events: it updates its stacks after the editor has already redrawn, so editor transactions alone
 * would leave the buttons one step behind (redo still disabled right after an undo).
 */
export function useUndoState(editor: Editor): { canUndo: boolean; canRedo: boolean } {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const manager = undoManagerOf(editor);
      if (!manager) return () => undefined;
      EVENTS.forEach((event) => manager.on(event, onChange));
      return () => EVENTS.forEach((event) => manager.off(event, onChange));
    },
    [editor],
  );
  const snapshot = useSyncExternalStore(subscribe, () => {
    const manager = undoManagerOf(editor);
    return `${(manager?.undoStack.length ?? 0) > 0}|${(manager?.redoStack.length ?? 0) > 0}`;
  });
  const [canUndo, canRedo] = snapshot.split('|').map((value) => value === 'true');
  return { canUndo: canUndo!, canRedo: canRedo! };
}
