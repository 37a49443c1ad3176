import { createWorld, recordEvents, World } from './utils/phase-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

/** RFC 4180 reader for the test: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else field += c;
  }
  expect(quoted).toBe(false);
  expect(field).toBe('');
  return rows;
}

// supertest's parser type names its own Response; the stream it passes is a Node readable.
const binary = (res: unknown, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('indicators', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    await t.db.query(`UPDATE cities SET names = $2 WHERE id = $1`, [w.tangier.id, JSON.stringify({ ar: 'طنجة' })]);
  });
  afterAll(async () => {
    await t.close();
  });

  const put = (who: World['coordinator'], cityId: string, indicators: object[]) =>
    who.put(`/api/cities/${cityId}/indicators`, { indicators });

  describe('entering figures', () => {
    it('lets an editor of the city add and then replace figures by key and year', async () => {
      const updated = recordEvents(t, 'indicators.updated');
      const first = await put(w.editorLyon, w.lyon.id, [
        { key: 'population', year: 2015, valueNumeric: 513000, source: 'Census' },
        { key: 'population', year: 2020, valueNumeric: 520000, source: 'Census' },
        { key: 'foreign_born_share', year: 2020, valueNumeric: 13.5, source: 'Survey' },
      ]);
      expect(first.status).toBe(200);
      expect(first.body).toHaveLength(3);
      const again = await put(w.editorLyon, w.lyon.id, [{ key: 'population', year: 2020, valueNumeric: 522000 }]);
      expect(again.body).toHaveLength(3);
      const population2020 = again.body.find(
        (i: { key: string; year: number }) => i.key === 'population' && i.year === 2020,
      );
      expect(population2020).toMatchObject({ unit: 'count', valueNumeric: 522000, valueText: null, source: '' });
      expect(updated[0]).toMatchObject({ cityId: w.lyon.id, userId: w.editorLyon.id });
      expect(updated[0].keys).toEqual(expect.arrayContaining(['population', 'foreign_born_share']));
    });

    it('lets coordinators enter any city’s figures; readers get 403 and others 404', async () => {
      const figure = [{ key: 'refugees', year: 2022, valueNumeric: 1000 }];
      expect((await put(w.coordinator, w.tangier.id, figure)).status).toBe(200);
      expect((await put(w.stakeholderLyon, w.lyon.id, figure)).status).toBe(403);
      expect((await put(w.observerLyon, w.lyon.id, figure)).status).toBe(403);
      expect((await put(w.editorLyon, w.tangier.id, figure)).status).toBe(404);
      expect((await put(w.outsider, w.lyon.id, figure)).status).toBe(404);
      expect((await put(w.coordinator, 'lyon', figure)).status).toBe(404);
    });

    it('checks each figure against its indicator and names the field', async () => {
      const cases: Array<[object[], string]> = [
        [[{ key: 'happiness', year: 2020, valueNumeric: 1 }], 'indicators.0.key'],
        [[{ key: 'population', year: 1800, valueNumeric: 1 }], 'indicators.0.year'],
        [[{ key: 'population', year: 2020 }], 'indicators.0.valueNumeric'],
        [[{ key: 'population', year: 2020, valueNumeric: 10.5 }], 'indicators.0.valueNumeric'],
        [[{ key: 'population', year: 2020, valueNumeric: -5 }], 'indicators.0.valueNumeric'],
        [[{ key: 'foreign_born_share', year: 2020, valueNumeric: 120 }], 'indicators.0.valueNumeric'],
        [[{ key: 'population', year: 2020, valueNumeric: 1, valueText: 'many' }], 'indicators.0.valueText'],
        [[{ key: 'main_countries_of_origin', year: 2020 }], 'indicators.0.valueText'],
        [
          [
            { key: 'refugees', year: 2020, valueNumeric: 1 },
            { key: 'refugees', year: 2020, valueNumeric: 2 },
          ],
          'indicators.1.key',
        ],
        [[], 'indicators'],
      ];
      for (const [indicators, field] of cases) {
        const res = await put(w.editorLyon, w.lyon.id, indicators);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(res.body.fields).toContain(field);
      }
    });
  });

  describe('reading', () => {
    it('shows a city’s figures to the people of its workspace and coordinators only', async () => {
      for (const reader of [w.editorLyon, w.stakeholderLyon, w.observerLyon, w.coordinator]) {
        const res = await reader.get(`/api/indicators?cityId=${w.lyon.id}`);
        expect(res.status).toBe(200);
        expect(res.body.length).toBeGreaterThan(0);
        expect(res.body.every((i: { cityId: string }) => i.cityId === w.lyon.id)).toBe(true);
      }
      expect((await w.editorTangier.get(`/api/indicators?cityId=${w.lyon.id}`)).status).toBe(404);
      expect((await w.outsider.get(`/api/indicators?cityId=${w.lyon.id}`)).status).toBe(404);
      const own = (await w.editorTangier.get('/api/indicators')).body;
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((i: { cityId: string }) => i.cityId === w.tangier.id)).toBe(true);
    });

    it('deletes a figure for the city’s editors and coordinators only', async () => {
      const [figure] = (
        await put(w.editorLyon, w.lyon.id, [{ key: 'migrant_associations', year: 2021, valueNumeric: 12 }])
      ).body.filter((i: { key: string }) => i.key === 'migrant_associations');
      expect((await w.stakeholderLyon.delete(`/api/indicators/${figure.id}`)).status).toBe(403);
      expect((await w.editorTangier.delete(`/api/indicators/${figure.id}`)).status).toBe(404);
      expect((await w.editorLyon.delete(`/api/indicators/${figure.id}`)).status).toBe(204);
      expect((await w.editorLyon.delete(`/api/indicators/${figure.id}`)).status).toBe(404);
    });
  });

  describe('comparison', () => {
    beforeAll(async () => {
      await put(w.coordinator, w.tangier.id, [
        { key: 'population', year: 2014, valueNumeric: 947952, source: 'Recensement, "RGPH"' },
        { key: 'main_countries_of_origin', year: 2020, valueText: 'السنغال، ساحل العاج، غينيا', source: 'Demo data' },
        { key: 'asylum_seekers', year: 2021, valueNumeric: 300, source: 'Line one\nline two' },
      ]);
    });

    it('gives the latest year of each figure with its year and source, for the cities the caller reads', async () => {
      const all = await w.coordinator.get('/api/indicators/compare?keys=population,main_countries_of_origin');
      expect(all.status).toBe(200);
      expect(all.body.indicators.map((i: { key: string }) => i.key)).toEqual([
        'population',
        'main_countries_of_origin',
      ]);
      expect(all.body.indicators[0]).toMatchObject({ unit: 'count', names: { en: 'Population' } });
      const lyon = all.body.cities.find((c: { id: string }) => c.id === w.lyon.id);
      expect(lyon.values.population).toEqual({ valueNumeric: 522000, valueText: null, year: 2020, source: '' });
      expect(lyon.values.main_countries_of_origin).toBeNull();
      const tangier = all.body.cities.find((c: { id: string }) => c.id === w.tangier.id);
      expect(tangier.values.main_countries_of_origin.valueText).toBe('السنغال، ساحل العاج، غينيا');

      const asLyon = await w.editorLyon.get(`/api/indicators/compare?cityIds=${w.lyon.id},${w.tangier.id}`);
      expect(asLyon.body.cities.map((c: { id: string }) => c.id)).toEqual([w.lyon.id]);
      expect((await w.outsider.get('/api/indicators/compare')).body.cities).toEqual([]);
      const mine = await w.coordinator.get(`/api/indicators/compare?cityIds=${w.tangier.id}`);
      expect(mine.body.cities.map((c: { id: string }) => c.id)).toEqual([w.tangier.id]);
    });

    it('refuses unknown keys and malformed city ids, naming them', async () => {
      const keys = await w.coordinator.get('/api/indicators/compare?keys=population,happiness');
      expect(keys.status).toBe(400);
      expect(keys.body.fields).toEqual(['keys']);
      const cities = await w.coordinator.get('/api/indicators/compare.csv?cityIds=lyon');
      expect(cities.status).toBe(400);
      expect(cities.body.fields).toEqual(['cityIds']);
    });

    it('exports CSV with a BOM, a header row, CRLF records, quoting, and Arabic intact', async () => {
      const res = await w.coordinator
        .get(`/api/indicators/compare.csv?lang=ar&keys=population,main_countries_of_origin,asylum_seekers`)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.csv"/);
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(bytes.toString('utf8').slice(1));
      const [header, ...cities] = rows;
      expect(header).toEqual([
        'المدينة',
        'البلد',
        'عدد السكان',
        'عدد السكان (السنة)',
        'عدد السكان (المصدر)',
        'بلدان المنشأ الرئيسية',
        'بلدان المنشأ الرئيسية (السنة)',
        'بلدان المنشأ الرئيسية (المصدر)',
        'طالبو اللجوء',
        'طالبو اللجوء (السنة)',
        'طالبو اللجوء (المصدر)',
      ]);
      for (const row of cities) expect(row).toHaveLength(header.length);
      const tangier = cities.find((r) => r[0] === 'طنجة');
      expect(tangier).toEqual([
        'طنجة',
        'Testland',
        '947952',
        '2014',
        'Recensement, "RGPH"',
        'السنغال، ساحل العاج، غينيا',
        '2020',
        'Demo data',
        '300',
        '2021',
        'Line one\nline two',
      ]);
      const lyon = cities.find((r) => r[0] === 'Lyon');
      expect(lyon?.slice(2, 5)).toEqual(['522000', '2020', '']);
      expect(lyon?.slice(5)).toEqual(['', '', '', '', '', '']);
    });

    it('exports only the cities the caller reads', async () => {
      const res = await w.stakeholderLyon.get('/api/indicators/compare.csv').buffer(true).parse(binary);
      const rows = parseCsv((res.body as Buffer).toString('utf8').slice(1));
      expect(rows.slice(1).map((r) => r[0])).toEqual(['Lyon']);
      expect(rows[0][0]).toBe('City');
    });
  });
});
