import { CATEGORY_NAMES } from '../core/types.ts';
import { type Access, href } from './access.ts';
import { heatmapSvg } from './heatmap-svg.ts';
import { html, type Safe } from './html.ts';
import { layout } from './layout.ts';
import { groupPath } from './links.ts';
import type { MemberView } from './page-data.ts';

const percent = (fraction: number) => `${Math.round(fraction * 100)} %`;

function masterySection(view: MemberView): Safe {
  if (view.mastery === null) {
    const counts = view.stats.byCategory.map(
      (c) => html`<tr><th scope="row">${CATEGORY_NAMES[c.category]}</th><td class="num">${c.answers}</td></tr>`,
    );
    return html`<h2 id="categories">Answers by category</h2>
${counts.length ? html`<table><thead><tr><th scope="col">Category</th><th scope="col" class="num">Answers</th></tr></thead><tbody>${counts}</tbody></table>` : html`<p>No answers yet.</p>`}
<p class="muted">Mastery from self-assessment is shown to the member alone.</p>`;
  }
  const rows = view.mastery.map(
    (m) =>
      html`<tr><th scope="row">${CATEGORY_NAMES[m.category]}</th><td class="num">${percent(m.mastery)}</td><td class="num">${m.questions}</td></tr>`,
  );
  return html`<h2 id="categories">Your mastery by category</h2>
${rows.length ? html`<table><thead><tr><th scope="col">Category</th><th scope="col" class="num">Key points ticked</th><th scope="col" class="num">Questions graded</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p>No self-assessments yet: grade yourself after a reveal with <code>/mlq grade</code>.</p>`}`;
}

/** A member's page in a channel: answers, points, streak, their heatmap, and mastery for their own eyes. */
export function memberPage(view: MemberView, access: Access): string {
  const { stats, streak } = view;
  const heading = html`<p><a href="${href(groupPath(view.channel.id), access)}">← Back to #${view.channel.name}</a></p>
<h1>${view.name}</h1>
<p class="muted">In #${view.channel.name}.</p>`;
  const main = html`<h2 id="summary">Summary</h2>
<dl class="stats">
<dt>Answers</dt><dd>${stats.answers}</dd>
<dt>Points, all time</dt><dd>${stats.points}</dd>
<dt>Points this week</dt><dd>${stats.weekPoints}</dd>
<dt>Current streak</dt><dd>${streak.current} ${streak.current === 1 ? 'round' : 'rounds'}${streak.pending ? ' (today’s answer is in)' : ''}</dd>
<dt>Best streak</dt><dd>${streak.best}</dd>
<dt>Streak freezes</dt><dd>${streak.freezes}</dd>
</dl>
<h2 id="activity">Activity</h2>${heatmapSvg({ who: view.name, ...view.heat }, 'member-heat')}
${masterySection(view)}`;
  return layout({ title: `${view.name} · #${view.channel.name} · mlq`, heading, main });
}
