/**
 * Demo key figures for the seven demo cities: rounded orders of magnitude of the kind public
 * statistics give, for showing the comparison. They are labelled "Demo data" on purpose: they are
 * not sourced figures and must not be read as official.
 */
export const DEMO_SOURCE = 'Demo data';

type DemoFigures = ReadonlyArray<{ key: string; year: number; value: number | string }>;

export const DEMO_INDICATORS: Readonly<Record<string, DemoFigures>> = {
  amman: [
    { key: 'population', year: 2021, value: 4_400_000 },
    { key: 'foreign_born_share', year: 2021, value: 30 },
    { key: 'main_countries_of_origin', year: 2021, value: 'Syria, Egypt, Iraq, Yemen' },
    { key: 'refugees', year: 2022, value: 195_000 },
    { key: 'asylum_seekers', year: 2022, value: 5_000 },
    { key: 'unemployment_rate_total', year: 2022, value: 22.5 },
  ],
  beirut: [
    { key: 'population', year: 2020, value: 2_200_000 },
    { key: 'foreign_born_share', year: 2020, value: 25 },
    { key: 'main_countries_of_origin', year: 2020, value: 'Syria, Palestine, Ethiopia, Iraq' },
    { key: 'refugees', year: 2022, value: 210_000 },
    { key: 'unemployment_rate_total', year: 2022, value: 29.6 },
  ],
  lisbon: [
    { key: 'population', year: 2021, value: 545_000 },
    { key: 'foreign_born_share', year: 2021, value: 18.5 },
    { key: 'main_countries_of_origin', year: 2021, value: 'Brazil, Nepal, India, Bangladesh, China' },
    { key: 'asylum_seekers', year: 2022, value: 1_200 },
    { key: 'unemployment_rate_total', year: 2022, value: 6.8 },
    { key: 'unemployment_rate_migrants', year: 2022, value: 10.5 },
    { key: 'migrant_associations', year: 2022, value: 120 },
  ],
  lyon: [
    { key: 'population', year: 2020, value: 522_000 },
    { key: 'population', year: 2015, value: 513_000 },
    { key: 'foreign_born_share', year: 2020, value: 13.5 },
    { key: 'main_countries_of_origin', year: 2020, value: 'Algeria, Morocco, Tunisia, Portugal, Italy' },
    { key: 'asylum_seekers', year: 2022, value: 4_500 },
    { key: 'unaccompanied_minors', year: 2022, value: 850 },
    { key: 'unemployment_rate_total', year: 2022, value: 7.9 },
    { key: 'unemployment_rate_migrants', year: 2022, value: 14.2 },
    { key: 'migrant_associations', year: 2022, value: 150 },
  ],
  madrid: [
    { key: 'population', year: 2022, value: 3_300_000 },
    { key: 'foreign_born_share', year: 2022, value: 22.5 },
    { key: 'main_countries_of_origin', year: 2022, value: 'Romania, Colombia, Venezuela, Ecuador, Peru, China' },
    { key: 'asylum_seekers', year: 2022, value: 35_000 },
    { key: 'unaccompanied_minors', year: 2022, value: 600 },
    { key: 'unemployment_rate_total', year: 2022, value: 10.1 },
    { key: 'unemployment_rate_migrants', year: 2022, value: 16.8 },
  ],
  tangier: [
    { key: 'population', year: 2014, value: 950_000 },
    { key: 'foreign_born_share', year: 2014, value: 1 },
    { key: 'main_countries_of_origin', year: 2020, value: 'Senegal, Côte d’Ivoire, Guinea, Mali, Spain' },
    { key: 'unaccompanied_minors', year: 2021, value: 300 },
    { key: 'unemployment_rate_total', year: 2021, value: 12.3 },
  ],
  turin: [
    { key: 'population', year: 2022, value: 850_000 },
    { key: 'foreign_born_share', year: 2022, value: 15 },
    { key: 'main_countries_of_origin', year: 2022, value: 'Romania, Morocco, China, Peru, Nigeria' },
    { key: 'asylum_seekers', year: 2022, value: 2_000 },
    { key: 'unaccompanied_minors', year: 2022, value: 400 },
    { key: 'unemployment_rate_total', year: 2022, value: 8.4 },
    { key: 'unemployment_rate_migrants', year: 2022, value: 13.9 },
  ],
};
