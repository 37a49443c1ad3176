import type { PMNode } from '@passerelle/content';

/**
 * The demo's written text for Lyon (in French, its working language): its priority paper is
 * half-written, the way a city team would have left it between two workshops, and one good
 * practice is adopted and published for the other cities. Facts follow the programme's public
 * descriptions (the Guillotière neighbourhood, its associations, the shared themes).
 */

const text = (value: string): PMNode => ({ type: 'text', text: value });
const p = (value: string): PMNode => ({ type: 'paragraph', content: [text(value)] });
const h3 = (value: string): PMNode => ({ type: 'heading', attrs: { level: 3 }, content: [text(value)] });
const ul = (items: string[]): PMNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [p(item)] })),
});
const cell = (type: 'tableHeader' | 'tableCell', value: string): PMNode => ({
  type,
  attrs: { colspan: 1, rowspan: 1 },
  content: [value ? p(value) : { type: 'paragraph' }],
});
const table = (header: string[], rows: string[][]): PMNode => ({
  type: 'table',
  content: [
    { type: 'tableRow', content: header.map((v) => cell('tableHeader', v)) },
    ...rows.map((row) => ({ type: 'tableRow', content: row.map((v) => cell('tableCell', v)) })),
  ],
});

const theme = (situation: string[], priority: string, actions: string[]): PMNode[] => [
  h3('Situation actuelle'),
  ...situation.map(p),
  h3('Priorité'),
  p(priority),
  h3('Actions proposées'),
  ul(actions),
];

/** Section texts of the priority paper: '' is the introduction's place, theme slugs the themes'. */
export const LYON_PRIORITY_PAPER = {
  introduction: [
    p(
      "Ce document rassemble les priorités que la Ville et la Métropole de Lyon proposent de porter avec leurs partenaires locaux pour l'accueil et l'inclusion des personnes migrantes. Il s'appuie sur les constats du profil migratoire et sur trois ateliers qui ont réuni services municipaux, associations de migrants, acteurs de l'emploi, syndicats et représentants des employeurs.",
    ),
    p(
      "Le quartier de la Guillotière, lieu d'arrivée et d'installation de nombreuses communautés depuis des décennies, a servi de point de départ : les associations qui y accompagnent les nouveaux arrivants (soutien scolaire, cours de français, écrivains publics, aide à l'accès aux droits sociaux) ont partagé leur connaissance du terrain.",
    ),
    p(
      'Chaque priorité tient compte de la situation particulière des femmes migrantes et des droits des enfants. Les thèmes encore vides seront complétés lors du prochain atelier.',
    ),
  ],
  themes: {
    'receiving-refugees': theme(
      [
        "Les places d'hébergement d'urgence sont saturées une grande partie de l'année. Les premières semaines après l'arrivée restent les plus difficiles : l'information est dispersée entre de nombreux guichets et l'ouverture des droits prend du temps.",
      ],
      "Offrir à chaque personne nouvellement arrivée un parcours d'accueil lisible, avec un interlocuteur identifié dès la première semaine.",
      [
        "Ouvrir un point d'accueil et d'orientation commun à la Ville, à la Métropole et aux associations, sans rendez-vous deux demi-journées par semaine.",
        "Éditer un livret d'accueil en français, en arabe et en anglais, mis à jour chaque semestre avec les associations.",
        "Former les agents d'accueil des mairies d'arrondissement aux droits des demandeurs d'asile et des réfugiés.",
      ],
    ),
    'employment-entrepreneurship': theme(
      [
        "Beaucoup de personnes réfugiées arrivent avec une expérience professionnelle ou un diplôme qui n'est pas reconnu. Le français à visée professionnelle et la reconnaissance des compétences freinent l'accès à l'emploi, en particulier pour les femmes.",
      ],
      'Rapprocher les personnes migrantes des métiers qui recrutent dans la métropole, en valorisant les compétences acquises avant leur arrivée.',
      [
        "Proposer des cours de français adossés à des stages dans les secteurs qui recrutent (bâtiment, restauration, aide à la personne), avec une garde d'enfants pour les participantes.",
        "Orienter les porteurs de projet vers les dispositifs d'aide à la création d'entreprise existants.",
        "Associer les syndicats et les organisations d'employeurs à un comité de suivi semestriel.",
      ],
    ),
    'intercultural-dialogue': theme(
      [
        "Les initiatives de quartier sont nombreuses mais peu connues en dehors de leurs propres réseaux. Les tensions autour de l'usage de l'espace public à la Guillotière entretiennent des représentations négatives.",
      ],
      'Faire connaître et soutenir les lieux où habitants de longue date et nouveaux arrivants se rencontrent.',
      [
        "Organiser chaque année une semaine de l'accueil avec les associations, les centres sociaux et les bibliothèques.",
        'Soutenir les projets de médiation interculturelle portés par des associations de migrants.',
      ],
    ),
    'basic-services': theme(
      [
        "L'accès aux soins, à la domiciliation et aux droits sociaux dépend souvent d'un bénévole qui aide à faire les démarches en ligne. Les permanences d'écrivains publics ne suffisent plus à la demande.",
      ],
      'Garantir un accompagnement humain aux démarches administratives pour celles et ceux qui en ont besoin.',
      [
        "Étendre les permanences d'écrivains publics et d'aide numérique dans les maisons de la Métropole.",
        "Recourir à l'interprétariat professionnel dans les centres de santé et les services sociaux.",
      ],
    ),
    'unaccompanied-minors': theme(
      [
        "Le nombre de mineurs non accompagnés pris en charge a augmenté ces dernières années. Pendant l'évaluation de leur minorité, certains jeunes restent sans hébergement stable ni scolarisation.",
      ],
      "Assurer à chaque jeune un hébergement, une scolarité et un suivi de santé pendant toute la durée de l'évaluation.",
      [
        "Coordonner la Métropole, l'Éducation nationale et les associations pour proposer une place en classe d'accueil dans le mois qui suit l'arrivée.",
        "Préparer la sortie de l'aide sociale à l'enfance dès 17 ans avec un référent dédié.",
      ],
    ),
  } as Record<string, PMNode[]>,
  adoption: [
    p(
      'Les acteurs ci-dessous ont participé aux ateliers. Leur approbation sera recueillie lors de la mise en relecture du document.',
    ),
    table(
      ['Acteur', 'Rôle', "Date d'approbation"],
      [
        ['Ville de Lyon, délégation aux solidarités', 'Pilotage', ''],
        ["Métropole de Lyon, direction de l'insertion", 'Co-pilotage', ''],
        ['Collectif des associations de la Guillotière', 'Associations de migrants', ''],
        ['Union locale des syndicats', 'Partenaire social', ''],
        ["Chambre de commerce et d'industrie", 'Employeurs', ''],
      ],
    ),
  ],
};

