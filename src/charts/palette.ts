/**
 * Colours that read on Slack's and Discord's light and dark themes: mid-tone hues on a transparent background, and
 * a mid grey for text and axes (text and lines at least 3:1 against white, Slack's dark #1a1d21 and Discord's dark #313338).
 */
export const PALETTE = {
  text: '#7f8894',
  grid: 'rgba(127, 136, 148, 0.35)',
  member: '#3b8eea',
  median: '#d4782a',
  bars: '#3b8eea',
  /** Heatmap steps from "no answers" to "most answers": a grey cell, then blues that darken on light themes and still glow on dark. */
  heat: ['rgba(127, 136, 148, 0.25)', '#9cc6f5', '#5aa2ee', '#2f7fd6', '#1f5fae'],
} as const;

/** The family name inside the TTF shipped with the app (assets/fonts): every text in every chart uses it. */
export const FONT_FAMILY = 'DejaVu Sans';
