import { createWorld, World } from './utils/phase-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

interface Component {
  name: string;
  props: Array<{ name: string; params: string; value: string }>;
  children: Component[];
}

/**
 * A tiny RFC 5545 reader, strict where the writer must be: CRLF line ends only, no physical line
 * over 75 octets, unfolding of continuation lines, and BEGIN/END that nest and match.
 */
function parseICalendar(text: string): Component {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const root: Component = { name: '', props: [], children: [] };
  const stack = [root];
  for (const line of logical) {
    const match = /^([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!match) throw new Error(`not a content line: ${line}`);
    const [, name, params, value] = match;
    if (name === 'BEGIN') {
      const component: Component = { name: value, props: [], children: [] };
      stack[stack.length - 1].children.push(component);
      stack.push(component);
    } else if (name === 'END') {
      const open = stack.pop();
      if (!open || open.name !== value) throw new Error(`END:${value} closes ${open?.name}`);
    } else {
      stack[stack.length - 1].props.push({ name, params, value });
    }
  }
  expect(stack).toHaveLength(1);
  expect(root.children).toHaveLength(1);
  return root.children[0];
}

const unescape = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
const prop = (c: Component, name: string) => c.props.find((p) => p.name === name)?.value;

describe('events as iCalendar', () => {
  let t: TestApp;
  let w: World;
  const title = 'Atelier technique, jour 1; méthodologie — ورشة عمل تقنية حول منهجية ملفات الهجرة وتبادل المعلومات';

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('exports one event as a calendar that parses, with every required property', async () => {
    const created = (
      await w.coordinator.post('/api/events', {
        kind: 'technical_workshop',
        title,
        description: 'Back\\slash, and a second line\nhere',
        hostCityId: w.lyon.id,
        startsAt: '2031-03-09T09:00:00+01:00',
        endsAt: '2031-03-10T17:30:00+01:00',
        onlineUrl: 'https://meet.example.org/room?a=1,2;b',
        agenda: [{ time: '09:00', title: 'Welcome' }, { title: 'Visit' }],
      })
    ).body;
    const res = await w.stakeholderLyon.get(`/api/events/${created.id}/ical`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.ics"/);

    const calendar = parseICalendar(res.text);
    expect(calendar.name).toBe('VCALENDAR');
    expect(prop(calendar, 'VERSION')).toBe('2.0');
    expect(prop(calendar, 'PRODID')).toBeTruthy();
    expect(calendar.children.map((c) => c.name)).toEqual(['VEVENT']);
    const vevent = calendar.children[0];
    expect(prop(vevent, 'UID')).toBe(`${created.id}@passerelle`);
    for (const name of ['DTSTAMP', 'DTSTART', 'DTEND']) expect(prop(vevent, name)).toMatch(/^\d{8}T\d{6}Z$/);
    expect(prop(vevent, 'DTSTART')).toBe('20310309T080000Z');
    expect(prop(vevent, 'DTEND')).toBe('20310310T163000Z');
    expect(unescape(prop(vevent, 'SUMMARY')!)).toBe(title);
    const description = unescape(prop(vevent, 'DESCRIPTION')!);
    expect(description).toContain('Back\\slash, and a second line\nhere');
    expect(description).toContain('09:00 Welcome');
    expect(unescape(prop(vevent, 'LOCATION')!)).toBe('Lyon, Testland');
    expect(prop(vevent, 'URL')).toBe('https://meet.example.org/room?a=1,2;b');
    // The long Arabic title had to be folded.
    expect(res.text.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
  });

  it('exports the caller’s whole calendar, with the list’s filters', async () => {
    const second = (
      await w.coordinator.post('/api/events', {
        kind: 'online_meeting',
        title: 'Online meeting',
        startsAt: '2031-04-01T12:00:00Z',
        endsAt: '2031-04-01T14:00:00Z',
      })
    ).body;
    const all = parseICalendar((await w.editorTangier.get('/api/events.ics')).text);
    const uids = all.children.map((c) => prop(c, 'UID'));
    expect(uids).toContain(`${second.id}@passerelle`);
    expect(uids.length).toBeGreaterThanOrEqual(2);
    const april = parseICalendar((await w.editorTangier.get('/api/events.ics?from=2031-03-31&to=2031-04-30')).text);
    expect(april.children.map((c) => prop(c, 'UID'))).toEqual([`${second.id}@passerelle`]);
  });

  it('gives people outside the programme an empty calendar and no single event', async () => {
    const res = await w.outsider.get('/api/events.ics');
    expect(res.status).toBe(200);
    expect(parseICalendar(res.text).children).toEqual([]);
    const any = (await w.coordinator.get('/api/events')).body[0].id;
    expect((await w.outsider.get(`/api/events/${any}/ical`)).status).toBe(404);
    expect((await t.http().get('/api/events.ics')).status).toBe(401);
  });
});
