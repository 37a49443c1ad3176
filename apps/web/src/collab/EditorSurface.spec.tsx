import type { SocketIOProvider } from '@passerelle/collab';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Language } from '@passerelle/domain';
import { createI18n } from '../app/i18n';
import { EditorSurface } from './EditorSurface';

function arabicDocument() {
  const doc = new Y.Doc();
  const heading = new Y.XmlElement('heading');
  heading.setAttribute('level', 1 as unknown as string);
  heading.insert(0, [new Y.XmlText('أولويات المدينة')]);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('نص الورقة')]);
  doc.getXmlFragment('default').insert(0, [heading, paragraph]);
  return doc;
}

function mount({ editable, lng = 'en' }: { editable: boolean; lng?: Language }) {
  const doc = arabicDocument();
  const awareness = new Awareness(doc);
  const i18n = createI18n({ lng });
  render(
    <I18nextProvider i18n={i18n}>
      <EditorSurface
        doc={doc}
        provider={{ awareness } as unknown as SocketIOProvider}
        user={{ id: 'u-1', name: 'Amina', color: '#1d4ed8' }}
        editable={editable}
        lang="ar"
        dir="rtl"
        label="نص ورقة الأولويات"
      />
    </I18nextProvider>,
  );
  return { doc, awareness };
}

// ProseMirror measures the page on clicks and selection changes; jsdom lays nothing out.
beforeAll(() => {
  document.elementFromPoint ??= () => null;
  const rects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getClientRects ??= rects;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
});

describe('the editor surface', () => {
  it('lays an Arabic document out right to left even in an English interface, and outlines its headings', async () => {
    mount({ editable: true, lng: 'en' });
    const text = screen.getByRole('textbox', { name: 'نص ورقة الأولويات' });
    expect(text).toHaveAttribute('dir', 'rtl');
    expect(text).toHaveAttribute('lang', 'ar');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    expect(await screen.findByRole('button', { name: 'أولويات المدينة' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Outline' })).toBeInTheDocument();
  });

  it("shares the person in the presence, with their name and colour, for the others' carets", () => {
    const { awareness } = mount({ editable: true });
    expect(awareness.getLocalState()).toMatchObject({ user: { name: 'Amina', color: '#1d4ed8' } });
  });

  it('is read-only without the toolbar when the person may not edit', async () => {
    const user = userEvent.setup();
    const { doc } = mount({ editable: false });
    const text = screen.getByRole('textbox');
    expect(text).toHaveAttribute('contenteditable', 'false');
    expect(screen.queryByRole('toolbar')).not.toBeInTheDocument();
    const before = doc.getXmlFragment('default').toString();
    await user.type(text, 'xyz');
    expect(doc.getXmlFragment('default').toString()).toBe(before);
  });

  it('opens the link form with Ctrl+K and puts a safe link on the selection', async () => {
    const user = userEvent.setup();
    const { doc } = mount({ editable: true });
    const text = screen.getByRole('textbox');
    await user.click(text);
    await user.keyboard('{Control>}a{/Control}{Control>}k{/Control}');
    const address = await screen.findByLabelText('Link address');
    await user.type(address, 'javascript:alert(1){Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a web address');
    await user.clear(address);
    await user.type(address, 'www.lyon.fr{Enter}');
    await waitFor(() => expect(doc.getXmlFragment('default').toString()).toContain('https://www.lyon.fr'));
    expect(screen.queryByLabelText('Link address')).not.toBeInTheDocument();
  });
});
