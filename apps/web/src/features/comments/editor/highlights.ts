import type { ThreadAnchor } from '@passerelle/domain';
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { isBound, resolveAnchor, type Passage } from './anchors';

/** An open thread as the editor shows it. */
export interface HighlightThread {
  id: string;
  anchor: ThreadAnchor;
  /** Where the server placed the passage at the last fetch: used only while the editor is not bound to Yjs. */
  range: Passage | null;
  /** The replacement a pending suggestion proposes; null for a plain comment. */
  suggestion: string | null;
}

/** What the editor is told to show: every open thread, the chosen one and the passage being commented on. */
export interface HighlightInput {
  threads: HighlightThread[];
  focusedId: string | null;
  draft: ThreadAnchor | null;
  /** Show accept / reject on suggestions (editors). */
  canDecide: boolean;
  labels: { suggestion: string; accept: string; reject: string };
}

export interface HighlightHandlers {
  focus(threadId: string): void;
  decide(threadId: string, accept: boolean): void;
}

interface HighlightState {
  input: HighlightInput;
  decorations: DecorationSet;
}

export const DRAFT_ID = '__draft__';
export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

const EMPTY_INPUT: HighlightInput = {
  threads: [],
  focusedId: null,
  draft: null,
  canDecide: false,
  labels: { suggestion: '', accept: '', reject: '' },
};

declare module '@tiptap/core' {
  interface Storage {
    commentHighlights: { handlers: HighlightHandlers | null };
  }
}

function suggestionWidget(
  threadId: string,
  text: string,
  input: HighlightInput,
  handlers: () => HighlightHandlers | null,
): HTMLElement {
  const wrap = document.createElement('span');
  wrap.className = `comment-suggestion${threadId === input.focusedId ? ' is-focused' : ''}`;
  wrap.dataset.threadId = threadId;
  wrap.contentEditable = 'false';
  const label = document.createElement('span');
  label.className = 'visually-hidden';
  label.textContent = input.labels.suggestion;
  const inserted = document.createElement('ins');
  inserted.className = 'comment-suggestion-new';
  inserted.textContent = text;
  wrap.append(label, inserted);
  if (input.canDecide) {
    const buttons: Array<[boolean, string, string]> = [
      [true, input.labels.accept, '✓'],
      [false, input.labels.reject, '✕'],
    ];
    for (const [accept, name, symbol] of buttons) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `comment-suggestion-button ${accept ? 'is-accept' : 'is-reject'}`;
      button.setAttribute('aria-label', name);
      button.title = name;
      button.textContent = symbol;
      // Keep the editor's selection and focus where they are.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', (event) => {
        event.preventDefault();
        event.stopPropagation();
        handlers()?.decide(threadId, accept);
      });
      wrap.append(button);
    }
  }
  return wrap;
}

/**
 * The decorations of the open threads: a highlight on each passage, and for a pending suggestion the
 * old words struck through with the proposed ones after them. Passages are placed from their Yjs
 * anchors in this very copy of the document, so they sit on the right words even when the last
 * fetch of the threads is older than the text.
 */
function build(state: EditorState, input: HighlightInput, handlers: () => HighlightHandlers | null): DecorationSet {
  const bound = isBound(state);
  const size = state.doc.content.size;
  const place = (anchor: ThreadAnchor, fallback: Passage | null) => {
    const range = bound ? resolveAnchor(state, anchor) : fallback;
    return range && range.from < range.to && range.to <= size ? range : null;
  };
  const decorations: Decoration[] = [];
  for (const thread of input.threads) {
    const range = place(thread.anchor, thread.range);
    if (!range) continue;
    const focused = thread.id === input.focusedId;
    const kind = thread.suggestion === null ? 'comment-highlight' : 'comment-suggestion-old';
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        { class: `${kind}${focused ? ' is-focused' : ''}`, 'data-thread-id': thread.id },
        { threadId: thread.id },
      ),
    );
    if (thread.suggestion !== null) {
      const text = thread.suggestion;
      decorations.push(
        Decoration.widget(range.to, () => suggestionWidget(thread.id, text, input, handlers), {
          side: 1,
          key: JSON.stringify([thread.id, text, focused, input.canDecide, input.labels]),
          ignoreSelection: true,
          stopEvent: () => true,
          threadId: thread.id,
        }),
      );
    }
  }
  const draft = input.draft && place(input.draft, null);
  if (draft) {
    decorations.push(Decoration.inline(draft.from, draft.to, { class: 'comment-draft' }, { threadId: DRAFT_ID }));
  }
  return DecorationSet.create(state.doc, decorations);
}

/** Where a thread's passage is shown now, if it is. */
export function threadRange(state: EditorState, threadId: string): Passage | null {
  const decorations = commentHighlightsKey.getState(state)?.decorations;
  const found = decorations?.find(undefined, undefined, (spec) => spec.threadId === threadId && !spec.key);
  return found && found.length > 0 ? { from: found[0].from, to: found[0].to } : null;
}

/** Who hears of clicks on highlights and on the inline accept / reject buttons (null: nobody). */
export function setHighlightHandlers(editor: Editor, handlers: HighlightHandlers | null): void {
  // A destroyed editor (React's development double mount replaces the first one) has no storage left.
  const storage = editor.storage.commentHighlights as { handlers: HighlightHandlers | null } | undefined;
  if (storage) storage.handlers = handlers;
}

/** Tells the editor which threads to show. */
export function showThreads(view: EditorView, input: HighlightInput): void {
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, input).setMeta('addToHistory', false));
}

function highlightPlugin(handlers: () => HighlightHandlers | null): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: () => ({ input: EMPTY_INPUT, decorations: DecorationSet.empty }),
      apply(tr, previous, _oldState, newState) {
        const input = tr.getMeta(commentHighlightsKey) as HighlightInput | undefined;
        if (input) return { input, decorations: build(newState, input, handlers) };
        // A change that came through Yjs (someone else's edit, the first render, an undo): place the
        // passages anew from their anchors, as the binding's mapping now describes the new content.
        const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; binding?: unknown } | undefined;
        if (sync?.isChangeOrigin || sync?.binding) {
          return { input: previous.input, decorations: build(newState, previous.input, handlers) };
        }
        if (!tr.docChanged) return previous;
        // One's own typing: the passages move with the text (typing at their edges stays outside).
        return { input: previous.input, decorations: previous.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
      handleDOMEvents: {
        click: (view, event) => {
          const target = event.target instanceof Element ? event.target.closest('[data-thread-id]') : null;
          const id = target instanceof HTMLElement ? target.dataset.threadId : undefined;
          // A click that ends a text selection is for the selection, not for the thread under it.
          const selecting = !(view.dom.ownerDocument.getSelection()?.isCollapsed ?? true);
          if (id && !selecting && view.dom.contains(target)) handlers()?.focus(id);
          return false;
        },
      },
    },
  });
}

/** Highlights of comment threads and suggestions in the text; the comments feature feeds it (see EditorComments). */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addStorage: () => ({ handlers: null as HighlightHandlers | null }),
  addProseMirrorPlugins() {
    const storage = this.storage;
    return [highlightPlugin(() => storage.handlers)];
  },
});
