import type { SocketIOProvider } from '@passerelle/collab';
import { act, screen, waitFor, within } from '@testing-library/react';
import { StrictMode } from 'react';
import userEvent from '@testing-library/user-event';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { EditorSurface } from '../../../collab/EditorSurface';
import { api } from '../../../lib/api';
import { mockFetch } from '../../../test/fetch';
import { signedIn } from '../../../test/fixtures';
import { renderWithApp } from '../../../test/render';
import { editor, EDITOR_PERMISSIONS, paper, stakeholder, STAKEHOLDER_PERMISSIONS } from '../comments.fixtures';
import { DocumentComments } from '../DocumentComments';
import { acquireLiveSocket } from '../liveSocket';

jest.mock('../liveSocket', () => ({ acquireLiveSocket: jest.fn() }));

const TEXT = 'Trois ateliers ont réuni les services municipaux.';

function paperDoc() {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(TEXT)]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  return doc;
}

async function mount(editable: boolean) {
  const me = editable ? editor : stakeholder;
  jest.mocked(acquireLiveSocket).mockReturnValue({
    socket: { connected: false, on: jest.fn(), off: jest.fn(), emit: jest.fn() } as never,
    release: jest.fn(),
  });
  mockFetch({ ...signedIn(me), 'GET /api/documents/d-1/threads': { status: 200, body: [] } });
  const doc = paperDoc();
  // Strict mode, as the app runs: the editor of the first mount is destroyed and replaced.
  await renderWithApp(
    <StrictMode>
      <DocumentComments document={paper(editable ? EDITOR_PERMISSIONS : STAKEHOLDER_PERMISSIONS)}>
        <EditorSurface
          doc={doc}
          provider={{ awareness: new Awareness(doc) } as unknown as SocketIOProvider}
          user={{ id: me.id, name: me.name, color: '#1d4ed8' }}
          editable={editable}
          lang="fr"
          dir="ltr"
          label="Texte"
        />
      </DocumentComments>
    </StrictMode>,
  );
  const text = screen.getByRole('textbox', { name: 'Texte' });
  await waitFor(() => expect(text).toHaveTextContent(TEXT));
  return { text, panel: screen.getByRole('complementary', { name: 'Comments' }) };
}

// ProseMirror measures the page on clicks and selection changes; jsdom lays nothing out.
beforeAll(() => {
  document.elementFromPoint ??= () => null;
  const rects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getClientRects ??= rects;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
});

beforeEach(() => {
  api.setSession(null);
  localStorage.clear();
});

describe('commenting on a passage from the editor', () => {
  it('opens the new-comment form on the selection with Ctrl+Alt+M', async () => {
    const user = userEvent.setup();
    const { text, panel } = await mount(true);
    await user.click(text);
    await user.keyboard('{Control>}a{/Control}');
    await user.keyboard('{Control>}{Alt>}m{/Alt}{/Control}');
    const form = await within(panel).findByRole('form', { name: 'New comment' });
    expect(within(form).getByText(TEXT).tagName).toBe('Q');
    expect(within(form).getByRole('textbox', { name: 'Comment' })).toHaveFocus();
    // The chosen passage stays marked in the text while the comment is written.
    expect(text.querySelector('.comment-draft')).toHaveTextContent(TEXT);
  });

  it('offers a Comment button over a selection in a read-only text, for people who may comment', async () => {
    const user = userEvent.setup();
    const { text, panel } = await mount(false);
    expect(text).toHaveAttribute('contenteditable', 'false');
    const words = text.querySelector('p')!.firstChild!;
    act(() => {
      const range = document.createRange();
      range.setStart(words, 0);
      range.setEnd(words, 'Trois ateliers'.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
    });
    const button = await screen.findByRole('button', { name: 'Comment' });
    await user.click(button);
    const form = await within(panel).findByRole('form', { name: 'New comment' });
    expect(within(form).getByText('Trois ateliers')).toBeInTheDocument();
    expect(within(form).getByRole('checkbox', { name: 'Suggest wording' })).toBeInTheDocument();
  });
});
