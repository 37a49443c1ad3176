import type { Language } from '@passerelle/domain';
import type { PMNode } from '../model';
import { guide, heading } from './blocks';

interface PracticeText {
  intro: string;
  sections: Array<[heading: string, guide: string]>;
}

const TEXT: Record<Language, PracticeText> = {
  en: {
    intro: 'Describe a practice that worked, so that other cities can learn from it and adapt it.',
    sections: [
      [
        'Context',
        'What problem or need did the practice respond to? Where and when did it take place, and who was concerned?',
      ],
      [
        'What was done',
        'Describe the practice step by step: who led it, the partners, the resources used and how migrants took part.',
      ],
      ['Results', 'What changed, and for whom? Give figures where you can, and say what did not work as planned.'],
      [
        'How to transfer it',
        'What made it work, what would another city need to reproduce it, and which pitfalls should it avoid?',
      ],
    ],
  },
  fr: {
    intro: "Décrivez une pratique qui a fonctionné, afin que d'autres villes puissent s'en inspirer et l'adapter.",
    sections: [
      [
        'Contexte',
        "À quel problème ou à quel besoin la pratique répondait-elle ? Où et quand s'est-elle déroulée, et qui concernait-elle ?",
      ],
      [
        'Ce qui a été fait',
        "Décrivez la pratique étape par étape : qui l'a pilotée, les partenaires, les moyens mobilisés et la participation des migrants.",
      ],
      [
        'Résultats',
        "Qu'est-ce qui a changé, et pour qui ? Donnez des chiffres quand c'est possible et dites ce qui n'a pas fonctionné comme prévu.",
      ],
      [
        'Comment la transférer',
        "Qu'est-ce qui a permis sa réussite, de quoi une autre ville aurait-elle besoin pour la reproduire et quels écueils devrait-elle éviter ?",
      ],
    ],
  },
  ar: {
    intro: 'صِفوا ممارسة أثبتت نجاحها، لكي تستفيد منها مدن أخرى وتكيّفها مع واقعها.',
    sections: [
      ['السياق', 'ما المشكلة أو الحاجة التي استجابت لها هذه الممارسة؟ أين ومتى نُفّذت، ومن هي الفئات المعنية بها؟'],
      [
        'ما الذي أُنجز',
        'صِفوا الممارسة خطوة بخطوة: من قادها، ومن هم الشركاء، وما الموارد المستخدمة، وكيف شارك المهاجرون فيها.',
      ],
      ['النتائج', 'ما الذي تغيّر، ولمن؟ قدّموا أرقامًا كلما أمكن، واذكروا ما لم ينجح كما كان مخططًا له.'],
      [
        'كيفية نقلها',
        'ما الذي أدى إلى نجاحها، وما الذي تحتاجه مدينة أخرى لتكرارها، وما العثرات التي ينبغي لها تجنّبها؟',
      ],
    ],
  },
};

export function goodPractice(language: Language): PMNode[] {
  const text = TEXT[language];
  return [guide(text.intro), ...text.sections.flatMap(([title, body]) => [heading(2, title), guide(body)])];
}
