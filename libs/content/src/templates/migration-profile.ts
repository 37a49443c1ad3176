import type { Language } from '@passerelle/domain';
import type { PMNode } from '../model';
import { guide, heading, table } from './blocks';

interface Section {
  heading: string;
  guide: string;
  subsections?: Array<{ heading: string; guide: string }>;
}

interface ProfileText {
  intro: string;
  indicators: { heading: string; guide: string; columns: string[]; rows: string[] };
  sections: Section[];
}

const TEXT: Record<Language, ProfileText> = {
  en: {
    intro:
      "This migration profile gives a shared picture of migration in the city. Replace the guidance in italics with the city's own information, and give a source for every figure.",
    indicators: {
      heading: 'Key indicators',
      guide:
        'Give the most recent figure for each indicator, the year it refers to and its source. Add rows for other figures the city follows.',
      columns: ['Indicator', 'Value', 'Year', 'Source'],
      rows: [
        'Total population',
        'Foreign-born share of the population',
        'Main countries of origin',
        'Asylum seekers and refugees',
        'Unaccompanied migrant minors',
        'Unemployment rate among migrants',
      ],
    },
    sections: [
      {
        heading: 'City context and population',
        guide:
          'Describe the city and its metropolitan area: size, economy, demographic trends, and how its population has changed over the last decades.',
      },
      {
        heading: 'Migration flows',
        guide:
          'Describe who arrives in, leaves and passes through the city: countries of origin, reasons for migrating, regular and irregular migration, internal migration, and how these flows have changed.',
      },
      {
        heading: 'Legal and institutional framework',
        guide:
          'Summarise the national laws and local regulations that apply to migrants, and the powers of the city compared with those of regional and national authorities.',
      },
      {
        heading: 'Access to housing, health, education and employment',
        guide: 'For each area, describe the services open to migrants, the obstacles they meet and what the city does.',
        subsections: [
          {
            heading: 'Housing',
            guide: 'Housing conditions, informal settlements, reception centres, access to social housing.',
          },
          {
            heading: 'Health',
            guide: 'Access to primary care and hospitals, health coverage, mental health and psychosocial support.',
          },
          {
            heading: 'Education',
            guide:
              'School enrolment of migrant children, language classes, recognition of diplomas, vocational training.',
          },
          {
            heading: 'Employment',
            guide:
              'Access to the labour market and work permits, the informal economy, entrepreneurship, employment services.',
          },
        ],
      },
      {
        heading: 'Social cohesion and participation',
        guide:
          'Describe relations between communities, discrimination and xenophobia, intercultural initiatives, and how migrants take part in local life and decision-making.',
      },
      {
        heading: 'The gender dimension',
        guide:
          'Describe the situation of migrant women and girls: their share of the flows, specific risks such as exclusion from rights or trafficking, and the services that respond to them.',
      },
      {
        heading: 'Children and unaccompanied minors',
        guide:
          'Describe the situation of migrant children, in particular unaccompanied minors: their numbers, protection and guardianship, access to school and care.',
      },
      {
        heading: 'Stakeholders',
        guide:
          'List the city departments, national bodies, civil society organisations, migrant associations, trade unions, employers and international organisations working on migration in the city, and the role of each.',
      },
      {
        heading: 'Data sources',
        guide:
          'List the sources used for this profile (censuses, surveys, administrative records, studies, interviews) with their dates, and say where data are missing.',
      },
    ],
  },
  fr: {
    intro:
      'Ce profil migratoire dresse un portrait partagé des migrations dans la ville. Remplacez les indications en italique par les informations propres à la ville et citez une source pour chaque chiffre.',
    indicators: {
      heading: 'Indicateurs clés',
      guide:
        "Indiquez pour chaque indicateur le chiffre le plus récent, l'année à laquelle il se rapporte et sa source. Ajoutez des lignes pour les autres données que la ville suit.",
      columns: ['Indicateur', 'Valeur', 'Année', 'Source'],
      rows: [
        'Population totale',
        "Part de la population née à l'étranger",
        "Principaux pays d'origine",
        "Demandeurs d'asile et réfugiés",
        'Mineurs migrants non accompagnés',
        'Taux de chômage des migrants',
      ],
    },
    sections: [
      {
        heading: 'Contexte de la ville et population',
        guide:
          'Décrivez la ville et son aire métropolitaine : taille, économie, tendances démographiques et évolution de la population au cours des dernières décennies.',
      },
      {
        heading: 'Flux migratoires',
        guide:
          "Décrivez qui arrive dans la ville, qui la quitte et qui la traverse : pays d'origine, motifs de départ, migrations régulières et irrégulières, migrations internes, et l'évolution de ces flux.",
      },
      {
        heading: 'Cadre juridique et institutionnel',
        guide:
          'Résumez les lois nationales et les règlements locaux applicables aux migrants, ainsi que les compétences de la ville par rapport à celles des autorités régionales et nationales.',
      },
      {
        heading: "Accès au logement, à la santé, à l'éducation et à l'emploi",
        guide:
          "Pour chaque domaine, décrivez les services ouverts aux migrants, les obstacles qu'ils rencontrent et l'action de la ville.",
        subsections: [
          {
            heading: 'Logement',
            guide: "Conditions de logement, habitat informel, centres d'accueil, accès au logement social.",
          },
          {
            heading: 'Santé',
            guide:
              "Accès aux soins de premier recours et à l'hôpital, couverture maladie, santé mentale et soutien psychosocial.",
          },
          {
            heading: 'Éducation',
            guide:
              'Scolarisation des enfants migrants, cours de langue, reconnaissance des diplômes, formation professionnelle.',
          },
          {
            heading: 'Emploi',
            guide:
              "Accès au marché du travail et autorisations de travail, économie informelle, entrepreneuriat, services de l'emploi.",
          },
        ],
      },
      {
        heading: 'Cohésion sociale et participation',
        guide:
          'Décrivez les relations entre les communautés, les discriminations et la xénophobie, les initiatives interculturelles, et la participation des migrants à la vie locale et aux décisions.',
      },
      {
        heading: 'La dimension de genre',
        guide:
          'Décrivez la situation des femmes et des filles migrantes : leur part dans les flux, les risques particuliers comme la privation de droits ou la traite, et les services qui y répondent.',
      },
      {
        heading: 'Enfants et mineurs non accompagnés',
        guide:
          "Décrivez la situation des enfants migrants, en particulier des mineurs non accompagnés : leur nombre, leur protection et leur tutelle, leur accès à l'école et aux soins.",
      },
      {
        heading: 'Acteurs',
        guide:
          'Listez les services municipaux, les organismes nationaux, les organisations de la société civile, les associations de migrants, les syndicats, les employeurs et les organisations internationales qui agissent sur les migrations dans la ville, et le rôle de chacun.',
      },
      {
        heading: 'Sources de données',
        guide:
          'Listez les sources utilisées pour ce profil (recensements, enquêtes, registres administratifs, études, entretiens) avec leur date, et signalez les données manquantes.',
      },
    ],
  },
  ar: {
    intro:
      'يقدّم ملف الهجرة هذا صورة مشتركة عن الهجرة في المدينة. استبدلوا الإرشادات المكتوبة بالخط المائل بمعلومات المدينة، واذكروا مصدرًا لكل رقم.',
    indicators: {
      heading: 'المؤشرات الرئيسية',
      guide:
        'اذكروا لكل مؤشر أحدث رقم متاح والسنة التي يعود إليها ومصدره. أضيفوا صفوفًا لأي أرقام أخرى تتابعها المدينة.',
      columns: ['المؤشر', 'القيمة', 'السنة', 'المصدر'],
      rows: [
        'إجمالي عدد السكان',
        'نسبة السكان المولودين في الخارج',
        'بلدان المنشأ الرئيسية',
        'طالبو اللجوء واللاجئون',
        'القاصرون المهاجرون غير المصحوبين',
        'معدل البطالة لدى المهاجرين',
      ],
    },
    sections: [
      {
        heading: 'سياق المدينة والسكان',
        guide:
          'صِفوا المدينة ومنطقتها الحضرية: حجمها واقتصادها واتجاهاتها الديموغرافية، وكيف تطوّر عدد سكانها خلال العقود الأخيرة.',
      },
      {
        heading: 'تدفقات الهجرة',
        guide:
          'صِفوا من يصل إلى المدينة ومن يغادرها ومن يعبرها: بلدان المنشأ، ودوافع الهجرة، والهجرة النظامية وغير النظامية، والهجرة الداخلية، وكيف تطوّرت هذه التدفقات.',
      },
      {
        heading: 'الإطار القانوني والمؤسسي',
        guide:
          'لخّصوا القوانين الوطنية واللوائح المحلية التي تنطبق على المهاجرين، وصلاحيات المدينة مقارنةً بصلاحيات السلطات الإقليمية والوطنية.',
      },
      {
        heading: 'الحصول على السكن والصحة والتعليم والعمل',
        guide: 'صِفوا في كل مجال الخدمات المتاحة للمهاجرين، والعقبات التي يواجهونها، وما تقوم به المدينة.',
        subsections: [
          {
            heading: 'السكن',
            guide: 'ظروف السكن، والسكن غير الرسمي، ومراكز الاستقبال، والحصول على السكن الاجتماعي.',
          },
          {
            heading: 'الصحة',
            guide:
              'الحصول على الرعاية الصحية الأولية وخدمات المستشفيات، والتغطية الصحية، والصحة النفسية والدعم النفسي والاجتماعي.',
          },
          {
            heading: 'التعليم',
            guide: 'التحاق الأطفال المهاجرين بالمدارس، ودروس اللغة، ومعادلة الشهادات، والتدريب المهني.',
          },
          {
            heading: 'العمل',
            guide: 'الوصول إلى سوق العمل وتصاريح العمل، والاقتصاد غير الرسمي، وريادة الأعمال، وخدمات التشغيل.',
          },
        ],
      },
      {
        heading: 'التماسك الاجتماعي والمشاركة',
        guide:
          'صِفوا العلاقات بين المجتمعات، والتمييز وكراهية الأجانب، والمبادرات بين الثقافات، ومشاركة المهاجرين في الحياة المحلية وفي صنع القرار.',
      },
      {
        heading: 'البعد الجنساني',
        guide:
          'صِفوا وضع النساء والفتيات المهاجرات: نسبتهن في التدفقات، والمخاطر الخاصة بهن كالحرمان من الحقوق أو الاتجار بالبشر، والخدمات التي تستجيب لها.',
      },
      {
        heading: 'الأطفال والقاصرون غير المصحوبين',
        guide:
          'صِفوا وضع الأطفال المهاجرين، ولا سيما القاصرين غير المصحوبين: أعدادهم، وحمايتهم والوصاية عليهم، وحصولهم على التعليم والرعاية.',
      },
      {
        heading: 'الجهات المعنية',
        guide:
          'اذكروا إدارات المدينة، والهيئات الوطنية، ومنظمات المجتمع المدني، وجمعيات المهاجرين، والنقابات، وأصحاب العمل، والمنظمات الدولية العاملة في مجال الهجرة في المدينة، ودور كل منها.',
      },
      {
        heading: 'مصادر البيانات',
        guide:
          'اذكروا المصادر المستخدمة في إعداد هذا الملف (التعدادات، والمسوح، والسجلات الإدارية، والدراسات، والمقابلات) مع تواريخها، وأشيروا إلى البيانات الناقصة.',
      },
    ],
  },
};

export function migrationProfile(language: Language): PMNode[] {
  const text = TEXT[language];
  const { indicators } = text;
  return [
    guide(text.intro),
    heading(2, indicators.heading),
    guide(indicators.guide),
    table(
      indicators.columns,
      indicators.rows.map((row) => [row, '', '', '']),
    ),
    ...text.sections.flatMap((section) => [
      heading(2, section.heading),
      guide(section.guide),
      ...(section.subsections ?? []).flatMap((sub) => [heading(3, sub.heading), guide(sub.guide)]),
    ]),
  ];
}
