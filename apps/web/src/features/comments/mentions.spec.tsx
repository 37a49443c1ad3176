import { render, screen } from '@testing-library/react';
import { CommentBody } from './CommentBody';
import { fromBody, insertMention, mentionQuery, toBody } from './mentions';

const anna = { id: '0b0e4a52-7d9c-4a7e-9a43-5f1c2c0d0a01', name: 'Anna' };
const annaMaria = { id: '0b0e4a52-7d9c-4a7e-9a43-5f1c2c0d0a02', name: 'Anna Maria' };

describe('mentions in the comment box', () => {
  it('turns the names of chosen people into mention tokens, the longest name first', () => {
    expect(toBody({ text: 'Merci @Anna Maria et @Anna !', people: [anna, annaMaria] })).toBe(
      `Merci @[Anna Maria](user:${annaMaria.id}) et @[Anna](user:${anna.id}) !`,
    );
  });

  it('leaves alone names nobody chose, names inside words and names edited since', () => {
    expect(toBody({ text: 'mail anna@Anna, @Annabelle, @Ann', people: [anna] })).toBe(
      'mail anna@Anna, @Annabelle, @Ann',
    );
  });

  it('shows stored tokens as names again for editing, and gives back the same body', () => {
    const body = `Voir @[Anna Maria](user:${annaMaria.id}), page 2`;
    const draft = fromBody(body);
    expect(draft).toEqual({ text: 'Voir @Anna Maria, page 2', people: [annaMaria] });
    expect(toBody(draft)).toBe(body);
  });

  it('finds the name being typed after an @, and not in an email address or a sentence', () => {
    expect(mentionQuery('Merci @Ann', 10)).toEqual({ start: 6, query: 'Ann' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('anna@lyon', 9)).toBeNull();
    expect(mentionQuery('@Anna said that it was fine', 27)).toBeNull();
    expect(mentionQuery('@Anna\nnext', 10)).toBeNull();
  });

  it('replaces what was typed with the chosen name and puts the caret after it', () => {
    const { draft, caret } = insertMention({ text: 'Merci @An !', people: [] }, 6, 9, annaMaria);
    expect(draft).toEqual({ text: 'Merci @Anna Maria  !', people: [annaMaria] });
    expect(caret).toBe(18);
  });
});

describe('a comment as people read it', () => {
  it('shows each mention as a chip with the person’s current name, and the rest as written', () => {
    render(
      <CommentBody
        body={`Ping @[Anna M.](user:${annaMaria.id}) and @[Ghost](user:${anna.id})\nthanks`}
        mentions={[annaMaria]}
      />,
    );
    const chip = screen.getByText('@Anna Maria');
    expect(chip).toHaveClass('mention-chip');
    expect(chip).toHaveAttribute('data-user-id', annaMaria.id);
    // Someone the API did not resolve keeps the name written in the token.
    expect(screen.getByText('@Ghost')).toHaveClass('mention-chip');
    expect(chip.parentElement).toHaveTextContent('Ping @Anna Maria and @Ghost thanks');
    expect(chip.parentElement!.textContent).not.toContain('user:');
  });
});
