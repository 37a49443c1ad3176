import type { Language } from '@passerelle/domain';
import arActivity from './ar/activity.json';
import arAdmin from './ar/admin.json';
import arAuth from './ar/auth.json';
import arCities from './ar/cities.json';
import arComments from './ar/comments.json';
import arCommon from './ar/common.json';
import arDocuments from './ar/documents.json';
import arEditor from './ar/editor.json';
import arHistory from './ar/history.json';
import arInvitations from './ar/invitations.json';
import arNotifications from './ar/notifications.json';
import arProgramme from './ar/programme.json';
import arReviews from './ar/reviews.json';
import arSettings from './ar/settings.json';
import enActivity from './en/activity.json';
import enAdmin from './en/admin.json';
import enAuth from './en/auth.json';
import enCities from './en/cities.json';
import enComments from './en/comments.json';
import enCommon from './en/common.json';
import enDocuments from './en/documents.json';
import enEditor from './en/editor.json';
import enHistory from './en/history.json';
import enInvitations from './en/invitations.json';
import enNotifications from './en/notifications.json';
import enProgramme from './en/programme.json';
import enReviews from './en/reviews.json';
import enSettings from './en/settings.json';
import frActivity from './fr/activity.json';
import frAdmin from './fr/admin.json';
import frAuth from './fr/auth.json';
import frCities from './fr/cities.json';
import frComments from './fr/comments.json';
import frCommon from './fr/common.json';
import frDocuments from './fr/documents.json';
import frEditor from './fr/editor.json';
import frHistory from './fr/history.json';
import frInvitations from './fr/invitations.json';
import frNotifications from './fr/notifications.json';
import frProgramme from './fr/programme.json';
import frReviews from './fr/reviews.json';
import frSettings from './fr/settings.json';
import arPilotProjects from './ar/pilotProjects.json';
import arEvents from './ar/events.json';
import arIndicators from './ar/indicators.json';
import arGoodPractices from './ar/goodPractices.json';
import arSearch from './ar/search.json';
import arDashboard from './ar/dashboard.json';
import arReports from './ar/reports.json';
import enPilotProjects from './en/pilotProjects.json';
import enEvents from './en/events.json';
import enIndicators from './en/indicators.json';
import enGoodPractices from './en/goodPractices.json';
import enSearch from './en/search.json';
import enDashboard from './en/dashboard.json';
import enReports from './en/reports.json';
import frPilotProjects from './fr/pilotProjects.json';
import frEvents from './fr/events.json';
import frIndicators from './fr/indicators.json';
import frGoodPractices from './fr/goodPractices.json';
import frSearch from './fr/search.json';
import frDashboard from './fr/dashboard.json';
import frReports from './fr/reports.json';

/** One namespace per feature; `common` holds the shell and the shared vocabulary (phases, roles, kinds). */
export const NAMESPACES = [
  'common',
  'auth',
  'cities',
  'programme',
  'documents',
  'editor',
  'settings',
  'invitations',
  'admin',
  'comments',
  'reviews',
  'history',
  'notifications',
  'activity',
  'pilotProjects',
  'events',
  'indicators',
  'goodPractices',
  'search',
  'dashboard',
  'reports',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

type Resource = Record<string, unknown>;

export const resources: Record<Language, Record<Namespace, Resource>> = {
  en: {
    common: enCommon,
    auth: enAuth,
    cities: enCities,
    programme: enProgramme,
    documents: enDocuments,
    editor: enEditor,
    settings: enSettings,
    invitations: enInvitations,
    admin: enAdmin,
    comments: enComments,
    reviews: enReviews,
    history: enHistory,
    notifications: enNotifications,
    activity: enActivity,
    pilotProjects: enPilotProjects,
    events: enEvents,
    indicators: enIndicators,
    goodPractices: enGoodPractices,
    search: enSearch,
    dashboard: enDashboard,
    reports: enReports,
  },
  fr: {
    common: frCommon,
    auth: frAuth,
    cities: frCities,
    programme: frProgramme,
    documents: frDocuments,
    editor: frEditor,
    settings: frSettings,
    invitations: frInvitations,
    admin: frAdmin,
    comments: frComments,
    reviews: frReviews,
    history: frHistory,
    notifications: frNotifications,
    activity: frActivity,
    pilotProjects: frPilotProjects,
    events: frEvents,
    indicators: frIndicators,
    goodPractices: frGoodPractices,
    search: frSearch,
    dashboard: frDashboard,
    reports: frReports,
  },
  ar: {
    common: arCommon,
    auth: arAuth,
    cities: arCities,
    programme: arProgramme,
    documents: arDocuments,
    editor: arEditor,
    settings: arSettings,
    invitations: arInvitations,
    admin: arAdmin,
    comments: arComments,
    reviews: arReviews,
    history: arHistory,
    notifications: arNotifications,
    activity: arActivity,
    pilotProjects: arPilotProjects,
    events: arEvents,
    indicators: arIndicators,
    goodPractices: arGoodPractices,
    search: arSearch,
    dashboard: arDashboard,
    reports: arReports,
  },
};
