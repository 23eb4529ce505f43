import { HIDDEN_NAME } from '../core/privacy.ts';
import { CATEGORIES, CATEGORY_NAMES } from '../core/types.ts';
import { type Access, href } from './access.ts';
import { heatmapSvg } from './heatmap-svg.ts';
import { html, type Safe } from './html.ts';
import { layout } from './layout.ts';
import { groupPath, memberPath } from './links.ts';
import type { Board, GroupView } from './page-data.ts';

const BOARD_TITLES = { week: 'This week', month: 'This month', all: 'All time' } as const;

function boardTable(view: GroupView, board: Board, access: Access): Safe {
  const caption = `${BOARD_TITLES[board.period]}${board.label ? ` (${board.period === 'week' ? `from ${board.label}` : board.label})` : ''}`;
  if (board.rows.length === 0) return html`<div><h3>${caption}</h3><p class="muted">No points yet.</p></div>`;
  const rows = board.rows.map((row) => {
    const hidden = view.hidden.has(row.memberId) && row.memberId !== access.viewer;
    const name = hidden ? html`${HIDDEN_NAME}` : html`<a href="${href(memberPath(view.channel.id, row.memberId), access)}">${row.name}</a>`;
    return html`<tr><td class="num">${row.rank}</td><td>${name}</td><td class="num">${row.points}</td></tr>`;
  });
  return html`<table><caption>${caption}</caption>
<thead><tr><th scope="col" class="num">Rank</th><th scope="col">Member</th><th scope="col" class="num">Points</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function archiveSection(view: GroupView, access: Access): Safe {
  const path = groupPath(view.channel.id);
  const { search, archive } = view;
  const options = CATEGORIES.map(
    (c) => html`<option value="${c}"${search.category === c ? html` selected` : ''}>${CATEGORY_NAMES[c]}</option>`,
  );
  const results = archive.rounds.map(
    (round) =>
      html`<li><strong>${round.prompt}</strong><br><span class="muted">${round.localDate} · ${CATEGORY_NAMES[round.category]} · ${round.level}${round.revealed ? '' : ' · still open'}</span></li>`,
  );
  const paging = { q: search.q, category: search.category };
  const pager = [
    archive.prev ? html`<a href="${href(path, access, { ...paging, cursor: archive.prev })}#archive">Previous results</a>` : '',
    archive.next ? html`<a href="${href(path, access, { ...paging, cursor: archive.next })}#archive">More results</a>` : '',
  ];
  return html`<section aria-labelledby="archive"><h2 id="archive">Archive</h2>
<form method="get" action="${path}#archive" role="search">
${access.token ? html`<input type="hidden" name="t" value="${access.token}">` : ''}
<label for="q">Words<input id="q" name="q" type="search" value="${search.q}" maxlength="100" placeholder="e.g. overfitting"></label>
<label for="category">Category<select id="category" name="category"><option value="">Any category</option>${options}</select></label>
<button type="submit">Search</button>
</form>
${results.length ? html`<ol class="results">${results}</ol>` : html`<p>No past round matches.</p>`}
${archive.prev || archive.next ? html`<nav aria-label="Archive pages" class="pager">${pager}</nav>` : ''}
</section>`;
}

/** The group page: the channel's boards, its heatmap and its archive. */
export function groupPage(view: GroupView, access: Access): string {
  const channel = view.channel;
  const heading = html`<h1>#${channel.name}</h1>
<p class="muted">The group’s progress in mlq. Times follow ${channel.timezone}.</p>
<nav aria-label="Sections"><ul>
<li><a href="#boards">Boards</a></li><li><a href="#activity">Activity</a></li><li><a href="#archive">Archive</a></li>
${access.viewer ? html`<li><a href="${href(memberPath(channel.id, access.viewer), access)}">Your page</a></li>` : ''}
</ul></nav>`;
  const main = html`<section aria-labelledby="boards"><h2 id="boards">Boards</h2>
<div class="boards">${view.boards.map((b) => boardTable(view, b, access))}</div></section>
<section aria-labelledby="activity"><h2 id="activity">Activity</h2>${heatmapSvg({ who: 'the group', ...view.heat }, 'group-heat')}</section>
${archiveSection(view, access)}`;
  return layout({ title: `#${channel.name} · mlq`, heading, main });
}
