import { excerptOf } from './good-practices.mapper';

describe('excerptOf', () => {
  it('drops the title the text opens with and flattens white space', () => {
    expect(excerptOf('Walk-in desk\nA desk  open\ttwice a week.', 'Walk-in desk')).toBe('A desk open twice a week.');
  });

  it('cuts a long text at a word boundary', () => {
    const excerpt = excerptOf('word '.repeat(100));
    expect(excerpt.endsWith('word…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(241);
  });
});
