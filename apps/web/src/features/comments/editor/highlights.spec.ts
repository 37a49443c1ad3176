import { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { waitFor } from '@testing-library/react';
import * as Y from 'yjs';
import { editorExtensions } from '../../../collab/schema';
import { isBound, resolveAnchor, selectionAnchor } from './anchors';
import { CommentHighlights, setHighlightHandlers, showThreads, threadRange, type HighlightInput } from './highlights';

const LABELS = { suggestion: 'Suggested wording:', accept: 'Accept the suggestion', reject: 'Reject the suggestion' };

/** Two copies of one document, kept in sync as the server would: "ours" in the editor, "theirs" another person's. */
function twoCopies(text: string) {
  const theirs = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  theirs.getXmlFragment('default').insert(0, [paragraph]);
  const ours = new Y.Doc();
  Y.applyUpdate(ours, Y.encodeStateAsUpdate(theirs));
  ours.on('update', (update: Uint8Array) => Y.applyUpdate(theirs, update));
  theirs.on('update', (update: Uint8Array) => Y.applyUpdate(ours, update));
  return {
    ours,
    theirs,
    theirText: () => (theirs.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText,
  };
}

async function mountEditor(doc: Y.Doc, editable = true) {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({ element, editable, extensions: [...editorExtensions({ doc }), CommentHighlights] });
  await waitFor(() => expect(isBound(editor.state)).toBe(true));
  return editor;
}

/** ProseMirror positions of `needle` in the editor's (one-paragraph) text. */
function find(editor: Editor, needle: string) {
  const from = editor.state.doc.textContent.indexOf(needle) + 1;
  return { from, to: from + needle.length };
}

function anchorOf(editor: Editor, needle: string) {
  const { from, to } = find(editor, needle);
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, to)));
  return selectionAnchor(editor.state)!;
}

const input = (over: Partial<HighlightInput>): HighlightInput => ({
  threads: [],
  focusedId: null,
  draft: null,
  canDecide: false,
  labels: LABELS,
  ...over,
});

const marked = (editor: Editor, selector: string) =>
  [...editor.view.dom.querySelectorAll(selector)].map((el) => el.textContent).join('|');

