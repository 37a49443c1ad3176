import { Editor } from '@tiptap/core';
import * as Y from 'yjs';
import { normaliseHref } from './links';
import { headingsOf } from './outline';
import { editorExtensions } from './schema';
import { shortcut } from './shortcuts';
import { collabToken, tokenExpiry } from './token';
import { api } from '../lib/api';
import { initials, PRESENCE_COLORS, userColor } from './userColor';

describe('link addresses', () => {
  it.each([
    ['https://www.lyon.fr/migrations', 'https://www.lyon.fr/migrations'],
    ['http://example.org', 'http://example.org'],
    ['  www.uclg.org  ', 'https://www.uclg.org'],
    ['icmpd.org/mc2cm', 'https://icmpd.org/mc2cm'],
    ['contact@lyon.fr', 'mailto:contact@lyon.fr'],
    ['mailto:contact@lyon.fr', 'mailto:contact@lyon.fr'],
    ['example.org:8080/a', 'https://example.org:8080/a'],
  ])('accepts %s as %s', (input, href) => expect(normaliseHref(input)).toBe(href));

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:x',
    '',
    'not a link',
    'http://',
  ])('refuses %p', (input) => expect(normaliseHref(input)).toBeNull());
});

describe('the outline', () => {
  it('lists the headings in order with their level and position', () => {
    const editor = new Editor({ extensions: editorExtensions({ doc: new Y.Doc() }) });
    editor.commands.setContent(
      '<h1>Priorities</h1><p>Intro</p><h2>Employment</h2><blockquote><h3>Quoted</h3></blockquote><h2> </h2>',
    );
    const entries = headingsOf(editor.state.doc);
    expect(entries.map(({ level, text }) => [level, text])).toEqual([
      [1, 'Priorities'],
      [2, 'Employment'],
      [3, 'Quoted'],
    ]);
    expect(editor.state.doc.nodeAt(entries[1].pos)?.textContent).toBe('Employment');
    editor.destroy();
  });
});

describe('keyboard shortcuts', () => {
  it('uses Ctrl outside Apple systems and the Apple symbols on them', () => {
    expect(shortcut('Mod+Shift+8', false)).toEqual({ label: 'Ctrl+Shift+8', aria: 'Control+Shift+8' });
    expect(shortcut('Mod+B', true)).toEqual({ label: '⌘B', aria: 'Meta+B' });
  });
});

describe('presence colours', () => {
  it('gives a person the same colour every time, from the caret palette', () => {
    expect(userColor('u-1')).toBe(userColor('u-1'));
    expect(PRESENCE_COLORS).toContain(userColor('another'));
    expect(userColor('u-1')).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('makes initials from names in any script', () => {
    expect(initials('Camille Martin')).toBe('CM');
    expect(initials('أمينة بنعلي')).toBe('أب');
    expect(initials('  ')).toBe('?');
  });
});

describe('the socket token', () => {
  const jwt = (exp: number) => `h.${btoa(JSON.stringify({ sub: 'u', exp }))}.s`;
  const now = () => 1_000_000 * 1000;
  afterEach(() => api.setSession(null));

  it('reads the expiry of a JWT', () => {
    expect(tokenExpiry(jwt(123))).toBe(123);
    expect(tokenExpiry('opaque')).toBeNull();
  });

  it('sends the current token while it is valid', async () => {
    api.setSession({
      accessToken: jwt(1_000_600),
      expiresIn: 600,
      user: { id: 'u', email: 'e', name: 'n', role: 'member' },
    });
    const refresh = jest.spyOn(api, 'refresh');
    await expect(collabToken(false, now)).resolves.toBe(jwt(1_000_600));
    expect(refresh).not.toHaveBeenCalled();
    refresh.mockRestore();
  });

  it('renews it when it is about to expire or was refused', async () => {
    api.setSession({
      accessToken: jwt(1_000_010),
      expiresIn: 10,
      user: { id: 'u', email: 'e', name: 'n', role: 'member' },
    });
    const fresh = {
      accessToken: 'fresh',
      expiresIn: 900,
      user: { id: 'u', email: 'e', name: 'n', role: 'member' as const },
    };
    const refresh = jest.spyOn(api, 'refresh').mockResolvedValue(fresh);
    await expect(collabToken(false, now)).resolves.toBe('fresh');
    api.setSession({ ...fresh, accessToken: jwt(1_000_600) });
    await expect(collabToken(true, now)).resolves.toBe('fresh');
    expect(refresh).toHaveBeenCalledTimes(2);
    refresh.mockRestore();
  });
});
