import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText, createSlackHarness, type SlackHarness } from '../helpers/slack-harness.ts';
import { waitFor } from '../helpers/wait.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await createSlackHarness(new Date());
  h.slack.admins.add('UADMIN');
  await h.command('UADMIN', 'start');
});
afterAll(async () => {
  await h.close();
});

describe('Slack buttons and modals through the core', () => {
  it('answers the practice button on its response_url, privately, without replacing the question', async () => {
    await h.command('U1', 'ask junior');
    const responseUrl = h.slack.responseUrl('practice-1');
    await h.interact({
      type: 'block_actions',
      user: { id: 'U1' },
      channel: { id: 'C1' },
      response_url: responseUrl,
      actions: [{ action_id: 'practice.reveal', value: 'q', type: 'button' }],
    });
    const response = await waitFor(() => h.slack.responses.find((r) => r.url.endsWith('/respond/practice-1')));
    expect(response.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blockText(response.body.blocks)).toMatch(/Practice reveal · /);
  });

  it('keeps the modal open with the reason beside the field when a sealed answer is empty', async () => {
    const round = (await h.mlq.currentRound('slack:T1:C1'))!;
    await h.interact({
      type: 'block_actions',
      user: { id: 'U2' },
      channel: { id: 'C1' },
      trigger_id: 'trig-2',
      actions: [{ action_id: 'answer.sealed', value: String(round.id), type: 'button' }],
    });
    const view = (await waitFor(() => h.slack.of('views.open')[0])).params.view as {
      private_metadata: string;
      blocks: { block_id?: string }[];
    };
    expect(view.blocks.map((b) => b.block_id)).toEqual([undefined, 'answer']);
    const refused = await h.interact({
      type: 'view_submission',
      user: { id: 'U2' },
      view: {
        id: 'VEMPTY',
        callback_id: 'mlq.sealed',
        private_metadata: view.private_metadata,
        state: { values: { answer: { text: { type: 'plain_text_input', value: ' ' } } } },
      },
    });
    expect(JSON.parse(refused.text)).toEqual({ response_action: 'errors', errors: { answer: 'Write an answer first.' } });
    expect(h.slack.of('chat.postEphemeral').filter((c) => c.params.user === 'U2')).toEqual([]);
  });
});
