import { escapeHtml, toHTML } from '@passerelle/content';
import { isRtl } from '@passerelle/domain';
import { sectionTotals, type ProgrammeReport, type ReportProject, type ReportSection } from './report-model';

/** A4 pages: a cover, the contents, then each section on a page of its own. */
const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Naskh Arabic", "Segoe UI", Tahoma, Arial, sans-serif; font-size: 11pt;
  line-height: 1.5; color: #1b1b1b; margin: 0 auto; max-width: 180mm; padding: 0 4mm; }
h1, h2, h3, h4 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }
.cover { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; text-align: center;
  break-after: page; page-break-after: always; }
.cover .acronym { letter-spacing: 0.2em; text-transform: uppercase; color: #555; }
.cover h1 { font-size: 26pt; margin: 0.3em 0; }
.cover .subtitle { font-size: 16pt; margin: 0; }
.cover .period { font-size: 13pt; margin-block: 1.5em 0.3em; }
.cover .generated { color: #666; font-size: 9pt; }
.contents { break-after: page; page-break-after: always; }
.section { break-before: page; page-break-before: always; }
.section > h2 { font-size: 20pt; border-block-end: 2px solid #333; padding-block-end: 0.2em; }
table { border-collapse: collapse; width: 100%; margin-block: 0.8em; break-inside: auto; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #999; padding: 0.3em 0.5em; text-align: start; vertical-align: top; }
th { background: #eee; }
td.number, th.number { text-align: end; }
th > p, td > p { margin: 0; }
.report-document { margin-block: 1.2em 2em; }
.report-document .meta { color: #555; font-size: 9.5pt; margin: 0 0 0.4em; }
.report-document article { border-inline-start: 3px solid #ccc; padding-inline-start: 0.8em; }
.report-document article h1 { font-size: 15pt; }
.report-document article h2 { font-size: 13pt; }
.report-document article h3, .report-document article h4 { font-size: 11.5pt; }
.project { break-inside: avoid; page-break-inside: avoid; margin-block: 0.8em; }
.project h4 { margin-block: 0.8em 0.2em; }
.empty { color: #666; font-style: italic; }
.overdue { color: #9b1c1c; }
blockquote { margin-inline: 0; padding-inline-start: 1em; border-inline-start: 3px solid #bbb; color: #444; }
a { color: inherit; }
@media screen { body { margin-block: 2rem; } }
`.trim();

const e = escapeHtml;
/** People's text (titles, notes) in its own direction, whatever the report's: Latin in an Arabic report stays whole. */
const u = (text: string) => `<bdi>${escapeHtml(text)}</bdi>`;
/** What a <meta> policy can say (frame-ancestors and sandbox only work as headers). */
const META_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * The report as one self-contained, print-ready HTML page. Every text is escaped; document
 * contents go through the content library's HTML renderer (escaped, safe links only), each in an
 * `<article>` with its own language and direction, so Arabic content reads right to left inside
 * a report in any language. Served with the same strict CSP as document exports.
 */
export function renderReportHtml(report: ProgrammeReport): string {
  const { labels: l } = report;
  const dir = isRtl(report.language) ? 'rtl' : 'ltr';
  const title = `${report.programme.name} — ${l.report} ${report.from} – ${report.to}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${e(report.language)}" dir="${dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    // The response carries the full policy (EXPORT_HTML_CSP); this copy keeps a saved file inert too.
    `<meta http-equiv="Content-Security-Policy" content="${e(META_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>\n${PRINT_CSS}\n</style>`,
    '</head>',
    '<body>',
    cover(report),
    contents(report),
    ...report.sections.map((s) => section(report, s)),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function cover(report: ProgrammeReport): string {
  const { labels: l } = report;
  return `<section class="cover">
<p class="acronym">${e(report.programme.acronym)}</p>
<h1>${e(report.programme.name)}</h1>
<p class="subtitle">${e(l.report)}</p>
<p class="period">${e(l.period)}: <time datetime="${e(report.from)}">${e(report.from)}</time> – <time datetime="${e(report.to)}">${e(report.to)}</time></p>
<p class="generated">${e(l.generatedOn)} ${e(report.generatedOn)}</p>
</section>`;
}

function contents(report: ProgrammeReport): string {
  const { labels: l } = report;
  const head = [l.city, l.documents, l.pilotProjects, l.milestonesDone, l.milestonesOverdue, l.events];
  const rows = report.sections.map((s) => {
    const t = sectionTotals(s);
    const cells = [t.documents, t.projects, t.milestonesDone, t.milestonesOverdue, t.events]
      .map((n) => `<td class="number">${n}</td>`)
      .join('');
    return `<tr><td><a href="#${e(s.anchor)}">${e(s.title)}</a></td>${cells}</tr>`;
  });
  return `<nav class="contents">
<h2>${e(l.contents)}</h2>
<table><thead><tr>${head.map((h, i) => `<th${i > 0 ? ' class="number"' : ''}>${e(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</nav>`;
}

function section(report: ProgrammeReport, s: ReportSection): string {
  const { labels: l } = report;
  const parts = [`<section class="section" id="${e(s.anchor)}">`, `<h2>${e(s.title)}</h2>`];
  parts.push(`<h3>${e(l.publishedDocuments)}</h3>`);
  if (s.documents.length === 0) parts.push(`<p class="empty">${e(l.noDocuments)}</p>`);
  for (const d of s.documents) {
    const meta = [l.kinds[d.kind], l.documentStatuses[d.status]];
    if (d.adoptedOn) meta.push(`${l.adoptedOn} ${d.adoptedOn}`);
    meta.push(`${l.updatedOn} ${d.updatedOn}`);
    parts.push(
      `<div class="report-document">`,
      `<p class="meta">${e(meta.join(' · '))}</p>`,
      toHTML({ type: 'doc', content: d.content }, { language: d.language, title: d.title }),
      `</div>`,
    );
  }
  if (s.cityId !== null) {
    parts.push(`<h3>${e(l.pilotProjects)}</h3>`);
    if (s.projects.length === 0) parts.push(`<p class="empty">${e(l.noPilotProjects)}</p>`);
    else parts.push(projectTable(report, s.projects), ...s.projects.map((p) => projectDetails(report, p)));
  }
  parts.push(`<h3>${e(l.events)}</h3>`);
  if (s.events.length === 0) parts.push(`<p class="empty">${e(l.noEvents)}</p>`);
  else {
    const items = s.events.map((ev) => {
      const dates = ev.startsOn === ev.endsOn ? ev.startsOn : `${ev.startsOn} – ${ev.endsOn}`;
      return `<li>${e(dates)} · ${e(l.eventKinds[ev.kind])} · ${u(ev.title)}</li>`;
    });
    parts.push(`<ul>${items.join('')}</ul>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

function projectTable(report: ProgrammeReport, projects: ReportProject[]): string {
  const { labels: l } = report;
  const rows = projects.map(
    (p) =>
      `<tr><td>${u(p.title)}</td><td>${e(l.projectStatuses[p.status])}</td><td>${e(p.theme ?? l.none)}</td>` +
      `<td class="number">${p.percent === null ? e(l.none) : `${p.percent}%`}</td>` +
      `<td class="number">${p.milestonesDone.length}</td><td class="number">${p.milestonesOverdue.length}</td></tr>`,
  );
  const head = [l.pilotProjects, l.status, l.theme, l.progress, l.milestonesDone, l.milestonesOverdue];
  return `<table><thead><tr>${head.map((h, i) => `<th${i > 2 ? ' class="number"' : ''}>${e(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function projectDetails(report: ProgrammeReport, p: ReportProject): string {
  const { labels: l } = report;
  if (p.progress.length === 0 && p.milestonesDone.length === 0 && p.milestonesOverdue.length === 0) return '';
  const list = (heading: string, items: string[], cls = '') =>
    items.length === 0 ? '' : `<p><strong>${e(heading)}</strong></p><ul${cls}>${items.join('')}</ul>`;
  return [
    `<div class="project">`,
    `<h4>${u(p.title)}</h4>`,
    list(
      l.progressUpdates,
      p.progress.map((r) => `<li>${e(r.date)} · ${r.percent}%${r.note ? ` · ${u(r.note)}` : ''}</li>`),
    ),
    list(
      l.milestonesDone,
      p.milestonesDone.map((m) => `<li>${e(m.date)} · ${u(m.title)}</li>`),
    ),
    list(
      l.milestonesOverdue,
      p.milestonesOverdue.map((m) => `<li>${e(l.dueOn)} ${e(m.dueDate)} · ${u(m.title)}</li>`),
      ' class="overdue"',
    ),
    `</div>`,
  ].join('\n');
}
