import { createCity, createProgramme, createUser } from './utils/factories';
import { caller, Caller, createWorld, recordEvents, World } from './utils/phase-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

const at = (days: number, hour = 9) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

describe('events', () => {
  let t: TestApp;
  let w: World;
  /** A member of a city of another programme. */
  let elsewhere: Caller;
  let otherCityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    const other = await createProgramme(t.db);
    const city = await createCity(t.db, other.id);
    otherCityId = city.id;
    elsewhere = caller(t, (await createUser(t.db, { memberships: [{ cityId: city.id, role: 'editor' }] })).id);
  });
  afterAll(async () => {
    await t.close();
  });

  // Two programmes exist: an event that no city places in one must name it.
  const event = (extra: object = {}) => ({
    programmeId: w.programme.id,
    kind: 'technical_workshop',
    title: `Workshop ${Math.random()}`,
    startsAt: at(10),
    endsAt: at(11, 17),
    ...extra,
  });

  describe('creation', () => {
    it('creates the event and its minutes document in the host city, in the city’s first language', async () => {
      const created = recordEvents(t, 'event.created');
      const res = await w.coordinator.post(
        '/api/events',
        event({
          description: 'Methodology and information-sharing',
          hostCityId: w.lyon.id,
          cityIds: [w.tangier.id],
          participantIds: [w.editorLyon.id, w.editorTangier.id],
          location: 'Métropole de Lyon',
          agenda: [{ time: '09:00', title: 'Welcome' }, { title: 'Visit of the neighbourhood' }],
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        programmeId: w.programme.id,
        kind: 'technical_workshop',
        hostCityId: w.lyon.id,
        location: 'Métropole de Lyon',
        agenda: [{ time: '09:00', title: 'Welcome' }, { title: 'Visit of the neighbourhood' }],
        canManage: true,
      });
      expect(res.body.cityIds.sort()).toEqual([w.lyon.id, w.tangier.id].sort());
      expect(res.body.participants.map((p: { id: string }) => p.id).sort()).toEqual(
        [w.editorLyon.id, w.editorTangier.id].sort(),
      );
      const minutes = await w.coordinator.get(`/api/documents/${res.body.minutesDocumentId}`);
      expect(minutes.status).toBe(200);
      expect(minutes.body).toMatchObject({ kind: 'minutes', cityId: w.lyon.id, language: 'en', title: res.body.title });
      // The host city's editors write the minutes.
      expect((await w.editorLyon.get(`/api/documents/${res.body.minutesDocumentId}`)).body.permissions).toContain(
        'edit',
      );
      expect(created).toEqual([expect.objectContaining({ eventId: res.body.id, userId: w.coordinator.id })]);
    });

    it('writes the minutes of an event without a host as a programme document, in the language asked', async () => {
      const res = await w.coordinator.post(
        '/api/events',
        event({ kind: 'online_meeting', onlineUrl: 'https://meet.example.org/room', language: 'fr' }),
      );
      expect(res.status).toBe(201);
      expect(res.body.hostCityId).toBeNull();
      const minutes = await w.coordinator.get(`/api/documents/${res.body.minutesDocumentId}`);
      expect(minutes.body).toMatchObject({ kind: 'minutes', cityId: null, language: 'fr' });
    });

    it('lets only coordinators create events', async () => {
      for (const member of [w.editorLyon, w.stakeholderLyon, w.observerLyon, w.outsider]) {
        expect((await member.post('/api/events', event({ hostCityId: w.lyon.id }))).status).toBe(403);
      }
    });

    it('names the wrong field of invalid input', async () => {
      const cases: Array<[object, string]> = [
        [event({ kind: 'party' }), 'kind'],
        [event({ title: '' }), 'title'],
        [event({ startsAt: '2025-03-09T09:00:00' }), 'startsAt'],
        [event({ startsAt: at(5), endsAt: at(4) }), 'endsAt'],
        [event({ onlineUrl: 'javascript:alert(1)' }), 'onlineUrl'],
        [event({ agenda: [{ time: '09:00' }] }), 'agenda.0.title'],
        [event({ hostCityId: '00000000-0000-4000-8000-000000000000' }), 'hostCityId'],
        [event({ cityIds: ['00000000-0000-4000-8000-000000000000'] }), 'cityIds'],
        [event({ participantIds: ['00000000-0000-4000-8000-000000000000'] }), 'participantIds'],
        [event({ language: 'de' }), 'language'],
        [event({ programmeId: undefined }), 'programmeId'],
        [event({ hostCityId: otherCityId }), 'programmeId'],
        [event({ hostCityId: w.lyon.id, cityIds: [otherCityId] }), 'cityIds'],
        [event({ programmeId: '00000000-0000-4000-8000-000000000000' }), 'programmeId'],
      ];
      for (const [body, field] of cases) {
        const res = await w.coordinator.post('/api/events', body);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(res.body.fields).toContain(field);
      }
    });
  });

  describe('the calendar', () => {
    let past: string;
    let upcoming: string;
    let later: string;
    beforeAll(async () => {
      past = (
        await w.coordinator.post('/api/events', event({ startsAt: at(-30), endsAt: at(-29), hostCityId: w.tangier.id }))
      ).body.id;
      upcoming = (await w.coordinator.post('/api/events', event({ startsAt: at(3), endsAt: at(3, 12) }))).body.id;
      later = (
        await w.coordinator.post('/api/events', event({ startsAt: at(60), endsAt: at(62), cityIds: [w.lyon.id] }))
      ).body.id;
    });

    it('shows every event of the programme to each of its members', async () => {
      for (const member of [w.stakeholderLyon, w.editorTangier, w.observerLyon, w.coordinator]) {
        const ids = (await member.get('/api/events')).body.map((e: { id: string }) => e.id);
        expect(ids).toEqual(expect.arrayContaining([past, upcoming, later]));
      }
      const asStakeholder = await w.stakeholderLyon.get(`/api/events/${past}`);
      expect(asStakeholder.status).toBe(200);
      expect(asStakeholder.body.canManage).toBe(false);
    });

    it('hides the calendar from people outside the programme', async () => {
      expect((await w.outsider.get('/api/events')).body).toEqual([]);
      expect((await elsewhere.get('/api/events')).body).toEqual([]);
      expect((await elsewhere.get(`/api/events/${past}`)).status).toBe(404);
      expect((await elsewhere.get(`/api/events/${past}/ical`)).status).toBe(404);
    });

    it('splits upcoming (soonest first) from past (latest first)', async () => {
      const upcomingIds = (await w.editorLyon.get('/api/events?when=upcoming')).body.map((e: { id: string }) => e.id);
      expect(upcomingIds).toContain(upcoming);
      expect(upcomingIds).toContain(later);
      expect(upcomingIds).not.toContain(past);
      expect(upcomingIds.indexOf(upcoming)).toBeLessThan(upcomingIds.indexOf(later));
      const pastEvents = (await w.editorLyon.get('/api/events?when=past')).body;
      expect(pastEvents.map((e: { id: string }) => e.id)).toEqual([past]);
      const starts = (await w.editorLyon.get('/api/events')).body.map((e: { startsAt: string }) => e.startsAt);
      expect([...starts].sort()).toEqual(starts);
    });

    it('filters by period and by city (hosting or taking part)', async () => {
      const window = await w.editorLyon.get(
        `/api/events?from=${encodeURIComponent(at(50))}&to=${encodeURIComponent(at(70))}`,
      );
      expect(window.body.map((e: { id: string }) => e.id)).toEqual([later]);
      // A date alone as the upper bound takes in the whole day.
      const day = at(60).slice(0, 10);
      const sameDay = await w.editorLyon.get(`/api/events?from=${day}&to=${day}`);
      expect(sameDay.body.map((e: { id: string }) => e.id)).toEqual([later]);
      const tangier = (await w.editorLyon.get(`/api/events?cityId=${w.tangier.id}`)).body.map(
        (e: { id: string }) => e.id,
      );
      expect(tangier).toContain(past);
      expect(tangier).not.toContain(later);
      const lyon = (await w.editorLyon.get(`/api/events?cityId=${w.lyon.id}`)).body.map((e: { id: string }) => e.id);
      expect(lyon).toContain(later);
      expect(lyon).not.toContain(upcoming);
      const bad = await w.editorLyon.get('/api/events?when=soon');
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toEqual(['when']);
    });
  });

  describe('changes', () => {
    it('lets coordinators change an event and tells what changed', async () => {
      const updated = recordEvents(t, 'event.updated');
      const id = (await w.coordinator.post('/api/events', event({ hostCityId: w.lyon.id }))).body.id;
      const res = await w.coordinator.patch(`/api/events/${id}`, {
        title: 'Renamed workshop',
        endsAt: at(12, 18),
        cityIds: [w.tangier.id],
        agenda: [{ title: 'Only item' }],
        location: null,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        title: 'Renamed workshop',
        endsAt: at(12, 18),
        agenda: [{ title: 'Only item' }],
      });
      // The host keeps taking part.
      expect(res.body.cityIds.sort()).toEqual([w.lyon.id, w.tangier.id].sort());
      expect(updated).toEqual([
        expect.objectContaining({
          eventId: id,
          changes: expect.arrayContaining(['title', 'endsAt', 'cityIds', 'agenda']),
        }),
      ]);
    });

    it('refuses an end before the start, naming endsAt', async () => {
      const id = (await w.coordinator.post('/api/events', event())).body.id;
      const res = await w.coordinator.patch(`/api/events/${id}`, { endsAt: at(9) });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(['endsAt']);
    });

    it('answers members with 403 and outsiders with 404', async () => {
      const id = (await w.coordinator.post('/api/events', event())).body.id;
      expect((await w.editorLyon.patch(`/api/events/${id}`, { title: 'x' })).status).toBe(403);
      expect((await w.editorLyon.delete(`/api/events/${id}`)).status).toBe(403);
      expect((await elsewhere.patch(`/api/events/${id}`, { title: 'x' })).status).toBe(404);
      expect((await elsewhere.delete(`/api/events/${id}`)).status).toBe(404);
    });

    it('deletes the event and keeps its minutes', async () => {
      const deleted = recordEvents(t, 'event.deleted');
      const created = (await w.coordinator.post('/api/events', event({ hostCityId: w.lyon.id }))).body;
      expect((await w.coordinator.delete(`/api/events/${created.id}`)).status).toBe(204);
      expect((await w.coordinator.get(`/api/events/${created.id}`)).status).toBe(404);
      expect((await w.coordinator.get(`/api/documents/${created.minutesDocumentId}`)).status).toBe(200);
      expect(deleted).toEqual([expect.objectContaining({ eventId: created.id })]);
    });
  });
});
