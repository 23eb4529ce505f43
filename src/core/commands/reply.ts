import type { ChartImage } from '../charts.ts';
import { type Block, type Card, card, text } from '../message.ts';
import type { CommandReply } from './spec.ts';

export const privately = (message: Card): CommandReply => ({ card: message, visibility: 'private' });
export const publicly = (message: Card): CommandReply => ({ card: message, visibility: 'public' });

/** A short private sentence, the usual answer to a member. */
export const say = (markdown: string, ...more: Block[]): CommandReply => privately(card(undefined, [text(markdown), ...more]));

export const NOT_SUBSCRIBED = 'This channel has no daily question yet. An organiser can run `/mlq start` to subscribe it.';

/** The reply with its charts attached, or unchanged when there are none. */
export const withImages = (reply: CommandReply, images: ChartImage[]): CommandReply => (images.length ? { ...reply, images } : reply);
