import type { DocumentKind, DocumentStatus, EventKind, Language, PilotProjectStatus } from '@passerelle/domain';

/** The words of the programme report, in each working language (the report is a file, not the web client). */
export interface ReportLabels {
  report: string;
  period: string;
  generatedOn: string;
  contents: string;
  programmeWide: string;
  city: string;
  documents: string;
  pilotProjects: string;
  milestonesDone: string;
  milestonesOverdue: string;
  events: string;
  publishedDocuments: string;
  noDocuments: string;
  noPilotProjects: string;
  noEvents: string;
  status: string;
  theme: string;
  progress: string;
  progressUpdates: string;
  adoptedOn: string;
  updatedOn: string;
  dueOn: string;
  none: string;
  kinds: Record<DocumentKind, string>;
  documentStatuses: Record<DocumentStatus, string>;
  projectStatuses: Record<PilotProjectStatus, string>;
  eventKinds: Record<EventKind, string>;
}

export const REPORT_LABELS: Readonly<Record<Language, ReportLabels>> = {
  en: {
    report: 'Programme report',
    period: 'Period',
    generatedOn: 'Compiled on',
    contents: 'Contents',
    programmeWide: 'Programme-wide',
    city: 'City',
    documents: 'Documents',
    pilotProjects: 'Pilot projects',
    milestonesDone: 'Milestones completed',
    milestonesOverdue: 'Overdue milestones',
    events: 'Events',
    publishedDocuments: 'Published documents',
    noDocuments: 'No document was published, updated or adopted in this period.',
    noPilotProjects: 'No pilot project in this period.',
    noEvents: 'No event in this period.',
    status: 'Status',
    theme: 'Theme',
    progress: 'Progress',
    progressUpdates: 'Progress updates',
    adoptedOn: 'adopted on',
    updatedOn: 'updated on',
    dueOn: 'due',
    none: '—',
    kinds: {
      migration_profile: 'Migration profile',
      priority_paper: 'City priority paper',
      minutes: 'Minutes',
      good_practice: 'Good practice',
      note: 'Note',
    },
    documentStatuses: { draft: 'Draft', in_review: 'In review', adopted: 'Adopted', archived: 'Archived' },
    projectStatuses: {
      proposed: 'Proposed',
      approved: 'Approved',
      in_progress: 'In progress',
      completed: 'Completed',
      on_hold: 'On hold',
      cancelled: 'Cancelled',
    },
    eventKinds: {
      technical_workshop: 'Technical workshop',
      study_visit: 'Study visit',
      online_meeting: 'Online meeting',
      training: 'Training',
      regional_event: 'Regional event',
    },
  },
  fr: {
    report: 'Rapport du programme',
    period: 'Période',
    generatedOn: 'Établi le',
    contents: 'Sommaire',
    programmeWide: 'Ensemble du programme',
    city: 'Ville',
    documents: 'Documents',
    pilotProjects: 'Projets pilotes',
    milestonesDone: 'Jalons atteints',
    milestonesOverdue: 'Jalons en retard',
    events: 'Événements',
    publishedDocuments: 'Documents publiés',
    noDocuments: 'Aucun document publié, mis à jour ou adopté sur la période.',
    noPilotProjects: 'Aucun projet pilote sur la période.',
    noEvents: 'Aucun événement sur la période.',
    status: 'Statut',
    theme: 'Thème',
    progress: 'Avancement',
    progressUpdates: 'Points d’avancement',
    adoptedOn: 'adopté le',
    updatedOn: 'mis à jour le',
    dueOn: 'échéance',
    none: '—',
    kinds: {
      migration_profile: 'Profil migratoire',
      priority_paper: 'Document de priorités',
      minutes: 'Compte rendu',
      good_practice: 'Bonne pratique',
      note: 'Note',
    },
    documentStatuses: { draft: 'Brouillon', in_review: 'En relecture', adopted: 'Adopté', archived: 'Archivé' },
    projectStatuses: {
      proposed: 'Proposé',
      approved: 'Approuvé',
      in_progress: 'En cours',
      completed: 'Terminé',
      on_hold: 'En pause',
      cancelled: 'Annulé',
    },
    eventKinds: {
      technical_workshop: 'Atelier technique',
      study_visit: 'Visite d’étude',
      online_meeting: 'Réunion en ligne',
      training: 'Formation',
      regional_event: 'Événement régional',
    },
  },
  ar: {
    report: 'تقرير البرنامج',
    period: 'الفترة',
    generatedOn: 'أُعدّ في',
    contents: 'المحتويات',
    programmeWide: 'على مستوى البرنامج',
    city: 'المدينة',
    documents: 'الوثائق',
    pilotProjects: 'المشاريع التجريبية',
    milestonesDone: 'المراحل المنجزة',
    milestonesOverdue: 'المراحل المتأخرة',
    events: 'الفعاليات',
    publishedDocuments: 'الوثائق المنشورة',
    noDocuments: 'لم تُنشر أو تُحدَّث أو تُعتمد أي وثيقة خلال هذه الفترة.',
    noPilotProjects: 'لا يوجد مشروع تجريبي خلال هذه الفترة.',
    noEvents: 'لا توجد فعاليات خلال هذه الفترة.',
    status: 'الحالة',
    theme: 'المحور',
    progress: 'نسبة الإنجاز',
    progressUpdates: 'تحديثات الإنجاز',
    adoptedOn: 'اعتُمدت في',
    updatedOn: 'حُدّثت في',
    dueOn: 'الموعد',
    none: '—',
    kinds: {
      migration_profile: 'ملف الهجرة',
      priority_paper: 'وثيقة أولويات المدينة',
      minutes: 'محضر',
      good_practice: 'ممارسة جيدة',
      note: 'ملاحظة',
    },
    documentStatuses: { draft: 'مسودة', in_review: 'قيد المراجعة', adopted: 'معتمدة', archived: 'مؤرشفة' },
    projectStatuses: {
      proposed: 'مقترح',
      approved: 'موافق عليه',
      in_progress: 'قيد التنفيذ',
      completed: 'مكتمل',
      on_hold: 'متوقف مؤقتًا',
      cancelled: 'ملغى',
    },
    eventKinds: {
      technical_workshop: 'ورشة تقنية',
      study_visit: 'زيارة دراسية',
      online_meeting: 'اجتماع عبر الإنترنت',
      training: 'تدريب',
      regional_event: 'فعالية إقليمية',
    },
  },
};
