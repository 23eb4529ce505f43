import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockText, createSlackHarness, type SlackHarness } from '../helpers/slack-harness.ts';
import { GOOD_SUGGESTION } from '../helpers/suggestion-fields.ts';
import { waitFor } from '../helpers/wait.ts';

let h: SlackHarness;

beforeEach(async () => {
  h = await createSlackHarness(new Date('2026-11-23T08:00:00Z'));
  h.slack.admins.add('UADMIN');
});
afterEach(async () => {
  await h.close();
});

interface View {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  blocks: { type: string; block_id?: string; element?: { type: string; multiline?: boolean; initial_value?: string } }[];
}

const ephemerals = () =>
  h.slack.of('chat.postEphemeral').map((c) => ({ user: c.params.user, text: blockText(c.params.blocks) + String(c.params.text) }));

/** Submits a modal with a value in each text field. */
function send(user: string, view: View, fields: Record<string, string>, viewId: string) {
  const values = Object.fromEntries(Object.entries(fields).map(([id, value]) => [id, { text: { type: 'plain_text_input', value } }]));
  return h.interact({
    type: 'view_submission',
    user: { id: user },
    view: { id: viewId, callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values } },
  });
}

async function press(user: string, action: string, value: string) {
  await h.interact({
    type: 'block_actions',
    user: { id: user },
    channel: { id: 'C1' },
    trigger_id: `t-${user}-${action}`,
    actions: [{ action_id: action, value, type: 'button' }],
  });
}

describe('suggestions in Slack', () => {
  it('opens the form from the command, keeps it filled with an error per field, and credits the approved question', async () => {
    await h.command('UADMIN', 'start');
    const { reply } = await h.command('U1', 'suggest');
    expect(reply).toBeUndefined();
    const view = (await waitFor(() => h.slack.of('views.open')[0])).params.view as View;
    expect(view.callback_id).toBe('mlq.suggest');
    expect(view.title.text).toBe('Suggest a question');
    expect(view.blocks.map((b) => b.block_id)).toEqual([
      'prompt',
      'category',
      'level',
      'tldr',
      'strong_answer',
      'weak_answer',
      'key_points',
      'probes',
      'tags',
    ]);
    expect(view.blocks.find((b) => b.block_id === 'level')!.element!.multiline).toBe(false);

    const refused = await send('U1', view, { ...GOOD_SUGGESTION, level: 'expert', tags: 'x' }, 'VS1');
    expect(JSON.parse(refused.text)).toEqual({
      response_action: 'errors',
      errors: { level: 'level must be one of junior, mid, senior', tags: 'tags needs 2 to 8 items' },
    });
    await h.command('U1', 'suggest');
    const reopened = (await waitFor(() => h.slack.of('views.open')[1])).params.view as View;
    expect(reopened.blocks.find((b) => b.block_id === 'level')!.element!.initial_value).toBe('expert');

    expect((await send('U1', reopened, GOOD_SUGGESTION, 'VS2')).status).toBe(200);
    await waitFor(() => ephemerals().some((e) => e.user === 'U1' && e.text.includes('suggestion #1 is in the organisers’ queue')));

    const queue = await h.command('UADMIN', 'queue');
    expect(blockText(queue.reply?.blocks)).toContain('"action_id":"suggest.approve","value":"1:channel"');
    await press('U2', 'suggest.approve', '1:channel');
    await waitFor(() =>
      ephemerals().some((e) => e.user === 'U2' && e.text.includes('Only the channel’s organisers can decide on suggestions.')),
    );
    expect((await h.repo.getSuggestion(1))!.status).toBe('pending');
    await press('UADMIN', 'suggest.approve', '1:channel');
    await waitFor(() => ephemerals().some((e) => e.user === 'U1' && e.text.includes('Your suggestion was approved')));

    const id = (await h.repo.getSuggestion(1))!.questionId!;
    await h.command('UADMIN', `next ${id}`);
    await h.command('UADMIN', 'skip');
    const posted = h.slack.of('chat.postMessage').at(-1)!;
    expect(blockText(posted.params.blocks)).toContain('Suggested by u1-name');
  });

  it('answers with the card and its button when the modal cannot open', async () => {
    await h.command('UADMIN', 'start');
    h.slack.inject('views.open', { status: 200, body: { ok: false, error: 'expired_trigger_id' } });
    const { reply } = await h.command('U1', 'suggest');
    expect(reply?.response_type).toBe('ephemeral');
    expect(blockText(reply?.blocks)).toContain('"action_id":"suggest.open","value":"new|1"');
  });
});