describe('comment anchors and highlights in the editor', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('anchors the selected passage with Yjs relative positions that resolve back to it', async () => {
    const { ours } = twoCopies('Accueil digne des réfugiés et emploi.');
    const editor = await mountEditor(ours);
    const made = anchorOf(editor, 'digne des réfugiés');
    expect(made.quote).toBe('digne des réfugiés');
    expect(made.anchor.start).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(resolveAnchor(editor.state, made.anchor)).toEqual(find(editor, 'digne des réfugiés'));
    editor.destroy();
  });

  it('pulls a selection that ends on block boundaries in to the words (select all, a line end)', async () => {
    const { ours } = twoCopies('Accueil digne.');
    const editor = await mountEditor(ours);
    editor.commands.insertContentAt(editor.state.doc.content.size, '<p>Emploi.</p>');
    editor.commands.selectAll();
    const all = selectionAnchor(editor.state)!;
    expect(all.quote).toBe('Accueil digne.\nEmploi.');
    expect(resolveAnchor(editor.state, all.anchor)).toEqual({ from: 1, to: editor.state.doc.content.size - 1 });
    // From the end of one paragraph to the start of the next: no words, nothing to comment on.
    const end = find(editor, 'digne.').to;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, end, end + 2)));
    expect(selectionAnchor(editor.state)).toBeNull();
    editor.destroy();
  });

  it('keeps the highlight on the same words while someone else edits before and inside the passage', async () => {
    const { ours, theirText } = twoCopies('Accueil digne des réfugiés et emploi.');
    const editor = await mountEditor(ours);
    const { anchor } = anchorOf(editor, 'digne des réfugiés');
    showThreads(editor.view, input({ threads: [{ id: 't-1', anchor, range: null, suggestion: null }] }));
    expect(marked(editor, '.comment-highlight')).toBe('digne des réfugiés');

    theirText().insert(0, 'Un ');
    theirText().insert('Un Accueil digne des'.length, ' personnes');
    expect(editor.state.doc.textContent).toBe('Un Accueil digne des personnes réfugiés et emploi.');
    expect(marked(editor, '.comment-highlight')).toBe('digne des personnes réfugiés');
    expect(threadRange(editor.state, 't-1')).toEqual(find(editor, 'digne des personnes réfugiés'));

    // One's own typing just before the passage stays outside it.
    editor.commands.insertContentAt(find(editor, 'digne').from, 'très ');
    expect(marked(editor, '.comment-highlight')).toBe('digne des personnes réfugiés');
    editor.destroy();
  });

  it('drops the highlight of a passage whose text was deleted', async () => {
    const { ours, theirText } = twoCopies('Accueil digne des réfugiés et emploi.');
    const editor = await mountEditor(ours);
    const { anchor } = anchorOf(editor, 'digne');
    showThreads(editor.view, input({ threads: [{ id: 't-1', anchor, range: null, suggestion: null }] }));
    theirText().delete('Accueil '.length, 'digne des '.length);
    expect(editor.view.dom.querySelector('.comment-highlight')).toBeNull();
    expect(threadRange(editor.state, 't-1')).toBeNull();
    editor.destroy();
  });

  it('shows a suggestion inline: the old words struck through, the new ones after them, accept and reject for editors', async () => {
    const { ours } = twoCopies('Trois ateliers ont réuni les services.');
    const editor = await mountEditor(ours, false);
    const { anchor } = anchorOf(editor, 'Trois ateliers');
    const thread = { id: 't-s', anchor, range: null, suggestion: 'Quatre ateliers' };
    showThreads(editor.view, input({ threads: [thread] }));
    expect(marked(editor, '.comment-suggestion-old')).toBe('Trois ateliers');
    expect(marked(editor, '.comment-suggestion-new')).toBe('Quatre ateliers');
    expect(editor.view.dom.querySelector('.comment-suggestion button')).toBeNull();

    const handlers = { focus: jest.fn(), decide: jest.fn() };
    setHighlightHandlers(editor, handlers);
    showThreads(editor.view, input({ threads: [thread], canDecide: true }));
    const accept = editor.view.dom.querySelector<HTMLButtonElement>('[aria-label="Accept the suggestion"]')!;
    accept.click();
    expect(handlers.decide).toHaveBeenCalledWith('t-s', true);
    editor.view.dom.querySelector<HTMLButtonElement>('[aria-label="Reject the suggestion"]')!.click();
    expect(handlers.decide).toHaveBeenCalledWith('t-s', false);
    // The document's text is unchanged: the proposal is only shown.
    expect(editor.state.doc.textContent).toBe('Trois ateliers ont réuni les services.');
    editor.destroy();
  });

  it('opens the thread of a highlight that is clicked, and marks the chosen one', async () => {
    const { ours } = twoCopies('Accueil digne des réfugiés et emploi.');
    const editor = await mountEditor(ours);
    const first = anchorOf(editor, 'Accueil').anchor;
    const second = anchorOf(editor, 'emploi').anchor;
    const handlers = { focus: jest.fn(), decide: jest.fn() };
    setHighlightHandlers(editor, handlers);
    editor.commands.setTextSelection(1);
    showThreads(
      editor.view,
      input({
        threads: [
          { id: 't-1', anchor: first, range: null, suggestion: null },
          { id: 't-2', anchor: second, range: null, suggestion: null },
        ],
        focusedId: 't-2',
      }),
    );
    const spans = [...editor.view.dom.querySelectorAll<HTMLElement>('.comment-highlight')];
    expect(spans.map((s) => [s.textContent, s.classList.contains('is-focused')])).toEqual([
      ['Accueil', false],
      ['emploi', true],
    ]);
    spans[0].click();
    expect(handlers.focus).toHaveBeenCalledWith('t-1');
    editor.destroy();
  });
});
