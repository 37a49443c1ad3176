import type { Language } from '@passerelle/domain';
import type { PMNode } from '../model';
import { bulletList, guide, heading, italic, table } from './blocks';
import { DEFAULT_THEMES, themeName, type ThemeNames } from './themes';

interface PaperText {
  introduction: { heading: string; guide: string };
  themesGuide: string;
  situation: { heading: string; guide: string };
  priority: { heading: string; guide: string };
  actions: { heading: string; items: string[] };
  adoption: { heading: string; guide: string; columns: string[] };
}

const TEXT: Record<Language, PaperText> = {
  en: {
    introduction: {
      heading: 'Introduction',
      guide:
        'Explain how this paper was prepared: who took part, which meetings were held, and how the priorities were chosen from the findings of the migration profile.',
    },
    themesGuide: 'The priorities below follow the themes shared by the partner cities.',
    situation: {
      heading: 'Current situation',
      guide: 'Summarise what the migration profile shows for this theme: the needs, the gaps and what already exists.',
    },
    priority: {
      heading: 'Priority',
      guide: "State in one or two sentences the priority the city's stakeholders agree on for this theme.",
    },
    actions: {
      heading: 'Proposed actions',
      items: [
        'Action: what will be done, who leads it, with which partners and by when.',
        'Resources needed and how progress will be measured.',
      ],
    },
    adoption: {
      heading: 'Adoption and stakeholders',
      guide:
        'List the stakeholders who took part in preparing this paper, and record how and when each of them approved it.',
      columns: ['Stakeholder', 'Role', 'Date of approval'],
    },
  },
  fr: {
    introduction: {
      heading: 'Introduction',
      guide:
        'Expliquez comment ce document a été préparé : qui y a participé, quelles réunions ont eu lieu et comment les priorités ont été choisies à partir des constats du profil migratoire.',
    },
    themesGuide: 'Les priorités ci-dessous suivent les thèmes partagés par les villes partenaires.',
    situation: {
      heading: 'Situation actuelle',
      guide:
        'Résumez ce que le profil migratoire montre pour ce thème : les besoins, les manques et ce qui existe déjà.',
    },
    priority: {
      heading: 'Priorité',
      guide: 'Énoncez en une ou deux phrases la priorité retenue par les acteurs de la ville pour ce thème.',
    },
    actions: {
      heading: 'Actions proposées',
      items: [
        'Action : ce qui sera fait, qui la pilote, avec quels partenaires et dans quels délais.',
        'Moyens nécessaires et manière de mesurer les progrès.',
      ],
    },
    adoption: {
      heading: 'Adoption et acteurs',
      guide:
        "Listez les acteurs qui ont participé à la préparation de ce document et indiquez comment et quand chacun l'a approuvé.",
      columns: ['Acteur', 'Rôle', "Date d'approbation"],
    },
  },
  ar: {
    introduction: {
      heading: 'مقدمة',
      guide:
        'اشرحوا كيف أُعدّت هذه الورقة: من شارك فيها، وما الاجتماعات التي عُقدت، وكيف اختيرت الأولويات انطلاقًا من نتائج ملف الهجرة.',
    },
    themesGuide: 'تتبع الأولويات التالية المحاور المشتركة بين المدن الشريكة.',
    situation: {
      heading: 'الوضع الراهن',
      guide: 'لخّصوا ما يُظهره ملف الهجرة بشأن هذا المحور: الاحتياجات والثغرات وما هو قائم بالفعل.',
    },
    priority: {
      heading: 'الأولوية',
      guide: 'اذكروا في جملة أو جملتين الأولوية التي اتفقت عليها الجهات المعنية في المدينة لهذا المحور.',
    },
    actions: {
      heading: 'الإجراءات المقترحة',
      items: [
        'الإجراء: ما الذي سيُنفَّذ، ومن يقوده، ومع أي شركاء، وفي أي أجل.',
        'الموارد اللازمة وكيفية قياس التقدّم المحرز.',
      ],
    },
    adoption: {
      heading: 'الاعتماد والجهات المعنية',
      guide: 'اذكروا الجهات المعنية التي شاركت في إعداد هذه الورقة، وسجّلوا كيف ومتى وافقت عليها كل جهة.',
      columns: ['الجهة المعنية', 'الدور', 'تاريخ الموافقة'],
    },
  },
};

export function priorityPaper(language: Language, themes: readonly ThemeNames[] = DEFAULT_THEMES): PMNode[] {
  const text = TEXT[language];
  return [
    heading(2, text.introduction.heading),
    guide(text.introduction.guide),
    guide(text.themesGuide),
    ...themes.flatMap((theme) => [
      heading(2, themeName(theme, language)),
      heading(3, text.situation.heading),
      guide(text.situation.guide),
      heading(3, text.priority.heading),
      guide(text.priority.guide),
      heading(3, text.actions.heading),
      bulletList(text.actions.items.map(italic)),
    ]),
    heading(2, text.adoption.heading),
    guide(text.adoption.guide),
    table(text.adoption.columns, [text.adoption.columns.map(() => '')]),
  ];
}
