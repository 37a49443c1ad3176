import { mentionedUserIds, mentionsToPlainText, mentionToken, parseMentions, replaceMentions } from './comments';

const A = '0b8f3a52-6d1e-4c8e-9f3b-1a2b3c4d5e6f';
const B = 'C2D3E4F5-A6B7-4C8D-9E0F-112233445566';

describe('mentions', () => {
  it('finds every token with its name, lower-case id and place', () => {
    const body = `Merci @[Julien Editor](user:${A}) et @[Amina](user:${B}) !`;
    expect(parseMentions(body)).toEqual([
      { name: 'Julien Editor', userId: A, index: 6, length: `@[Julien Editor](user:${A})`.length },
      { name: 'Amina', userId: B.toLowerCase(), index: body.indexOf('@[Amina]'), length: `@[Amina](user:${B})`.length },
    ]);
  });

  it('ignores what only looks like a mention', () => {
    expect(parseMentions('@Julien, @[Julien](user:not-a-uuid), [Julien](user:' + A + '), @[](user:' + A + ')')).toEqual(
      [],
    );
    expect(parseMentions(`@[Julien\nEditor](user:${A})`)).toEqual([]);
  });

  it('lists each mentioned person once, in order of first mention', () => {
    expect(mentionedUserIds(`@[b](user:${B}) @[a](user:${A}) @[b again](user:${B})`)).toEqual([B.toLowerCase(), A]);
  });

  it('makes tokens that parse back to the same person, whatever the name holds', () => {
    const token = mentionToken({ id: B, name: 'Ali [CSO]\nBeirut' });
    expect(parseMentions(`hi ${token}`)).toEqual([
      { name: 'Ali CSOBeirut', userId: B.toLowerCase(), index: 3, length: token.length },
    ]);
  });

  it('replaces tokens and reads them as plain text', () => {
    const body = `Voir @[Julien](user:${A}) puis @[Amina](user:${B}).`;
    expect(replaceMentions(body, (t) => (t.userId === A ? '' : `<${t.name}>`))).toBe('Voir  puis <Amina>.');
    expect(mentionsToPlainText(body)).toBe('Voir @Julien puis @Amina.');
  });
});
