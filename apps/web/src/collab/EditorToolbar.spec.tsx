import { Editor } from '@tiptap/core';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import * as Y from 'yjs';
import type { Language } from '@passerelle/domain';
import { createI18n } from '../app/i18n';
import { EditorToolbar } from './EditorToolbar';
import { editorExtensions } from './schema';

/**
 * A real editor on a Y.Doc, as in the app (collaboration undo included), without a server. The text
 * arrives the way the server's does: in the Y.Doc before the editor opens, so it is nobody's change to undo.
 */
function makeEditor(text = 'Priorities of the city') {
  const source = new Y.Doc();
  const writer = new Editor({ extensions: editorExtensions({ doc: source }) });
  writer.commands.setContent(`<p>${text}</p>`);
  writer.destroy();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return { editor: new Editor({ extensions: editorExtensions({ doc }) }), doc };
}

function renderToolbar(editor: Editor, lng: Language = 'en', onLink = jest.fn()) {
  const i18n = createI18n({ lng });
  render(
    <I18nextProvider i18n={i18n}>
      <EditorToolbar editor={editor} onLink={onLink} />
    </I18nextProvider>,
  );
  return { onLink };
}

const tableOf = (editor: Editor) => editor.state.doc.content.content.find((node) => node.type.name === 'table');

const selectAll = (editor: Editor) => act(() => void editor.commands.selectAll());

describe('the editor toolbar', () => {
  let editor: Editor;
  let doc: Y.Doc;
  beforeEach(() => ({ editor, doc } = makeEditor()));
  afterEach(() => editor.destroy());

  it('makes the selection bold and italic, shows the buttons pressed, and writes the marks into the shared document', async () => {
    const user = userEvent.setup();
    renderToolbar(editor);
    selectAll(editor);
    const bold = screen.getByRole('button', { name: 'Bold' });
    const italic = screen.getByRole('button', { name: 'Italic' });
    expect(bold).toHaveAttribute('aria-pressed', 'false');

    await user.click(bold);
    await user.click(italic);

    expect(editor.isActive('bold')).toBe(true);
    expect(editor.isActive('italic')).toBe(true);
    expect(bold).toHaveAttribute('aria-pressed', 'true');
    expect(italic).toHaveAttribute('aria-pressed', 'true');
    // The schema names the server renders: <bold>, <italic> inside the paragraph of the `default` fragment.
    const xml = doc.getXmlFragment('default').toString();
    expect(xml).toContain('<bold>');
    expect(xml).toContain('<italic>');

    await user.click(bold);
    expect(editor.isActive('bold')).toBe(false);
    expect(bold).toHaveAttribute('aria-pressed', 'false');
  });

  it('turns the paragraph into a heading and back, and into lists and a quote', async () => {
    const user = userEvent.setup();
    renderToolbar(editor);
    selectAll(editor);

    await user.selectOptions(screen.getByLabelText('Text style'), 'Heading 2');
    expect(editor.isActive('heading', { level: 2 })).toBe(true);
    expect(screen.getByLabelText('Text style')).toHaveValue('2');

    await user.selectOptions(screen.getByLabelText('Text style'), 'Paragraph');
    expect(editor.isActive('paragraph')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Bulleted list' }));
    expect(editor.isActive('bulletList')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Numbered list' }));
    expect(editor.isActive('orderedList')).toBe(true);
    expect(editor.isActive('bulletList')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Quote' }));
    expect(editor.isActive('blockquote')).toBe(true);
  });

  it('inserts a table with a header row, then offers the table tools instead', async () => {
    const user = userEvent.setup();
    renderToolbar(editor);
    act(() => void editor.commands.setTextSelection(1));

    await user.click(screen.getByRole('button', { name: 'Insert a table' }));

    const table = tableOf(editor)!;
    expect(table.childCount).toBe(3);
    expect(table.child(0).content.content.map((cell) => cell.type.name)).toEqual([
      'tableHeader',
      'tableHeader',
      'tableHeader',
    ]);
    expect(screen.queryByRole('button', { name: 'Insert a table' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add a row below' }));
    expect(tableOf(editor)!.childCount).toBe(4);
    await user.click(screen.getByRole('button', { name: 'Delete the table' }));
    expect(tableOf(editor)).toBeUndefined();
  });

  it("undoes and redoes one's own change through the collaboration history", async () => {
    const user = userEvent.setup();
    renderToolbar(editor);
    const undo = screen.getByRole('button', { name: 'Undo my last change' });
    const redo = screen.getByRole('button', { name: 'Redo' });
    // The text was there before: nothing of one's own to undo yet.
    expect(undo).toBeDisabled();

    selectAll(editor);
    await user.click(screen.getByRole('button', { name: 'Bold' }));
    expect(undo).toBeEnabled();

    await user.click(undo);
    expect(editor.isActive('bold')).toBe(false);
    expect(redo).toBeEnabled();
    await user.click(redo);
    expect(editor.isActive('bold')).toBe(true);
  });

  it('does not undo what someone else wrote', () => {
    renderToolbar(editor);
    // Another person's change arrives as a remote update (a different Y.Doc), not through this editor.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.transact(() => {
      const paragraph = other.getXmlFragment('default').get(0) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(0, 'Remote: ');
    });
    act(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc))));
    expect(editor.getText()).toContain('Remote: ');

    expect(screen.getByRole('button', { name: 'Undo my last change' })).toBeDisabled();
    act(() => void editor.commands.undo());
    expect(editor.getText()).toContain('Remote: ');
  });

  it('opens the link form from its button', async () => {
    const user = userEvent.setup();
    const { onLink } = renderToolbar(editor);
    await user.click(screen.getByRole('button', { name: 'Link' }));
    expect(onLink).toHaveBeenCalledTimes(1);
  });

  it('names every button with its shortcut and is one tab stop, walked with the arrow keys', async () => {
    const user = userEvent.setup();
    renderToolbar(editor);
    const bold = screen.getByRole('button', { name: 'Bold' });
    expect(bold).toHaveAttribute('title', 'Bold (Ctrl+B)');
    expect(bold).toHaveAttribute('aria-keyshortcuts', 'Control+B');
    expect(screen.getByRole('toolbar', { name: 'Formatting' })).toBeInTheDocument();

    await user.tab(); // the text style
    await user.tab(); // the buttons: one stop
    expect(bold).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Italic' })).toHaveFocus();
    await user.keyboard('{End}');
    // Undo and redo are disabled (nothing done yet): the last enabled button is the table.
    expect(screen.getByRole('button', { name: 'Insert a table' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(bold).toHaveFocus();
    await user.tab();
    expect(document.body).toHaveFocus();
  });

  it('speaks the interface language', () => {
    renderToolbar(editor, 'ar');
    expect(screen.getByRole('toolbar', { name: 'التنسيق' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'غامق' })).toBeInTheDocument();
  });
});
