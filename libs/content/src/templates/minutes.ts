import type { Language } from '@passerelle/domain';
import type { PMNode } from '../model';
import { bold, bulletList, guide, hardBreak, heading, italic, orderedList, paragraph, table } from './blocks';

interface MinutesText {
  details: [string, string, string];
  agenda: { heading: string; items: string[] };
  participants: { heading: string; guide: string; item: string };
  discussion: { heading: string; guide: string };
  decisions: { heading: string; guide: string };
  followUp: { heading: string; guide: string; columns: string[] };
}

const TEXT: Record<Language, MinutesText> = {
  en: {
    details: ['Date:', 'Place:', 'Chair:'],
    agenda: {
      heading: 'Agenda',
      items: ['Opening and adoption of the agenda', 'Item for discussion', 'Any other business'],
    },
    participants: {
      heading: 'Participants',
      guide: 'List the participants with their organisation and city, and note those who sent apologies.',
      item: 'Name, organisation, city',
    },
    discussion: {
      heading: 'Discussion',
      guide: 'Summarise the main points raised under each agenda item and the positions expressed.',
    },
    decisions: {
      heading: 'Decisions',
      guide: 'Record each decision taken, following the order of the agenda.',
    },
    followUp: {
      heading: 'Follow-up',
      guide: 'List the actions agreed, who is responsible for each one and the deadline.',
      columns: ['Action', 'Who', 'When'],
    },
  },
  fr: {
    details: ['Date :', 'Lieu :', 'Présidence :'],
    agenda: {
      heading: 'Ordre du jour',
      items: ["Ouverture et adoption de l'ordre du jour", 'Point à discuter', 'Questions diverses'],
    },
    participants: {
      heading: 'Participants',
      guide: 'Listez les participants avec leur organisation et leur ville, et indiquez les personnes excusées.',
      item: 'Nom, organisation, ville',
    },
    discussion: {
      heading: 'Échanges',
      guide: "Résumez les principaux points soulevés pour chaque point de l'ordre du jour et les positions exprimées.",
    },
    decisions: {
      heading: 'Décisions',
      guide: "Consignez chaque décision prise, en suivant l'ordre du jour.",
    },
    followUp: {
      heading: 'Suivi',
      guide: 'Listez les actions convenues, la personne responsable de chacune et son échéance.',
      columns: ['Action', 'Qui', 'Quand'],
    },
  },
  ar: {
    details: ['التاريخ:', 'المكان:', 'رئاسة الاجتماع:'],
    agenda: {
      heading: 'جدول الأعمال',
      items: ['افتتاح الاجتماع واعتماد جدول الأعمال', 'بند للنقاش', 'ما يستجد من أعمال'],
    },
    participants: {
      heading: 'المشاركون',
      guide: 'اذكروا أسماء المشاركين مع مؤسساتهم ومدنهم، وأشيروا إلى المعتذرين عن الحضور.',
      item: 'الاسم، المؤسسة، المدينة',
    },
    discussion: {
      heading: 'النقاش',
      guide: 'لخّصوا أهم النقاط المطروحة في كل بند من بنود جدول الأعمال والمواقف التي عُبّر عنها.',
    },
    decisions: {
      heading: 'القرارات',
      guide: 'سجّلوا كل قرار اتُّخذ وفق ترتيب جدول الأعمال.',
    },
    followUp: {
      heading: 'المتابعة',
      guide: 'اذكروا الإجراءات المتفق عليها، والمسؤول عن كل منها، وموعدها النهائي.',
      columns: ['الإجراء', 'المسؤول', 'الموعد'],
    },
  },
};

export function minutes(language: Language): PMNode[] {
  const text = TEXT[language];
  const [date, place, chair] = text.details;
  return [
    paragraph(bold(date), ' ', hardBreak(), bold(place), ' ', hardBreak(), bold(chair), ' '),
    heading(2, text.agenda.heading),
    orderedList(text.agenda.items),
    heading(2, text.participants.heading),
    guide(text.participants.guide),
    bulletList([italic(text.participants.item)]),
    heading(2, text.discussion.heading),
    guide(text.discussion.guide),
    heading(2, text.decisions.heading),
    guide(text.decisions.guide),
    heading(2, text.followUp.heading),
    guide(text.followUp.guide),
    table(text.followUp.columns, [text.followUp.columns.map(() => '')]),
  ];
}