/** The title of Lyon's published good practice. */
export const LYON_GOOD_PRACTICE_TITLE = "Lyon – Des permanences d'accès aux droits à la Guillotière";

/** The good practice's sections, keyed by the French template's section headings ('' = preamble). */
export const LYON_GOOD_PRACTICE = new Map<string, PMNode[]>([
  ['', [p('Une pratique de la Ville de Lyon et des associations du quartier, partagée avec les villes partenaires.')]],
  [
    'Contexte',
    [
      p(
        "À la Guillotière, quartier historique d'arrivée des migrants à Lyon, beaucoup de personnes renonçaient à des droits auxquels elles pouvaient prétendre, faute de comprendre les démarches ou de maîtriser le français écrit. Les associations voyaient revenir les mêmes questions : domiciliation, couverture santé, inscription scolaire, renouvellement des titres de séjour.",
      ),
    ],
  ],
  [
    'Ce qui a été fait',
    [
      p(
        "Un collectif d'associations, soutenu par la Ville, a ouvert des permanences communes dans un local du quartier : écrivains publics, juristes bénévoles, cours de français et soutien scolaire y sont proposés au même endroit et aux mêmes horaires.",
      ),
      ul([
        'Un accueil sans rendez-vous deux après-midi par semaine, avec des bénévoles parlant arabe, anglais, tigrinya et dari.',
        'Un cahier de suivi partagé entre associations, pour ne pas faire répéter son histoire à chaque guichet.',
        'Une réunion mensuelle avec les services sociaux de la Ville pour débloquer les dossiers difficiles.',
      ]),
    ],
  ],
  [
    'Résultats',
    [
      p(
        "Dès la première année, les permanences ont accompagné plusieurs centaines de personnes, en majorité des femmes. Les services sociaux reçoivent des dossiers plus complets et les traitent plus vite. Le point faible reste la dépendance aux bénévoles : l'affluence dépasse régulièrement ce qu'ils peuvent absorber.",
      ),
    ],
  ],
  [
    'Comment la transférer',
    [
      ul([
        'Partir des associations déjà présentes dans le quartier plutôt que créer une nouvelle structure.',
        'Prévoir dès le départ un lien direct avec les services municipaux.',
        'Financer au moins un poste de coordination : le bénévolat seul ne tient pas dans la durée.',
      ]),
    ],
  ],
]);
