import {
  escapeForSnippet,
  FOLD_FROM,
  FOLD_TO,
  foldAccents,
  MARK_END,
  MARK_START,
  passageLocator,
  preparePassage,
  snippetOf,
  toSnippet,
} from './snippet';

const marked = (text: string) => text.replace(/\[/g, MARK_START).replace(/\]/g, MARK_END);

describe('toSnippet', () => {
  it('puts the original, accented characters back around the highlights', () => {
    expect(toSnippet(marked('les [refugies] a Lyon'), 'les réfugiés à Lyon')).toBe('les <mark>réfugiés</mark> à Lyon');
  });

  it('keeps escaped text escaped and adds no markup but <mark>', () => {
    const snippet = toSnippet(marked('&lt;script&gt; [alert]'), '&lt;script&gt; alert');
    expect(snippet).toBe('&lt;script&gt; <mark>alert</mark>');
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('falls back to the folded passage when the original does not line up', () => {
    expect(toSnippet(marked('[refugies] a Lyon'), 'something else')).toBe('<mark>refugies</mark> a Lyon');
    expect(toSnippet(marked('[refugies]'), null)).toBe('<mark>refugies</mark>');
  });

  it('gives an empty snippet for no passage', () => {
    expect(toSnippet(null, null)).toBe('');
    expect(toSnippet('', '')).toBe('');
  });
});

describe('passageLocator', () => {
  const finds = (q: string, text: string) => new RegExp(passageLocator(q)!.replace(/\(\?:/g, '(?:')).test(text);

  it('finds the beginning of each word whatever its case and accents', () => {
    expect(finds('réfugiés', 'Les REFUGIES du quartier')).toBe(true);
    expect(finds('refugees', 'every refugee family')).toBe(true);
    expect(finds('Éducation', "l'éducation")).toBe(true);
    expect(finds('housing', 'houses')).toBe(true);
    expect(finds('housing', 'a hospital')).toBe(false);
  });

  it('looks for Arabic words without their article', () => {
    expect(finds('اللاجئين', 'تستقبل المدينة لاجئين')).toBe(true);
  });

  it('leaves out excluded words and operators, and has nothing to look for in a query of symbols', () => {
    expect(finds('-camp or desk', 'the desk')).toBe(true);
    expect(finds('-camp or desk', 'the camp')).toBe(false);
    expect(finds('-camp or desk', 'in order')).toBe(false);
    expect(passageLocator('!!! & |')).toBeNull();
  });
});

describe('foldAccents and escapeForSnippet', () => {
  it('fold accented letters one for one, keeping case and every position', () => {
    expect(FOLD_FROM).toHaveLength(FOLD_TO.length);
    expect(foldAccents('Été à Tanger, ÇA VA, Ÿ')).toBe('Ete a Tanger, CA VA, Y');
    expect(foldAccents(FOLD_FROM)).toBe(FOLD_TO);
    expect(foldAccents('اللاجئين ß')).toBe('اللاجئين ß');
  });

  it('escape the characters of HTML and drop the highlight markers', () => {
    expect(escapeForSnippet(`<a href="x">l'été</a> & \u0001b\u0002`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;l&#39;été&lt;/a&gt; &amp; b',
    );
  });
});

describe('snippetOf', () => {
  it('puts the original characters back around the highlights of the folded passage', () => {
    const passage = preparePassage('Les réfugiés <arrivent> à Lyon');
    expect(passage.folded).toBe('Les refugies &lt;arrivent&gt; a Lyon');
    expect(snippetOf(marked('[refugies] &lt;arrivent&gt; a'), passage)).toBe(
      '<mark>réfugiés</mark> &lt;arrivent&gt; à',
    );
  });

  it('falls back to the folded words when the highlighted passage cannot be found', () => {
    expect(snippetOf(marked('[refugies] ailleurs'), preparePassage('Les réfugiés'))).toBe(
      '<mark>refugies</mark> ailleurs',
    );
    expect(snippetOf(null, preparePassage('text'))).toBe('');
  });
});
